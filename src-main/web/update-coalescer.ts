/**
 * Back-pressure for one WebSocket client (issue 15 item 5): while its socket buffer is above the
 * high-water mark, `update` frames are not queued behind each other but merged into one, sent when
 * the buffer has drained. A slow client therefore gets fewer, larger frames carrying the latest
 * state instead of a growing backlog, and is never disconnected for being slow; inventory and
 * health deltas are composed by key (contract/inventory-delta.ts, health-delta.ts), new datapoints
 * and events are kept, bounded.
 */
import { composeHealthDeltas, composeInventoryDeltas, LIVE_LISTS, type MetricSeries, type SkippedEntries, type Update } from '../core/contract';

/** Per merged list: a client this far behind gets the newest entries (the snapshot has the rest). */
export const MAX_MERGED_EVENTS = 2000;
/** Per series: at one point a second, more than half an hour of backlog. */
export const MAX_MERGED_POINTS = 2000;
/**
 * In all the waiting updates: beyond this many datapoints and events (tens of MB of JSON) a client
 * is too far behind to catch up by merging; it is let go, reconnects and reloads the snapshot.
 */
export const MAX_WAITING_ITEMS = 500_000;

function itemsIn(update: Update): number {
  let items = update.scalingActivities.length + update.alarmHistory.length + update.rdsEvents.length + update.timeline.length + update.accessLog.length;
  for (const series of update.metrics) items += series.points.length;
  return items;
}

function seriesKey(series: MetricSeries): string {
  const dimensions = Object.entries(series.dimensions).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([series.namespace, series.metricName, dimensions, series.stat, series.period]);
}

function mergeMetrics(first: MetricSeries[], second: MetricSeries[]): MetricSeries[] {
  const merged = new Map<string, MetricSeries>();
  for (const series of [...first, ...second]) {
    const key = seriesKey(series);
    const held = merged.get(key);
    if (!held) merged.set(key, { ...series, points: [...series.points] });
    else held.points = [...held.points, ...series.points].slice(-MAX_MERGED_POINTS);
  }
  return [...merged.values()];
}

const newest = <T>(first: readonly T[], second: readonly T[]): T[] => [...first, ...second].slice(-MAX_MERGED_EVENTS);

/**
 * One update with the effect of `first` then `second`; undefined when their inventory deltas do
 * not chain (then both must be sent as they are; the client reloads the snapshot on the gap).
 */
export function mergeUpdates(first: Update, second: Update): Update | undefined {
  let inventory = second.inventory ?? first.inventory;
  if (first.inventory && second.inventory) {
    inventory = composeInventoryDeltas(first.inventory, second.inventory);
    if (!inventory) return undefined;
  }
  let healthDelta = second.healthDelta ?? first.healthDelta;
  if (first.healthDelta && second.healthDelta) {
    healthDelta = composeHealthDeltas(first.healthDelta, second.healthDelta);
    if (!healthDelta) return undefined;
  }
  // An activity is reported again when it changes: the latest report of each is enough.
  const activities = new Map([...first.scalingActivities, ...second.scalingActivities].map((a) => [a.activityId, a]));
  const clock = second.clock ?? first.clock;
  const datasets = second.datasets ?? first.datasets;
  // Each names whole groups: the later one's groups replace the earlier one's.
  const instanceCpu = first.instanceCpu || second.instanceCpu ? { ...first.instanceCpu, ...second.instanceCpu } : undefined;
  const lists = {
    scalingActivities: [...activities.values()].slice(-MAX_MERGED_EVENTS),
    alarmHistory: newest(first.alarmHistory, second.alarmHistory),
    rdsEvents: newest(first.rdsEvents, second.rdsEvents),
    timeline: newest(first.timeline, second.timeline),
    accessLog: newest(first.accessLog, second.accessLog),
  };
  // Entries left out of either (the window asked for the newest only) or by the bound above stay counted.
  let skipped = first.skipped || second.skipped ? mergeSkipped(first.skipped ?? {}, second.skipped ?? {}) : undefined;
  for (const list of LIVE_LISTS) {
    const dropped = (list === 'scalingActivities' ? activities.size : first[list].length + second[list].length) - lists[list].length;
    if (dropped > 0) skipped = mergeSkipped(skipped ?? {}, { [list]: dropped });
  }
  return {
    ...(clock ? { clock } : {}),
    ...(inventory ? { inventory } : {}),
    ...lists,
    metrics: mergeMetrics(first.metrics, second.metrics),
    ...(datasets ? { datasets } : {}),
    ...(healthDelta ? { healthDelta } : {}),
    ...(instanceCpu ? { instanceCpu } : {}),
    ...(skipped ? { skipped } : {}),
  };
}

function mergeSkipped(first: SkippedEntries, second: SkippedEntries): SkippedEntries {
  const sum: SkippedEntries = { ...first };
  for (const [list, count] of Object.entries(second) as [keyof SkippedEntries, number][]) sum[list] = (sum[list] ?? 0) + count;
  return sum;
}

export interface CoalescerOptions {
  /** Above this many buffered bytes, updates wait and merge. */
  highWaterBytes: number;
  /** How often a waiting update checks whether the buffer has drained. */
  checkEveryMs: number;
  bufferedAmount(): number;
  send(update: Update): void;
  /** The waiting updates grew past MAX_WAITING_ITEMS: they are dropped and the client must go. */
  overflow(): void;
  maxWaitingItems?: number;
}

export class UpdateCoalescer {
  private pending: Update[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Updates merged into another instead of being sent on their own (tests, the bench). */
  coalesced = 0;

  constructor(private readonly options: CoalescerOptions) {}

  /** An update for this client: sent now, or merged into the one waiting for the buffer to drain. */
  push(update: Update): void {
    if (this.pending.length === 0 && this.options.bufferedAmount() <= this.options.highWaterBytes) return this.options.send(update);
    const last = this.pending[this.pending.length - 1];
    const merged = last ? mergeUpdates(last, update) : undefined;
    if (merged) {
      this.pending[this.pending.length - 1] = merged;
      this.coalesced++;
    } else this.pending.push(update);
    if (this.pending.reduce((sum, u) => sum + itemsIn(u), 0) > (this.options.maxWaitingItems ?? MAX_WAITING_ITEMS)) {
      this.stop();
      return this.options.overflow();
    }
    this.schedule();
  }

  /** Sends what waits, whatever the buffer: before any other frame, so that frames keep their order. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const waiting = this.pending;
    this.pending = [];
    for (const update of waiting) this.options.send(update);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = [];
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.pending.length === 0) return;
      if (this.options.bufferedAmount() <= this.options.highWaterBytes) this.flush();
      else this.schedule();
    }, this.options.checkEveryMs);
    this.timer.unref?.();
  }
}
