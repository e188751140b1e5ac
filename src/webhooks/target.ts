/**
 * Where a webhook may point: an https URL on a public host. A delivery is a request the Worker
 * makes on a coordinator's behalf, so without this check an endpoint could aim it at loopback,
 * a private network or a cloud metadata service (server-side request forgery).
 *
 * Only the URL's own text is judged. Workers cannot resolve DNS before a fetch, so a public
 * name that resolves to a private address is not caught here; Cloudflare's own network does
 * not route a Worker's fetch to private or loopback addresses, which covers that case.
 *
 * Plain TypeScript: checked when an endpoint is created and again before every delivery, so
 * an endpoint stored before this rule existed is refused too.
 */

export type TargetRefusal = 'not_url' | 'not_https' | 'credentials' | 'not_public';

/** Fixed texts (never the URL itself: an error must not echo input). */
export const TARGET_MESSAGES: Record<TargetRefusal, string> = {
  not_url: 'not a valid URL',
  not_https: 'must be an https:// URL',
  credentials: 'must not carry a user name or password',
  not_public: 'must point to a public host (not loopback, private, link-local or an internal name)',
};

/** Names that only mean something inside a network, or that name a metadata service. */
const INTERNAL_SUFFIXES = ['localhost', 'local', 'internal', 'intranet', 'lan', 'home', 'corp', 'home.arpa', 'localdomain'];
const METADATA_NAMES = new Set(['metadata', 'metadata.google.internal', 'metadata.goog', 'instance-data', 'metadata.azure.internal']);

/** Why the URL may not receive deliveries, or null when it may. */
export function webhookTargetRefusal(raw: string): TargetRefusal | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not_url';
  }
  if (url.protocol !== 'https:') return 'not_https';
  if (url.username || url.password) return 'credentials';
  return isPublicHost(url.hostname) ? null : 'not_public';
}

/**
 * `hostname` as the URL parser gives it: lower case, IPv6 in brackets, and IPv4 already in
 * dotted decimal (the WHATWG parser reads `2130706433`, `0x7f.1` and `017700000001` as
 * 127.0.0.1), which is what makes the address checks below see every spelling.
 */
export function isPublicHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.+$/, '');
  if (!host) return false;
  if (host.startsWith('[')) {
    const words = parseIpv6(host.slice(1, -1));
    return words !== null && isPublicIpv6(words);
  }
  const v4 = parseIpv4(host);
  if (v4 !== null) return isPublicIpv4(v4);
  // A name whose last label is all digits or hex would be an address to some resolvers.
  const last = host.split('.').at(-1) ?? '';
  if (/^(0x[0-9a-f]*|\d+)$/.test(last)) return false;
  // A single label (`intranet`, `metadata`) is resolved through a local search domain.
  if (!host.includes('.')) return false;
  if (METADATA_NAMES.has(host)) return false;
  return !INTERNAL_SUFFIXES.some((suffix) => host === suffix || host.endsWith(`.${suffix}`));
}

/** Dotted IPv4 (with the legacy forms the parser may not have normalised: 1–4 parts, hex, octal) → a 32-bit number. */
export function parseIpv4(host: string): number | null {
  const parts = host.split('.');
  if (parts.length < 1 || parts.length > 4) return null;
  const numbers: number[] = [];
  for (const part of parts) {
    let n: number;
    if (/^0x[0-9a-f]*$/i.test(part)) n = part.length === 2 ? 0 : Number.parseInt(part.slice(2), 16);
    else if (/^0[0-7]+$/.test(part)) n = Number.parseInt(part.slice(1), 8);
    else if (/^\d+$/.test(part)) n = Number(part);
    else return null;
    numbers.push(n);
  }
  const last = numbers.pop() as number;
  if (numbers.some((n) => n > 255) || last >= 2 ** (8 * (4 - numbers.length))) return null;
  return numbers.reduce((acc, n, i) => acc + n * 2 ** (8 * (3 - i)), 0) + last;
}

const inV4 = (ip: number, base: string, bits: number) => {
  const b = parseIpv4(base) as number;
  const size = 2 ** (32 - bits);
  return Math.floor(ip / size) === Math.floor(b / size);
};

const V4_NOT_PUBLIC: [string, number][] = [
  ['0.0.0.0', 8], // "this network", unspecified
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT (also Alibaba's metadata 100.100.100.200)
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata 169.254.169.254
  ['172.16.0.0', 12],
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
];

export function isPublicIpv4(ip: number): boolean {
  return !V4_NOT_PUBLIC.some(([base, bits]) => inV4(ip, base, bits));
}

/** An IPv6 address (without brackets, optionally ending in dotted IPv4) → its eight 16-bit words. */
export function parseIpv6(text: string): number[] | null {
  let s = text.toLowerCase();
  if (s.includes('%')) return null; // zone ids only make sense on a local link
  // A trailing dotted IPv4 (::ffff:127.0.0.1) stands for the last two words.
  const dotted = s.match(/^(.*:)(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted) {
    const v4 = parseIpv4(dotted[2] as string);
    if (v4 === null) return null;
    s = `${dotted[1]}${Math.floor(v4 / 65536).toString(16)}:${(v4 % 65536).toString(16)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const words = (h: string | undefined) => (h ? h.split(':') : []);
  const head = words(halves[0]);
  const rest = halves.length === 2 ? words(halves[1]) : [];
  if (![...head, ...rest].every((w) => /^[0-9a-f]{1,4}$/.test(w))) return null;
  const given = head.length + rest.length;
  if (halves.length === 1 && given !== 8) return null;
  if (halves.length === 2 && given > 7) return null;
  const zeros = new Array(8 - given).fill(0);
  return [...head.map((w) => Number.parseInt(w, 16)), ...(halves.length === 2 ? zeros : []), ...rest.map((w) => Number.parseInt(w, 16))];
}

export function isPublicIpv6(w: number[]): boolean {
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, g = 0, h = 0] = w;
  const v4 = g * 65536 + h;
  if (a === 0 && b === 0 && c === 0 && d === 0 && e === 0) {
    // IPv4-mapped ::ffff:a.b.c.d and IPv4-compatible ::a.b.c.d carry an IPv4 address; `::`
    // and `::1` read as 0.0.0.0 and 0.0.0.1, which 0.0.0.0/8 refuses.
    return f === 0xffff || f === 0 ? isPublicIpv4(v4) : false;
  }
  if (a === 0 && b === 0 && c === 0 && d === 0 && e === 0xffff && f === 0) return isPublicIpv4(v4); // ::ffff:0:a.b.c.d (SIIT)
  if (a === 0x64 && b === 0xff9b) return isPublicIpv4(v4); // NAT64 64:ff9b::/96 and 64:ff9b:1::/48
  if (a === 0x2002) return isPublicIpv4(b * 65536 + c); // 6to4 embeds the IPv4 address
  if ((a & 0xfe00) === 0xfc00) return false; // unique-local fc00::/7
  if ((a & 0xffc0) === 0xfe80) return false; // link-local fe80::/10
  if ((a & 0xffc0) === 0xfec0) return false; // site-local (deprecated) fec0::/10
  if ((a & 0xff00) === 0xff00) return false; // multicast ff00::/8
  if (a === 0x2001 && b === 0x0db8) return false; // documentation
  if (a === 0x0100 && b === 0 && c === 0 && d === 0) return false; // discard-only 100::/64
  return true;
}
