/**
 * Inventory deltas by resource key (issue 15 item 5, issue 9 item 6): computed by both data sources,
 * applied by the health monitor and the renderer's inventory store, composed by the web host when a
 * slow client's frames are coalesced. Pure, and shared with the renderer (contract folder: zod and
 * the contract's own files only).
 *
 * Law (tested): applyInventoryDelta(a, diffInventory(a, b, …)) deep-equals b, order included.
 */
import type { CollectionDelta, Inventory, InventoryCollection, InventoryDelta } from './model-inventory';

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

/** The parts of an inventory a delta may touch (a whole inventory, or the part one AWS dataset owns). */
export type InventoryPart = Partial<Inventory>;

/** Structural equality of JSON-shaped values (the contract's data): key order does not matter. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  // An absent key and an undefined value are the same once serialised.
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const key of keys) if (!sameValue(ra[key], rb[key])) return false;
  return true;
}

function collectionDiff<C extends InventoryCollection>(collection: C, before: readonly Item<C>[], after: readonly Item<C>[]): CollectionDelta<C> | undefined {
  const keyOf = RESOURCE_KEYS[collection] as (item: Item<C>) => string;
  const afterKeys = after.map(keyOf);
  const beforeByKey = new Map<string, Item<C>>();
  for (const item of before) beforeByKey.set(keyOf(item), item);
  // Keys that are not unique cannot be addressed one by one: send the whole list (never expected from AWS).
  if (new Set(afterKeys).size !== afterKeys.length || beforeByKey.size !== before.length) {
    return sameValue(before, after) ? undefined : ({ upserted: [...after], removed: [], replace: true } as CollectionDelta<C>);
  }
  const afterSet = new Set(afterKeys);
  const upserted: Item<C>[] = [];
  after.forEach((item, i) => {
    const previous = beforeByKey.get(afterKeys[i]!);
    if (previous === undefined || !sameValue(previous, item)) upserted.push(item);
  });
  const removed = [...beforeByKey.keys()].filter((key) => !afterSet.has(key));
  // The order applying in place gives: survivors where they were, new ones appended in their order.
  const implied = [...before.map(keyOf).filter((key) => afterSet.has(key)), ...afterKeys.filter((key) => !beforeByKey.has(key))];
  const reordered = implied.some((key, i) => key !== afterKeys[i]);
  if (upserted.length === 0 && removed.length === 0 && !reordered) return undefined;
  return { upserted, removed, ...(reordered ? { order: afterKeys } : {}) } as CollectionDelta<C>;
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
  if (change.replace) return [...(change.upserted as Item<C>[])];
  const keyOf = RESOURCE_KEYS[collection] as (item: Item<C>) => string;
  const removed = new Set(change.removed);
  const upserted = new Map<string, Item<C>>();
  for (const item of change.upserted as Item<C>[]) upserted.set(keyOf(item), item);
  const result: Item<C>[] = [];
  const placed = new Set<string>();
  for (const item of items) {
    const key = keyOf(item);
    if (removed.has(key)) continue;
    result.push(upserted.get(key) ?? item);
    placed.add(key);
  }
  for (const [key, item] of upserted) if (!placed.has(key)) result.push(item);
  if (!change.order) return result;
  const byKey = new Map(result.map((item) => [keyOf(item), item]));
  return change.order.flatMap((key) => {
    const item = byKey.get(key);
    return item === undefined ? [] : [item];
  });
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
  if (second.replace) return second;
  const keyOf = RESOURCE_KEYS[collection] as (item: Item<C>) => string;
  if (first.replace) return { upserted: applyCollection(collection, first.upserted as Item<C>[], second), removed: [], replace: true } as CollectionDelta<C>;
  const upserted = new Map<string, Item<C>>();
  for (const item of first.upserted as Item<C>[]) upserted.set(keyOf(item), item);
  const removed = new Set(first.removed);
  for (const key of second.removed) {
    upserted.delete(key);
    removed.add(key);
  }
  for (const item of second.upserted as Item<C>[]) {
    const key = keyOf(item);
    // Removed by the first and added again: it stays removed from its old place and is appended
    // (apply removes before it appends), after whatever the first delta appended.
    if (removed.has(key)) upserted.delete(key);
    upserted.set(key, item);
  }
  // Either order may be stale once combined; the later one wins, and applying without one is in place.
  const order = second.order ?? first.order?.filter((key) => !second.removed.includes(key)).concat((second.upserted as Item<C>[]).map(keyOf).filter((key) => !first.order!.includes(key)));
  return { upserted: [...upserted.values()], removed: [...removed], ...(order ? { order } : {}) } as CollectionDelta<C>;
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
