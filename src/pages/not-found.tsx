/** The page for an address Relais does not serve: neutral, in the caller's language, with a way home. */
import type { Language } from '../domain/language.ts';
import { errorPageMessages } from '../i18n/errors/index.ts';
import { Layout } from './layout.tsx';

export function NotFoundPage({ language }: { language: Language }) {
  const t = errorPageMessages(language);
  return (
    <Layout language={language} title={t.notFoundTitle}>
      <h1>{t.notFoundTitle}</h1>
      <p>{t.notFoundBody}</p>
      <p>
        <a href={`/?lang=${language}`}>{t.home}</a>
      </p>
    </Layout>
  );
}
