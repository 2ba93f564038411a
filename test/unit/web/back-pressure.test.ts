/**
 * Back-pressure (issue 15 item 5): a client that stops reading is not disconnected; while its
 * socket buffer is high its update frames are merged (inventory deltas composed by key, every new
 * datapoint kept) and sent when it reads again, so it ends at the latest state without a gap.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { applyHealthDelta, applyInventoryDelta, DEFAULT_HEALTH_THRESHOLDS, diffHealth, Inventory, type Update } from '@main/core/contract';
import type { EventListener } from '@main/core/core-host';
import { startWebServer, type RunningWebServer } from '@main/web/web-server';
import { mergeUpdates, UpdateCoalescer } from '@main/web/update-coalescer';
import { openSocket, rendererDir } from './support';

const TG_ARN = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/1';
const SERIES = { namespace: 'AWS/ApplicationELB', metricName: 'RequestCount', dimensions: { LoadBalancer: 'app/shop/1' }, stat: 'Sum' as const, period: 60 };
const EMPTY = Inventory.parse({ loadBalancers: [], targetGroups: [], autoScalingGroups: [] });

/** Update i: a large target group (~150 KB: 2,000 targets) changed again, and one new datapoint. */
function bigUpdate(i: number): Update {
  const targets = Array.from({ length: 2000 }, (_, t) => ({ targetId: `i-${t.toString(16).padStart(17, '0')}`, port: 80, availabilityZone: 'us-east-1a', state: (t + i) % 7 === 0 ? ('unhealthy' as const) : ('healthy' as const) }));
  const group = { targetGroupArn: TG_ARN, targetGroupName: 'web', targetType: 'instance' as const, loadBalancerArns: [], targets };
  return {
    clock: { now: i * 1000, startTime: 0, running: true, speed: 3600 },
    inventory: { from: i, to: i + 1, targetGroups: { upserted: [group], removed: [] } },
    scalingActivities: [],
    alarmHistory: [],
    rdsEvents: [],
    timeline: [],
    accessLog: [],
    metrics: [{ ...SERIES, points: [[i * 60, i]] }],
  };
}

function fakeCore() {
  const listeners = new Set<EventListener>();
  return {
    subscribe(listener: EventListener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    handle: async () => ({ ok: true as const, value: {} }),
    emit(update: Update) {
      for (const listener of listeners) listener('update', update);
    },
  };
}

/** The client's TCP socket: pausing it stops reading, so the server's send buffer fills. */
const tcp = (ws: WebSocket) => (ws as unknown as { _socket: { pause(): void; resume(): void } })._socket;

let server: RunningWebServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('web host back-pressure', () => {
  it('merges a slow client\'s updates instead of closing its connection, and it ends at the latest state', async () => {
    const core = fakeCore();
    const log: string[] = [];
    server = await startWebServer({ core, rendererDir: rendererDir(), log: (m) => log.push(m), limits: { coalesceAboveBytes: 256 * 1024, coalesceCheckMs: 10 } });
    const ws = await openSocket(server.port, `?token=${server.token}`);
    const received: Update[] = [];
    let closed = false;
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as { type: string; channel?: string; payload: Update };
      if (frame.type === 'event' && frame.channel === 'update') received.push(frame.payload);
    });
    ws.on('close', () => (closed = true));
    // Updates are changes since the window's snapshot: it asks for one first, as a window does.
    const answered = new Promise((resolve) => ws.once('message', resolve));
    ws.send(JSON.stringify({ type: 'request', id: 1, channel: 'snapshot.get', payload: {} }));
    await answered;
    tcp(ws).pause();
    // 200 frames of ~150 KB: 30 MB, more than the kernel's loopback buffers and the 16 MiB at
    // which the host used to drop the connection.
    const sent = 200;
    for (let i = 0; i < sent; i++) {
      core.emit(bigUpdate(i));
      if (i % 20 === 19) await new Promise((resolve) => setImmediate(resolve));
    }
    tcp(ws).resume();
    await expect.poll(() => received.at(-1)?.inventory?.to, { timeout: 120_000, interval: 50 }).toBe(sent);
    expect(closed).toBe(false);
    expect(server.connections).toBe(1);
    // Fewer frames than updates: the intermediate ones were merged while the client was behind.
    expect(received.length).toBeLessThan(sent);
    // The deltas still chain, and every datapoint arrived once, in order.
    let version = 0;
    let inventory = EMPTY;
    for (const update of received) {
      expect(update.inventory!.from).toBe(version);
      inventory = applyInventoryDelta(inventory, update.inventory!);
      version = update.inventory!.to;
    }
    expect(inventory.targetGroups[0]).toEqual(bigUpdate(sent - 1).inventory!.targetGroups!.upserted[0]);
    expect(received.flatMap((u) => u.metrics.flatMap((m) => m.points.map(([, value]) => value)))).toEqual(Array.from({ length: sent }, (_, i) => i));
    ws.close();
  }, 180_000);
});

describe('UpdateCoalescer', () => {
  it('sends at once while the buffer is low, merges while it is high, and sends the merge when it drains', async () => {
    let buffered = 0;
    const sent: Update[] = [];
    const coalescer = new UpdateCoalescer({ highWaterBytes: 100, checkEveryMs: 5, bufferedAmount: () => buffered, send: (u) => sent.push(u), overflow: () => undefined });
    coalescer.push(bigUpdate(0));
    expect(sent).toHaveLength(1);
    buffered = 1000;
    for (let i = 1; i < 5; i++) coalescer.push(bigUpdate(i));
    expect(sent).toHaveLength(1);
    expect(coalescer.coalesced).toBe(3);
    buffered = 0;
    await expect.poll(() => sent.length, { timeout: 10_000 }).toBe(2);
    expect(sent[1]!.inventory).toMatchObject({ from: 1, to: 5 });
    expect(sent[1]!.metrics[0]!.points).toEqual([[60, 1], [120, 2], [180, 3], [240, 4]]);
    expect(sent[1]!.clock!.now).toBe(4000);
  });

  it('flushes what waits before another frame, so that frames keep their order', () => {
    const sent: Update[] = [];
    const coalescer = new UpdateCoalescer({ highWaterBytes: 0, checkEveryMs: 1000, bufferedAmount: () => 1, send: (u) => sent.push(u), overflow: () => undefined });
    coalescer.push(bigUpdate(0));
    coalescer.push(bigUpdate(1));
    expect(sent).toHaveLength(0);
    coalescer.flush();
    expect(sent.map((u) => u.inventory)).toMatchObject([{ from: 0, to: 2 }]);
    coalescer.stop();
  });

  it('lets a client go when what waits for it grows past its bound, instead of holding it all', () => {
    let overflowed = 0;
    const sent: Update[] = [];
    const coalescer = new UpdateCoalescer({ highWaterBytes: 0, checkEveryMs: 1000, bufferedAmount: () => 1, send: (u) => sent.push(u), overflow: () => overflowed++, maxWaitingItems: 10 });
    for (let i = 0; i < 10; i++) coalescer.push(bigUpdate(i));
    expect(overflowed).toBe(0);
    coalescer.push(bigUpdate(10));
    expect(overflowed).toBe(1);
    coalescer.flush();
    expect(sent).toHaveLength(0);
  });

  it('does not merge updates whose inventory deltas do not chain', () => {
    expect(mergeUpdates(bigUpdate(0), bigUpdate(5))).toBeUndefined();
    const merged = mergeUpdates({ ...bigUpdate(0), inventory: undefined }, bigUpdate(5))!;
    expect(merged.inventory).toMatchObject({ from: 5, to: 6 });
  });

  it('composes the health deltas of merged updates (contract/health-delta.ts), and does not merge those that do not chain', () => {
    const report = (status: 'ok' | 'failing', at: string) => ({ evaluatedAt: at, thresholds: DEFAULT_HEALTH_THRESHOLDS, resources: [], services: [{ service: 'elbv2' as const, status, total: 1, counts: {}, reasons: [] }] });
    const [a, b, c] = [report('ok', '2026-01-01T00:00:00Z'), report('failing', '2026-01-01T00:01:00Z'), report('ok', '2026-01-01T00:02:00Z')];
    const first = { ...bigUpdate(0), inventory: undefined, healthDelta: diffHealth(a, b, { from: 3, to: 4 }) };
    const second = { ...bigUpdate(1), inventory: undefined, healthDelta: diffHealth(b, c, { from: 4, to: 5 }) };
    const merged = mergeUpdates(first, second)!;
    expect(merged.healthDelta).toMatchObject({ from: 3, to: 5 });
    expect(applyHealthDelta(a, merged.healthDelta!)).toEqual(c);
    expect(mergeUpdates(first, { ...second, healthDelta: diffHealth(b, c, { from: 6, to: 7 }) })).toBeUndefined();
  });
});
