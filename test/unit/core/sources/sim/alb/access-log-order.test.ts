import { describe, expect, it } from 'vitest';
import { readScenario } from '@main/core/scenario-files';
import { SimulationEngine } from '@main/core/sources/sim/engine';
import { olderPage } from '@main/core/older-pages';
import type { AccessLogEntry, OlderCursor, Snapshot } from '@main/core/contract';

/**
 * ALB-9: the access log holds one sampled request per target group and minute, each at its own instant
 * of the tick. The log is the source's list "oldest first": the window shows it newest first and
 * pages back through it by time (live.older), so it must be in time order.
 */
describe('the access log in time order (ALB-9)', () => {
  const engine = new SimulationEngine(readScenario('shop', { seed: 7 }));
  engine.advanceBy(30 * 60);
  const log = engine.accessLogInOrder();

  it('keeps a minute of several target groups oldest first', () => {
    const perMinute = new Map<string, number>();
    for (const entry of log) perMinute.set(entry.time.slice(0, 16), (perMinute.get(entry.time.slice(0, 16)) ?? 0) + 1);
    // What makes the order a question: several entries per minute, sampled group after group.
    expect(Math.max(...perMinute.values())).toBeGreaterThan(2);
    for (let i = 1; i < log.length; i++) expect(Date.parse(log[i]!.time), `${log[i - 1]!.time} then ${log[i]!.time}`).toBeGreaterThanOrEqual(Date.parse(log[i - 1]!.time));
  });

  it('is paged back to in full from a window sent its newest 25 entries, none twice', () => {
    const snapshot = { accessLog: log, timeline: [], alarmHistory: [], rdsEvents: [], scalingActivities: [] } as unknown as Pick<Snapshot, 'accessLog' | 'timeline' | 'alarmHistory' | 'rdsEvents' | 'scalingActivities'>;
    const shown: AccessLogEntry[] = log.slice(-25);
    // As the window asks (stores/older-events.ts): from the oldest entry it was sent, then the host's cursors.
    let before: OlderCursor | undefined = { time: shown[0]!.time, skip: shown.filter((e) => e.time === shown[0]!.time).length };
    while (before) {
      const page = olderPage(snapshot, { lists: ['accessLog'], before, limit: 40 });
      shown.unshift(...(page.accessLog ?? []));
      before = page.next;
    }
    expect(shown.map((e) => e.traceId)).toEqual(log.map((e) => e.traceId));
  });
});
