/**
 * The message catalogues at run time. They are static assets (public/i18n/<language>.<hash>.json,
 * written by `npm run assets` from the TS sources), not code: the Worker script stays ~50 KiB
 * gzip lighter (issue 15's 150 KiB budget). Each isolate reads the three files once through the
 * ASSETS binding, before any handler runs (the app's first middleware, the cron and queue
 * handlers in src/index.ts), and keeps them; the accessors (`messages(language)` and the
 * namespaces' own) stay synchronous. A language's JSON is parsed on its first use, a namespace
 * turned into functions on its first access: a cold isolate pays for what its request reads.
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

/** The JSON texts as read; each language is parsed on its first use only (most requests need one). */
let texts: Record<Language, string> | undefined;
let loading: Promise<void> | undefined;
const parsed: Partial<Record<Language, Catalogue>> = {};

/**
 * A catalogue whose namespaces turn into messages on first access: a request reads one or two
 * of the thirteen, so a cold isolate pays for those only.
 */
function lazy(data: Record<string, unknown>, locale: string): Catalogue {
  const out = {};
  for (const ns of Object.keys(data)) {
    Object.defineProperty(out, ns, {
      configurable: true,
      enumerable: true,
      get() {
        const value = hydrate(data[ns], locale);
        Object.defineProperty(out, ns, { value, enumerable: true });
        return value;
      },
    });
  }
  return out as Catalogue;
}

/** The catalogues from their JSON texts (also how scripts in Node, e.g. the bench, install them). */
export function installCatalogues(json: Record<Language, string>): void {
  texts = json;
  for (const language of Object.keys(parsed) as Language[]) delete parsed[language];
}

async function fetchAll(assets: Fetcher): Promise<void> {
  const read = await Promise.all(
    (Object.entries(CATALOGUES) as [Language, string][]).map(async ([language, url]) => {
      // The host is not looked at: the binding serves public/ only.
      const response = await assets.fetch(`https://assets.invalid${url}`);
      if (!response.ok) throw new Error(`Message catalogue ${url}: ${response.status} from the ASSETS binding (run \`npm run assets\`?)`);
      return [language, await response.text()] as const;
    }),
  );
  installCatalogues(Object.fromEntries(read) as Record<Language, string>);
}

/**
 * Reads the catalogues once per isolate (later calls return at once); concurrent first
 * requests share the one read, and a failed read is tried again by the next request.
 */
export function loadCatalogues(assets: Fetcher | undefined): Promise<void> {
  if (texts) return Promise.resolve();
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

export const cataloguesLoaded = (): boolean => texts !== undefined;

/** One language's catalogue; the catalogues must have been loaded (loadCatalogues) before. */
export function catalogue(language: Language): Catalogue {
  const done = parsed[language];
  if (done) return done;
  if (!texts) throw new Error('Message catalogues not loaded: call loadCatalogues(env.ASSETS) before handling (src/index.ts, src/app.tsx)');
  const c = lazy(JSON.parse(texts[language]) as Record<string, unknown>, LOCALES[language]);
  parsed[language] = c;
  return c;
}
