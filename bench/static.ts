/** Figures that are not timings: bundle size, the survey page's weight and origins. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT, WRANGLER } from '../scripts/wrangler.ts';

export interface Bundle {
  files: string[];
  minified_bytes: number;
  gzip_bytes: number;
  /** wrangler's own "Total Upload: … / gzip: …" line. */
  wrangler_says: string | null;
}

/**
 * `wrangler deploy --dry-run --outdir <tmp>`, with exactly the configuration `npm run deploy`
 * uses (wrangler.toml sets `minify`): what would be uploaded, nothing deployed.
 */
export function bundleSize(): Bundle {
  const outdir = mkdtempSync(path.join(tmpdir(), 'relais-bundle-'));
  try {
    const result = spawnSync(WRANGLER, ['deploy', '--dry-run', '--outdir', outdir], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
    });
    if (result.status !== 0) throw new Error(`wrangler deploy --dry-run failed:\n${result.stdout}\n${result.stderr}`);
    const files = readdirSync(outdir, { recursive: true })
      .map(String)
      .filter((f) => /\.(m?js|wasm)$/.test(f) && statSync(path.join(outdir, f)).isFile());
    const contents = files.map((f) => readFileSync(path.join(outdir, f)));
    return {
      files,
      minified_bytes: contents.reduce((s, b) => s + b.length, 0),
      gzip_bytes: contents.reduce((s, b) => s + gzipSync(b, { level: 9 }).length, 0),
      wrangler_says: /Total Upload:.*$/m.exec(result.stdout)?.[0] ?? null,
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

export interface PageWeight {
  url_path: string;
  resources: { path: string; type: string; bytes: number; gzip_bytes: number }[];
  bytes: number;
  gzip_bytes: number;
  /** Every URL the page would load from another origin (must be empty). */
  third_party: string[];
}

/**
 * The survey page and what it loads (stylesheets, scripts, images, icons): bytes as served
 * locally (uncompressed) and gzip-compressed as Cloudflare would send them.
 */
export async function pageWeight(base: string, pagePath: string): Promise<PageWeight> {
  const origin = new URL(base).origin;
  const resources: PageWeight['resources'] = [];
  const thirdParty: string[] = [];
  const get = async (p: string, type: string) => {
    const res = await fetch(new URL(p, base));
    if (!res.ok) throw new Error(`${p}: ${res.status}`);
    const body = Buffer.from(await res.arrayBuffer());
    resources.push({ path: p, type, bytes: body.length, gzip_bytes: gzipSync(body, { level: 9 }).length });
    return body.toString('utf8');
  };
  const html = await get(pagePath, 'html');
  const loaded: { url: string; type: string }[] = [];
  for (const tag of html.match(/<(?:link|script|img|iframe|source|video|audio|object|embed)\b[^>]*>/gi) ?? []) {
    const name = /^<(\w+)/.exec(tag)?.[1]?.toLowerCase() ?? '';
    const rel = /\brel="([^"]*)"/i.exec(tag)?.[1] ?? '';
    const url = /\b(?:src|href|data)="([^"]*)"/i.exec(tag)?.[1];
    if (!url) continue;
    // <link rel="alternate"> and the like are not loaded; stylesheets, icons, preloads are.
    if (name === 'link' && !/stylesheet|icon|preload|modulepreload|manifest/i.test(rel)) continue;
    loaded.push({ url: url.replace(/&amp;/g, '&'), type: name === 'link' ? rel : name });
  }
  for (const r of loaded) {
    const u = new URL(r.url, base);
    if (u.origin !== origin) thirdParty.push(u.href);
    else {
      const body = await get(u.pathname + u.search, r.type);
      for (const m of body.matchAll(/(?:url\(\s*['"]?|@import\s+['"])([^'")\s]+)/g)) {
        const ref = new URL(m[1] ?? '', u);
        if (ref.protocol !== 'data:' && ref.origin !== origin) thirdParty.push(ref.href);
      }
    }
  }
  return {
    url_path: pagePath.replace(/\/s\/[^/?]+/, '/s/:token'),
    resources: resources.map((r) => ({ ...r, path: r.path.replace(/\/s\/[^/?]+/, '/s/:token') })),
    bytes: resources.reduce((s, r) => s + r.bytes, 0),
    gzip_bytes: resources.reduce((s, r) => s + r.gzip_bytes, 0),
    third_party: thirdParty,
  };
}
