/**
 * A group's instances and a target group's targets only for the windows that list them (issue 15
 * item 5, contract/member-counts.ts). At scale-1000 ×3600 instance and target records were ~75 of
 * the inventory's 87 kB per frame, sent to every view while only an open group's instance table
 * and an open target group's target table show them. Every window gets the counts.
 */
import { describe, expect, it } from 'vitest';
import {
  applyInventoryDelta,
  countInstances,
  countTargets,
  LiveHistory,
  Snapshot,
  withoutMembers,
  type Inventory,
  type LiveSubscription,
  type Update,
} from '@main/core/contract';
import { shopCore } from '../../helpers/core';

const subscription = (over: Partial<LiveSubscription> = {}): LiveSubscription => ({ metrics: [], lists: ['alarmHistory'], instanceCpu: [], activitiesOf: [], targetsOf: [], newest: {}, history: true, ...over });

async function request(core: ReturnType<typeof shopCore>['core'], channel: 'snapshot.get' | 'live.subscribe', payload: unknown, interest: ReturnType<ReturnType<typeof shopCore>['core']['newInterest']>) {
  const answer = await core.handle(channel, payload, interest);
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value;
}

/** Steps with churn: every group loses an instance and replaces it, targets deregister and register. */
async function churn(core: ReturnType<typeof shopCore>['core'], source: ReturnType<typeof shopCore>['source']) {
  for (const group of source.engine.inventory().autoScalingGroups) source.injectFault('TerminateInstances', { AutoScalingGroupName: group.autoScalingGroupName, Count: 1 });
  for (let i = 0; i < 4; i++) await core.handle('sim.control', { command: 'step', seconds: 120 });
}

const instanceRecords = (updates: Update[]) => updates.flatMap((u) => [...(u.inventory?.autoScalingGroups?.upserted ?? []).flatMap((g) => g.instances), ...(u.inventory?.autoScalingGroups?.patched ?? []).filter((p) => p.lists?.instances)]);

describe('instances and targets only for the windows that list them', () => {
  it('a window that lists none (the Overview) gets counts and no instance or target records; what it holds stays the inventory without members, counts right', async () => {
    const { core, source } = shopCore();
    const window = core.newInterest();
    const updates: Update[] = [];
    const all: Update[] = [];
    core.subscribe((channel, payload) => channel === 'update' && updates.push(payload as Update), window);
    core.subscribe((channel, payload) => channel === 'update' && all.push(payload as Update));
    await request(core, 'live.subscribe', subscription({ history: false }), window);
    const snapshot = Snapshot.parse(await request(core, 'snapshot.get', {}, window));
    expect(snapshot.inventory.autoScalingGroups.every((g) => g.instances.length === 0 && g.instanceCounts!.total > 0)).toBe(true);
    expect(snapshot.inventory.targetGroups.filter((tg) => tg.targetType === 'instance').every((tg) => tg.targets.length === 0 && tg.targetCounts!.total > 0)).toBe(true);
    await churn(core, source);
    // The window that never subscribed (the CLI, older windows) still gets every instance.
    expect(instanceRecords(all).length).toBeGreaterThan(0);
    expect(instanceRecords(updates)).toEqual([]);
    let held: Inventory = snapshot.inventory;
    for (const update of updates) if (update.inventory) held = applyInventoryDelta(held, update.inventory);
    const full = Snapshot.parse(await request(core, 'snapshot.get', {}, core.newInterest())).inventory;
    expect(held).toEqual(withoutMembers(full, { groups: new Set(), targetGroups: new Set() }));
    for (const group of full.autoScalingGroups) expect(held.autoScalingGroups.find((g) => g.autoScalingGroupName === group.autoScalingGroupName)!.instanceCounts).toEqual(countInstances(group.instances));
    for (const tg of full.targetGroups) expect(held.targetGroups.find((t) => t.targetGroupArn === tg.targetGroupArn)!.targetCounts).toEqual(countTargets(tg.targets));
  });

  it('opening a group or a target group brings its members with the answer, then their changes; closing it stops them', async () => {
    const { core, source } = shopCore();
    const window = core.newInterest();
    const updates: Update[] = [];
    core.subscribe((channel, payload) => channel === 'update' && updates.push(payload as Update), window);
    await request(core, 'live.subscribe', subscription({ history: false }), window);
    let held = Snapshot.parse(await request(core, 'snapshot.get', {}, window)).inventory;
    const group = held.autoScalingGroups[0]!.autoScalingGroupName;
    const tg = held.targetGroups.find((t) => t.targetType === 'instance')!.targetGroupArn;
    const answer = LiveHistory.parse(await request(core, 'live.subscribe', subscription({ instanceCpu: [group], targetsOf: [tg] }), window));
    const full = () => source.snapshot().inventory;
    expect(answer.members!.instances[group]).toEqual(full().autoScalingGroups.find((g) => g.autoScalingGroupName === group)!.instances);
    expect(answer.members!.targets[tg]).toEqual(full().targetGroups.find((t) => t.targetGroupArn === tg)!.targets);
    // As the renderer does (stores/inventory.ts setMembers), then the deltas.
    held = { ...held, autoScalingGroups: held.autoScalingGroups.map((g) => (g.autoScalingGroupName === group ? { ...g, instances: answer.members!.instances[group]! } : g)), targetGroups: held.targetGroups.map((t) => (t.targetGroupArn === tg ? { ...t, targets: answer.members!.targets[tg]! } : t)) };
    updates.length = 0;
    await churn(core, source);
    for (const update of updates) if (update.inventory) held = applyInventoryDelta(held, update.inventory);
    expect(held).toEqual(withoutMembers(full(), { groups: new Set([group]), targetGroups: new Set([tg]) }));
    expect(instanceRecords(updates).length).toBeGreaterThan(0);
    await request(core, 'live.subscribe', subscription(), window);
    updates.length = 0;
    await churn(core, source);
    expect(instanceRecords(updates)).toEqual([]);
  });
});
