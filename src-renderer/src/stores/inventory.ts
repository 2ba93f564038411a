/**
 * The current shape of the system (load balancers, target groups, Auto Scaling groups, …): whole
 * from a snapshot, then per-resource deltas that chain from the snapshot's inventory version.
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { applyInventoryDelta, countTargets, Inventory, targetsAlwaysListed, type AsgInstance, type AutoScalingGroup, type InventoryDelta, type TargetGroup, type TargetHealthDescription } from '@contract';

export interface TargetHealthCounts {
  healthy: number;
  unhealthy: number;
  /** initial, draining, unused, unavailable: neither serving nor failing. */
  other: number;
  /** Of `other`: health checks off (Target.HealthCheckDisabled), so nothing checks them. */
  unchecked: number;
  total: number;
}

// Parsed, so that every list the contract defaults (alarms, hosted zones, …) exists.
const EMPTY: Inventory = Inventory.parse({ loadBalancers: [], targetGroups: [], autoScalingGroups: [] });

/**
 * Targets by health, from the counts the host sets on each target group: a window gets a target
 * group's targets only while it lists them (contract/member-counts.ts). Counted from the targets
 * when a host sets none (an older core).
 */
export function countTargetHealth(groups: readonly TargetGroup[]): TargetHealthCounts {
  const counts: TargetHealthCounts = { healthy: 0, unhealthy: 0, other: 0, unchecked: 0, total: 0 };
  for (const group of groups) {
    const of = group.targetCounts ?? countTargets(group.targets);
    counts.healthy += of.healthy;
    counts.unhealthy += of.unhealthy;
    counts.other += of.other;
    counts.unchecked += of.unchecked;
    counts.total += of.total;
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
  /**
   * DB instances seen as read replicas in this window and standalone now: promoted replicas
   * (PromoteReadReplica). DescribeDBInstances keeps no trace of the promotion — the instance simply
   * has no ReadReplicaSourceDBInstanceIdentifier any more, like a primary — so the window remembers
   * what it saw; nothing points at such an instance until the applications are re-pointed
   * (USER_ReadRepl.Promote.html), which the request path must not suggest.
   */
  const promotedReplicas = shallowRef<ReadonlySet<string>>(new Set());
  const seenAsReplica = new Set<string>();

  function notePromotions(next: Inventory): void {
    const promoted = new Set<string>();
    for (const db of next.dbInstances) {
      if (db.readReplicaSourceDBInstanceIdentifier) seenAsReplica.add(db.dbInstanceIdentifier);
      else if (seenAsReplica.has(db.dbInstanceIdentifier)) promoted.add(db.dbInstanceIdentifier);
    }
    const held = promotedReplicas.value;
    if (promoted.size !== held.size || [...promoted].some((id) => !held.has(id))) promotedReplicas.value = promoted;
  }

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
  const instanceCount = computed(() => inventory.value.autoScalingGroups.reduce((sum, group) => sum + (group.instanceCounts?.total ?? group.instances.length), 0));

  function replace(next: Inventory, nextVersion = 0): void {
    inventory.value = next;
    version = nextVersion;
    loaded.value = true;
    notePromotions(next);
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
    if (delta.dbInstances) notePromotions(inventory.value);
    return true;
  }

  /**
   * The members of groups and target groups this window now lists, as the host answered the
   * subscription (stores/live-interest.ts): they replace what was held for those (nothing, or what
   * was current when they were last listed). Deltas after it carry their changes.
   */
  function setMembers(members: { instances: Record<string, AsgInstance[]>; targets: Record<string, TargetHealthDescription[]> } | undefined): void {
    if (!members || (Object.keys(members.instances).length === 0 && Object.keys(members.targets).length === 0)) return;
    const current = inventory.value;
    inventory.value = {
      ...current,
      autoScalingGroups: current.autoScalingGroups.map((group) => {
        const instances = members.instances[group.autoScalingGroupName];
        return instances ? { ...group, instances } : group;
      }),
      targetGroups: current.targetGroups.map((tg) => {
        const targets = members.targets[tg.targetGroupArn];
        return targets ? { ...tg, targets } : tg;
      }),
    };
  }

  /**
   * Lets go of the members of groups and target groups this window no longer lists (the host no
   * longer sends their changes, so they would go stale): the command palette lists what is held.
   * Only where the host counts them (contract/member-counts.ts), so an older host's are kept.
   */
  function keepMembers(groups: ReadonlySet<string>, targetGroups: ReadonlySet<string>): void {
    const current = inventory.value;
    const dropGroup = (group: AutoScalingGroup) => group.instanceCounts !== undefined && group.instances.length > 0 && !groups.has(group.autoScalingGroupName);
    const dropTargets = (tg: TargetGroup) => tg.targetCounts !== undefined && tg.targets.length > 0 && !targetsAlwaysListed(tg) && !targetGroups.has(tg.targetGroupArn);
    if (!current.autoScalingGroups.some(dropGroup) && !current.targetGroups.some(dropTargets)) return;
    inventory.value = {
      ...current,
      autoScalingGroups: current.autoScalingGroups.map((group) => (dropGroup(group) ? { ...group, instances: [] } : group)),
      targetGroups: current.targetGroups.map((tg) => (dropTargets(tg) ? { ...tg, targets: [] } : tg)),
    };
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
    promotedReplicas,
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
    setMembers,
    keepMembers,
    groupByName,
    targetGroupName,
    loadBalancerName,
  };
});
