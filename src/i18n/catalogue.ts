/**
 * The message catalogues at run time. They are static assets (public/i18n/<language>.<hash>.json,
 * written by `npm run assets` from the TS sources), not code: the Worker script stays ~50 KiB
 * gzip lighter (issue 15's 150 KiB budget). Each isolate reads the three files once through the
 * ASSETS binding, before any handler runs (the app's first middleware, the cron and queue
 * handlers in src/index.ts), and keeps them; the accessors (`messages(language)` and the
 * namespaces' own) stay synchronous.
 */
import type { Language } from '../domain/language.ts';
import { CATALOGUES } from './catalogues.ts';
import type { ContactsMessages } from './contacts/en.ts';
import type { EditorMessages } from './editor/en.ts';
import type { EmailMessages } from './email/en.ts';
import type { Messages } from './en.ts';
import type { ErrorPageMessages, ErrorTranslation } from './errors/en.ts';
import { hydrate } from './format.ts';
import type { MinutesMessages } from './minutes/en.ts';
import type { OpenLinkMessages } from './open-link/en.ts';
import type { OptOutMessages } from './opt-out/en.ts';
import type { PaperMessages } from './paper/en.ts';
import type { PhoneMessages } from './phone/en.ts';
import type { ResultsMessages } from './results/en.ts';
import type { SessionMessages } from './sessions/en.ts';
import type { WorkspaceMessages } from './workspace/en.ts';

/** One language's messages, every namespace (the folders of src/i18n/; `main` is src/i18n/<language>.ts). */
export interface Catalogue {
  main: Messages;
  contacts: ContactsMessages;
  editor: EditorMessages;
  email: EmailMessages;
  /** English has only the page: its error texts are the English the code writes (errors/index.ts). */
  errors: { page: ErrorPageMessages } & Partial<ErrorTranslation>;
  minutes: MinutesMessages;
  'open-link': OpenLinkMessages;
  'opt-out': OptOutMessages;
  paper: PaperMessages;
  phone: PhoneMessages;
  results: ResultsMessages;
  sessions: SessionMessages;
  workspace: WorkspaceMessages;
}

const LOCALES = { fr: 'fr', nl: 'nl', en: 'en' } as const satisfies Record<Language, string>;

let catalogues: Record<Language, Catalogue> | undefined;
let loading: Promise<void> | undefined;

/** The catalogues from their JSON texts (also how scripts in Node, e.g. the bench, install them). */
export function installCatalogues(json: Record<Language, unknown>): void {
  catalogues = {
    fr: hydrate(json.fr, LOCALES.fr) as Catalogue,
    nl: hydrate(json.nl, LOCALES.nl) as Catalogue,
    en: hydrate(json.en, LOCALES.en) as Catalogue,
  };
}

async function fetchAll(assets: Fetcher): Promise<void> {
  const texts = await Promise.all(
    (Object.entries(CATALOGUES) as [Language, string][]).map(async ([language, url]) => {
      // The host is not looked at: the binding serves public/ only.
      const response = await assets.fetch(`https://assets.invalid${url}`);
      if (!response.ok) throw new Error(`Message catalogue ${url}: ${response.status} from the ASSETS binding (run \`npm run assets\`?)`);
      return [language, await response.json()] as const;
    }),
  );
  installCatalogues(Object.fromEntries(texts) as Record<Language, unknown>);
}

/**
 * Reads the catalogues once per isolate (later calls return at once); concurrent first
 * requests share the one read, and a failed read is tried again by the next request.
 */
export function loadCatalogues(assets: Fetcher | undefined): Promise<void> {
  if (catalogues) return Promise.resolve();
  if (!assets)
    return Promise.reject(
      new Error('No ASSETS binding: wrangler.toml [assets] must say binding = "ASSETS" (the message catalogues are static assets)'),
    );
  loading ??= fetchAll(assets).catch((e: unknown) => {
    loading = undefined;
    throw e;
  });
  return loading;
}

export const cataloguesLoaded = (): boolean => catalogues !== undefined;

/** One language's catalogue; the catalogues must have been loaded (loadCatalogues) before. */
export function catalogue(language: Language): Catalogue {
  if (!catalogues)
    throw new Error('Message catalogues not loaded: call loadCatalogues(env.ASSETS) before handling (src/index.ts, src/app.tsx)');
  return catalogues[language];
}
