/**
 * The current shape of the system (load balancers, target groups, Auto Scaling groups, …): whole
 * from a snapshot, then per-resource deltas that chain from the snapshot's inventory version.
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { applyInventoryDelta, Inventory, type AutoScalingGroup, type InventoryDelta, type TargetGroup } from '@contract';

export interface TargetHealthCounts {
  healthy: number;
  unhealthy: number;
  /** initial, draining, unused, unavailable: neither serving nor failing. */
  other: number;
  total: number;
}

// Parsed, so that every list the contract defaults (alarms, hosted zones, …) exists.
const EMPTY: Inventory = Inventory.parse({ loadBalancers: [], targetGroups: [], autoScalingGroups: [] });

export function countTargetHealth(groups: readonly TargetGroup[]): TargetHealthCounts {
  const counts: TargetHealthCounts = { healthy: 0, unhealthy: 0, other: 0, total: 0 };
  for (const group of groups) {
    for (const target of group.targets) {
      counts.total++;
      if (target.state === 'healthy') counts.healthy++;
      else if (target.state === 'unhealthy') counts.unhealthy++;
      else counts.other++;
    }
  }
  return counts;
}

export const useInventoryStore = defineStore('inventory', () => {
  // Inventories are never edited in place (a delta makes a new one, sharing what it did not
  // change), so one shallow ref is enough.
  const inventory = shallowRef<Inventory>(EMPTY);
  const loaded = ref(false);
  /** The version of `inventory`: the next delta applies to it. */
  let version = 0;

  const loadBalancers = computed(() => inventory.value.loadBalancers);
  const targetGroups = computed(() => inventory.value.targetGroups);
  const autoScalingGroups = computed(() => inventory.value.autoScalingGroups);
  const hostedZones = computed(() => inventory.value.hostedZones);
  const dbInstances = computed(() => inventory.value.dbInstances);
  const dbSnapshots = computed(() => inventory.value.dbSnapshots);
  const lambdaFunctions = computed(() => inventory.value.lambdaFunctions);
  const recordSets = computed(() => inventory.value.recordSets);
  const healthChecks = computed(() => inventory.value.healthChecks);
  const alarms = computed(() => inventory.value.alarms);
  const targetHealth = computed(() => countTargetHealth(inventory.value.targetGroups));
  const instanceCount = computed(() => inventory.value.autoScalingGroups.reduce((sum, group) => sum + group.instances.length, 0));

  function replace(next: Inventory, nextVersion = 0): void {
    inventory.value = next;
    version = nextVersion;
    loaded.value = true;
  }

  /**
   * Applies a delta. False when it does not follow the inventory held (a change was missed, e.g.
   * across a reconnect): the caller reloads the snapshot. One the snapshot already holds is skipped.
   */
  function applyDelta(delta: InventoryDelta): boolean {
    if (delta.to <= version) return true;
    // A coalesced delta (web host, slow client) may start before the snapshot and end after it:
    // its resources are the latest, so applying it on top of the snapshot gives the same state.
    if (delta.from > version) return false;
    inventory.value = applyInventoryDelta(inventory.value, delta);
    version = delta.to;
    return true;
  }

  function groupByName(name: string): AutoScalingGroup | undefined {
    return inventory.value.autoScalingGroups.find((group) => group.autoScalingGroupName === name);
  }

  function targetGroupName(arn: string): string {
    return inventory.value.targetGroups.find((group) => group.targetGroupArn === arn)?.targetGroupName ?? arn;
  }

  function loadBalancerName(arn: string): string {
    return inventory.value.loadBalancers.find((lb) => lb.loadBalancerArn === arn)?.loadBalancerName ?? arn;
  }

  return {
    inventory,
    loaded,
    loadBalancers,
    targetGroups,
    autoScalingGroups,
    hostedZones,
    dbInstances,
    dbSnapshots,
    lambdaFunctions,
    recordSets,
    healthChecks,
    alarms,
    targetHealth,
    instanceCount,
    replace,
    applyDelta,
    groupByName,
    targetGroupName,
    loadBalancerName,
  };
});
