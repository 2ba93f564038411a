/**
 * What any webContents may open or navigate to. Security checklist #13 "Disable or limit
 * navigation", #14 "Disable or limit creation of new windows", #12 "Verify WebView options before
 * creation" (we allow no <webview> at all) and #15 "Do not use shell.openExternal with untrusted
 * content" (electronjs.org/docs/latest/tutorial/security).
 */
import { shell, type WebContents } from 'electron';
import { originOf } from './app-origin';

/** Hosts an operator may reasonably be sent to from the dashboard (docs links, console deep links). */
const EXTERNAL_HOSTS: readonly string[] = ['docs.aws.amazon.com', 'console.aws.amazon.com', 'github.com'];
/** Console deep links are regional: https://eu-west-1.console.aws.amazon.com/... */
const EXTERNAL_HOST_SUFFIXES: readonly string[] = ['.console.aws.amazon.com'];

/** https only, no credentials or custom port, host on the allow-list: anything else never leaves the app. */
export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password || parsed.port) return false;
  const host = parsed.hostname.toLowerCase();
  return EXTERNAL_HOSTS.includes(host) || EXTERNAL_HOST_SUFFIXES.some((suffix) => host.endsWith(suffix));
}

/** Hands an allow-listed URL to the OS browser; returns whether it did. */
export function openExternalIfAllowed(url: string): boolean {
  if (!isAllowedExternalUrl(url)) return false;
  shell.openExternal(url).catch((error: unknown) => console.warn(`flightdeck: could not open ${url}:`, error));
  return true;
}

export interface HardeningOptions {
  /** Origins the page itself may navigate within (app://flightdeck, or the dev server). */
  allowedOrigins: readonly string[];
}

const hardened = new WeakSet<WebContents>();

/**
 * Applied to our window and, through `web-contents-created`, to every other webContents. Idempotent,
 * so both paths can run on the main window without doubling the listeners.
 */
export function hardenWebContents(contents: WebContents, { allowedOrigins }: HardeningOptions): void {
  if (hardened.has(contents)) return;
  hardened.add(contents);
  const allowed = new Set(allowedOrigins.map((origin) => origin.toLowerCase()));

  // window.open and target=_blank: never a new Electron window; allow-listed docs go to the browser.
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfAllowed(url);
    return { action: 'deny' };
  });

  // A link or `location =` to anywhere but our own origin would load remote content with our preload.
  contents.on('will-navigate', (event) => {
    const target = originOf(event.url);
    if (target !== null && allowed.has(target)) return;
    event.preventDefault();
    openExternalIfAllowed(event.url);
  });

  // webviewTag is already false; refuse attachment anyway in case some webContents enables it.
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
