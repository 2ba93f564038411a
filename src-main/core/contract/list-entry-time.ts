/**
 * When an entry of an event list happened, by list (each AWS shape names it differently): what
 * `newest` and `live.older` order by, on both sides of the contract.
 *
 * Shared with the renderer: imports only the contract's own types.
 */
import type { AccessLogEntry, AlarmHistoryItem, LiveList, RdsEvent, ScalingActivity, TimelineEvent } from './model';

export interface ListEntries {
  scalingActivities: ScalingActivity;
  alarmHistory: AlarmHistoryItem;
  rdsEvents: RdsEvent;
  timeline: TimelineEvent;
  accessLog: AccessLogEntry;
}

const TIME_OF: { [L in LiveList]: (entry: ListEntries[L]) => string } = {
  scalingActivities: (activity) => activity.startTime,
  alarmHistory: (item) => item.timestamp,
  rdsEvents: (event) => event.date,
  timeline: (event) => event.time,
  accessLog: (entry) => entry.time,
};

/** Milliseconds since the epoch; an unreadable time counts as the oldest. */
export function listEntryMillis<L extends LiveList>(list: L, entry: ListEntries[L]): number {
  const ms = Date.parse(TIME_OF[list](entry));
  return Number.isNaN(ms) ? 0 : ms;
}

/**
 * The entries oldest first by their time (a new array; entries at one instant keep their order), the
 * order every list travels in: `newest` keeps a list's last N and `live.older` pages back from them,
 * so a list out of time order would send old entries as the newest and never reach some others.
 */
export function oldestFirst<L extends LiveList>(list: L, entries: readonly ListEntries[L][]): ListEntries[L][] {
  return entries
    .map((entry, index) => ({ entry, index, ms: listEntryMillis(list, entry) }))
    .sort((a, b) => a.ms - b.ms || a.index - b.index)
    .map(({ entry }) => entry);
}
