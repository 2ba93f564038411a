// @vitest-environment happy-dom
import type { FlightdeckBridge } from '@contract/bridge';
import type { Result } from '@contract';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, createApi, createDefaultTransport, getApi, setApi } from '@/api';
import { clock, simSession, update } from './support/fixtures';

/** A stand-in for the preload's window.flightdeck. */
function fakeBridge(answer: (channel: string, payload: unknown) => Result<unknown> | Promise<Result<unknown>>) {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const bridge: FlightdeckBridge = {
    kind: 'electron',
    request: vi.fn(async (channel: string, payload?: unknown) => answer(channel, payload)),
    on(channel, listener) {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  };
  const emit = (channel: string, payload: unknown) => listeners.get(channel)?.forEach((listener) => listener(payload));
  return { bridge, emit, listeners };
}

afterEach(() => {
  setApi(undefined);
  delete window.flightdeck;
});

describe('api over window.flightdeck', () => {
  it('is chosen when the preload exposed the bridge', async () => {
    const { bridge } = fakeBridge(() => ({ ok: true, value: simSession }));
    window.flightdeck = bridge;
    expect(createDefaultTransport(window).kind).toBe('electron');
    expect(getApi().kind).toBe('electron');
    expect(getApi().connection).toBe('open');
    await expect(getApi().request('session.get')).resolves.toEqual(simSession);
  });

  it('returns the validated value, sending {} when a channel takes no payload', async () => {
    const { bridge } = fakeBridge((channel, payload) => ({ ok: true, value: channel === 'sim.control' ? { ...clock(3), speed: (payload as { speed: number }).speed } : simSession }));
    const api = createApi(createDefaultTransport({ flightdeck: bridge } as unknown as Window));
    await expect(api.request('session.get')).resolves.toEqual(simSession);
    expect(bridge.request).toHaveBeenLastCalledWith('session.get', {});
    const answered = await api.request('sim.control', { command: 'setSpeed', speed: 60 });
    expect(answered.speed).toBe(60);
    expect(bridge.request).toHaveBeenLastCalledWith('sim.control', { command: 'setSpeed', speed: 60 });
  });

  it('throws an ApiError with the contract code, message and path on {ok:false}', async () => {
    const { bridge } = fakeBridge(() => ({ ok: false, error: { code: 'InvalidRequest', message: 'sim.control: speed: too big', path: 'speed' } }));
    const api = createApi(createDefaultTransport({ flightdeck: bridge } as unknown as Window));
    const error = await api.request('sim.control', { command: 'setSpeed', speed: 3600 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'InvalidRequest', message: 'sim.control: speed: too big', path: 'speed' });
  });

  it('rejects a response that does not match the contract instead of passing it on', async () => {
    const { bridge } = fakeBridge(() => ({ ok: true, value: { mode: 'simulation', scenarioName: 42 } }));
    const api = createApi(createDefaultTransport({ flightdeck: bridge } as unknown as Window));
    await expect(api.request('session.get')).rejects.toMatchObject({ code: 'InvalidResponse' });

    const { bridge: broken } = fakeBridge(() => 'not a result' as unknown as Result<unknown>);
    const api2 = createApi(createDefaultTransport({ flightdeck: broken } as unknown as Window));
    await expect(api2.request('session.get')).rejects.toMatchObject({ code: 'InvalidResponse' });
  });

  it('turns a rejected IPC call into an ApiError', async () => {
    const { bridge } = fakeBridge(() => Promise.reject(new Error('main process gone')));
    const api = createApi(createDefaultTransport({ flightdeck: bridge } as unknown as Window));
    await expect(api.request('session.get')).rejects.toMatchObject({ name: 'ApiError', code: 'Disconnected', message: 'main process gone' });
  });

  it('delivers valid events, reports invalid ones as problems, and unsubscribes', () => {
    const { bridge, emit, listeners } = fakeBridge(() => ({ ok: true, value: {} }));
    const api = createApi(createDefaultTransport({ flightdeck: bridge } as unknown as Window));
    const received: unknown[] = [];
    const problems: ApiError[] = [];
    api.onProblem((problem) => problems.push(problem));
    const off = api.on('update', (payload) => received.push(payload));

    emit('update', update({ clock: clock(1) }));
    emit('update', { scalingActivities: 'nope' });
    expect(received).toEqual([update({ clock: clock(1) })]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'InvalidEvent' });
    expect(problems[0]!.message).toMatch(/update/);

    off();
    expect(listeners.get('update')?.size).toBe(0);
    emit('update', update());
    expect(received).toHaveLength(1);
  });
});
