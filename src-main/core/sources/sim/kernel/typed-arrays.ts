/** Column storage for the simulator's hot loops (typed arrays instead of a field on each object). */

type Column = Float64Array | Int32Array | Uint8Array;

/** A copy of `from` with room for `capacity` entries (the new ones zero): how a full column grows. */
export function grown<T extends Column>(from: T, capacity: number): T {
  const to = new (from.constructor as new (length: number) => T)(capacity);
  to.set(from);
  return to;
}
