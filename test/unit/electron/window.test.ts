import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeEvent, FakeBrowserWindow, resetFakeElectron } from './fake-electron';
import { createMainWindow, mainWindowOptions, secureWebPreferences } from '@main/electron/window';

vi.mock('electron', async () => (await import('./fake-electron')).electron);

const preloadPath = '/app/out/preload/preload.cjs';

describe('secureWebPreferences', () => {
  it('sets every flag of the Electron security checklist', () => {
    expect(secureWebPreferences(preloadPath)).toMatchObject({
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
    });
  });

  it('enables no Blink feature and no extra privileges', () => {
    const prefs = secureWebPreferences(preloadPath);
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs.disableBlinkFeatures).toBe('Auxclick');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });

  it('uses the CommonJS preload (sandboxed preloads cannot be ES modules)', () => {
    expect(mainWindowOptions(preloadPath).webPreferences?.preload).toMatch(/preload\.cjs$/);
  });
});

describe('createMainWindow', () => {
  beforeEach(resetFakeElectron);

  const create = (onLoadFailed?: (error: Error) => void): FakeBrowserWindow => {
    createMainWindow({ preloadPath, url: 'app://flightdeck/index.html', allowedOrigins: ['app://flightdeck'], onLoadFailed });
    const window = FakeBrowserWindow.instances[0];
    if (!window) throw new Error('no window created');
    return window;
  };

  it('builds the window from the secure options, hidden until ready-to-show', () => {
    const window = create();
    expect(window.options).toEqual(mainWindowOptions(preloadPath));
    expect(window.options.show).toBe(false);
    expect(window.loadURL).toHaveBeenCalledWith('app://flightdeck/index.html');
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledTimes(1);
  });

  it('hardens its webContents (navigation, window.open, webview)', () => {
    const window = create();
    expect(window.webContents.setWindowOpenHandler).toHaveBeenCalledTimes(1);
    const navigation = fakeEvent({ url: 'https://example.com/' });
    window.webContents.emit('will-navigate', navigation);
    expect(navigation.preventDefault).toHaveBeenCalled();
    const webview = fakeEvent({});
    window.webContents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('shows the window and reports when the page cannot load', async () => {
    const onLoadFailed = vi.fn();
    const loadError = new Error('ERR_FILE_NOT_FOUND');
    FakeBrowserWindow.failNextLoad = loadError;
    const window = create(onLoadFailed);
    await vi.waitFor(() => expect(onLoadFailed).toHaveBeenCalledWith(loadError));
    expect(window.show).toHaveBeenCalled();
  });
});
