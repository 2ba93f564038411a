/**
 * Where the renderer lives. Production pages come from the privileged `app://flightdeck` scheme
 * rather than file:// (Electron security checklist #18 "Avoid usage of the file:// protocol and
 * prefer usage of custom protocols": a file:// page may read any file and shares one opaque origin
 * with every other file://).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'flightdeck';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/**
 * `scheme://host[:port]`, lower-cased, or null when the URL has no host (file:, data:, about:).
 * Not `new URL().origin`: Node treats `app:` as a non-special scheme and reports origin "null",
 * while Chromium gives it a real origin because we register it as standard.
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!parsed.host) return null;
  return `${parsed.protocol}//${parsed.host}`.toLowerCase();
}
