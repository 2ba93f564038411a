/**
 * Web-mode access control. Flightdeck's web host listens on 127.0.0.1 only, but any web page the
 * operator visits can still reach 127.0.0.1 from their browser — so every HTTP and WebSocket request
 * must carry the per-launch token (query parameter once, then an HttpOnly SameSite=Strict cookie),
 * the Host header must be ours (defeats DNS rebinding), and a present Origin must be ours.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'flightdeck_token';

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Constant-time comparison; hashing first makes both sides the same length. */
export function tokensEqual(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(given).digest();
  return timingSafeEqual(a, b);
}

export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

export interface AccessCheck {
  ok: boolean;
  status?: 401 | 403 | 421;
  reason?: string;
  /** True when the token came in the query string: the response should set the cookie. */
  fromQuery?: boolean;
}

export function checkAccess(request: IncomingMessage, token: string, port: number): AccessCheck {
  const allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  if (!allowedHosts.has(request.headers.host ?? '')) return { ok: false, status: 421, reason: 'unexpected Host header' };
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
    return { ok: false, status: 403, reason: `requests from origin ${origin} are refused` };
  }
  const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
  const queryToken = url.searchParams.get('token') ?? undefined;
  if (queryToken !== undefined && tokensEqual(token, queryToken)) return { ok: true, fromQuery: true };
  if (tokensEqual(token, cookieValue(request.headers.cookie, TOKEN_COOKIE))) return { ok: true };
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
