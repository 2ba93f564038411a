/**
 * Warm start (issue 15): a simulated scenario opens with history. The lead-in runs before the
 * scenario's StartTime; its clock, Faults and Actions still count from StartTime.
 */
import { describe, expect, it } from 'vitest';
import { readScenario } from '@main/core/scenario-files';
import { SimulationEngine } from '@main/core/sources/sim/engine';
import { defaultLiveLeadInSeconds, initialInstances, leadInUnits, LIVE_LEAD_IN_SECONDS, liveLeadInSeconds, parseLeadInOption } from '@main/core/sources/sim/lead-in';
import { runSimulation, serializeReport } from '@main/core/sources/sim/report';
import { SimSource } from '@main/core/sources/sim/sim-source';
import { exportMetrics } from '@main/core/sources/sim/export';
import { manualWallClock } from '../../../../helpers/core';
import { scenarioFrom, webTier } from '../../../../helpers/scenarios';

const START = Date.parse('2026-11-20T08:00:00Z');
const withFault = `${webTier()}
Faults:
  - At: 10m
    Type: TerminateInstances
    AutoScalingGroupName: web-asg
    Count: 1
`;

function requestPoints(engine: SimulationEngine): number[] {
  const series = exportMetrics(engine.metrics).find((s) => s.metricName === 'RequestCount' && s.stat === 'Sum' && !('TargetGroup' in s.dimensions));
  return (series?.points ?? []).map(([seconds]) => seconds * 1000);
}

describe('lead-in: history before StartTime', () => {
  it('stands at StartTime with an hour of one-minute datapoints behind it', () => {
    const engine = new SimulationEngine(scenarioFrom(webTier()), { leadInSeconds: 3600 });
    expect(engine.now).toBe(START);
    expect(engine.startTime).toBe(START);
    expect(engine.beginTime).toBe(START - 3600_000);
    expect(engine.simulatedSeconds).toBe(0);
    const times = requestPoints(engine);
    expect(times.length).toBeGreaterThanOrEqual(59);
    expect(Math.min(...times)).toBe(START - 3600_000);
    expect(Math.max(...times)).toBeLessThan(START);
    // The stack was created when the clock began: the instances launched then, not at StartTime.
    expect(engine.inventory().autoScalingGroups[0]!.instances.every((i) => i.lifecycleState === 'InService')).toBe(true);
  });

  it('without a lead-in starts empty at StartTime, as before', () => {
    const engine = new SimulationEngine(scenarioFrom(webTier()));
    expect(engine.beginTime).toBe(START);
    expect(requestPoints(engine)).toEqual([]);
  });

  it('keeps Faults at their offsets from StartTime, not from the start of the history', () => {
    const engine = new SimulationEngine(scenarioFrom(withFault), { leadInSeconds: 1800 });
    expect(engine.timeline.filter((e) => e.kind === 'FaultInjected')).toEqual([]);
    engine.advanceBy(15 * 60);
    const injected = engine.timeline.filter((e) => e.kind === 'FaultInjected');
    expect(injected.map((e) => e.time)).toEqual(['2026-11-20T08:10:00.000Z']);
  });

  it('is deterministic: one seed and lead-in give byte-identical reports, which say the lead-in', () => {
    const report = () => serializeReport(runSimulation(new SimulationEngine(scenarioFrom(withFault), { leadInSeconds: 1800 }), 1800));
    const a = report();
    expect(a).toBe(report());
    expect(JSON.parse(a)).toMatchObject({ startTime: '2026-11-20T08:00:00.000Z', leadInSeconds: 1800, simulatedSeconds: 1800 });
    expect(JSON.parse(serializeReport(runSimulation(new SimulationEngine(scenarioFrom(withFault)), 60)))).not.toHaveProperty('leadInSeconds');
  });

  it('takes Simulation.LeadIn from the file; an option overrides it, 0 disables it', () => {
    const yaml = webTier().replace('  Seed: 3\n', '  Seed: 3\n  LeadIn: 20m\n');
    expect(scenarioFrom(yaml).simulation.leadInSeconds).toBe(1200);
    expect(new SimulationEngine(scenarioFrom(yaml)).beginTime).toBe(START - 1200_000);
    expect(new SimulationEngine(scenarioFrom(yaml), { leadInSeconds: 0 }).beginTime).toBe(START);
    expect(liveLeadInSeconds(scenarioFrom(yaml))).toBe(1200);
    expect(liveLeadInSeconds(scenarioFrom(yaml), 0)).toBe(0);
  });

  it.each(['90s', '25h', '-1m'])('refuses Simulation.LeadIn %s with the rule and its place', (value) => {
    const yaml = webTier().replace('  Seed: 3\n', `  Seed: 3\n  LeadIn: ${value}\n`);
    expect(() => scenarioFrom(yaml)).toThrow(/Simulation\.LeadIn|whole minutes from 0 to 24h|not a duration/);
  });

  it('parses --lead-in and says what is wrong', () => {
    expect(parseLeadInOption('1h')).toBe(3600);
    expect(parseLeadInOption('0')).toBe(0);
    expect(parseLeadInOption(undefined)).toBeUndefined();
    expect(() => parseLeadInOption('45s')).toThrow('--lead-in "45s": a lead-in is whole minutes from 0 to 24h');
    expect(() => parseLeadInOption('soon')).toThrow('--lead-in "soon"');
  });

  it('defaults a live session to the default chart range and more, scaled down for large scenarios', () => {
    const shop = readScenario('shop');
    expect(initialInstances(shop)).toBe(6);
    expect(defaultLiveLeadInSeconds(shop)).toBe(LIVE_LEAD_IN_SECONDS);
    expect(LIVE_LEAD_IN_SECONDS).toBeGreaterThanOrEqual(3600);
    const big = webTier({ min: 10, max: 1000, desired: 1000 });
    expect(defaultLiveLeadInSeconds(scenarioFrom(big))).toBe(15 * 60);
    const mid = webTier({ min: 10, max: 1000, desired: 150 });
    expect(defaultLiveLeadInSeconds(scenarioFrom(mid))).toBe(75 * 60);
    // 400 instances and the population's one request class: 250 instance-hours last 37 minutes.
    const larger = webTier({ min: 10, max: 1000, desired: 400 });
    expect(leadInUnits(scenarioFrom(larger))).toBe(401);
    expect(defaultLiveLeadInSeconds(scenarioFrom(larger))).toBe(37 * 60);
  });

  it('counts traffic request classes in the budget: each costs about what an instance does (hostile-input review)', () => {
    // Two instances, but 50 populations of 100 classes: 5,002 units, so 15 minutes, not 75.
    const classes = Array.from({ length: 100 }, (_, i) => `      - { Path: /o/${i}, Share: 1 }`).join('\n');
    const populations = Array.from({ length: 50 }, (_, p) => `  - Name: p${p}\n    Target: !GetAtt Alb.DNSName\n    Rate: 10\n    Requests:\n${classes}`).join('\n');
    const heavy = scenarioFrom(webTier({ min: 2, max: 4, desired: 2 }).replace(/Traffic:\n[\s\S]*$/, `Traffic:\n${populations}\n`));
    expect(leadInUnits(heavy)).toBe(2 + 5000);
    expect(defaultLiveLeadInSeconds(heavy)).toBe(15 * 60);
  });
});

describe('lead-in in a live session (SimSource)', () => {
  it('opens with history in the first snapshot, the clock at StartTime, and again after a reset', () => {
    const source = new SimSource(scenarioFrom(webTier()), { wallClock: manualWallClock(), paused: true, leadIn: () => 3600 });
    const check = () => {
      const snapshot = source.snapshot();
      expect(snapshot.clock).toMatchObject({ now: START, startTime: START });
      const requests = snapshot.metrics.find((s) => s.metricName === 'RequestCount' && s.stat === 'Sum');
      expect(requests!.points.length).toBeGreaterThanOrEqual(59);
    };
    check();
    source.step(60);
    source.reset();
    check();
  });

  it('asks for the lead-in of each scenario it loads', () => {
    const asked: string[] = [];
    const source = new SimSource(scenarioFrom(webTier(), 'one.yaml'), { wallClock: manualWallClock(), paused: true, leadIn: (s) => (asked.push(s.name), 600) });
    source.load(scenarioFrom(webTier(), 'two.yaml'));
    expect(asked).toEqual(['one', 'two']);
    expect(source.engine.beginTime).toBe(START - 600_000);
  });
});
