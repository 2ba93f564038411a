/**
 * A group's instances and a target group's targets only for the windows that list them (issue 15
 * item 5). At scale-1000 ×3600 a frame holds ~240 launches, ~125 registrations and as many
 * terminations: ~75 of the inventory's 87 kB per frame were instance and target records that only
 * the open group's instance table and the open target group's target table show. Every other place
 * (the lists, the request path, the tiles, the command palette's groups) reads counts, which every
 * window gets: the host sets them on each record it publishes (`withMemberCounts`), and a window's
 * inventory leaves out the members it does not list (`withoutMembers`, `deltaWithoutMembers`).
 *
 * Pure, shared with the renderer (contract folder: zod and the contract's own files only).
 */
import type { ListDelta, RecordPatch } from './keyed-list-delta';
import type { AsgInstance, AutoScalingGroup } from './model-asg';
import { isUnchecked, type TargetGroup, type TargetHealthDescription } from './model-alb';
import type { Inventory, InventoryDelta } from './model-inventory';
import type { InstanceCounts, TargetCounts } from './model-live';

export function countInstances(instances: readonly AsgInstance[]): InstanceCounts {
  let inService = 0;
  let unhealthy = 0;
  for (const instance of instances) {
    if (instance.lifecycleState === 'InService') inService++;
    if (instance.healthStatus === 'Unhealthy') unhealthy++;
  }
  return { total: instances.length, inService, unhealthy };
}

export function countTargets(targets: readonly TargetHealthDescription[]): TargetCounts {
  const counts: TargetCounts = { total: 0, healthy: 0, unhealthy: 0, other: 0, unchecked: 0 };
  for (const target of targets) {
    counts.total++;
    if (target.state === 'healthy') counts.healthy++;
    else if (target.state === 'unhealthy') counts.unhealthy++;
    else {
      counts.other++;
      if (isUnchecked(target)) counts.unchecked++;
    }
  }
  return counts;
}

/** The part with counts set on every group and target group it names (new records; the rest shared). */
export function withMemberCounts<P extends Partial<Inventory>>(part: P): P {
  const next = { ...part };
  if (part.autoScalingGroups) next.autoScalingGroups = part.autoScalingGroups.map((group) => ({ ...group, instanceCounts: countInstances(group.instances) }));
  if (part.targetGroups) next.targetGroups = part.targetGroups.map((tg) => ({ ...tg, targetCounts: countTargets(tg.targets) }));
  return next;
}

/**
 * Targets a window gets whatever it lists: a Lambda function's or a load balancer's target group
 * has one or a few (the request path draws its edges from them) and they do not churn.
 */
export const targetsAlwaysListed = (tg: Pick<TargetGroup, 'targetType'>): boolean => tg.targetType === 'lambda' || tg.targetType === 'alb';

/** Which members a window lists: groups by name, target groups by ARN. */
export interface ListedMembers {
  groups: ReadonlySet<string>;
  targetGroups: ReadonlySet<string>;
}

const groupListed = (listed: ListedMembers, group: Pick<AutoScalingGroup, 'autoScalingGroupName'>) => listed.groups.has(group.autoScalingGroupName);
const targetsListed = (listed: ListedMembers, tg: Pick<TargetGroup, 'targetGroupArn' | 'targetType'>) => targetsAlwaysListed(tg) || listed.targetGroups.has(tg.targetGroupArn);

/** The inventory as a window that lists only `listed` gets it: the others' instances and targets empty. */
export function withoutMembers(inventory: Inventory, listed: ListedMembers): Inventory {
  return {
    ...inventory,
    autoScalingGroups: inventory.autoScalingGroups.map((group) => (groupListed(listed, group) || group.instances.length === 0 ? group : { ...group, instances: [] })),
    targetGroups: inventory.targetGroups.map((tg) => (targetsListed(listed, tg) || tg.targets.length === 0 ? tg : { ...tg, targets: [] })),
  };
}

/** A patch without its change of `field`'s list; undefined when nothing else is left. */
function patchWithout(patch: RecordPatch, field: string): RecordPatch | undefined {
  if (!patch.lists?.[field] && !(patch.set && field in patch.set)) return patch;
  const { [field]: _list, ...lists } = patch.lists ?? {};
  const { [field]: _value, ...set } = patch.set ?? {};
  const next: RecordPatch = { key: patch.key, ...(Object.keys(set).length > 0 ? { set } : {}), ...(patch.unset ? { unset: patch.unset } : {}), ...(Object.keys(lists).length > 0 ? { lists } : {}) };
  return next.set || next.unset || next.lists ? next : undefined;
}

function listWithout<T>(delta: ListDelta<T>, field: string, listed: (item: T) => boolean, listedKey: (key: string) => boolean | undefined): ListDelta<T> {
  const upserted = delta.upserted.map((item) => (listed(item) ? item : { ...item, [field]: [] }));
  const patched = (delta.patched ?? []).flatMap((patch) => {
    if (listedKey(patch.key)) return [patch];
    const kept = patchWithout(patch, field);
    return kept ? [kept] : [];
  });
  return { ...delta, upserted, ...(delta.patched ? { patched } : {}) };
}

/**
 * A delta as a window that lists only `listed` gets it, applied to its inventory: the other groups'
 * instance changes and the other target groups' target changes left out (their counts travel).
 * `targetTypes` gives a patched target group's type (a patch does not carry it).
 */
export function deltaWithoutMembers(delta: InventoryDelta, listed: ListedMembers, targetTypes: (arn: string) => TargetGroup['targetType'] | undefined): InventoryDelta {
  const next: InventoryDelta = { ...delta };
  if (delta.autoScalingGroups) {
    next.autoScalingGroups = listWithout(delta.autoScalingGroups as ListDelta<AutoScalingGroup>, 'instances', (group) => groupListed(listed, group), (key) => listed.groups.has(key)) as InventoryDelta['autoScalingGroups'];
  }
  if (delta.targetGroups) {
    next.targetGroups = listWithout(
      delta.targetGroups as ListDelta<TargetGroup>,
      'targets',
      (tg) => targetsListed(listed, tg),
      (arn) => {
        const type = targetTypes(arn);
        return listed.targetGroups.has(arn) || (type !== undefined && targetsAlwaysListed({ targetType: type }));
      },
    ) as InventoryDelta['targetGroups'];
  }
  return next;
}
