/**
 * The things that happened, as the sources report them: CloudWatch alarm history, RDS events and
 * the timeline (target-health and health-check transitions, injected faults, operator actions).
 * Newest first, bounded, de-duplicated (a reconnect's snapshot repeats what Updates already sent).
 * Scaling activities have their own store because they change state under one id.
 */
import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import type { AlarmHistoryItem, RdsEvent, TimelineEvent } from '@contract';

export const MAX_EVENTS = 1000;

const time = (iso: string): number => {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? 0 : ms;
};

function merge<T>(current: readonly T[], incoming: readonly T[], key: (item: T) => string, when: (item: T) => number): T[] {
  if (incoming.length === 0) return current as T[];
  const seen = new Set(current.map(key));
  const fresh = incoming.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  if (fresh.length === 0) return current as T[];
  return [...fresh, ...current].sort((a, b) => when(b) - when(a)).slice(0, MAX_EVENTS);
}

export const alarmKey = (item: AlarmHistoryItem): string => `${item.alarmName}|${item.timestamp}|${item.newState}`;
export const rdsEventKey = (event: RdsEvent): string => `${event.sourceIdentifier}|${event.date}|${event.message}`;
export const timelineKey = (event: TimelineEvent): string => `${event.time}|${event.kind}|${event.resource}|${event.message}`;

export const useEventsStore = defineStore('events', () => {
  const alarmHistory = shallowRef<readonly AlarmHistoryItem[]>([]);
  const rdsEvents = shallowRef<readonly RdsEvent[]>([]);
  const timeline = shallowRef<readonly TimelineEvent[]>([]);
  /**
   * The alarm transitions the latest Update brought (never a snapshot's history), for notifications;
   * `notListed`: how many more it left out (the window asks for the newest only: stores/skipped.ts).
   */
  const freshAlarms = shallowRef<{ seq: number; items: readonly AlarmHistoryItem[]; notListed: number }>({ seq: 0, items: [], notListed: 0 });

  function load(data: { alarmHistory: readonly AlarmHistoryItem[]; rdsEvents: readonly RdsEvent[]; timeline: readonly TimelineEvent[] }): void {
    alarmHistory.value = merge([], data.alarmHistory, alarmKey, (i) => time(i.timestamp));
    rdsEvents.value = merge([], data.rdsEvents, rdsEventKey, (e) => time(e.date));
    timeline.value = merge([], data.timeline, timelineKey, (e) => time(e.time));
  }

  /** Returns the alarm transitions that were new, for notifications. */
  function append(data: { alarmHistory: readonly AlarmHistoryItem[]; rdsEvents: readonly RdsEvent[]; timeline: readonly TimelineEvent[]; skipped?: { alarmHistory?: number } }): AlarmHistoryItem[] {
    const known = new Set(alarmHistory.value.map(alarmKey));
    const newAlarms = data.alarmHistory.filter((item) => !known.has(alarmKey(item)));
    alarmHistory.value = merge(alarmHistory.value, data.alarmHistory, alarmKey, (i) => time(i.timestamp));
    rdsEvents.value = merge(rdsEvents.value, data.rdsEvents, rdsEventKey, (e) => time(e.date));
    timeline.value = merge(timeline.value, data.timeline, timelineKey, (e) => time(e.time));
    if (newAlarms.length > 0) freshAlarms.value = { seq: freshAlarms.value.seq + 1, items: newAlarms, notListed: data.skipped?.alarmHistory ?? 0 };
    return newAlarms;
  }

  /** History a newly shown view asked for (stores/live-interest.ts): merged, never announced as fresh alarms. */
  function mergeHistory(data: { alarmHistory: readonly AlarmHistoryItem[]; rdsEvents: readonly RdsEvent[]; timeline: readonly TimelineEvent[] }): void {
    alarmHistory.value = merge(alarmHistory.value, data.alarmHistory, alarmKey, (i) => time(i.timestamp));
    rdsEvents.value = merge(rdsEvents.value, data.rdsEvents, rdsEventKey, (e) => time(e.date));
    timeline.value = merge(timeline.value, data.timeline, timelineKey, (e) => time(e.time));
  }

  function alarmHistoryFor(names: ReadonlySet<string>): AlarmHistoryItem[] {
    return alarmHistory.value.filter((item) => names.has(item.alarmName));
  }

  function rdsEventsFor(identifier: string): RdsEvent[] {
    return rdsEvents.value.filter((event) => event.sourceIdentifier === identifier);
  }

  return { alarmHistory, rdsEvents, timeline, freshAlarms, load, append, mergeHistory, alarmHistoryFor, rdsEventsFor };
});
