/** The page shell shared by every server-rendered page: light, accessible, trilingual. */

import type { Child } from 'hono/jsx';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { LANGUAGES, type Language } from '../domain/language.ts';
import { messages } from '../i18n/index.ts';
import { ASSETS } from './assets.ts';

export interface LayoutProps {
  language: Language;
  title: string;
  /** Where each language's version of this page lives; omitted on pages without a switch. */
  languageHref?: (language: Language) => string;
  /** Pages that need the small enhancement script (ranking) ask for it. */
  script?: boolean;
  children?: Child;
}

export function Layout({ language, title, languageHref, script, children }: LayoutProps) {
  const t = messages(language);
  return (
    <html lang={language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title === 'Relais' ? title : `${title} – Relais`}</title>
        <link rel="icon" href={ASSETS['favicon.svg']} type="image/svg+xml" />
        <link rel="stylesheet" href={ASSETS['styles.css']} />
        {script ? <script src={ASSETS['survey.js']} defer /> : null}
      </head>
      <body>
        <a class="skip" href="#main">
          {t.skipToContent}
        </a>
        <header class="site">
          <span class="brand">Relais</span>
          {languageHref ? (
            <nav aria-label={t.languages}>
              <ul class="languages">
                {LANGUAGES.map((l) => (
                  <li>
                    <a href={languageHref(l)} lang={l} hreflang={l} aria-current={l === language ? 'true' : undefined}>
                      {messages(l).languageName}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
        </header>
        <main id="main" tabindex={-1}>
          {children}
        </main>
        <footer class="site">
          <p>{t.footer}</p>
        </footer>
      </body>
    </html>
  );
}

/** Renders a page to a full HTML document. */
export async function html(node: JSX.Element): Promise<string> {
  return `<!doctype html>${await node}`;
}
