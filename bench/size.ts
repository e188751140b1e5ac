/**
 * `npm run size`: the bytes `npm run deploy` would upload (wrangler's dry run with the
 * project's own configuration, nothing deployed), minified and gzip -9, against the budget.
 */
import { bundleSize } from './static.ts';

const BUDGET_KIB = 150;
const b = bundleSize();
const kib = (n: number) => (n / 1024).toFixed(1);
console.log(`deploy bundle (${b.files.join(', ')}): ${kib(b.minified_bytes)} KiB, ${kib(b.gzip_bytes)} KiB gzip -9`);
console.log(`wrangler says: ${b.wrangler_says ?? '–'}`);
console.log(`budget ≤ ${BUDGET_KIB} KiB gzip: ${b.gzip_bytes <= BUDGET_KIB * 1024 ? 'met' : 'MISSED'}`);
