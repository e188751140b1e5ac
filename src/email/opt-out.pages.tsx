/**
 * The one-click opt-out of a series' e-mails (RFC 8058): `POST /u/<token>` records it at once
 * (a mail client's one-click sends `List-Unsubscribe=One-Click`, with no cookie and no page),
 * and `GET /u/<token>` — the link as a person opens it — shows what it does and a button, so a
 * link opened by a mail scanner changes nothing. No login and no CSRF token: the token itself
 * is the credential, and it opens nothing but this (src/email/opt-out.ts).
 */

import { isLanguage, type Language } from '../domain/language.ts';
import type { AppEnv } from '../env.ts';
import { pageHeaders, personalLinkHeaders } from '../http/headers.ts';
import { Hono } from '../http/hono.ts';
import { languageFromHeader } from '../i18n/index.ts';
import { optOutMessages } from '../i18n/opt-out/index.ts';
import { html, Layout } from '../pages/layout.tsx';
import { sealingSecret } from './links.ts';
import { addressKey, readOptOutToken } from './opt-out.ts';
import { optOutStatements, optOutTarget } from './outbox.queries.ts';

function OptOutPage(p: { language: Language; token: string; series: string | null; done: boolean }) {
  const t = optOutMessages(p.language);
  const action = `/u/${p.token}?lang=${p.language}`;
  return (
    <Layout language={p.language} title={p.done ? t.doneTitle : t.title} languageHref={(l) => `/u/${p.token}?lang=${l}`}>
      <h1>{p.done ? t.doneTitle : t.title}</h1>
      {p.done ? (
        <>
          <p role="status">{p.series ? t.done(p.series) : t.doneUnknown}</p>
          <p>{t.keep}</p>
          <p>{t.changedMind}</p>
        </>
      ) : (
        <>
          <p>{p.series ? t.ask(p.series) : t.askUnknown}</p>
          <p>{t.keep}</p>
          <form method="post" action={action}>
            <input type="hidden" name="List-Unsubscribe" value="One-Click" />
            <button type="submit">{t.confirm}</button>
          </form>
        </>
      )}
    </Layout>
  );
}

export const optOutPages = new Hono<AppEnv>().use('*', pageHeaders, personalLinkHeaders).on(['GET', 'POST'], '/:token', async (c) => {
  const asked = c.req.query('lang');
  const invitationId = await readOptOutToken(sealingSecret(c.env), c.req.param('token'));
  const target = invitationId === null ? null : await optOutTarget(c.env.DB, invitationId);
  const language = isLanguage(asked) ? asked : (target?.language ?? languageFromHeader(c.req.header('accept-language')));
  if (invitationId === null) {
    const t = optOutMessages(language);
    return c.html(
      await html(
        <Layout language={language} title={t.title}>
          <h1>{t.title}</h1>
          <p>{t.invalid}</p>
        </Layout>,
      ),
      404,
    );
  }
  const done = c.req.method === 'POST';
  // A removed invitation, or one whose address was purged, has nobody left to write to.
  if (done && target && !target.email.endsWith('@purged.invalid')) {
    const key = await addressKey(sealingSecret(c.env), target.series_id, target.email);
    await c.env.DB.batch(optOutStatements(c.env.DB, target, key, 'link'));
  }
  const page = <OptOutPage language={language} token={c.req.param('token')} series={target?.series_title ?? null} done={done} />;
  return c.html(await html(page), 200);
});
