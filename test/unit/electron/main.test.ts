/**
 * The app entry with `electron` mocked: each test re-imports src-main/electron/main.ts (it starts
 * the app on import) against a reset fake, then drives the app events Electron would emit.
 * Note: vi.resetModules does not re-run a vi.mock factory, so the `electron` mock keeps whichever
 * fake instance it first got; it is resolved once below, before any reset, and checked.
 */
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '@main/core/contract';
import type * as ScenarioFiles from '@main/core/scenario-files';
import { ScenarioError } from '@main/core/sources/sim/scenario/diagnostics';
import * as fakeModule from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electron);

const scenario = vi.hoisted(() => ({ failWith: undefined as Error | undefined }));
vi.mock('@main/core/scenario-files', async (importOriginal) => {
  const actual = await importOriginal<typeof ScenarioFiles>();
  return {
    ...actual,
    readScenario: (name: string, options?: { seed?: number }) => {
      if (scenario.failWith) throw scenario.failWith;
      return actual.readScenario(name, options);
    },
  };
});

type Fake = typeof fakeModule;
const fake: Fake = fakeModule;
// Run the `electron` mock factory now, while the registry still holds this very fake instance.
if (((await import('electron')) as unknown as Fake['electron']).app !== fake.electron.app) throw new Error('two fake electrons');
const savedEnv = { ...process.env };
const savedPlatform = process.platform;

/** The fake reset and configured by `before`, then main.ts imported afresh and `ready` processed. */
async function startApp(before: (fake: Fake) => void = () => undefined): Promise<Fake> {
  vi.resetModules();
  fake.resetFakeElectron();
  before(fake);
  await import('@main/electron/main');
  await new Promise((resolve) => setTimeout(resolve, 0));
  return fake;
}

function onlyWindow(): fakeModule.FakeBrowserWindow {
  expect(fake.FakeBrowserWindow.instances).toHaveLength(1);
  return fake.FakeBrowserWindow.instances[0] as fakeModule.FakeBrowserWindow;
}

async function request(channel: string, payload: unknown = {}): Promise<Result<unknown>> {
  const window = onlyWindow();
  const handler = fake.electron.ipcMain.handlers.get('flightdeck:request');
  if (!handler) throw new Error('no IPC handler');
  return (await handler({ sender: window.webContents, senderFrame: window.webContents.mainFrame }, channel, payload)) as Result<unknown>;
}

function dialogTitles(): string[] {
  return fake.electron.dialog.showErrorBox.mock.calls.map((call) => String(call[0]));
}

beforeEach(() => {
  delete process.env.ELECTRON_RENDERER_URL;
  delete process.env.FLIGHTDECK_RESOURCES;
  scenario.failWith = undefined;
});

afterEach(() => {
  fake.electron.app.emit('will-quit'); // stops the simulator's wall-clock timer
  process.env = { ...savedEnv };
  Object.defineProperty(process, 'platform', { value: savedPlatform });
});

describe('main: startup', () => {
  it('quits at once when another instance holds the lock', async () => {
    const { electron } = await startApp((f) => f.electron.app.requestSingleInstanceLock.mockReturnValueOnce(false));
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.app.whenReady).not.toHaveBeenCalled();
    expect(fake.FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('sandboxes all renderers and registers app:// before ready, then applies the session policy', async () => {
    const { electron } = await startApp();
    expect(electron.app.enableSandbox).toHaveBeenCalled();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    const registeredAt = electron.protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0] ?? Infinity;
    expect(registeredAt).toBeLessThan(electron.app.whenReady.mock.invocationCallOrder[0] ?? -Infinity);
    const request = electron.session.defaultSession.setPermissionRequestHandler.mock.calls[0]?.[0] as (
      wc: unknown,
      permission: string,
      cb: (granted: boolean) => void,
    ) => void;
    const callback = vi.fn();
    request({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(electron.session.defaultSession.setPermissionCheckHandler).toHaveBeenCalled();
  });

  it('serves the renderer over app:// and opens the window on it, with the core behind IPC', async () => {
    const { electron } = await startApp();
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(electron.session.defaultSession.webRequest.onHeadersReceived).not.toHaveBeenCalled();
    const window = onlyWindow();
    expect(window.loadURL).toHaveBeenCalledWith('app://flightdeck/index.html');
    const prefs = window.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(String(prefs.preload)).toMatch(/[/\\]preload[/\\]preload\.cjs$/);
    expect(await request('session.get')).toMatchObject({ ok: true, value: { mode: 'simulation', scenarioName: expect.any(String) } });
    expect(dialogTitles()).not.toContain('Flightdeck could not load its simulation scenario');
  });

  it('says so when the renderer has not been built (no blank window without a reason)', async () => {
    // Under vitest main.ts sits in src-main/electron, so its ../renderer/index.html does not exist.
    await startApp();
    expect(dialogTitles()).toContain('Flightdeck is not built');
    expect(fake.FakeBrowserWindow.instances).toHaveLength(1);
  });

  it('still opens the window when the scenario fails, shows the error and answers requests with it', async () => {
    scenario.failWith = new ScenarioError('/x/shop.yaml', [
      { severity: 'error', message: 'MinSize must be ≤ MaxSize', path: 'Resources.WebGroup.Properties.MinSize', line: 12, column: 7 },
    ]);
    const { electron } = await startApp();
    expect(electron.dialog.showErrorBox).toHaveBeenCalledWith(
      'Flightdeck could not load its simulation scenario',
      expect.stringContaining('/x/shop.yaml:12:7: error: MinSize must be ≤ MaxSize'),
    );
    onlyWindow();
    const result = await request('snapshot.get');
    expect(result).toMatchObject({ ok: false, error: { code: 'Internal', message: expect.stringContaining('MinSize must be ≤ MaxSize') } });
  });

  it('in development loads the dev server, with the CSP added by webRequest, and accepts its origin', async () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173';
    const { electron } = await startApp();
    expect(electron.protocol.handle).not.toHaveBeenCalled();
    expect(electron.session.defaultSession.webRequest.onHeadersReceived).toHaveBeenCalled();
    const window = onlyWindow();
    expect(window.loadURL).toHaveBeenCalledWith('http://localhost:5173');
    window.webContents.mainFrame.url = 'http://localhost:5173/#/asg';
    expect(await request('session.get')).toMatchObject({ ok: true });
  });

  it('when packaged ignores ELECTRON_RENDERER_URL and reads scenarios from resourcesPath', async () => {
    process.env.ELECTRON_RENDERER_URL = 'http://evil.example:5173';
    const resources = resolve('resources');
    Object.defineProperty(process, 'resourcesPath', { value: resources, configurable: true });
    await startApp((f) => {
      f.electron.app.isPackaged = true;
    });
    expect(process.env.FLIGHTDECK_RESOURCES).toBe(resources);
    expect(onlyWindow().loadURL).toHaveBeenCalledWith('app://flightdeck/index.html');
    expect(await request('session.get')).toMatchObject({ ok: true });
    Reflect.deleteProperty(process, 'resourcesPath');
  });
});

describe('main: app events', () => {
  it('hardens every webContents created later', async () => {
    const { electron } = await startApp();
    const contents = new fake.FakeWebContents();
    electron.app.emit('web-contents-created', {}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    const navigation = fake.fakeEvent({ url: 'https://evil.example/' });
    contents.emit('will-navigate', navigation);
    expect(navigation.preventDefault).toHaveBeenCalled();
  });

  it('quits when the last window closes, except on macOS', async () => {
    const { electron } = await startApp();
    Object.defineProperty(process, 'platform', { value: 'linux' });
    electron.app.emit('window-all-closed');
    expect(electron.app.quit).toHaveBeenCalledTimes(1);
    Object.defineProperty(process, 'platform', { value: 'darwin' });
    electron.app.emit('window-all-closed');
    expect(electron.app.quit).toHaveBeenCalledTimes(1);
  });

  it('reopens a window on macOS activate, with IPC registered again', async () => {
    const { electron } = await startApp();
    onlyWindow().close();
    expect(electron.ipcMain.handlers.size).toBe(0);
    electron.app.emit('activate');
    expect(fake.FakeBrowserWindow.getAllWindows()).toHaveLength(1);
    expect(electron.ipcMain.handlers.has('flightdeck:request')).toBe(true);
  });

  it('focuses the existing window when a second instance starts', async () => {
    const { electron } = await startApp();
    electron.app.emit('second-instance');
    expect(onlyWindow().focus).toHaveBeenCalled();
  });

  it('tells the user when the page process dies', async () => {
    const { electron } = await startApp();
    electron.dialog.showErrorBox.mockClear();
    onlyWindow().webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    expect(dialogTitles()).toEqual(['The Flightdeck window stopped']);
  });
});
