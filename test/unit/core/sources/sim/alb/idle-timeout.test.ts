/**
 * LBA-4: a target that does not answer within the load balancer's idle timeout gets the client an
 * HTTP 504 from the load balancer (load-balancer-troubleshooting.html, "HTTP 504: Gateway timeout":
 * "The load balancer established a connection to the target but the target did not respond before
 * the idle timeout period elapsed").
 */
import { describe, expect, it } from 'vitest';
import { SimulationEngine } from '@main/core/sources/sim/engine';
import { scenarioFrom, webTier } from '../../../../../helpers/scenarios';

const sum = (points: [number, number][] | undefined) => (points ?? []).reduce((total, [, v]) => total + v, 0);

function run(yaml: string, seconds: number) {
  const engine = new SimulationEngine(scenarioFrom(yaml));
  engine.advanceBy(seconds);
  const lb = { LoadBalancer: engine.world.loadBalancers.values().next().value!.fullName };
  const get = (name: string) => sum(engine.metrics.get('AWS/ApplicationELB', name, lb)?.points('Sum'));
  return { engine, get };
}

const withIdleTimeout = (yaml: string, seconds: number) =>
  yaml.replace('Properties: { Name: web-alb }', `Properties: { Name: web-alb, LoadBalancerAttributes: [{ Key: idle_timeout.timeout_seconds, Value: "${seconds}" }] }`);

function slowLambda(durationMs: number, idle?: number): string {
  const attributes = idle === undefined ? '' : `, LoadBalancerAttributes: [{ Key: idle_timeout.timeout_seconds, Value: "${idle}" }]`;
  return `
Simulation: { StartTime: 2026-11-20T08:00:00Z, Seed: 4, Tick: 5s }
Resources:
  Alb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties: { Name: fn-alb${attributes} }
  Fn:
    Type: AWS::Lambda::Function
    Metadata: { Simulation: { DurationMs: ${durationMs}, DurationSpread: 0.01, ColdStartMs: 0 } }
    Properties: { FunctionName: slow, Role: r, Code: { ZipFile: x }, Timeout: 300, ReservedConcurrentExecutions: 900 }
  Tg:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties: { Name: fn-tg, TargetType: lambda, Targets: [{ Id: !GetAtt Fn.Arn }] }
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Alb
      DefaultActions: [{ Type: forward, TargetGroupArn: !Ref Tg }]
Traffic:
  - { Name: users, Target: !GetAtt Alb.DNSName, Rate: 2 }
`;
}

describe('LBA-4: idle timeout (idle_timeout.timeout_seconds, default 60 s) vs. slow targets', () => {
  it('LBA-4: a Lambda target slower than the default 60 s idle timeout is ELB 504, not a Target code', () => {
    const { get } = run(slowLambda(90_000), 5 * 60);
    expect(get('RequestCount')).toBeGreaterThan(0);
    expect(get('HTTPCode_ELB_504_Count')).toBe(get('RequestCount'));
    expect(get('HTTPCode_Target_2XX_Count')).toBe(0);
    expect(get('HTTPCode_Target_5XX_Count')).toBe(0);
  });

  it('LBA-4: the same target within a longer idle timeout answers 2XX', () => {
    const { get } = run(slowLambda(90_000, 120), 5 * 60);
    expect(get('HTTPCode_ELB_504_Count')).toBe(0);
    expect(get('HTTPCode_Target_2XX_Count')).toBe(get('RequestCount'));
  });

  it('LBA-4: overloaded instances past a 1 s idle timeout turn into 504s; every request is still counted once', () => {
    const short = run(withIdleTimeout(webTier({ rate: '600', max: 2 }), 1), 10 * 60);
    const long = run(webTier({ rate: '600', max: 2 }), 10 * 60);
    expect(long.get('HTTPCode_ELB_504_Count')).toBe(0);
    expect(short.get('HTTPCode_ELB_504_Count')).toBeGreaterThan(0);
    const served = short.engine.metrics.get('AWS/ApplicationELB', 'TargetResponseTime', { LoadBalancer: short.engine.world.loadBalancers.values().next().value!.fullName });
    const count = (served?.points('SampleCount') ?? []).reduce((s, p) => s + p[1], 0);
    expect(count + short.get('HTTPCode_Target_5XX_Count') + short.get('HTTPCode_ELB_5XX_Count')).toBe(short.get('RequestCount'));
  });
});
