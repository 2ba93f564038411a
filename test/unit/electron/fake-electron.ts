/**
 * A small stand-in for the `electron` module: the Electron binary cannot run here, so every test
 * mocks it (`vi.mock('electron', ...)` with these fakes). Only what src-main/electron uses.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export class FakeWebFrame {
  constructor(
    public url: string,
    public processId: number,
    public routingId: number,
    public parent: FakeWebFrame | null = null,
  ) {}
}

let nextContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  destroyed = false;
  mainFrame = new FakeWebFrame('app://flightdeck/index.html', 100 + this.id, 1);
  windowOpenHandler?: (details: { url: string }) => { action: string };
  setWindowOpenHandler = vi.fn((handler: (details: { url: string }) => { action: string }) => {
    this.windowOpenHandler = handler;
  });
  send = vi.fn();
  isDestroyed = (): boolean => this.destroyed;
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  /** When set, the next window's loadURL rejects with it (a page that cannot load). */
  static failNextLoad: Error | undefined;
  static getAllWindows = (): FakeBrowserWindow[] => FakeBrowserWindow.instances.filter((w) => !w.destroyed);
  readonly webContents = new FakeWebContents();
  destroyed = false;
  loadURL = vi.fn(async (_url: string): Promise<void> => undefined);
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn();
  isMinimized = (): boolean => false;
  isDestroyed = (): boolean => this.destroyed;
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
    const failure = FakeBrowserWindow.failNextLoad;
    FakeBrowserWindow.failNextLoad = undefined;
    if (failure) this.loadURL.mockRejectedValueOnce(failure);
  }
  /** What Electron does when the window goes away. */
  close(): void {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  requestSingleInstanceLock = vi.fn(() => true);
  whenReady = vi.fn(() => Promise.resolve());
  enableSandbox = vi.fn();
  quit = vi.fn();
  exit = vi.fn();
}

class FakeIpcMain {
  handlers = new Map<string, (...args: unknown[]) => unknown>();
  handle = vi.fn((channel: string, handler: (...args: unknown[]) => unknown) => {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  });
  removeHandler = vi.fn((channel: string) => {
    this.handlers.delete(channel);
  });
}

class FakeIpcRenderer extends EventEmitter {
  invoke = vi.fn(async (..._args: unknown[]): Promise<unknown> => undefined);
  send = vi.fn();
}

export class FakeNotification {
  static supported = true;
  static shown: { title: string; body: string }[] = [];
  static isSupported = (): boolean => FakeNotification.supported;
  constructor(readonly options: { title: string; body: string }) {}
  show(): void {
    FakeNotification.shown.push({ title: this.options.title, body: this.options.body });
  }
}

export const electron = {
  Notification: FakeNotification,
  app: new FakeApp(),
  BrowserWindow: FakeBrowserWindow,
  ipcMain: new FakeIpcMain(),
  ipcRenderer: new FakeIpcRenderer(),
  contextBridge: { exposeInMainWorld: vi.fn() },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  session: {
    defaultSession: {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      webRequest: { onHeadersReceived: vi.fn() },
    },
  },
  shell: { openExternal: vi.fn(async (_url: string): Promise<void> => undefined) },
  dialog: { showErrorBox: vi.fn() },
};

/** Back to a fresh state between tests (mocks cleared, listeners and handlers dropped). */
export function resetFakeElectron(): void {
  vi.clearAllMocks();
  FakeBrowserWindow.instances = [];
  FakeBrowserWindow.failNextLoad = undefined;
  electron.app.removeAllListeners();
  electron.app.isPackaged = false;
  electron.ipcMain.handlers.clear();
  electron.ipcRenderer.removeAllListeners();
  FakeNotification.shown = [];
  FakeNotification.supported = true;
}

/** The same shape as Electron's `will-navigate` / `will-attach-webview` event objects. */
export function fakeEvent<T extends object>(fields: T): T & { preventDefault: ReturnType<typeof vi.fn> } {
  return { ...fields, preventDefault: vi.fn() };
}
