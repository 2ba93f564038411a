/**
 * What a service module may touch while handling one step: the world, the virtual time, its own
 * random stream, the event queue, the metric store, the other services, and the recorders that turn
 * state changes into pushed deltas and report entries.
 */
import type { RdsEvent, TimelineEvent } from '../../contract/model';
import type { ChangeLog } from './change-log';
import type { MetricStore } from './cloudwatch/metric-store';
import type { EventHandle } from './kernel/event-queue';
import type { Random } from './kernel/random';
import type { SimulationSettings } from './scenario/sections';
import type { SimServices } from './service-module';
import type { World } from './world';

export interface SimContext {
  readonly world: World;
  /** Virtual time, epoch milliseconds. */
  readonly now: number;
  readonly startTime: number;
  readonly settings: SimulationSettings;
  readonly metrics: MetricStore;
  readonly services: SimServices;
  random(stream: string): Random;
  /** Runs `action` at virtual time `atMs`; actions due at one instant run in the order scheduled. The handle cancels it. */
  schedule(atMs: number, action: () => void): EventHandle;
  /** What the live bridge will push (access-log samples, alarm history, scaling activities …); records nothing in a headless run. */
  readonly changes: ChangeLog;
  inventoryChanged(): void;
  /** Target-health and health-check transitions, faults, actions: what an operator looks for. */
  recordTimeline(event: Omit<TimelineEvent, 'time'>): void;
  /** An RDS event (DescribeEvents shape), stamped with the current virtual time. */
  recordRdsEvent(event: Omit<RdsEvent, 'date'>): void;
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
