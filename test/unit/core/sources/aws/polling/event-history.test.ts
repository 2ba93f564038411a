/**
 * The events AWS mode reads again on every poll (alarm history, RDS events) are held oldest first by
 * time, as lists travel: a window's `newest` bound keeps the last N and `live.older` pages back from
 * them, so an event held out of order would be shown as new, or never reached.
 */
import { describe, expect, it } from 'vitest';
import type { AlarmHistoryItem } from '@main/core/contract';
import { EventHistory } from '@main/core/sources/aws/polling/event-history';

const item = (alarmName: string, minute: number): AlarmHistoryItem => ({
  alarmName,
  timestamp: new Date(Date.UTC(2026, 5, 1, 12, minute)).toISOString(),
  oldState: 'OK',
  newState: 'ALARM',
  reason: 'Threshold Crossed',
});

describe('EventHistory', () => {
  it('returns only events not seen before, oldest first, and holds every event in time order', () => {
    const history = new EventHistory('alarmHistory', (h: AlarmHistoryItem) => `${h.alarmName}|${h.timestamp}`);
    expect(history.take([item('a', 10), item('b', 12)]).map((h) => h.alarmName)).toEqual(['a', 'b']);
    // The next poll overlaps the last minute: `b` again, and `c` that happened before `b` but was not listed yet.
    expect(history.take([item('b', 12), item('c', 11), item('d', 13)]).map((h) => h.alarmName)).toEqual(['c', 'd']);
    expect(history.list().map((h) => h.alarmName)).toEqual(['a', 'c', 'b', 'd']);
  });

  it('keeps the newest when it holds more than its bound', () => {
    const history = new EventHistory('alarmHistory', (h: AlarmHistoryItem) => `${h.alarmName}|${h.timestamp}`, 3);
    history.take([item('d', 4), item('a', 1), item('c', 3), item('b', 2)]);
    expect(history.list().map((h) => h.alarmName)).toEqual(['b', 'c', 'd']);
  });
});
