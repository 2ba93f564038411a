/**
 * Inventory deltas by resource key (issue 15 item 5, issue 9 item 6): computed by both data sources,
 * applied by the health monitor and the renderer's inventory store, composed by the web host when a
 * slow client's frames are coalesced. Pure, and shared with the renderer (contract folder: zod and
 * the contract's own files only).
 *
 * A changed resource travels as a field-level patch (keyed-list-delta.ts): the fields that changed,
 * and its keyed lists (a group's instances, a target group's targets …) as their changed members.
 *
 * Law (tested): applyInventoryDelta(a, diffInventory(a, b, …)) deep-equals b, order included.
 */
import { applyList, composeLists, diffList, sameValue, type KeyedShape, type ListDelta } from './keyed-list-delta';
import type { CollectionDelta, Inventory, InventoryCollection, InventoryDelta } from './model-inventory';

export { sameValue };

type Item<C extends InventoryCollection> = Inventory[C][number];

/** The key that identifies a resource within its collection (what AWS identifies it by). */
export const RESOURCE_KEYS: { [C in InventoryCollection]: (item: Item<C>) => string } = {
  loadBalancers: (lb) => lb.loadBalancerArn,
  targetGroups: (tg) => tg.targetGroupArn,
  autoScalingGroups: (group) => group.autoScalingGroupName,
  alarms: (alarm) => alarm.alarmName,
  hostedZones: (zone) => zone.id,
  // A record set is named by zone, name, type and (for routing policies) its set identifier.
  recordSets: (record) => `${record.hostedZoneId}|${record.name}|${record.type}|${record.setIdentifier ?? ''}`,
  healthChecks: (check) => check.id,
  dbInstances: (db) => db.dbInstanceIdentifier,
  dbSnapshots: (snapshot) => snapshot.dbSnapshotIdentifier,
  lambdaFunctions: (fn) => fn.functionArn,
  webAcls: (acl) => acl.webAclArn,
};

export const INVENTORY_COLLECTIONS = Object.keys(RESOURCE_KEYS) as InventoryCollection[];

/** A target is registered by id and port (the same instance may be registered on two ports). */
export const targetKey = (target: { targetId: string; port?: number | undefined }): string => `${target.targetId}|${target.port ?? ''}`;

/**
 * Each collection's key and the keyed lists inside its resources (issue 15 item 5): a changed
 * resource travels as the fields that changed, and these lists as their changed members only.
 */
export const RESOURCE_SHAPES: { [C in InventoryCollection]: KeyedShape } = {
  ...(Object.fromEntries(INVENTORY_COLLECTIONS.map((collection) => [collection, { key: RESOURCE_KEYS[collection] as KeyedShape['key'] }])) as { [C in InventoryCollection]: KeyedShape }),
  autoScalingGroups: {
    key: RESOURCE_KEYS.autoScalingGroups,
    lists: {
      instances: { key: (instance: { instanceId: string }) => instance.instanceId },
      policies: { key: (policy: { policyName: string }) => policy.policyName },
      scheduledActions: { key: (action: { scheduledActionName: string }) => action.scheduledActionName },
    },
  },
  targetGroups: { key: RESOURCE_KEYS.targetGroups, lists: { targets: { key: targetKey } } },
  loadBalancers: {
    key: RESOURCE_KEYS.loadBalancers,
    lists: {
      listeners: { key: (listener: { listenerArn: string }) => listener.listenerArn, lists: { rules: { key: (rule: { ruleArn: string }) => rule.ruleArn } } },
      attributes: { key: (attribute: { key: string }) => attribute.key },
    },
  },
  webAcls: { key: RESOURCE_KEYS.webAcls, lists: { rules: { key: (rule: { name: string }) => rule.name } } },
};

/** The parts of an inventory a delta may touch (a whole inventory, or the part one AWS dataset owns). */
export type InventoryPart = Partial<Inventory>;

function collectionDiff<C extends InventoryCollection>(collection: C, before: readonly Item<C>[], after: readonly Item<C>[]): CollectionDelta<C> | undefined {
  return diffList(RESOURCE_SHAPES[collection], before, after) as CollectionDelta<C> | undefined;
}

/**
 * What changed from `before` to `after`, by resource key, for the collections present in `after`
 * (a dataset's part leaves the others alone; lambdaAccount counts as present with lambdaFunctions).
 * Undefined when nothing changed.
 */
export function diffInventory(before: InventoryPart, after: InventoryPart, versions: { from: number; to: number }): InventoryDelta | undefined {
  const delta: InventoryDelta = { from: versions.from, to: versions.to };
  let changed = false;
  for (const collection of INVENTORY_COLLECTIONS) {
    const next = after[collection];
    if (next === undefined) continue;
    const change = collectionDiff(collection, (before[collection] ?? []) as Item<typeof collection>[], next as Item<typeof collection>[]);
    if (change) {
      (delta as Record<string, unknown>)[collection] = change;
      changed = true;
    }
  }
  // The account goes with the functions: a part with functions and no account says it is unknown.
  const namesAccount = 'lambdaAccount' in after || after.lambdaFunctions !== undefined;
  if (namesAccount && !sameValue(before.lambdaAccount, after.lambdaAccount)) {
    delta.lambdaAccount = after.lambdaAccount ?? null;
    changed = true;
  }
  return changed ? delta : undefined;
}

function applyCollection<C extends InventoryCollection>(collection: C, items: readonly Item<C>[], change: CollectionDelta<C>): Item<C>[] {
  return applyList(RESOURCE_SHAPES[collection], items, change as ListDelta<Item<C>>);
}

/**
 * The inventory after `delta`. A new object; collections the delta does not touch keep their
 * arrays (so views depending only on them do not redraw), resources it does not name keep theirs.
 */
export function applyInventoryDelta(inventory: Inventory, delta: InventoryDelta): Inventory {
  const next: Inventory = { ...inventory };
  for (const collection of INVENTORY_COLLECTIONS) {
    const change = delta[collection];
    if (change) (next as Record<string, unknown>)[collection] = applyCollection(collection, inventory[collection] as Item<typeof collection>[], change as CollectionDelta<typeof collection>);
  }
  if (delta.lambdaAccount === null) delete next.lambdaAccount;
  else if (delta.lambdaAccount !== undefined) next.lambdaAccount = delta.lambdaAccount;
  return next;
}

function composeCollection<C extends InventoryCollection>(collection: C, first: CollectionDelta<C> | undefined, second: CollectionDelta<C> | undefined): CollectionDelta<C> | undefined {
  if (!first) return second;
  if (!second) return first;
  return composeLists(RESOURCE_SHAPES[collection], first as ListDelta<Item<C>>, second as ListDelta<Item<C>>) as CollectionDelta<C>;
}

/**
 * One delta with the effect of `first` then `second` (the web host coalesces a slow client's
 * frames this way). Undefined when they are not consecutive: the client must reload a snapshot.
 */
export function composeInventoryDeltas(first: InventoryDelta, second: InventoryDelta): InventoryDelta | undefined {
  if (first.to !== second.from) return undefined;
  const delta: InventoryDelta = { from: first.from, to: second.to };
  for (const collection of INVENTORY_COLLECTIONS) {
    const change = composeCollection(collection, first[collection] as CollectionDelta<typeof collection> | undefined, second[collection] as CollectionDelta<typeof collection> | undefined);
    if (change) (delta as Record<string, unknown>)[collection] = change;
  }
  const account = second.lambdaAccount !== undefined ? second.lambdaAccount : first.lambdaAccount;
  if (account !== undefined) delta.lambdaAccount = account;
  return delta;
}
