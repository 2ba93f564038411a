import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SimulationEngine } from '@main/core/sources/sim/engine';
import { loadScenario } from '@main/core/sources/sim/scenario/load-scenario';
import { scenarioFrom, webTier } from '../../../../helpers/scenarios';

const dir = join(__dirname, '../../../../../resources/scenarios');

function requests(engine: SimulationEngine): number {
  let total = 0;
  for (const lb of engine.world.loadBalancers.values()) {
    for (const [, value] of engine.metrics.get('AWS/ApplicationELB', 'RequestCount', { LoadBalancer: lb.fullName })?.points('Sum') ?? []) total += value;
  }
  return total;
}

function fiveXx(engine: SimulationEngine): number {
  let total = 0;
  for (const lb of engine.world.loadBalancers.values()) {
    for (const name of ['HTTPCode_ELB_5XX_Count', 'HTTPCode_Target_5XX_Count']) {
      for (const [, value] of engine.metrics.get('AWS/ApplicationELB', name, { LoadBalancer: lb.fullName })?.points('Sum') ?? []) total += value;
    }
  }
  return total;
}

// Issue 12, item 2: start-up without false alarms.
describe('start-up: no 5XX burst unless the scenario asks for a cold start', () => {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml') && f !== 'scale-1000.yaml')) {
    it(`${file}: the first 5 minutes carry no 5XX beyond the scenario's own error rates`, () => {
      const engine = new SimulationEngine(loadScenario(readFileSync(join(dir, file), 'utf8'), { file }));
      engine.advanceBy(5 * 60);
      expect(requests(engine)).toBeGreaterThan(0);
      // serverless.yaml declares a 0.1 % function error rate; the others none.
      expect(fiveXx(engine) / requests(engine)).toBeLessThan(0.002);
    });
  }

  it('Simulation.ColdStart: true creates the stack at StartTime: 503s until the first target is healthy', () => {
    const engine = new SimulationEngine(scenarioFrom(webTier({ coldStart: true })));
    engine.advanceBy(5 * 60);
    expect(fiveXx(engine)).toBeGreaterThan(0);
  });

  it('a warm start has its initial instances InService and their targets healthy at StartTime', () => {
    const engine = new SimulationEngine(scenarioFrom(webTier()));
    const group = engine.world.autoScalingGroups.get('web-asg')!;
    expect([...group.instances.values()].map((i) => i.lifecycleState)).toEqual(['InService', 'InService']);
    expect([...engine.world.targetGroups.values()][0]!.targets.size).toBe(2);
    expect([...[...engine.world.targetGroups.values()][0]!.targets.values()].map((t) => t.state)).toEqual(['healthy', 'healthy']);
  });
});
