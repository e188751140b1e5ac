/** The coordinator workspace under /app: sign-in, then pages behind the browser session. */

import { contactsPages } from '../contacts/contacts.pages.tsx';
import type { AppEnv } from '../env.ts';
import { pageHeaders } from '../http/headers.ts';
import { Hono } from '../http/hono.ts';
import { Problem } from '../http/problem.ts';
import { PUBLIC_URL_MISSING } from '../lib/public-url.ts';
import { teamPages } from '../team/team.pages.tsx';
import { minutesPages } from './minutes.pages.tsx';
import { participantPages } from './participants.pages.tsx';
import { privacyPages } from './privacy.pages.tsx';
import { sendingPages } from './sending.pages.tsx';
import { seriesPages } from './series.pages.tsx';
import { sessionPages } from './sessions.pages.tsx';
import { requireSignedIn, workspaceError } from './shell.tsx';
import { signInPages } from './sign-in.tsx';
import { surveyEditorPages } from './survey-editor.pages.tsx';

const signedIn = new Hono<AppEnv>()
  .use('*', pageHeaders, requireSignedIn)
  .get('/', (c) => c.redirect('/app/series', 303))
  .route('/', seriesPages)
  .route('/', sessionPages)
  .route('/', minutesPages)
  .route('/', participantPages)
  .route('/', sendingPages)
  .route('/', surveyEditorPages)
  .route('/', privacyPages)
  .route('/', contactsPages)
  .route('/', teamPages);

export const workspacePages = new Hono<AppEnv>().route('/', signInPages).route('/', signedIn);

// Refusals the coordinator can act on are shown as workspace pages; anything unexpected goes
// to the application's handler (logged, never shown).
workspacePages.onError((err, c) => {
  if (err instanceof Problem && err.status < 500 && err.status !== 413 && err.status !== 415) return workspaceError(c, err.status);
  // A deployment without PUBLIC_URL says so where the coordinator tried to send a link.
  if (err instanceof Problem && err.slug === PUBLIC_URL_MISSING) return workspaceError(c, 503);
  throw err;
});
