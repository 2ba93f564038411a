// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApi, setApi } from '@/api';
import { useActivitiesStore } from '@/stores/activities';
import { useInventoryStore } from '@/stores/inventory';
import { useLiveStore } from '@/stores/live';
import { useHealthStore } from '@/stores/health';
import { DEFAULT_HEALTH_THRESHOLDS, diffHealth } from '@contract';
import { useMetricsStore } from '@/stores/metrics';
import { useSessionStore } from '@/stores/session';
import { createWebSocketTransport } from '@/transport/websocket-transport';

import { installFakeCore, type FakeCore } from '../support/fake-api';
import { FakeSocket } from '../support/fake-socket';
import { GROUP, START, activity, awsSession, capacityQueries, capacitySeries, clock, simSession, snapshot, update } from '../support/fixtures';

let core: FakeCore;

beforeEach(() => {
  setActivePinia(createPinia());
  core = installFakeCore();
});
afterEach(() => {
  useLiveStore().stop();
  setApi(undefined);
});

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
/** Updates are applied once per animation frame: this resolves after the store's frame callback. */
const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

describe('live store', () => {
  it('takes health verdicts from the snapshot and from updates that carry them, and keeps them otherwise', async () => {
    const report = (status: 'ok' | 'failing') => ({ evaluatedAt: new Date(START).toISOString(), thresholds: DEFAULT_HEALTH_THRESHOLDS, resources: [], services: [{ service: 'elbv2' as const, status, total: 1, counts: {}, reasons: [] }] });
    core.answer('snapshot.get', snapshot({ health: report('ok'), healthVersion: 4 }));
    useLiveStore().start();
    await flush();
    expect(useHealthStore().service('elbv2')?.status).toBe('ok');
    // Only what changed travels (contract/health-delta.ts), from the version the snapshot carried.
    core.emit('update', update({ clock: clock(11), healthDelta: diffHealth(report('ok'), report('failing'), { from: 4, to: 5 }) }));
    await frame();
    expect(useHealthStore().service('elbv2')?.status).toBe('failing');
    core.emit('update', update({ clock: clock(12) }));
    await frame();
    expect(useHealthStore().service('elbv2')?.status).toBe('failing');
  });

  it('a health delta that does not follow the version held loads the snapshot again (a change was missed)', async () => {
    const report = (status: 'ok' | 'failing') => ({ evaluatedAt: new Date(START).toISOString(), thresholds: DEFAULT_HEALTH_THRESHOLDS, resources: [], services: [{ service: 'elbv2' as const, status, total: 1, counts: {}, reasons: [] }] });
    core.answer('snapshot.get', snapshot({ health: report('ok'), healthVersion: 4 }));
    useLiveStore().start();
    await flush();
    const loads = core.requests.filter((r) => r.channel === 'snapshot.get').length;
    core.answer('snapshot.get', snapshot({ clock: clock(13), health: report('failing'), healthVersion: 7 }));
    core.emit('update', update({ clock: clock(12), healthDelta: diffHealth(report('ok'), report('ok'), { from: 6, to: 7 }) }));
    await frame();
    await flush();
    expect(core.requests.filter((r) => r.channel === 'snapshot.get').length).toBe(loads + 1);
    expect(useHealthStore().service('elbv2')?.status).toBe('failing');
  });

  it('loads the snapshot into the domain stores on start', async () => {
    core.answer('snapshot.get', snapshot());
    const live = useLiveStore();
    live.start();
    expect(live.status).toBe('loading');
    await flush();
    expect(live.status).toBe('ready');
    expect(useSessionStore().session).toEqual(simSession);
    expect(useSessionStore().clock).toEqual(clock(10));
    expect(useInventoryStore().autoScalingGroups[0]!.autoScalingGroupName).toBe(GROUP);
    expect(useActivitiesStore().items.map((a) => a.activityId)).toEqual(['a2', 'a1']);
    expect(useMetricsStore().find(capacityQueries(GROUP).cpu)?.length).toBe(10);
  });

  it('follows update events: points, activities, inventory and clock', async () => {
    core.answer('snapshot.get', snapshot());
    useLiveStore().start();
    await flush();
    const group = { ...snapshot().inventory.autoScalingGroups[0]!, desiredCapacity: 3 };
    const inventory = { from: 0, to: 1, autoScalingGroups: { upserted: [group], removed: [] } };
    core.emit('update', update({ clock: clock(11), inventory, scalingActivities: [activity('a3', 10, 'InProgress')], metrics: capacitySeries(10, 1) }));
    expect(useSessionStore().clock?.now).toBe(clock(10).now); // not before the next animation frame
    await frame();

    expect(useSessionStore().clock?.now).toBe(clock(11).now);
    expect(useInventoryStore().autoScalingGroups[0]!.desiredCapacity).toBe(3);
    expect(useActivitiesStore().items[0]).toMatchObject({ activityId: 'a3', statusCode: 'InProgress' });
    expect(useMetricsStore().find(capacityQueries(GROUP).desired)?.length).toBe(11);
  });

  it('holds updates that arrive during the snapshot and drops those older than it', async () => {
    let answer!: (value: unknown) => void;
    core.answer('snapshot.get', () => new Promise((resolve) => (answer = resolve)));
    useLiveStore().start();
    core.emit('update', update({ clock: clock(9), scalingActivities: [activity('a2', 5, 'InProgress')] }));
    core.emit('update', update({ clock: clock(11), metrics: capacitySeries(10, 2) }));
    expect(useActivitiesStore().items).toHaveLength(0);
    answer(snapshot());
    await flush();
    // a2 stays Successful (the stale InProgress is dropped); the newer points are on top of the snapshot.
    expect(useActivitiesStore().items.find((a) => a.activityId === 'a2')?.statusCode).toBe('Successful');
    expect(useMetricsStore().find(capacityQueries(GROUP).cpu)?.length).toBe(12);
  });

  it('applies inventory deltas that follow the held version, skips those the snapshot holds, and reloads on a gap', async () => {
    core.answer('snapshot.get', snapshot({ inventoryVersion: 5 }));
    useLiveStore().start();
    await flush();
    const group = (desiredCapacity: number) => ({ ...snapshot().inventory.autoScalingGroups[0]!, desiredCapacity });
    const delta = (from: number, to: number, desired: number) => ({ from, to, autoScalingGroups: { upserted: [group(desired)], removed: [] } });
    core.emit('update', update({ inventory: delta(4, 5, 9) }));
    core.emit('update', update({ inventory: delta(5, 6, 3) }));
    await frame();
    expect(useInventoryStore().autoScalingGroups[0]!.desiredCapacity).toBe(3);
    expect(core.requests.filter((r) => r.channel === 'snapshot.get')).toHaveLength(1);
    // 6 → 7 was missed: the store cannot follow and the snapshot is loaded again (the fake answers the same one).
    core.emit('update', update({ inventory: delta(7, 8, 4) }));
    await frame();
    await flush();
    expect(useInventoryStore().autoScalingGroups[0]!.desiredCapacity).toBe(2);
    expect(core.requests.filter((r) => r.channel === 'snapshot.get')).toHaveLength(2);
  });

  it('applies every update that arrived within one animation frame, in order, with one change of the inventory', async () => {
    core.answer('snapshot.get', snapshot());
    useLiveStore().start();
    await flush();
    const inventory = useInventoryStore();
    const seen: number[] = [];
    inventory.$subscribe(() => seen.push(inventory.autoScalingGroups[0]!.desiredCapacity));
    const group = (desiredCapacity: number) => ({ ...snapshot().inventory.autoScalingGroups[0]!, desiredCapacity });
    for (let i = 0; i < 5; i++) core.emit('update', update({ clock: clock(11 + i), inventory: { from: i, to: i + 1, autoScalingGroups: { upserted: [group(i + 2)], removed: [] } } }));
    expect(useSessionStore().clock?.now).toBe(clock(10).now);
    await frame();
    expect(useSessionStore().clock?.now).toBe(clock(15).now);
    expect(inventory.autoScalingGroups[0]!.desiredCapacity).toBe(6);
  });

  it('reloads the snapshot on session.changed', async () => {
    core.answer('snapshot.get', snapshot());
    useLiveStore().start();
    await flush();
    const aws = awsSession;
    core.answer('snapshot.get', snapshot({ session: aws, clock: undefined, scalingActivities: [] }));
    core.emit('session.changed', aws);
    expect(useSessionStore().session).toEqual(aws);
    await flush();
    expect(core.requests.filter((r) => r.channel === 'snapshot.get')).toHaveLength(2);
    expect(useActivitiesStore().items).toHaveLength(0);
    expect(useSessionStore().clock).toBeNull();
  });

  it('shows a failed load and recovers on retry', async () => {
    useLiveStore().start();
    await flush();
    expect(useLiveStore().status).toBe('error');
    expect(useLiveStore().loadError?.message).toMatch(/no fake for snapshot.get/);
    core.answer('snapshot.get', snapshot());
    await useLiveStore().reload();
    expect(useLiveStore().status).toBe('ready');
  });

  it('reports invalid frames as problems', async () => {
    core.answer('snapshot.get', snapshot());
    useLiveStore().start();
    await flush();
    core.emit('update', { nope: true });
    core.problem('ignored a frame that is not JSON');
    expect(useSessionStore().problems.map((p) => p.code)).toEqual(['InvalidEvent', 'InvalidFrame']);
  });
});

describe('live store over a real WebSocket transport', () => {
  beforeEach(() => {
    FakeSocket.all = [];
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('reloads the snapshot after a reconnect and keeps following updates', async () => {
    setApi(createApi(createWebSocketTransport({ url: 'ws://x/ws?token=t', createSocket: (url) => new FakeSocket(url), initialBackoffMs: 10 })));
    const live = useLiveStore();
    const session = useSessionStore();
    live.start();
    expect(session.connection).toBe('connecting');

    FakeSocket.latest().open();
    expect(session.connection).toBe('open');
    const firstRequests = FakeSocket.latest().sent.filter((frame) => frame.channel === 'snapshot.get');
    expect(firstRequests).toHaveLength(1); // the first open does not load twice
    FakeSocket.latest().respond(FakeSocket.latest().sent.indexOf(firstRequests[0]!), { ok: true, value: snapshot() });
    await vi.waitFor(() => expect(live.status).toBe('ready'));

    FakeSocket.latest().serverClose();
    expect(session.connection).toBe('closed');
    vi.advanceTimersByTime(10);
    FakeSocket.latest().open();
    expect(FakeSocket.all).toHaveLength(2);
    const again = FakeSocket.latest().sent;
    // The new socket has no subscriptions: they go again, before the snapshot.
    expect(again.map((frame) => frame.channel)).toEqual(['live.subscribe', 'snapshot.get']);
    FakeSocket.latest().respond(1, { ok: true, value: snapshot({ clock: clock(20), scalingActivities: [activity('a9', 19)] }) });
    await vi.waitFor(() => expect(useSessionStore().clock?.now).toBe(clock(20).now));
    expect(live.snapshotCount).toBe(2);

    // The update listener registered before the drop still works on the new socket.
    FakeSocket.latest().receive({ type: 'event', channel: 'update', payload: update({ clock: clock(21) }) });
    vi.advanceTimersByTime(1000);
    expect(useSessionStore().clock?.now).toBe(clock(21).now);
    expect(useActivitiesStore().items.map((a) => a.activityId)).toEqual(['a9']);
  });
});
