import { describe, expect, it } from 'vitest';
import { SimulationEngine } from '@main/core/sources/sim/engine';
import { HEALTH_CHECK_DEFAULTS, routableTargets } from '@main/core/sources/sim/alb/target-group';
import type { SimTarget, SimTargetGroup } from '@main/core/sources/sim/alb/alb-state';
import { scenarioFrom, webTier } from '../../../../../helpers/scenarios';

const targetGroupOf = (engine: SimulationEngine) => [...engine.world.targetGroups.values()][0]!;
const states = (engine: SimulationEngine) => [...targetGroupOf(engine).targets.values()].map((t) => t.state);

describe('Application Load Balancer target groups', () => {
  it('ALB-4: health-check defaults are interval 30 s, timeout 5 s, healthy 5, unhealthy 2, path /', () => {
    expect(HEALTH_CHECK_DEFAULTS).toMatchObject({ intervalSeconds: 30, timeoutSeconds: 5, healthyThresholdCount: 5, unhealthyThresholdCount: 2, path: '/' });
    const yaml = webTier().replace(/ {6}HealthCheckIntervalSeconds: 10\n {6}HealthyThresholdCount: 2\n/, '');
    const group = targetGroupOf(new SimulationEngine(scenarioFrom(yaml)));
    expect(group).toMatchObject({ healthCheckIntervalSeconds: 30, healthCheckTimeoutSeconds: 5, healthyThresholdCount: 5, unhealthyThresholdCount: 2, healthCheckPath: '/' });
  });

  it('ALB-4/ALB-6: a new target is `initial` until it passes HealthyThresholdCount checks', () => {
    const engine = new SimulationEngine(scenarioFrom(webTier({ coldStart: true })));
    engine.advanceBy(60);
    expect(states(engine)).toEqual(['initial', 'initial']);
    expect(targetGroupOf(engine).targets.values().next().value!.reason).toBe('Elb.RegistrationInProgress');
    engine.advanceBy(10);
    expect(states(engine)).toEqual(['initial', 'initial']);
    engine.advanceBy(10);
    expect(states(engine)).toEqual(['healthy', 'healthy']);
  });

  it('ALB-6/ALB-11: an overloaded target times out its health checks and turns unhealthy with a reason code', () => {
    // 600 req/s on two instances that serve 100 each.
    const engine = new SimulationEngine(scenarioFrom(webTier({ rate: '600', max: 2 })));
    engine.advanceBy(60 + 20 + 30);
    const target = targetGroupOf(engine).targets.values().next().value!;
    expect(target.state).toBe('unhealthy');
    expect(target.reason).toBe('Target.Timeout');
  });

  it('ALB-5: fail-open — when every target is unhealthy, requests go to all of them', () => {
    const target = (id: string, state: SimTarget['state']): SimTarget => ({ id, port: 80, availabilityZone: 'a', state, consecutivePasses: 0, consecutiveFailures: 0, nextCheckAt: 0 });
    const group = { targets: new Map([['a', target('a', 'unhealthy')], ['b', target('b', 'unhealthy')], ['c', target('c', 'draining')]]) } as SimTargetGroup;
    expect(routableTargets(group).map((t) => t.id)).toEqual(['a', 'b']);
    group.targets.set('d', target('d', 'healthy'));
    expect(routableTargets(group).map((t) => t.id)).toEqual(['d']);
  });

  it('ALB-10/ALB-11: requests beyond capacity fail as target 5xx, and offered = served + failed', () => {
    const engine = new SimulationEngine(scenarioFrom(webTier({ rate: '300', max: 2 })));
    engine.advanceBy(600);
    const lb = [...engine.world.loadBalancers.values()][0]!;
    const sum = (name: string) => engine.metrics.get('AWS/ApplicationELB', name, { LoadBalancer: lb.fullName })?.points('Sum').reduce((s, p) => s + p[1], 0) ?? 0;
    const requests = sum('RequestCount');
    expect(requests).toBeGreaterThan(0);
    expect(sum('HTTPCode_Target_5XX_Count')).toBeGreaterThan(0);
    const latency = engine.metrics.get('AWS/ApplicationELB', 'TargetResponseTime', { LoadBalancer: lb.fullName })!;
    const served = latency.points('SampleCount').reduce((s, p) => s + p[1], 0);
    expect(served + sum('HTTPCode_Target_5XX_Count') + sum('HTTPCode_ELB_5XX_Count')).toBe(requests);
  });

  it('ALB-11: response time rises with utilisation', () => {
    const latencyAt = (rate: string) => {
      const engine = new SimulationEngine(scenarioFrom(webTier({ rate, max: 2 })));
      engine.advanceBy(600);
      const lb = [...engine.world.loadBalancers.values()][0]!;
      return engine.metrics.get('AWS/ApplicationELB', 'TargetResponseTime', { LoadBalancer: lb.fullName })!.points('Average').at(-1)![1];
    };
    expect(latencyAt('150')).toBeGreaterThan(latencyAt('40') * 1.5);
  });
});
