/**
 * Subscriptions per visible view (issue 15 item 5, contract/model-live.ts): a window that says which
 * series, lists and groups' instance CPU it shows gets only those in its updates and snapshots, two
 * windows on one core each get their own, the answer carries the history of what was added, a
 * window that never subscribes gets everything, and the request is bounded.
 */
import { describe, expect, it } from 'vitest';
import { LiveHistory, MAX_SUBSCRIBED_SERIES, metricQueryKey, Snapshot, withoutMembers, type LiveSubscription, type Update } from '@main/core/contract';
import { shopCore } from '../../helpers/core';

const CPU = { namespace: 'AWS/EC2', metricName: 'CPUUtilization', dimensions: { AutoScalingGroupName: 'shop-web-asg' }, stat: 'Average' } as const;
const subscription = (over: Partial<LiveSubscription> = {}): LiveSubscription => ({ metrics: [CPU], lists: ['scalingActivities'], instanceCpu: ['shop-web-asg'], activitiesOf: [], targetsOf: [], newest: {}, history: true, ...over });

function collect(core: ReturnType<typeof shopCore>['core'], interest?: ReturnType<ReturnType<typeof shopCore>['core']['newInterest']>): Update[] {
  const updates: Update[] = [];
  core.subscribe((channel, payload) => channel === 'update' && updates.push(payload as Update), interest);
  return updates;
}

describe('live.subscribe: each window gets what its views show', () => {
  it('a subscribed window gets only its series, lists and groups; another window on the same core still gets everything', async () => {
    const { core } = shopCore();
    const window = core.newInterest();
    const other = core.newInterest();
    const mine = collect(core, window);
    const all = collect(core, other);
    expect(await core.handle('live.subscribe', subscription({ history: false }), window)).toEqual({ ok: true, value: { metrics: [] } });
    await core.handle('sim.control', { command: 'step', seconds: 900 });

    const keys = new Set(mine.flatMap((u) => u.metrics.map(metricQueryKey)));
    expect([...keys]).toEqual([metricQueryKey(CPU)]);
    expect(mine.flatMap((u) => u.metrics[0]?.points ?? []).length).toBeGreaterThan(0);
    expect(mine.every((u) => u.timeline.length === 0 && u.accessLog.length === 0 && u.alarmHistory.length === 0)).toBe(true);
    expect(mine.every((u) => u.instanceCpu === undefined || Object.keys(u.instanceCpu).every((g) => g === 'shop-web-asg'))).toBe(true);
    // The other window never subscribed: every series, every list.
    expect(new Set(all.flatMap((u) => u.metrics.map(metricQueryKey))).size).toBeGreaterThan(20);
    expect(all.some((u) => u.accessLog.length > 0)).toBe(true);
    // The inventory and the clock go to both: every view needs them.
    expect(mine.map((u) => u.inventory?.to)).toEqual(all.map((u) => u.inventory?.to));
    expect(mine.every((u) => u.clock)).toBe(true);
  });

  it('the answer carries the history of what was added, and only that', async () => {
    const { core } = shopCore();
    await core.handle('sim.control', { command: 'step', seconds: 1800 });
    const window = core.newInterest();
    const first = await core.handle('live.subscribe', subscription(), window);
    expect(first.ok).toBe(true);
    const history = LiveHistory.parse((first as { value: unknown }).value);
    expect(history.metrics.map(metricQueryKey)).toEqual([metricQueryKey(CPU)]);
    expect(history.metrics[0]!.points.length).toBeGreaterThanOrEqual(25);
    expect(history.scalingActivities).toBeDefined();
    expect(history.timeline).toBeUndefined();
    expect(Object.keys(history.instanceCpu!)).toEqual(['shop-web-asg']);
    expect(Object.values(history.instanceCpu!['shop-web-asg']!).every((cpu) => cpu >= 0 && cpu <= 100)).toBe(true);

    // Adding a list and a series: the answer has those, not what was already there.
    const requests = { ...CPU, metricName: 'RequestCount', namespace: 'AWS/ApplicationELB', stat: 'Sum' as const, dimensions: {} };
    const second = LiveHistory.parse(((await core.handle('live.subscribe', subscription({ metrics: [CPU, requests], lists: ['scalingActivities', 'timeline'] }), window)) as { value: unknown }).value);
    expect(second.metrics.map(metricQueryKey)).not.toContain(metricQueryKey(CPU));
    expect(second.scalingActivities).toBeUndefined();
    expect(second.timeline).toBeDefined();
    expect(second.instanceCpu).toBeUndefined();
  });

  it("a subscribed window's snapshot has its series and lists, the inventory with the instances of its groups only (live-members.test.ts), instance CPU only of its groups", async () => {
    const { core } = shopCore();
    await core.handle('sim.control', { command: 'step', seconds: 900 });
    const window = core.newInterest();
    await core.handle('live.subscribe', subscription({ history: false }), window);
    const snapshot = Snapshot.parse(((await core.handle('snapshot.get', {}, window)) as { value: unknown }).value);
    const full = Snapshot.parse(((await core.handle('snapshot.get', {})) as { value: unknown }).value);
    expect(snapshot.metrics.map(metricQueryKey)).toEqual([metricQueryKey(CPU)]);
    expect(snapshot.timeline).toEqual([]);
    expect(snapshot.scalingActivities).toEqual(full.scalingActivities);
    expect(snapshot.inventory).toEqual(withoutMembers(full.inventory, { groups: new Set(['shop-web-asg']), targetGroups: new Set() }));
    expect(Object.keys(snapshot.instanceCpu ?? {})).toEqual(['shop-web-asg']);
    expect(full.metrics.length).toBeGreaterThan(snapshot.metrics.length);
  });

  it('instance CPU is not in the pushed inventory (it would send every group every minute) but next to it', async () => {
    const { core } = shopCore();
    const snapshot = Snapshot.parse(((await core.handle('snapshot.get', {})) as { value: unknown }).value);
    const instances = snapshot.inventory.autoScalingGroups.flatMap((g) => g.instances);
    expect(instances.length).toBeGreaterThan(0);
    expect(instances.every((i) => i.cpuUtilization === undefined)).toBe(true);
    expect(Object.keys(snapshot.instanceCpu!['shop-web-asg']!).sort()).toEqual(snapshot.inventory.autoScalingGroups.find((g) => g.autoScalingGroupName === 'shop-web-asg')!.instances.map((i) => i.instanceId).sort());
  });

  it('is bounded and validated: too many series, an unknown list', async () => {
    const { core } = shopCore();
    const tooMany = Array.from({ length: MAX_SUBSCRIBED_SERIES + 1 }, (_, i) => ({ ...CPU, dimensions: { AutoScalingGroupName: `g${i}` } }));
    expect(await core.handle('live.subscribe', subscription({ metrics: tooMany }))).toMatchObject({ ok: false, error: { code: 'InvalidRequest', path: 'metrics' } });
    expect(await core.handle('live.subscribe', { ...subscription(), lists: ['secrets'] })).toMatchObject({ ok: false, error: { code: 'InvalidRequest' } });
  });
});

describe('live.subscribe: scaling activities of the open groups only', () => {
  it('without the whole list, a window gets the activities of the groups it names, with their history', async () => {
    const { core, source } = shopCore();
    const window = core.newInterest();
    const mine = collect(core, window);
    const all = collect(core);
    await core.handle('sim.control', { command: 'step', seconds: 600 });
    const groups = source.engine.inventory().autoScalingGroups.map((g) => g.autoScalingGroupName);
    expect(groups.length).toBeGreaterThan(1);
    const [open] = groups;
    const answer = LiveHistory.parse(((await core.handle('live.subscribe', { ...subscription(), lists: [], activitiesOf: [open!] }, window)) as { value: unknown }).value);
    expect(answer.scalingActivities!.length).toBeGreaterThan(0);
    expect(answer.scalingActivities!.every((a) => a.autoScalingGroupName === open)).toBe(true);
    for (const group of groups) source.injectFault('TerminateInstances', { AutoScalingGroupName: group, Count: 1 });
    await core.handle('sim.control', { command: 'step', seconds: 300 });
    const received = mine.flatMap((u) => u.scalingActivities);
    expect(received.length).toBeGreaterThan(0);
    expect(received.every((a) => a.autoScalingGroupName === open)).toBe(true);
    expect(new Set(all.flatMap((u) => u.scalingActivities.map((a) => a.autoScalingGroupName))).size).toBeGreaterThan(1);
  });
});
