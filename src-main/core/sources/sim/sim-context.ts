/**
 * What a service module may touch while handling one step: the world, the virtual time, its own
 * random stream, the event queue and the change tracker that turns steps into pushed deltas.
 */
import type { Random } from './kernel/random';
import type { SimActivity, World } from './world';

export type SimEvent =
  | { kind: 'instanceReady'; instanceId: string }
  | { kind: 'instanceDrained'; instanceId: string }
  | { kind: 'instanceTerminated'; instanceId: string };

export interface SimContext {
  readonly world: World;
  /** Virtual time, epoch milliseconds. */
  readonly now: number;
  readonly instanceBootSeconds: number;
  random(stream: string): Random;
  schedule(atMs: number, event: SimEvent): void;
  activityChanged(activity: SimActivity): void;
  inventoryChanged(): void;
}

/** `2026-11-20T15:00:00Z`: how AWS writes times inside scaling-activity causes. */
export function awsCauseTime(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** An EC2 instance id: `i-` and 17 hex characters. */
export function newInstanceId(random: Random): string {
  return `i-${random.hex(17)}`;
}

/** A UUID-shaped id (activity ids, alarm suffixes), from the seeded stream. */
export function newUuid(random: Random): string {
  const h = random.hex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[random.int(4)]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
