/**
 * The simulator pushes the inventory as per-resource deltas after the first snapshot (issue 15
 * item 5): applying every pushed delta to a snapshot gives the next snapshot, versions chain, a
 * fault on one group sends that group and not the others, and a snapshot taken after a change that
 * no frame published yet (paused) publishes it first, so clients already following stay in step.
 */
import { describe, expect, it } from 'vitest';
import { applyInventoryDelta, type Update } from '@main/core/contract';
import { shopCore } from '../../../../helpers/core';

describe('SimSource inventory deltas', () => {
  it('chain from the snapshot: applying them all gives the inventory of a later snapshot', () => {
    const { source } = shopCore();
    const first = source.snapshot();
    const updates: Update[] = [];
    source.onUpdate((update) => updates.push(update));
    for (let i = 0; i < 12; i++) source.step(300);
    // Taken first: it may publish a last delta (a change the engine did not flag for a frame).
    const later = source.snapshot();
    const deltas = updates.flatMap((u) => (u.inventory ? [u.inventory] : []));
    expect(deltas.length).toBeGreaterThan(0);
    let version = first.inventoryVersion!;
    let inventory = first.inventory;
    for (const delta of deltas) {
      expect(delta.from).toBe(version);
      inventory = applyInventoryDelta(inventory, delta);
      version = delta.to;
    }
    expect(later.inventoryVersion).toBe(version);
    expect(inventory).toEqual(later.inventory);
  });

  it('a fault on one Auto Scaling group sends that group only, not the whole inventory', () => {
    const { source } = shopCore();
    source.step(600);
    const updates: Update[] = [];
    source.onUpdate((update) => updates.push(update));
    source.injectFault('TerminateInstances', { AutoScalingGroupName: 'shop-web-asg', Count: 1 });
    const delta = updates.at(-1)!.inventory!;
    expect(delta.autoScalingGroups!.upserted).toEqual([]);
    expect(delta.autoScalingGroups!.patched!.map((patch) => patch.key)).toEqual(['shop-web-asg']);
    // Inside the group, only the instances that changed (one terminating, maybe its replacement).
    const instances = delta.autoScalingGroups!.patched![0]!.lists!.instances!;
    expect(instances.upserted.length + (instances.patched?.length ?? 0)).toBeLessThanOrEqual(2);
    expect(delta.loadBalancers).toBeUndefined();
    expect(delta.hostedZones).toBeUndefined();
  });

  it('a snapshot taken while changes wait for a frame publishes them first', () => {
    const { source } = shopCore();
    source.step(60);
    const updates: Update[] = [];
    source.onUpdate((update) => updates.push(update));
    // A change outside a frame (the engine moved on, nothing published yet), as an action while paused does.
    source.engine.advanceBy(600);
    const snapshot = source.snapshot();
    expect(updates).toHaveLength(1);
    expect(updates[0]!.inventory!.to).toBe(snapshot.inventoryVersion);
    expect(updates[0]!.metrics).toEqual([]);
  });
});
