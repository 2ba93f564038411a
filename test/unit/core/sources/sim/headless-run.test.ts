/**
 * Issue 15: a headless run (`sim run`) tracks no changes, sizes its metric rings to the run and streams
 * its report — and still writes the very bytes a live engine's report would.
 */
import { describe, expect, it } from 'vitest';
import { readScenario } from '@main/core/scenario-files';
import { METRIC_RING_PERIODS, metricRingPeriods, SimulationEngine } from '@main/core/sources/sim/engine';
import { buildReport, reportText, serializeReport } from '@main/core/sources/sim/report';

describe('headless runs', () => {
  it.each(['shop', 'global-failover', 'serverless', 'photos'])('%s: the streamed report of an untracked engine with run-sized rings is the same bytes as the live engine report', (name) => {
    const seconds = 3600;
    const live = new SimulationEngine(readScenario(name));
    live.advanceBy(seconds);
    const headless = new SimulationEngine(readScenario(name), { trackChanges: false, plannedSeconds: seconds });
    headless.advanceBy(seconds);
    expect([...reportText(headless)].join('')).toBe(serializeReport(buildReport(live)));
  });

  it('with a lead-in too (the rings hold the lead-in and the run)', () => {
    const live = new SimulationEngine(readScenario('shop'), { leadInSeconds: 3600 });
    live.advanceBy(1800);
    const headless = new SimulationEngine(readScenario('shop'), { leadInSeconds: 3600, trackChanges: false, plannedSeconds: 1800 });
    headless.advanceBy(1800);
    expect([...reportText(headless)].join('')).toBe(serializeReport(buildReport(live)));
  });

  it('an untracked engine keeps no deltas for a live bridge, however long it runs', () => {
    const engine = new SimulationEngine(readScenario('shop'), { trackChanges: false });
    engine.advanceBy(3 * 3600);
    const changes = engine.drainChanges();
    expect(changes.datapoints).toEqual([]);
    expect(changes.timeline).toEqual([]);
    expect(changes.activities).toEqual([]);
    expect(changes.alarmHistory).toEqual([]);
    expect(changes.accessLog).toEqual([]);
    expect(engine.timeline.length).toBeGreaterThan(0); // the report's own timeline is still kept
  });

  it('a tracked engine reports what changed since the last drain', () => {
    const engine = new SimulationEngine(readScenario('shop'));
    engine.drainChanges();
    engine.advanceBy(600);
    const changes = engine.drainChanges();
    expect(changes.datapoints.length).toBeGreaterThan(0);
    expect(changes.accessLog.length).toBeGreaterThan(0);
    expect(engine.drainChanges().datapoints).toEqual([]);
  });

  it('rings are sized to the run, never beyond two days', () => {
    expect(metricRingPeriods(0, undefined)).toBe(METRIC_RING_PERIODS);
    expect(metricRingPeriods(0, 3600)).toBe(62);
    expect(metricRingPeriods(3600, 3600)).toBe(122);
    expect(metricRingPeriods(0, 7 * 86_400)).toBe(METRIC_RING_PERIODS);
  });
});
