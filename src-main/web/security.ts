/**
 * Web-mode access control. Flightdeck's web host listens on 127.0.0.1 only, but any web page the
 * operator visits can still reach 127.0.0.1 from their browser — so every HTTP and WebSocket request
 * must carry the per-launch token (query parameter once, then an HttpOnly SameSite=Strict cookie),
 * the Host header must be ours (defeats DNS rebinding), and a present Origin must be ours.
 *
 * Cookies are not port-scoped (RFC 6265 §8.5): every server on 127.0.0.1 sees every cookie set for
 * 127.0.0.1, and a page on another port can plant one. So the cookie's name carries this instance's
 * port and a per-launch id (two instances in one browser keep their own cookie), and every parse here
 * treats the header as hostile: a malformed value is ignored, never thrown.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** Prefix of every Flightdeck token cookie; the full name is `flightdeck_<port>_<launchId>`. */
export const TOKEN_COOKIE_PREFIX = 'flightdeck_';
/** A Cookie header with more pairs than this is not from a browser we served: only the first are read. */
const MAX_COOKIE_PAIRS = 200;

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export function newLaunchId(): string {
  return randomBytes(6).toString('hex');
}

/** The cookie name of one instance: its port and launch id, so instances never overwrite each other. */
export function tokenCookieName(port: number, launchId: string): string {
  return `${TOKEN_COOKIE_PREFIX}${port}_${launchId}`;
}

/** Constant-time comparison; hashing first makes both sides the same length. */
export function tokensEqual(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(given).digest();
  return timingSafeEqual(a, b);
}

/** decodeURIComponent that answers undefined for a malformed escape (`%E0%A4%A`) instead of throwing. */
export function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** Every name=value pair of a Cookie header, values decoded; malformed pairs and values are skipped. */
export function parseCookies(header: string | string[] | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (typeof header !== 'string' || header === '') return cookies;
  const parts = header.split(';', MAX_COOKIE_PAIRS);
  for (const part of parts) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (name === '') continue;
    const value = safeDecode(part.slice(eq + 1).trim());
    // The first occurrence wins, as browsers send the most specific cookie first.
    if (value !== undefined && !cookies.has(name)) cookies.set(name, value);
  }
  return cookies;
}

export function cookieValue(header: string | string[] | undefined, name: string): string | undefined {
  return parseCookies(header).get(name);
}

/** `Set-Cookie` for this instance's token: host-only, whole site path, script-proof, same-site only. */
export function tokenCookie(name: string, token: string): string {
  return `${name}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`;
}

/**
 * `Set-Cookie` headers that expire token cookies of earlier launches on this same port: they can
 * never be valid again (the launch id changed), and without this they pile up in the browser's
 * Cookie header for the rest of its session. Cookies of other ports belong to other instances.
 */
export function staleCookieRemovals(header: string | string[] | undefined, port: number, current: string): string[] {
  const samePort = `${TOKEN_COOKIE_PREFIX}${port}_`;
  return [...parseCookies(header).keys()]
    .filter((name) => name.startsWith(samePort) && name !== current && /^[\w-]+$/.test(name))
    .slice(0, 20)
    .map((name) => `${name}=; Max-Age=0; HttpOnly; SameSite=Strict; Path=/`);
}

export interface AccessCheck {
  ok: boolean;
  status?: 400 | 401 | 403 | 421;
  reason?: string;
  /** True when the token came in the query string: the response should set the cookie. */
  fromQuery?: boolean;
  /** The request path (no query), when the request target could be parsed. */
  pathname?: string;
}

/** The request target as a URL, or undefined when it is not a parseable origin-form target. */
export function requestUrl(request: IncomingMessage, port: number): URL | undefined {
  const target = request.url ?? '/';
  // Only origin-form targets (`/path?query`); absolute-form and `*` are not ours to serve.
  if (!target.startsWith('/') || target.startsWith('//')) return undefined;
  try {
    return new URL(target, `http://127.0.0.1:${port}`);
  } catch {
    return undefined;
  }
}

export function checkAccess(request: IncomingMessage, token: string, port: number, cookieName: string): AccessCheck {
  const allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  if (!allowedHosts.has(request.headers.host ?? '')) return { ok: false, status: 421, reason: 'unexpected Host header' };
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
    return { ok: false, status: 403, reason: `requests from origin ${JSON.stringify(origin.slice(0, 200))} are refused` };
  }
  const url = requestUrl(request, port);
  if (!url) return { ok: false, status: 400, reason: 'malformed request target' };
  const queryToken = url.searchParams.get('token') ?? undefined;
  if (queryToken !== undefined && tokensEqual(token, queryToken)) return { ok: true, fromQuery: true, pathname: url.pathname };
  if (tokensEqual(token, cookieValue(request.headers.cookie, cookieName))) return { ok: true, pathname: url.pathname };
  return { ok: false, status: 401, reason: 'missing or wrong token' };
}

export function contentSecurityPolicy(port: number): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    `connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}`,
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function securityHeaders(port: number): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(port),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}
