// @vitest-environment happy-dom
/** Issue 17 item 4: a backtest answers when both runs are done, so its request waits longer than others. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApi } from '@/api';
import { createWebSocketTransport } from '@/transport/websocket-transport';
import { FakeSocket } from './support/fake-socket';

beforeEach(() => {
  FakeSocket.all = [];
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('WebSocket request timeouts', () => {
  it('sim.backtest.run waits 15 minutes where other requests wait their usual time', async () => {
    const api = createApi(createWebSocketTransport({ url: 'ws://host/ws?token=t', createSocket: (url) => new FakeSocket(url), requestTimeoutMs: 1000 }));
    FakeSocket.latest().open();
    const snapshot = api.request('snapshot.get');
    const backtest = api.request('sim.backtest.run', { change: 'Resources: {}', durationSeconds: 3600 });
    let settled = false;
    backtest.catch(() => undefined).finally(() => (settled = true));
    vi.advanceTimersByTime(1000);
    await expect(snapshot).rejects.toMatchObject({ code: 'Timeout' });
    vi.advanceTimersByTime(14 * 60_000);
    await Promise.resolve();
    expect(settled).toBe(false);
    vi.advanceTimersByTime(60_000);
    await expect(backtest).rejects.toMatchObject({ code: 'Timeout', message: 'sim.backtest.run: no answer within 900 s' });
  });
});
