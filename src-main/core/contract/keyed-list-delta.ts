/**
 * Field-level patches of keyed lists (issue 15 item 5): the generic diff / apply / compose under the
 * inventory deltas (inventory-delta.ts). A list of records that each have a key (an ARN, a name, an
 * instance id) changes by records added whole (`upserted`), records removed by key, the key order
 * when it is not what applying in place gives, and records changed in place as a patch: the fields
 * that changed (`set`), the fields that went away (`unset`), and, for the record's own keyed lists
 * (a group's instances, a target group's targets, a listener's rules), the same kind of delta one
 * level down. A scale-1000 group whose one instance went InService then travels as a few dozen bytes
 * instead of the group with its 40–80 instances.
 *
 * Pure, JSON in and out, shared with the renderer (contract folder: zod and the contract's own files).
 *
 * Law (tested, test/unit/core/contract/keyed-list-delta.test.ts): applyList(shape, a, diffList(shape,
 * a, b)) deep-equals b, order included, and composeLists(d1, d2) applied equals d1 then d2 applied.
 */
import { z } from 'zod';

/** How a list's records are identified, and which of their fields are keyed lists themselves. */
export interface KeyedShape {
  key: (item: never) => string;
  lists?: Readonly<Record<string, KeyedShape>>;
}

type Row = Record<string, unknown>;

/** A record changed in place: its key, the fields set to new values, the fields removed, its keyed lists' deltas. */
export interface RecordPatch {
  key: string;
  set?: Row;
  unset?: string[];
  lists?: Record<string, ListDelta>;
}

/**
 * One keyed list's change. With `replace` the list is exactly `upserted` (a list whose keys are not
 * unique cannot be addressed by key). Otherwise, applied in place: removed keys go, patched and
 * upserted records that exist are replaced where they are, new upserted ones are appended in their
 * order, and `order` (when present) then gives the final key order.
 */
export interface ListDelta<T = unknown> {
  upserted: T[];
  patched?: RecordPatch[];
  removed: string[];
  order?: string[];
  replace?: boolean;
}

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
  const ra = a as Row;
  const rb = b as Row;
  // An absent key and an undefined value are the same once serialised.
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const key of keys) if (!sameValue(ra[key], rb[key])) return false;
  return true;
}

const isRecord = (value: unknown): value is Row => typeof value === 'object' && value !== null && !Array.isArray(value);
const keyOf = (shape: KeyedShape, item: unknown): string => (shape.key as (item: unknown) => string)(item);

/** The patch from record `a` to record `b` (without its key); undefined when they are the same. */
export function diffRecord(shape: KeyedShape, a: Row, b: Row): Omit<RecordPatch, 'key'> | undefined {
  const set: Row = {};
  const unset: string[] = [];
  const lists: Record<string, ListDelta> = {};
  let changed = false;
  for (const field of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const before = a[field];
    const after = b[field];
    if (after === undefined) {
      if (before !== undefined) {
        unset.push(field);
        changed = true;
      }
      continue;
    }
    const child = shape.lists?.[field];
    if (child && Array.isArray(before) && Array.isArray(after)) {
      const delta = diffList(child, before, after);
      if (delta) {
        lists[field] = delta;
        changed = true;
      }
      continue;
    }
    if (!sameValue(before, after)) {
      set[field] = after;
      changed = true;
    }
  }
  if (!changed) return undefined;
  return {
    ...(Object.keys(set).length > 0 ? { set } : {}),
    ...(unset.length > 0 ? { unset } : {}),
    ...(Object.keys(lists).length > 0 ? { lists } : {}),
  };
}

/** What changed from `before` to `after`, by key; undefined when nothing did. */
export function diffList<T>(shape: KeyedShape, before: readonly T[], after: readonly T[]): ListDelta<T> | undefined {
  const afterKeys = after.map((item) => keyOf(shape, item));
  const beforeByKey = new Map<string, T>();
  for (const item of before) beforeByKey.set(keyOf(shape, item), item);
  // Keys that are not unique cannot be addressed one by one: send the whole list (never expected from AWS).
  if (new Set(afterKeys).size !== afterKeys.length || beforeByKey.size !== before.length) {
    return sameValue(before, after) ? undefined : { upserted: [...after], removed: [], replace: true };
  }
  const afterSet = new Set(afterKeys);
  const upserted: T[] = [];
  const patched: RecordPatch[] = [];
  after.forEach((item, i) => {
    const key = afterKeys[i]!;
    const previous = beforeByKey.get(key);
    if (previous === undefined) upserted.push(item);
    else if (isRecord(previous) && isRecord(item)) {
      const patch = diffRecord(shape, previous, item);
      if (patch) patched.push({ key, ...patch });
    } else if (!sameValue(previous, item)) upserted.push(item);
  });
  const removed = [...beforeByKey.keys()].filter((key) => !afterSet.has(key));
  // The order applying in place gives: survivors where they were, new ones appended in their order.
  const implied = [...before.map((item) => keyOf(shape, item)).filter((key) => afterSet.has(key)), ...afterKeys.filter((key) => !beforeByKey.has(key))];
  const reordered = implied.some((key, i) => key !== afterKeys[i]);
  if (upserted.length === 0 && patched.length === 0 && removed.length === 0 && !reordered) return undefined;
  return { upserted, ...(patched.length > 0 ? { patched } : {}), removed, ...(reordered ? { order: afterKeys } : {}) };
}

/** Record `item` with `patch` applied: a new object; fields and lists the patch does not name are kept as they are. */
export function applyRecord<T>(shape: KeyedShape, item: T, patch: Omit<RecordPatch, 'key'>): T {
  const next: Row = { ...(item as Row) };
  for (const field of patch.unset ?? []) delete next[field];
  if (patch.set) Object.assign(next, patch.set);
  for (const [field, delta] of Object.entries(patch.lists ?? {})) {
    const child = shape.lists?.[field];
    const current = Array.isArray(next[field]) ? (next[field] as unknown[]) : [];
    // A list the shape does not key (a newer host): only a replacing delta can be applied.
    if (child) next[field] = applyList(child, current, delta);
    else if (delta.replace) next[field] = [...delta.upserted];
  }
  return next as T;
}

/**
 * The list after `delta`: a new array; records the delta does not name keep their objects (views
 * depending on them need not redraw). A patch for a key the list lacks cannot come from a delta that
 * follows this list (versions guard that) and is ignored.
 */
export function applyList<T>(shape: KeyedShape, items: readonly T[], delta: ListDelta<T>): T[] {
  if (delta.replace) return [...delta.upserted];
  const removed = new Set(delta.removed);
  const upserted = new Map<string, T>();
  for (const item of delta.upserted) upserted.set(keyOf(shape, item), item);
  const patches = new Map<string, RecordPatch>();
  for (const patch of delta.patched ?? []) patches.set(patch.key, patch);
  const result: T[] = [];
  const placed = new Set<string>();
  for (const item of items) {
    const key = keyOf(shape, item);
    if (removed.has(key)) continue;
    const whole = upserted.get(key);
    const patch = patches.get(key);
    result.push(whole ?? (patch ? applyRecord(shape, item, patch) : item));
    placed.add(key);
  }
  for (const [key, item] of upserted) if (!placed.has(key)) result.push(item);
  if (!delta.order) return result;
  const byKey = new Map(result.map((item) => [keyOf(shape, item), item]));
  return delta.order.flatMap((key) => {
    const item = byKey.get(key);
    return item === undefined ? [] : [item];
  });
}

/** One patch with the effect of `first` then `second` on the same record. */
export function composeRecordPatches(shape: KeyedShape, first: Omit<RecordPatch, 'key'>, second: Omit<RecordPatch, 'key'>): Omit<RecordPatch, 'key'> {
  const set: Row = { ...first.set };
  const unset = new Set(first.unset ?? []);
  const lists: Record<string, ListDelta> = { ...first.lists };
  for (const field of second.unset ?? []) {
    delete set[field];
    delete lists[field];
    unset.add(field);
  }
  for (const [field, value] of Object.entries(second.set ?? {})) {
    set[field] = value;
    delete lists[field];
    unset.delete(field);
  }
  for (const [field, delta] of Object.entries(second.lists ?? {})) {
    const child = shape.lists?.[field];
    if (field in set && Array.isArray(set[field]) && child) set[field] = applyList(child, set[field] as unknown[], delta);
    else if (child) lists[field] = lists[field] ? composeLists(child, lists[field], delta) : delta;
    else lists[field] = delta;
  }
  return {
    ...(Object.keys(set).length > 0 ? { set } : {}),
    ...(unset.size > 0 ? { unset: [...unset] } : {}),
    ...(Object.keys(lists).length > 0 ? { lists } : {}),
  };
}

type Change<T> = { whole: T } | { patch: Omit<RecordPatch, 'key'> };

/** One delta with the effect of `first` then `second` (a slow client's frames, merged by the web host). */
export function composeLists<T>(shape: KeyedShape, first: ListDelta<T>, second: ListDelta<T>): ListDelta<T> {
  if (second.replace) return second;
  if (first.replace) return { upserted: applyList(shape, first.upserted, second), removed: [], replace: true };
  // In the order the first delta names them: new records are appended in upserted's order.
  const changes = new Map<string, Change<T>>();
  for (const item of first.upserted) changes.set(keyOf(shape, item), { whole: item });
  for (const patch of first.patched ?? []) changes.set(patch.key, { patch });
  const removed = new Set(first.removed);
  for (const key of second.removed) {
    changes.delete(key);
    removed.add(key);
  }
  for (const item of second.upserted) {
    const key = keyOf(shape, item);
    // Removed by the first and added again: it stays removed from its old place and is appended
    // (apply removes before it appends), after whatever the first delta appended.
    if (removed.has(key)) changes.delete(key);
    changes.set(key, { whole: item });
  }
  for (const { key, ...patch } of second.patched ?? []) {
    const held = changes.get(key);
    if (!held) changes.set(key, { patch });
    else if ('whole' in held) changes.set(key, { whole: applyRecord(shape, held.whole, patch) });
    else changes.set(key, { patch: composeRecordPatches(shape, held.patch, patch) });
  }
  const upserted: T[] = [];
  const patched: RecordPatch[] = [];
  for (const [key, change] of changes) {
    if ('whole' in change) upserted.push(change.whole);
    else patched.push({ key, ...change.patch });
  }
  // Either order may be stale once combined; the later one wins, and applying without one is in place.
  const order = second.order ?? first.order?.filter((key) => !second.removed.includes(key)).concat(second.upserted.map((item) => keyOf(shape, item)).filter((key) => !first.order!.includes(key)));
  return { upserted, ...(patched.length > 0 ? { patched } : {}), removed: [...removed], ...(order ? { order } : {}) };
}

/** A key as it travels: an ARN, a name or a composite; AWS ARNs stay well under this. */
export const ListKey = z.string().max(4096);

type ObjectSchema = z.ZodObject<z.ZodRawShape>;

/**
 * The fields a patch may set: the record's own, each optional, without the defaults a whole record
 * gets (a field the patch does not name must stay as it is, not become its default).
 */
function settableFields(record: ObjectSchema): z.ZodType<Row> {
  const fields = Object.fromEntries(
    Object.entries(record.shape).map(([name, schema]) => {
      const inner = schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : (schema as z.ZodType);
      return [name, inner.optional()];
    }),
  );
  return z.object(fields) as unknown as z.ZodType<Row>;
}

/** A keyed list inside a record: its records' schema and their own keyed lists. */
export interface KeyedListSchema {
  record: ObjectSchema;
  lists?: Readonly<Record<string, KeyedListSchema>>;
}

function recordPatchSchema(record: ObjectSchema, lists: Readonly<Record<string, KeyedListSchema>>): z.ZodType<RecordPatch> {
  const fieldNames = Object.keys(record.shape) as [string, ...string[]];
  const childSchemas = Object.fromEntries(Object.entries(lists).map(([field, child]) => [field, listDeltaSchema(child.record, child.lists).optional()]));
  return z
    .object({
      key: ListKey,
      set: settableFields(record).optional(),
      unset: z.array(z.enum(fieldNames)).max(fieldNames.length).optional(),
      lists: z.object(childSchemas).strict().optional(),
    })
    .strict() as unknown as z.ZodType<RecordPatch>;
}

/**
 * The schema of a keyed list's delta, for records of `record` whose keyed lists are `lists` (their
 * own schemas and keyed lists, recursively): what the contract validates at each boundary.
 */
export function listDeltaSchema<R extends ObjectSchema>(record: R, lists: Readonly<Record<string, KeyedListSchema>> = {}) {
  return z
    .object({
      upserted: z.array(record).default([]),
      patched: z.array(recordPatchSchema(record, lists)).optional(),
      removed: z.array(ListKey).default([]),
      order: z.array(ListKey).optional(),
      replace: z.boolean().optional(),
    })
    .strict();
}
