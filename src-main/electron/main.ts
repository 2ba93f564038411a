/**
 * Electron main-process entry (built to out/main/main.js). Wires the window, the app:// protocol,
 * the session policy and the core together; each piece lives in its own module.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, session } from 'electron';
import { APP_ORIGIN, APP_START_URL, originOf } from './app-origin';
import { registerAppScheme, serveRendererOverAppScheme } from './app-protocol';
import { startSimulationCore, type StartedCore } from './core-startup';
import { showDesktopNotification } from './notifier';
import { registerIpc, type CoreEndpoint } from './ipc';
import { hardenWebContents } from './navigation';
import { denyAllPermissions, installDevContentSecurityPolicy } from './security-policy';
import { createMainWindow } from './window';

// out/main/main.js → out/preload/preload.cjs and out/renderer/ (see electron.vite.config.ts).
const preloadPath = fileURLToPath(new URL('../preload/preload.cjs', import.meta.url));
const rendererDir = fileURLToPath(new URL('../renderer/', import.meta.url));

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function main(): void {
  // A second `flightdeck` focuses the first window instead of running a second simulator.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  // Packaged builds ship resources/scenarios as extra resources beside app.asar.
  if (app.isPackaged) process.env.FLIGHTDECK_RESOURCES = process.resourcesPath;

  // The dev server only in development: a packaged app never loads a URL from the environment.
  const devUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
  const devOrigin = devUrl ? originOf(devUrl) : null;
  const allowedOrigins = devOrigin ? [APP_ORIGIN, devOrigin] : [APP_ORIGIN];

  // Checklist #4: sandbox every renderer, whatever options a future webContents is created with.
  app.enableSandbox();
  // Privileged schemes must be registered before `ready`.
  registerAppScheme();

  let core: StartedCore | undefined;
  let window: BrowserWindow | undefined;

  const openWindow = (endpoint: CoreEndpoint): BrowserWindow => {
    const created = createMainWindow({
      preloadPath,
      url: devUrl ?? APP_START_URL,
      allowedOrigins,
      onLoadFailed: (error) => dialog.showErrorBox('Flightdeck could not load its window', error.message),
    });
    // Registered synchronously after loadURL started, i.e. before any page script can invoke.
    registerIpc(endpoint, created, { allowedOrigins });
    created.webContents.on('render-process-gone', (_event, details) => {
      if (details.reason === 'clean-exit') return;
      dialog.showErrorBox('The Flightdeck window stopped', `The page process ended (${details.reason}). Close and reopen Flightdeck.`);
    });
    return created;
  };

  // Checklist #13/#14 for every webContents, not just ours (e.g. devtools, future windows).
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, { allowedOrigins }));

  app.on('second-instance', () => {
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // macOS: clicking the dock icon with no window open reopens one on the running core.
  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) window = openWindow(core.endpoint);
  });

  app.on('will-quit', () => core?.stop());

  app
    .whenReady()
    .then(() => {
      const ses = session.defaultSession;
      denyAllPermissions(ses);
      if (devUrl) {
        installDevContentSecurityPolicy(ses, devUrl);
      } else {
        serveRendererOverAppScheme(rendererDir);
        if (!existsSync(join(rendererDir, 'index.html'))) {
          dialog.showErrorBox('Flightdeck is not built', `No renderer found in ${rendererDir}. Run \`npm run build\` first.`);
        }
      }
      core = startSimulationCore(undefined, undefined, showDesktopNotification);
      // Told before the window opens; the window still opens, and its requests answer with this error.
      if (core.error) dialog.showErrorBox('Flightdeck could not load its simulation scenario', core.error);
      window = openWindow(core.endpoint);
    })
    .catch((error: unknown) => {
      dialog.showErrorBox('Flightdeck failed to start', errorMessage(error));
      app.exit(1);
    });
}

main();
