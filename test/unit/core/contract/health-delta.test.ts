/**
 * Health verdicts as versioned deltas (issue 15 item 5): apply(a, diff(a, b)) = b for the reports a
 * real simulation makes, composition equals applying one after the other, the schema validates what
 * travels, and a delta carries the verdicts that changed, not the report.
 */
import { describe, expect, it } from 'vitest';
import { applyHealthDelta, composeHealthDeltas, diffHealth, HealthDelta, DEFAULT_HEALTH_THRESHOLDS, type HealthReport } from '@main/core/contract';
import { HealthMonitor } from '@main/core/health/health-monitor';
import { readScenario } from '@main/core/scenario-files';
import { SimSource } from '@main/core/sources/sim/sim-source';

const stillWallClock = { now: () => 0, every: () => () => undefined };

/** The reports the health monitor makes along `count` steps of `stepSeconds` of a scenario. */
function reports(scenario: string, count: number, stepSeconds: number): HealthReport[] {
  const source = new SimSource(readScenario(scenario), { wallClock: stillWallClock, paused: true });
  const monitor = new HealthMonitor();
  const result = [monitor.reset(source.snapshot())];
  source.onUpdate((update) => {
    const report = monitor.ingest(update);
    if (report) result.push(report);
  });
  for (let i = 1; i < count; i++) source.step(stepSeconds);
  source.injectFault('FailAvailabilityZone', { AvailabilityZone: `${source.scenario.simulation.region}a` }, 600);
  for (let i = 1; i < count; i++) source.step(stepSeconds);
  return structuredClone(result);
}

describe('health deltas', () => {
  const along = reports('shop', 12, 150);

  it('apply(a, diff(a, b)) equals b along a simulated hour of the shop with an Availability Zone failure; the delta parses', () => {
    expect(along.length).toBeGreaterThan(5);
    for (let i = 1; i < along.length; i++) {
      const delta = diffHealth(along[i - 1]!, along[i]!, { from: i - 1, to: i });
      expect(HealthDelta.parse(JSON.parse(JSON.stringify(delta)))).toEqual(delta);
      expect(applyHealthDelta(along[i - 1]!, delta)).toEqual(along[i]);
    }
  });

  it('a delta carries the verdicts that changed, not the report', () => {
    const [a, b] = [along.at(-2)!, along.at(-1)!];
    const changed = b.resources.filter((r) => JSON.stringify(r) !== JSON.stringify(a.resources.find((x) => x.kind === r.kind && x.id === r.id)));
    const delta = diffHealth(a, b, { from: 1, to: 2 });
    expect(changed.length).toBeLessThan(b.resources.length);
    expect((delta.resources?.upserted.length ?? 0) + (delta.resources?.patched?.length ?? 0)).toBe(changed.length);
    expect(diffHealth(a, a, { from: 2, to: 3 })).toEqual({ from: 2, to: 3, evaluatedAt: a.evaluatedAt });
  });

  it('composed deltas equal the two applied one after the other, and only consecutive ones compose', () => {
    for (let i = 2; i < along.length; i++) {
      const first = diffHealth(along[i - 2]!, along[i - 1]!, { from: 1, to: 2 });
      const second = diffHealth(along[i - 1]!, along[i]!, { from: 2, to: 3 });
      expect(applyHealthDelta(along[i - 2]!, composeHealthDeltas(first, second)!)).toEqual(along[i]);
      expect(composeHealthDeltas(second, first)).toBeUndefined();
    }
  });

  it('new thresholds travel with the delta', () => {
    const a = along[0]!;
    const b = { ...a, thresholds: { ...DEFAULT_HEALTH_THRESHOLDS, windowMinutes: 10 } };
    expect(applyHealthDelta(a, diffHealth(a, b, { from: 0, to: 1 })).thresholds.windowMinutes).toBe(10);
  });
});
