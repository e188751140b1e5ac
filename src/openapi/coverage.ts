/** Which routes of the app the contract misses (or describes but the app lacks): the test's yardstick. */

export interface AppRoute {
  method: string;
  path: string;
}

/** `/api/series/:id` → `/api/series/{id}`; a constrained parameter `:file{…}` keeps its name only. */
export function openApiPath(honoPath: string): string {
  return honoPath.replace(/:(\w+)(\{(?:[^{}]|\{[^{}]*\})*\})?/g, '{$1}');
}

const key = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

/** Only the JSON API is held to the contract; pages (/s, /app) and middleware ('ALL') are not operations. */
export function apiOperations(routes: readonly AppRoute[]): string[] {
  return [
    ...new Set(routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/')).map((r) => key(r.method, openApiPath(r.path)))),
  ].sort();
}

export function contractGaps(routes: readonly AppRoute[], documented: readonly AppRoute[]) {
  const app = new Set(apiOperations(routes));
  const doc = new Set(documented.filter((r) => r.path.startsWith('/api/')).map((r) => key(r.method, r.path)));
  return {
    undocumented: [...app].filter((k) => !doc.has(k)).sort(),
    documentedButMissing: [...doc].filter((k) => !app.has(k)).sort(),
  };
}
