/**
 * Session-wide policy: the Content-Security-Policy and the permission handlers.
 * Electron security checklist #7 "Define a Content Security Policy" and #5 "Handle session
 * permission requests from remote content" (electronjs.org/docs/latest/tutorial/security).
 */
import type { Session } from 'electron';
import { originOf } from './app-origin';

const baseDirectives = [
  "default-src 'self'",
  "script-src 'self'",
  // Vue transitions and ECharts set inline style attributes; scripts stay strictly same-origin.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
];

/** Sent with every HTML response of the app:// protocol. */
export const CONTENT_SECURITY_POLICY = baseDirectives.join('; ');

/**
 * The dev server's policy: the same, plus the Vite HMR WebSocket on the dev server's own host.
 * (CSP3 lets 'self' match ws: on the same host, but spelling it out costs nothing.)
 */
export function devContentSecurityPolicy(devOrigin: string): string {
  const origin = new URL(devOrigin);
  const socket = `${origin.protocol === 'https:' ? 'wss:' : 'ws:'}//${origin.host}`;
  return baseDirectives.map((d) => (d.startsWith('connect-src') ? `${d} ${socket}` : d)).join('; ');
}

/**
 * The dev server (ELECTRON_RENDERER_URL) sends no CSP of its own, so add it to its responses.
 * In production the app:// handler sets the header itself.
 */
export function installDevContentSecurityPolicy(session: Session, devUrl: string): void {
  const devOrigin = originOf(devUrl);
  const policy = devContentSecurityPolicy(devUrl);
  session.webRequest.onHeadersReceived((details, callback) => {
    if (originOf(details.url) !== devOrigin) return callback({});
    const responseHeaders = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'),
    );
    callback({ responseHeaders: { ...responseHeaders, 'Content-Security-Policy': [policy] } });
  });
}

/**
 * The dashboard needs no camera, geolocation, notifications, clipboard or other web permission:
 * deny every request and every check. Desktop notifications will go through the main process.
 */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
