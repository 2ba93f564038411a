/**
 * Inventory deltas by resource key (issue 15 item 5, issue 9 item 6): the law apply(a, diff(a, b))
 * = b holds for real simulator inventories and for every kind of edit (change, add, remove, re-add,
 * reorder, duplicate keys, the Lambda account), composition equals applying one after the other,
 * and the schema validates what travels.
 */
import { describe, expect, it } from 'vitest';
import {
  applyInventoryDelta,
  composeInventoryDeltas,
  diffInventory,
  Inventory,
  InventoryDelta,
  RESOURCE_KEYS,
  sameValue,
  Update,
  type InventoryCollection,
} from '@main/core/contract';
import { readScenario } from '@main/core/scenario-files';
import { SimulationEngine } from '@main/core/sources/sim/engine';

function shopInventories(count: number, stepSeconds: number): Inventory[] {
  const engine = new SimulationEngine(readScenario('shop'));
  const result = [engine.inventory()];
  for (let i = 1; i < count; i++) {
    engine.advanceBy(stepSeconds);
    result.push(engine.inventory());
  }
  return structuredClone(result);
}

/** A seeded generator: the edits below are the same on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Random edits of every kind a poll can show: drop, reorder, change a field, re-add a dropped one. */
function edit(inventory: Inventory, random: () => number, pool: Inventory): Inventory {
  const next = structuredClone(inventory);
  for (const collection of Object.keys(RESOURCE_KEYS) as InventoryCollection[]) {
    let items = next[collection] as { [key: string]: unknown }[];
    if (random() < 0.3 && items.length > 0) items.splice(Math.floor(random() * items.length), 1);
    if (random() < 0.3) items.reverse();
    if (random() < 0.5 && items.length > 0) items[Math.floor(random() * items.length)]!.touched = random();
    const missing = (pool[collection] as { [key: string]: unknown }[]).filter((item) => !items.some((i) => sameValue(RESOURCE_KEYS[collection](i as never), RESOURCE_KEYS[collection](item as never))));
    if (random() < 0.4 && missing.length > 0) items = [...items.slice(0, 1), structuredClone(missing[0]!), ...items.slice(1)];
    (next as Record<string, unknown>)[collection] = items;
  }
  const account = random();
  if (account < 0.3) delete next.lambdaAccount;
  else if (account < 0.6) next.lambdaAccount = { concurrentExecutionsLimit: 1000, unreservedConcurrentExecutions: Math.floor(random() * 1000) };
  return next;
}

describe('diffInventory / applyInventoryDelta', () => {
  it('apply(a, diff(a, b)) equals b, order included, along a simulated hour of the shop', () => {
    const inventories = shopInventories(13, 300);
    let changedFrames = 0;
    for (let i = 1; i < inventories.length; i++) {
      const [a, b] = [inventories[i - 1]!, inventories[i]!];
      const delta = diffInventory(a, b, { from: i - 1, to: i });
      if (!delta) {
        expect(b).toEqual(a);
        continue;
      }
      changedFrames++;
      expect(InventoryDelta.parse(delta)).toEqual(delta);
      expect(applyInventoryDelta(a, delta)).toEqual(b);
      // A delta is smaller than the inventory it stands for: unchanged resources do not travel.
      expect(JSON.stringify(delta).length).toBeLessThan(JSON.stringify(b).length);
    }
    expect(changedFrames).toBeGreaterThan(0);
  });

  it('holds for removals, additions, re-additions, reordering and the Lambda account (seeded edits)', () => {
    const [base] = shopInventories(1, 0);
    const random = seeded(7);
    let current = base!;
    for (let round = 0; round < 200; round++) {
      const next = edit(current, random, base!);
      const delta = diffInventory(current, next, { from: round, to: round + 1 });
      expect(delta === undefined ? current : applyInventoryDelta(current, delta), `round ${round}`).toEqual(next);
      current = next;
    }
  });

  it('names each change by key: a field-level patch for the changed group, a removal, nothing for the unchanged', () => {
    const [a] = shopInventories(1, 0);
    const b = structuredClone(a!);
    b.autoScalingGroups[0]!.desiredCapacity += 1;
    const removed = b.targetGroups.pop()!;
    const delta = diffInventory(a!, b, { from: 3, to: 4 })!;
    expect(delta.from).toBe(3);
    expect(delta.to).toBe(4);
    // Only the field that changed travels, not the group with its instances.
    expect(delta.autoScalingGroups!.upserted).toEqual([]);
    expect(delta.autoScalingGroups!.patched).toEqual([{ key: b.autoScalingGroups[0]!.autoScalingGroupName, set: { desiredCapacity: b.autoScalingGroups[0]!.desiredCapacity } }]);
    expect(delta.autoScalingGroups!.removed).toEqual([]);
    expect(delta.targetGroups).toEqual({ upserted: [], removed: [removed.targetGroupArn] });
    expect(delta.loadBalancers).toBeUndefined();
    expect(delta.lambdaAccount).toBeUndefined();
    expect(diffInventory(a!, structuredClone(a!), { from: 0, to: 1 })).toBeUndefined();
  });

  it('leaves collections a part does not name alone (one AWS dataset publishes its own part)', () => {
    const [a] = shopInventories(1, 0);
    const delta = diffInventory(a!, { alarms: [] }, { from: 0, to: 1 })!;
    expect(Object.keys(delta).sort()).toEqual(['alarms', 'from', 'to']);
    const after = applyInventoryDelta(a!, delta);
    expect(after.alarms).toEqual([]);
    // Untouched collections keep their arrays: views that read only them need not redraw.
    expect(after.autoScalingGroups).toBe(a!.autoScalingGroups);
  });

  it('sends a list whose keys are not unique whole, and still reproduces it', () => {
    const [a] = shopInventories(1, 0);
    const b = structuredClone(a!);
    b.recordSets = [...b.recordSets, structuredClone(b.recordSets[0]!)];
    const delta = diffInventory(a!, b, { from: 0, to: 1 })!;
    expect(delta.recordSets!.replace).toBe(true);
    expect(applyInventoryDelta(a!, delta)).toEqual(b);
  });

  it('says the Lambda account is gone with null, which the schema accepts', () => {
    const a = Inventory.parse({ loadBalancers: [], targetGroups: [], autoScalingGroups: [], lambdaAccount: { concurrentExecutionsLimit: 1000, unreservedConcurrentExecutions: 900 } });
    const b = Inventory.parse({ loadBalancers: [], targetGroups: [], autoScalingGroups: [] });
    const delta = diffInventory(a, b, { from: 0, to: 1 })!;
    expect(InventoryDelta.parse(delta).lambdaAccount).toBeNull();
    expect(applyInventoryDelta(a, delta)).toEqual(b);
  });
});

describe('composeInventoryDeltas', () => {
  it('has the effect of applying both, one after the other (seeded edits)', () => {
    const [base] = shopInventories(1, 0);
    const random = seeded(11);
    for (let round = 0; round < 100; round++) {
      const a = edit(base!, random, base!);
      const b = edit(a, random, base!);
      const c = edit(b, random, base!);
      const first = diffInventory(a, b, { from: 1, to: 2 }) ?? { from: 1, to: 2 };
      const second = diffInventory(b, c, { from: 2, to: 3 }) ?? { from: 2, to: 3 };
      const both = composeInventoryDeltas(first, second)!;
      expect(both.from).toBe(1);
      expect(both.to).toBe(3);
      expect(applyInventoryDelta(a, both), `round ${round}`).toEqual(c);
    }
  });

  it('refuses deltas that are not consecutive (the client must reload a snapshot)', () => {
    expect(composeInventoryDeltas({ from: 1, to: 2 }, { from: 3, to: 4 })).toBeUndefined();
  });
});

describe('the contract', () => {
  it('an Update carries the inventory as a delta, validated at the boundary', () => {
    const update = { scalingActivities: [], metrics: [], inventory: { from: 0, to: 1, targetGroups: { upserted: [], removed: ['arn:tg'] } } };
    expect(Update.parse(update).inventory!.targetGroups!.removed).toEqual(['arn:tg']);
    expect(Update.safeParse({ ...update, inventory: { from: 0, to: 1, targetGroups: { removed: [42] } } }).success).toBe(false);
    expect(Update.safeParse({ ...update, inventory: { from: 0, to: 1, bogus: {} } }).success).toBe(false);
  });
});
