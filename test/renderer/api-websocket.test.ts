// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, createApi, createDefaultTransport, type ConnectionState } from '@/api';
import { splitFrame } from '@contract';
import { createWebSocketTransport, webSocketUrl } from '@/transport/websocket-transport';
import { FakeSocket } from './support/fake-socket';
import { clock, simSession, update } from './support/fixtures';

const latest = () => FakeSocket.latest();

function setup(options: { requestTimeoutMs?: number } = {}) {
  const transport = createWebSocketTransport({ url: 'ws://host/ws?token=t', createSocket: (url) => new FakeSocket(url), initialBackoffMs: 100, maxBackoffMs: 800, ...options });
  return createApi(transport);
}

beforeEach(() => {
  FakeSocket.all = [];
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the web-mode URL', () => {
  it('carries the page token to /ws on the same host, wss under https; without one the cookie authorises', () => {
    expect(webSocketUrl({ protocol: 'http:', host: '127.0.0.1:4000' }, 'abc')).toBe('ws://127.0.0.1:4000/ws?token=abc');
    expect(webSocketUrl({ protocol: 'https:', host: 'example.test' }, 'a+b')).toBe('wss://example.test/ws?token=a%2Bb');
    expect(webSocketUrl({ protocol: 'http:', host: '127.0.0.1:4000' }, '')).toBe('ws://127.0.0.1:4000/ws');
  });

  it('is used when there is no window.flightdeck', () => {
    vi.stubGlobal('WebSocket', FakeSocket);
    window.history.replaceState(null, '', '/?token=secret');
    const transport = createDefaultTransport(window);
    expect(transport.kind).toBe('websocket');
    expect(latest().url).toBe(`ws://${window.location.host}/ws?token=secret`);
    // The token left the address bar (and history) once it was taken.
    expect(window.location.search).toBe('');
    transport.close();
  });
});

describe('api over a WebSocket', () => {
  it('queues requests until the socket opens, then correlates responses by id', async () => {
    const api = setup();
    expect(api.connection).toBe('connecting');
    const session = api.request('session.get');
    const control = api.request('sim.control', { command: 'pause' });
    expect(latest().sent).toHaveLength(0);

    latest().open();
    expect(api.connection).toBe('open');
    const [first, second] = latest().sent;
    expect(first).toMatchObject({ type: 'request', channel: 'session.get', payload: {} });
    expect(second).toMatchObject({ type: 'request', channel: 'sim.control', payload: { command: 'pause' } });
    expect(first!.id).not.toBe(second!.id);

    // Answered out of order: each promise gets its own answer.
    latest().respond(1, { ok: true, value: clock(2, false) });
    latest().respond(0, { ok: true, value: simSession });
    await expect(session).resolves.toEqual(simSession);
    await expect(control).resolves.toEqual(clock(2, false));
  });

  it('throws ApiError for {ok:false} and for a response that breaks the contract', async () => {
    const api = setup();
    latest().open();
    const refused = api.request('sim.control', { command: 'resume' });
    latest().respond(0, { ok: false, error: { code: 'NotSupported', message: 'the clock can only be controlled in simulation mode' } });
    await expect(refused).rejects.toMatchObject({ code: 'NotSupported', message: 'the clock can only be controlled in simulation mode' });

    const malformed = api.request('session.get');
    latest().respond(1, { ok: true, value: { mode: 'nonsense' } });
    await expect(malformed).rejects.toBeInstanceOf(ApiError);
  });

  it('joins a message the server sent in parts (none over 256 kB) before reading it', async () => {
    const api = setup();
    latest().open();
    const asked = api.request('session.get');
    const big = { ...simSession, scenarioName: 'x'.repeat(300_000) };
    const parts = splitFrame(JSON.stringify({ type: 'response', id: latest().sent[0]!.id, result: { ok: true, value: big } }), 1);
    expect(parts.length).toBe(2);
    for (const part of parts) latest().receive(part);
    await expect(asked).resolves.toMatchObject({ scenarioName: big.scenarioName });
  });

  it('dispatches events to their channel and reports unreadable frames without throwing', () => {
    const api = setup();
    latest().open();
    const updates: unknown[] = [];
    const sessions: unknown[] = [];
    const problems: string[] = [];
    api.on('update', (payload) => updates.push(payload));
    const off = api.on('session.changed', (payload) => sessions.push(payload));
    api.onProblem((problem) => problems.push(`${problem.code}: ${problem.message}`));

    latest().receive({ type: 'event', channel: 'update', payload: update({ clock: clock(4) }) });
    latest().receive({ type: 'event', channel: 'session.changed', payload: simSession });
    latest().receive('{not json');
    latest().receive({ type: 'surprise' });
    latest().receive({ type: 'event', channel: 'update', payload: { metrics: 'x' } });
    off();
    latest().receive({ type: 'event', channel: 'session.changed', payload: simSession });

    expect(updates).toEqual([update({ clock: clock(4) })]);
    expect(sessions).toEqual([simSession]);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^InvalidFrame: .*not JSON/);
    expect(problems[1]).toMatch(/^InvalidFrame/);
    expect(problems[2]).toMatch(/^InvalidEvent/);
  });

  it('rejects in-flight requests on close, reconnects with backoff, and keeps listeners', async () => {
    const api = setup();
    const states: ConnectionState[] = [];
    api.onConnectionChange((state) => states.push(state));
    const updates: unknown[] = [];
    api.on('update', (payload) => updates.push(payload));
    latest().open();

    const lost = api.request('snapshot.get');
    latest().serverClose();
    await expect(lost).rejects.toMatchObject({ code: 'Disconnected' });
    expect(api.connection).toBe('closed');
    expect(FakeSocket.all).toHaveLength(1);

    vi.advanceTimersByTime(100); // first retry after the initial backoff
    expect(FakeSocket.all).toHaveLength(2);
    latest().serverClose(); // the server is still down
    vi.advanceTimersByTime(150);
    expect(FakeSocket.all).toHaveLength(2); // second retry waits twice as long
    vi.advanceTimersByTime(50);
    expect(FakeSocket.all).toHaveLength(3);
    latest().open();

    latest().receive({ type: 'event', channel: 'update', payload: update({ clock: clock(9) }) });
    expect(updates).toEqual([update({ clock: clock(9) })]);
    expect(states).toEqual(['open', 'closed', 'connecting', 'closed', 'connecting', 'open']);
  });

  it('times out a request nobody answers', async () => {
    const api = setup({ requestTimeoutMs: 1000 });
    latest().open();
    const pending = api.request('snapshot.get');
    vi.advanceTimersByTime(1000);
    await expect(pending).rejects.toMatchObject({ code: 'Timeout' });
    // A late answer finds nobody waiting and is dropped quietly.
    expect(() => latest().respond(0, { ok: true, value: simSession })).not.toThrow();
  });

  it('stops reconnecting once closed', async () => {
    const api = setup();
    latest().open();
    const queuedLater = api.request('session.get');
    latest().respond(0, { ok: true, value: simSession });
    await queuedLater;
    api.close();
    vi.advanceTimersByTime(10_000);
    expect(FakeSocket.all).toHaveLength(1);
    await expect(api.request('session.get')).rejects.toMatchObject({ code: 'Disconnected' });
  });
});
