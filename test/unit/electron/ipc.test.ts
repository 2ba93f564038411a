import type { BrowserWindow } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '@main/core/contract';
import { FlightdeckCore } from '@main/core/core-host';
import { readScenario } from '@main/core/scenario-files';
import { SimSource } from '@main/core/sources/sim/sim-source';
import { registerIpc, type CoreEndpoint } from '@main/electron/ipc';
import { electron, FakeBrowserWindow, FakeWebContents, FakeWebFrame, resetFakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electron);

const APP = 'app://flightdeck';
const DEV = 'http://localhost:5173';

type Listener = (channel: string, payload: unknown) => void;

function fakeCore() {
  const listeners = new Set<Listener>();
  const unsubscribe = vi.fn();
  const core = {
    handle: vi.fn(async (): Promise<Result<unknown>> => ({ ok: true, value: { mode: 'simulation' } })),
    /** The window's subscriptions (live.subscribe): one per window, as one per socket in web mode. */
    interest: { window: 'the one' },
    newInterest: vi.fn((): unknown => core.interest),
    subscribe: vi.fn((listener: Listener) => {
      listeners.add(listener);
      return () => {
        unsubscribe();
        listeners.delete(listener);
      };
    }),
    emit: (channel: string, payload: unknown) => listeners.forEach((listener) => listener(channel, payload)),
    listeners,
    unsubscribe,
  };
  return core;
}

function setup(allowedOrigins: string[] = [APP]) {
  const core = fakeCore();
  const window = new FakeBrowserWindow({});
  const dispose = registerIpc(core as unknown as CoreEndpoint, window as unknown as BrowserWindow, { allowedOrigins });
  const handler = electron.ipcMain.handlers.get('flightdeck:request');
  if (!handler) throw new Error('no handler registered');
  /** Invokes the handler the way Electron would, with `sender` and `senderFrame`. */
  const invoke = (
    channel: unknown,
    payload: unknown,
    from: { sender?: FakeWebContents; senderFrame?: FakeWebFrame | null } = {},
  ): Promise<Result<unknown>> =>
    handler(
      { sender: from.sender ?? window.webContents, senderFrame: from.senderFrame === undefined ? window.webContents.mainFrame : from.senderFrame },
      channel,
      payload,
    ) as Promise<Result<unknown>>;
  return { core, window, dispose, invoke };
}

describe('registerIpc: requests', () => {
  beforeEach(() => {
    resetFakeElectron();
    // Refusals are logged in the main process; keep the test output quiet.
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it('forwards a request from our main frame on app://flightdeck and returns its Result', async () => {
    const { core, invoke } = setup();
    const result = await invoke('session.get', {});
    // With this window's subscriptions, the same object its pushed events are filtered by.
    expect(core.handle).toHaveBeenCalledWith('session.get', {}, core.interest);
    expect(core.newInterest).toHaveBeenCalledTimes(1);
    expect(core.subscribe).toHaveBeenCalledWith(expect.any(Function), core.interest);
    expect(result).toEqual({ ok: true, value: { mode: 'simulation' } });
  });

  it('passes core errors through as values', async () => {
    const { core, invoke } = setup();
    core.handle.mockResolvedValueOnce({ ok: false, error: { code: 'InvalidRequest', message: 'speed: too big', path: 'speed' } });
    expect(await invoke('sim.control', { command: 'setSpeed', speed: 1e9 })).toEqual({
      ok: false,
      error: { code: 'InvalidRequest', message: 'speed: too big', path: 'speed' },
    });
  });

  const refusals: [string, (ctx: ReturnType<typeof setup>) => { sender?: FakeWebContents; senderFrame?: FakeWebFrame | null }][] = [
    ['another webContents', () => ({ sender: new FakeWebContents() })],
    [
      'an iframe of our window',
      ({ window }) => ({ senderFrame: new FakeWebFrame(`${APP}/index.html`, window.webContents.mainFrame.processId, 7, window.webContents.mainFrame) }),
    ],
    ['a frame with the main frame ids but a parent', ({ window }) => {
      const main = window.webContents.mainFrame;
      return { senderFrame: new FakeWebFrame(`${APP}/index.html`, main.processId, main.routingId, new FakeWebFrame(`${APP}/`, 1, 1)) };
    }],
    ['our main frame after navigating to another origin', ({ window }) => {
      window.webContents.mainFrame.url = 'https://evil.example/';
      return {};
    }],
    ['our main frame on file://', ({ window }) => {
      window.webContents.mainFrame.url = 'file:///tmp/index.html';
      return {};
    }],
    ['the dev server origin when it is not allowed', ({ window }) => {
      window.webContents.mainFrame.url = `${DEV}/`;
      return {};
    }],
    ['a destroyed frame (senderFrame null)', () => ({ senderFrame: null })],
  ];

  it.each(refusals)('answers Unauthorized to %s without reaching the core', async (_name, from) => {
    const context = setup();
    const result = await context.invoke('session.get', {}, from(context));
    expect(result).toMatchObject({ ok: false, error: { code: 'Unauthorized' } });
    expect(context.core.handle).not.toHaveBeenCalled();
  });

  it('accepts the dev server origin when allowed', async () => {
    const { core, window, invoke } = setup([APP, DEV]);
    window.webContents.mainFrame.url = `${DEV}/#/rds`;
    expect(await invoke('session.get', {})).toMatchObject({ ok: true });
    expect(core.handle).toHaveBeenCalledTimes(1);
  });

  it('leaves channel and payload validation to the core (one place for the contract)', async () => {
    const { core, invoke } = setup();
    await invoke('no.such.channel', { x: 1 });
    expect(core.handle).toHaveBeenCalledWith('no.such.channel', { x: 1 }, core.interest);
  });
});

describe('registerIpc: pushed events and teardown', () => {
  beforeEach(resetFakeElectron);

  it('forwards core events to our window only, on flightdeck:event', () => {
    const { core, window } = setup();
    const other = new FakeBrowserWindow({});
    core.emit('update', { t: 1 });
    expect(window.webContents.send).toHaveBeenCalledWith('flightdeck:event', 'update', { t: 1 });
    expect(other.webContents.send).not.toHaveBeenCalled();
  });

  it('does not send to a destroyed webContents', () => {
    const { core, window } = setup();
    window.webContents.destroyed = true;
    core.emit('update', { t: 1 });
    expect(window.webContents.send).not.toHaveBeenCalled();
  });

  it('unsubscribes from the core and removes the handler when the window closes', () => {
    const { core, window } = setup();
    window.close();
    expect(core.unsubscribe).toHaveBeenCalledTimes(1);
    expect(core.listeners.size).toBe(0);
    expect(electron.ipcMain.removeHandler).toHaveBeenCalledWith('flightdeck:request');
    expect(window.listenerCount('closed')).toBe(0);
    core.emit('update', { t: 2 });
    expect(window.webContents.send).not.toHaveBeenCalled();
  });

  it('disposes once, whether by the returned function or by closing', () => {
    const { core, window, dispose } = setup();
    dispose();
    dispose();
    window.close();
    expect(core.unsubscribe).toHaveBeenCalledTimes(1);
    expect(electron.ipcMain.removeHandler).toHaveBeenCalledTimes(1);
  });

  it('can serve a new window after the old one closed (macOS activate)', () => {
    const first = setup();
    first.window.close();
    expect(() => setup()).not.toThrow();
  });
});

describe('registerIpc with the real core', () => {
  beforeEach(resetFakeElectron);

  it('answers session.get and validates payloads through FlightdeckCore', async () => {
    const scenario = readScenario('shop', { seed: 7 });
    const core = new FlightdeckCore(new SimSource(scenario, { wallClock: { now: () => 0, every: () => () => undefined }, paused: true }));
    const window = new FakeBrowserWindow({});
    registerIpc(core, window as unknown as BrowserWindow, { allowedOrigins: [APP] });
    const handler = electron.ipcMain.handlers.get('flightdeck:request');
    const event = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
    expect(await handler?.(event, 'session.get', {})).toMatchObject({ ok: true, value: { mode: 'simulation', seed: 7 } });
    expect(await handler?.(event, 'sim.control', { command: 'setSpeed', speed: 0 })).toMatchObject({
      ok: false,
      error: { code: 'InvalidRequest', path: 'speed' },
    });
    expect(await handler?.(event, 'nope', {})).toMatchObject({ ok: false, error: { code: 'UnknownChannel' } });
    core.stop();
  });
});
