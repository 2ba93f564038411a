/**
 * Drops the fields whose value is undefined, so optional model fields are absent rather than
 * present-but-undefined (`'x' in value`, `toStrictEqual` and structured clones see the difference;
 * JSON does not). One place for what was written field by field as
 * `...(p.X !== undefined ? { x: p.X } : {})`. Keeps the order of the remaining keys.
 */
export function definedFields<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
