import { describe, expect, it } from 'vitest';
import { SimulationEngine } from '@main/core/sources/sim/engine';
import { routableTargets } from '@main/core/sources/sim/alb/target-group';
import type { SimTarget, SimTargetGroup } from '@main/core/sources/sim/alb/alb-state';
import { scenarioFrom } from '../../../../../helpers/scenarios';

const sum = (points: [number, number][] | undefined) => (points ?? []).reduce((total, [, v]) => total + v, 0);

function lambdaTier(healthCheck = '', faults = ''): string {
  return `
Simulation: { StartTime: 2026-11-20T08:00:00Z, Seed: 4, Tick: 5s }
Resources:
  Alb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties: { Name: fn-alb }
  Fn:
    Type: AWS::Lambda::Function
    Metadata: { Simulation: { DurationMs: 50, DurationSpread: 0.01, ColdStartMs: 0 } }
    Properties: { FunctionName: resize, Role: r, Code: { ZipFile: x }, Timeout: 10 }
  Tg:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties: { Name: fn-tg, TargetType: lambda, Targets: [{ Id: !GetAtt Fn.Arn }]${healthCheck} }
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Alb
      DefaultActions: [{ Type: forward, TargetGroupArn: !Ref Tg }]
Traffic:
  - { Name: users, Target: !GetAtt Alb.DNSName, Rate: 10 }
${faults}`;
}

const targetOf = (engine: SimulationEngine) => [...engine.world.targetGroups.values()][0]!.targets.values().next().value!;

// docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_TargetHealth.html ("If the target state is
// unavailable … Target.HealthCheckDisabled - Health checks are disabled for the target group") and
// docs.aws.amazon.com/elasticloadbalancing/latest/application/lambda-functions.html (health checks are off by
// default for a Lambda target group; the load balancer still invokes the function).
describe('LTG-1: a Lambda target with health checks off is unavailable, Target.HealthCheckDisabled (API_TargetHealth, lambda-functions.html)', () => {
  it('LTG-1: DescribeTargetHealth shows the Lambda target `unavailable` with reason Target.HealthCheckDisabled, from the start and after minutes of checks', () => {
    const engine = new SimulationEngine(scenarioFrom(lambdaTier()));
    expect(targetOf(engine)).toMatchObject({ state: 'unavailable', reason: 'Target.HealthCheckDisabled', description: 'Health checks are disabled' });
    engine.advanceBy(10 * 60);
    expect(targetOf(engine)).toMatchObject({ state: 'unavailable', reason: 'Target.HealthCheckDisabled' });
    const exported = engine.inventory().targetGroups[0]!.targets[0]!;
    expect(exported).toMatchObject({ state: 'unavailable', reason: 'Target.HealthCheckDisabled' });
  });

  it('LTG-1: the unavailable Lambda target still receives every request (the load balancer invokes the function)', () => {
    const engine = new SimulationEngine(scenarioFrom(lambdaTier()));
    engine.advanceBy(5 * 60);
    const lb = { LoadBalancer: engine.world.loadBalancers.values().next().value!.fullName };
    const get = (name: string) => sum(engine.metrics.get('AWS/ApplicationELB', name, lb)?.points('Sum'));
    expect(get('RequestCount')).toBe(3000);
    expect(get('HTTPCode_Target_2XX_Count')).toBe(3000);
    expect(sum(engine.metrics.get('AWS/Lambda', 'Invocations', { FunctionName: 'resize' })?.points('Sum'))).toBe(3000);
  });

  it('LTG-1: with HealthCheckEnabled: true the Lambda target is checked and healthy, not unavailable', () => {
    const engine = new SimulationEngine(scenarioFrom(lambdaTier(', HealthCheckEnabled: true')));
    engine.advanceBy(5 * 60);
    expect(targetOf(engine).state).toBe('healthy');
    expect(targetOf(engine).reason).toBeUndefined();
  });

  it('LTG-1: FailTargets on a group with health checks off is refused with its own problem code (nothing checks the targets)', () => {
    const engine = new SimulationEngine(scenarioFrom(lambdaTier()));
    expect(() => engine.injectFault('FailTargets', { TargetGroupName: 'fn-tg' })).toThrow(expect.objectContaining({ problem: 'fault.targetGroupHealthChecksOff', params: { name: 'fn-tg' } }));
    expect(targetOf(engine).state).toBe('unavailable');
  });

  it('LTG-1: a target group with health checks off routes to its unavailable targets, as to healthy ones', () => {
    const target = (id: string, state: SimTarget['state']): SimTarget => ({ id, port: 80, availabilityZone: 'all', state, consecutivePasses: 0, consecutiveFailures: 0, nextCheckAt: 0 });
    const group = { targets: new Map([['a', target('a', 'unavailable')], ['b', target('b', 'draining')]]) } as SimTargetGroup;
    expect(routableTargets(group).map((t) => t.id)).toEqual(['a']);
  });
});
