/**
 * Issue 10: "no cap on connections (40 idle clients → 1 GB RSS) … or requests per connection". The web
 * host now bounds connections, frames and requests per connection (a token bucket answering the
 * excess with a typed RateLimited error, closing a connection that keeps at it) and drops peers that
 * stop answering pings. Limits are the real defaults (limits.ts) unless a test says otherwise.
 */
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { TokenBucket, WEB_HOST_LIMITS, type WebHostLimits } from '@main/web/limits';
import { startWebServer, type RunningWebServer } from '@main/web/web-server';
import { shopCore } from '../../helpers/core';
import { collect, openSocket, rendererDir } from './support';

let server: RunningWebServer | undefined;
let stopCore: (() => void) | undefined;
const sockets: WebSocket[] = [];

async function start(limits: Partial<WebHostLimits> = {}): Promise<RunningWebServer> {
  const { core } = shopCore();
  stopCore = () => core.stop();
  server = await startWebServer({ core, rendererDir: rendererDir(), port: 0, limits, log: () => {} });
  return server;
}

async function open(s: RunningWebServer, options: WebSocket.ClientOptions = {}): Promise<WebSocket> {
  const ws = await openSocket(s.port, `?token=${s.token}`, options);
  sockets.push(ws);
  return ws;
}

const closed = (ws: WebSocket) => new Promise<{ code: number; reason: string }>((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));

afterEach(async () => {
  for (const ws of sockets.splice(0)) ws.terminate();
  await server?.close();
  stopCore?.();
  server = undefined;
});

describe('the token bucket', () => {
  it('allows a burst, then the refill rate, and never more than its capacity', () => {
    let now = 0;
    const bucket = new TokenBucket(3, 2, () => now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    now += 500; // half a second at 2/s: one token back
    expect([bucket.take(), bucket.take()]).toEqual([true, false]);
    now += 60_000; // a long pause refills to capacity, not beyond
    expect([bucket.take(3), bucket.take()]).toEqual([true, false]);
  });
});

describe('web host limits', () => {
  it(`accepts ${WEB_HOST_LIMITS.maxConnections} WebSocket connections and answers the next upgrade with 503`, async () => {
    const s = await start();
    for (let i = 0; i < WEB_HOST_LIMITS.maxConnections; i++) await open(s);
    expect(s.connections).toBe(WEB_HOST_LIMITS.maxConnections);
    await expect(open(s)).rejects.toThrow(`HTTP 503 too many connections (at most ${WEB_HOST_LIMITS.maxConnections})`);
    // Closing one frees a slot.
    const first = sockets.shift()!;
    const gone = closed(first);
    first.close();
    await gone;
    await expect.poll(() => s.connections).toBe(WEB_HOST_LIMITS.maxConnections - 1);
    await open(s);
  });

  it('answers requests over the per-connection rate with a typed RateLimited error carrying the request id', async () => {
    const s = await start();
    const ws = await open(s);
    const frames = collect(ws);
    const count = WEB_HOST_LIMITS.requestBurst + 150;
    for (let id = 1; id <= count; id++) ws.send(JSON.stringify({ type: 'request', id, channel: 'session.get', payload: {} }));
    await expect.poll(() => frames.filter((f) => f.type === 'response').length, { timeout: 30_000 }).toBe(count);
    const limited = frames.filter((f) => f.type === 'response' && f.result?.error?.code === 'RateLimited');
    // The burst is served; what the refill could not cover in the meantime is refused, by id.
    expect(limited.length).toBeGreaterThan(0);
    expect(limited.length).toBeLessThanOrEqual(150);
    expect(limited[0]!.result!.error!.message).toMatch(/^session\.get: refused, more than 50 requests a second on this connection; retry shortly$/);
    expect(new Set(limited.map((f) => f.id)).size).toBe(limited.length);
    expect(ws.readyState).toBe(WebSocket.OPEN);
  });

  it('closes a connection that keeps sending over the limit (1008)', async () => {
    const s = await start();
    const ws = await open(s);
    const frames = collect(ws);
    const end = closed(ws);
    const count = WEB_HOST_LIMITS.requestBurst + WEB_HOST_LIMITS.strikeBurst * 3;
    for (let id = 1; id <= count; id++) ws.send(JSON.stringify({ type: 'request', id, channel: 'session.get', payload: {} }));
    expect(await end).toEqual({ code: 1008, reason: 'too many requests over the rate limit' });
    expect(frames.filter((f) => f.result?.error?.code === 'RateLimited').length).toBeGreaterThanOrEqual(WEB_HOST_LIMITS.strikeBurst);
    // The server is fine: a new connection is served.
    const again = await open(s);
    const answers = collect(again);
    again.send(JSON.stringify({ type: 'request', id: 1, channel: 'session.get', payload: {} }));
    await expect.poll(() => answers.some((f) => f.id === 1 && f.result?.ok)).toBe(true);
  });

  it('does not spend the request budget on malformed frames (those are metered per frame and byte)', async () => {
    const s = await start();
    const ws = await open(s);
    const frames = collect(ws);
    for (let id = 1; id <= 1000; id++) ws.send(JSON.stringify({ type: 'request', id, channel: 'session.get', payload: { unexpected: true } }));
    ws.send(JSON.stringify({ type: 'request', id: 5000, channel: 'session.get', payload: {} }));
    await expect.poll(() => frames.some((f) => f.id === 5000), { timeout: 30_000 }).toBe(true);
    expect(frames.find((f) => f.id === 5000)!.result!.ok).toBe(true);
    expect(frames.filter((f) => f.result?.error?.code === 'InvalidRequest')).toHaveLength(1000);
  });

  it('meters raw frames too: a flood of frames beyond the frame budget is refused, then closed', async () => {
    const s = await start({ frameBurst: 50, frameUnitsPerSecond: 10, strikeBurst: 20, strikesPerSecond: 1 });
    const ws = await open(s);
    const frames = collect(ws);
    const end = closed(ws);
    for (let i = 0; i < 200; i++) ws.send('{not json');
    expect((await end).code).toBe(1008);
    expect(frames.some((f) => f.id === -1 && f.result?.error?.code === 'RateLimited' && /frames \(or 4 KiB units\) a second/.test(f.result.error.message))).toBe(true);
  });

  it('drops a peer that stops answering pings, and keeps one that answers', async () => {
    const s = await start({ heartbeatMs: 100 });
    const silent = await open(s, { autoPong: false });
    const healthy = await open(s);
    const end = closed(silent);
    // Terminated without a close frame: 1006 on the client side.
    expect((await end).code).toBe(1006);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(healthy.readyState).toBe(WebSocket.OPEN);
    expect(s.connections).toBe(1);
  });
});
