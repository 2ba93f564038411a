/**
 * APIGW-1 Route selection for HTTP APIs (docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html,
 * "Routing API requests"): API Gateway picks the route with the best match, in this order —
 *   1. a full match for the route and method (literal segments and `{var}` path variables);
 *   2. a match for a route and method with a greedy path variable (`{proxy+}`, only at the end);
 *   3. the `$default` route.
 * Among several matches, the more specific wins: literal segments before variables (compared left to
 * right), a longer greedy prefix before a shorter one, and a method named outright before `ANY`.
 * No match: `{"message":"Not Found"}` (404).
 */

export interface ParsedRouteKey {
  key: string;
  /** `GET`, `POST` … or `ANY`; undefined for `$default`. */
  method?: string;
  /** Path segments without the leading slash; `{x}` a variable, `{x+}` greedy (last only). */
  segments: string[];
  isDefault: boolean;
  greedy: boolean;
}

const METHODS = ['ANY', 'GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** Parses `GET /items/{id}`, `ANY /{proxy+}` or `$default`; a string saying what is wrong otherwise. */
export function parseRouteKey(key: string): ParsedRouteKey | string {
  if (key === '$default') return { key, segments: [], isDefault: true, greedy: false };
  const match = /^([A-Z]+) (\/\S*)$/.exec(key);
  if (!match) return `RouteKey "${key}" must be $default or "METHOD /path" (e.g. GET /items/{id}, ANY /{proxy+})`;
  const method = match[1]!;
  if (!METHODS.includes(method)) return `RouteKey "${key}": ${method} is not one of ${METHODS.join(', ')}`;
  const path = match[2]!;
  const segments = path === '/' ? [] : path.slice(1).split('/');
  if (segments.some((s) => s === '')) return `RouteKey "${key}": the path has an empty segment`;
  const greedyAt = segments.findIndex((s) => /^\{[^{}]+\+\}$/.test(s));
  if (greedyAt >= 0 && greedyAt !== segments.length - 1) return `RouteKey "${key}": a greedy path variable ({proxy+}) must be at the end of the path`;
  return { key, method, segments, isDefault: false, greedy: greedyAt >= 0 };
}

const isVariable = (segment: string) => /^\{[^{}]+\}$/.test(segment);

/** Whether `route` matches the request; greedy variables catch one or more child segments. */
function matches(route: ParsedRouteKey, method: string, segments: readonly string[]): boolean {
  if (route.isDefault) return true;
  if (route.method !== 'ANY' && route.method !== method) return false;
  const fixed = route.greedy ? route.segments.length - 1 : route.segments.length;
  if (route.greedy ? segments.length < route.segments.length : segments.length !== fixed) return false;
  for (let i = 0; i < fixed; i++) {
    const own = route.segments[i]!;
    if (!isVariable(own) && own !== segments[i]) return false;
  }
  return true;
}

/** Negative when `a` is the better (more specific) match. */
function compare(a: ParsedRouteKey, b: ParsedRouteKey): number {
  const tier = (r: ParsedRouteKey) => (r.isDefault ? 2 : r.greedy ? 1 : 0);
  if (tier(a) !== tier(b)) return tier(a) - tier(b);
  if (a.greedy && b.greedy && a.segments.length !== b.segments.length) return b.segments.length - a.segments.length;
  const n = Math.min(a.segments.length, b.segments.length);
  for (let i = 0; i < n; i++) {
    const va = isVariable(a.segments[i]!);
    const vb = isVariable(b.segments[i]!);
    if (va !== vb) return va ? 1 : -1;
  }
  if ((a.method === 'ANY') !== (b.method === 'ANY')) return a.method === 'ANY' ? 1 : -1;
  return 0;
}

/** APIGW-1: the route a request takes, or undefined (404 Not Found). */
export function selectRoute<R extends { parsed: ParsedRouteKey }>(routes: readonly R[], method: string, path: string): R | undefined {
  const segments = path.split('?')[0]!.split('/').filter((s) => s !== '');
  let best: R | undefined;
  for (const route of routes) {
    if (!matches(route.parsed, method.toUpperCase(), segments)) continue;
    if (!best || compare(route.parsed, best.parsed) < 0) best = route;
  }
  return best;
}
