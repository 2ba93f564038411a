import type { IpcRendererEvent } from 'electron';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FlightdeckBridge } from '@main/core/contract/bridge';
import { electron, resetFakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electron);

const { ipcRenderer, contextBridge } = electron;
vi.spyOn(ipcRenderer, 'on');
vi.spyOn(ipcRenderer, 'removeListener');
let exposedName: unknown;
let api: FlightdeckBridge;

beforeAll(async () => {
  resetFakeElectron();
  await import('@main/electron/preload');
  expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  [exposedName, api] = contextBridge.exposeInMainWorld.mock.calls[0] as [string, FlightdeckBridge];
});

beforeEach(() => {
  ipcRenderer.removeAllListeners();
  vi.clearAllMocks();
});

/** What the main process does: webContents.send('flightdeck:event', channel, payload). */
function push(channel: string, payload: unknown): void {
  const event = { sender: ipcRenderer, senderId: 0, ports: [] } as unknown as IpcRendererEvent;
  ipcRenderer.emit('flightdeck:event', event, channel, payload);
}

describe('window.flightdeck', () => {
  it('exposes exactly kind, request and on, under the name flightdeck', () => {
    expect(exposedName).toBe('flightdeck');
    expect(Object.keys(api).sort()).toEqual(['kind', 'on', 'request']);
    expect(api.kind).toBe('electron');
    expect(typeof api.request).toBe('function');
    expect(typeof api.on).toBe('function');
  });

  it('never hands out ipcRenderer or its methods', () => {
    for (const value of Object.values(api)) {
      expect(value).not.toBe(ipcRenderer);
      expect([ipcRenderer.invoke, ipcRenderer.on, ipcRenderer.send]).not.toContain(value);
    }
  });
});

describe('request', () => {
  it('invokes flightdeck:request with the channel and payload and returns the Result', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { mode: 'simulation' } });
    await expect(api.request('session.get', {})).resolves.toEqual({ ok: true, value: { mode: 'simulation' } });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('flightdeck:request', 'session.get', {});
  });

  it.each(['no.such.channel', 'update', '__proto__', 'constructor', 'flightdeck:request'])(
    'rejects %s locally with UnknownChannel, without calling invoke',
    async (channel) => {
      await expect(api.request(channel, {})).resolves.toMatchObject({ ok: false, error: { code: 'UnknownChannel' } });
      expect(ipcRenderer.invoke).not.toHaveBeenCalled();
    },
  );

  it('rejects a non-string channel without calling invoke', async () => {
    await expect(api.request(42 as unknown as string)).resolves.toMatchObject({ ok: false, error: { code: 'UnknownChannel' } });
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('rejects only when IPC itself fails, so the renderer can tell "disconnected" from a contract error', async () => {
    ipcRenderer.invoke.mockRejectedValueOnce(new Error("No handler registered for 'flightdeck:request'"));
    await expect(api.request('snapshot.get')).rejects.toThrow(/No handler registered/);
  });
});

describe('on', () => {
  it('delivers only the payload of the subscribed channel, never the IpcRendererEvent', () => {
    const listener = vi.fn();
    api.on('update', listener);
    push('session.changed', { mode: 'aws' });
    push('update', { t: 1 });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([{ t: 1 }]);
  });

  it('returns its own unsubscribe, which removes exactly its handler', () => {
    const first = vi.fn();
    const second = vi.fn();
    const offFirst = api.on('update', first);
    api.on('update', second);
    const handlerOf = (index: number): unknown => vi.mocked(ipcRenderer.on).mock.calls[index]?.[1];
    expect(ipcRenderer.listenerCount('flightdeck:event')).toBe(2);

    offFirst();
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith('flightdeck:event', handlerOf(0));
    push('update', { t: 2 });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith({ t: 2 });
    expect(ipcRenderer.listenerCount('flightdeck:event')).toBe(1);
  });

  it('throws for an unknown event channel without registering anything', () => {
    expect(() => api.on('sim.control', vi.fn())).toThrow(/unknown event channel/);
    expect(() => api.on('flightdeck:event', vi.fn())).toThrow(/unknown event channel/);
    expect(ipcRenderer.on).not.toHaveBeenCalled();
    expect(ipcRenderer.listenerCount('flightdeck:event')).toBe(0);
  });

  it('throws when the listener is not a function', () => {
    expect(() => api.on('update', 'nope' as unknown as () => void)).toThrow(TypeError);
    expect(ipcRenderer.listenerCount('flightdeck:event')).toBe(0);
  });
});
