/**
 * The one dashboard window. Security checklist items it implements
 * (electronjs.org/docs/latest/tutorial/security): #2 no Node.js integration for remote content,
 * #3 context isolation, #4 process sandboxing, #6 do not disable webSecurity, #8 do not allow
 * insecure content, #9 no experimental features, #12 no <webview>; navigation and new windows are
 * limited in navigation.ts.
 */
import { BrowserWindow, type BrowserWindowConstructorOptions, type WebPreferences } from 'electron';
import { hardenWebContents } from './navigation';

/** Pure, so tests can assert every flag. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    // Middle-click (auxclick) can open links in new windows; they are denied anyway, but the event
    // should not reach page code at all (Electronegativity AUXCLICK_JS_CHECK).
    disableBlinkFeatures: 'Auxclick',
    // The renderer reads nothing the user did not see; no spellchecker dictionary downloads either.
    spellcheck: false,
  };
}

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: 'Flightdeck',
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    // Shown on ready-to-show, so the operator never sees an unpainted white frame.
    show: false,
    backgroundColor: '#0f172a',
    webPreferences: secureWebPreferences(preloadPath),
  };
}

export interface CreateMainWindowOptions {
  preloadPath: string;
  /** app://flightdeck/index.html, or the dev server URL. */
  url: string;
  /** Origins the window may navigate within. */
  allowedOrigins: readonly string[];
  /** Told when the page cannot load at all, so the caller can explain instead of leaving a blank frame. */
  onLoadFailed?: (error: Error) => void;
}

export function createMainWindow(options: CreateMainWindowOptions): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(options.preloadPath));
  hardenWebContents(window.webContents, { allowedOrigins: options.allowedOrigins });
  window.once('ready-to-show', () => window.show());
  window.loadURL(options.url).catch((error: unknown) => {
    // ready-to-show may never come: show the window anyway so the error has somewhere to live.
    if (!window.isDestroyed()) window.show();
    options.onLoadFailed?.(error instanceof Error ? error : new Error(String(error)));
  });
  return window;
}
