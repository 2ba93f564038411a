import { describe, expect, it } from 'vitest';
import { SimulationEngine } from '@main/core/sources/sim/engine';
import { pickOutcome } from '@main/core/sources/sim/alb/serving-outcome';
import { runSimulation } from '@main/core/sources/sim/report';
import { scenarioFrom, webTier } from '../../../../../helpers/scenarios';

const sum = (points: [number, number][] | undefined) => (points ?? []).reduce((total, [, v]) => total + v, 0);

function lambdaTier(timeoutSeconds: number, durationMs: number, healthCheck = ''): string {
  return `
Simulation: { StartTime: 2026-11-20T08:00:00Z, Seed: 4, Tick: 5s }
Resources:
  Alb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties: { Name: fn-alb }
  Fn:
    Type: AWS::Lambda::Function
    Metadata: { Simulation: { DurationMs: ${durationMs}, DurationSpread: 0.01, ColdStartMs: 0 } }
    Properties: { FunctionName: slow, Role: r, Code: { ZipFile: x }, Timeout: ${timeoutSeconds} }
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
`;
}

// docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-troubleshooting.html
describe('ALB-12: errors the load balancer generates are ELB codes (load-balancer-troubleshooting)', () => {
  it('ALB-12: requests to targets in a failed Availability Zone are ELB 504 and TargetConnectionErrorCount, never Target_5XX', () => {
    const probe = new SimulationEngine(scenarioFrom(webTier({ rate: '40' })));
    const az = [...probe.world.autoScalingGroups.get('web-asg')!.instances.values()][0]!.availabilityZone;
    const yaml = `${webTier({ rate: '40' })}Faults:\n  - { At: 5m, Type: FailAvailabilityZone, AvailabilityZone: ${az} }\n`;
    const engine = new SimulationEngine(scenarioFrom(yaml));
    engine.advanceBy(10 * 60);
    const lb = { LoadBalancer: engine.world.loadBalancers.values().next().value!.fullName };
    const get = (name: string) => sum(engine.metrics.get('AWS/ApplicationELB', name, lb)?.points('Sum'));
    expect(get('HTTPCode_ELB_504_Count')).toBeGreaterThan(0);
    expect(get('HTTPCode_ELB_5XX_Count')).toBe(get('HTTPCode_ELB_504_Count') + get('HTTPCode_ELB_502_Count') + get('HTTPCode_ELB_503_Count') + get('HTTPCode_ELB_500_Count'));
    expect(get('TargetConnectionErrorCount')).toBe(get('HTTPCode_ELB_504_Count'));
    expect(get('HTTPCode_Target_5XX_Count')).toBe(0);
    expect(get('HTTPCode_Target_2XX_Count') + get('HTTPCode_ELB_5XX_Count')).toBe(get('RequestCount'));
  });

  it('ALB-12: a Lambda target that times out is an ELB 502 (HTTPCode_ELB_502_Count), not a Target_5XX', () => {
    const engine = new SimulationEngine(scenarioFrom(lambdaTier(1, 5000)));
    engine.advanceBy(5 * 60);
    const lb = { LoadBalancer: engine.world.loadBalancers.values().next().value!.fullName };
    const get = (name: string) => sum(engine.metrics.get('AWS/ApplicationELB', name, lb)?.points('Sum'));
    expect(get('RequestCount')).toBe(3000);
    expect(get('HTTPCode_ELB_502_Count')).toBe(3000);
    expect(get('HTTPCode_ELB_5XX_Count')).toBe(3000);
    expect(get('HTTPCode_Target_5XX_Count')).toBe(0);
  });

  it('ALB-12: the access log and the metrics agree — every sampled status comes from the published counts', () => {
    const engine = new SimulationEngine(scenarioFrom(lambdaTier(1, 5000)));
    engine.advanceBy(5 * 60);
    const log = engine.accessLogInOrder();
    expect(log.length).toBeGreaterThan(0);
    for (const entry of log) expect(entry).toEqual(expect.objectContaining({ elbStatusCode: 502 }));
    for (const entry of log) expect(entry.targetStatusCode).toBeUndefined();
  });

  it('ALB-12: a sampled outcome is drawn in proportion to the counts', () => {
    const codes = { target2xx: 90, target500: 0, target503: 0, elb502: 0, elb503: 0, elb504: 10, connectionErrors: 10 };
    expect(pickOutcome(codes, 0.5)).toEqual({ elb: 200, target: 200 });
    expect(pickOutcome(codes, 0.95)).toEqual({ elb: 504 });
  });
});

// docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html
describe('ALB-13: host counts whenever health checks run (load-balancer-cloudwatch-metrics)', () => {
  it('ALB-13: HealthyHostCount is published without traffic', () => {
    const engine = new SimulationEngine(scenarioFrom(webTier({ rate: '0' })));
    engine.advanceBy(5 * 60);
    const tg = engine.world.targetGroups.values().next().value!;
    const dims = { LoadBalancer: engine.world.loadBalancers.values().next().value!.fullName, TargetGroup: tg.fullName };
    expect(engine.metrics.get('AWS/ApplicationELB', 'RequestCount', { LoadBalancer: dims.LoadBalancer })).toBeUndefined();
    expect(engine.metrics.get('AWS/ApplicationELB', 'HealthyHostCount', dims)!.points('Average').map(([, v]) => v)).toEqual([2, 2, 2, 2, 2]);
    expect(engine.metrics.get('AWS/ApplicationELB', 'UnHealthyHostCount', dims)!.points('Maximum').every(([, v]) => v === 0)).toBe(true);
  });

  it('ALB-13: a Lambda target group with health checks off reports neither; with them on, both', () => {
    for (const [extra, expected] of [['', false], [', HealthCheckEnabled: true', true]] as const) {
      const engine = new SimulationEngine(scenarioFrom(lambdaTier(10, 50, extra)));
      engine.advanceBy(3 * 60);
      const tg = engine.world.targetGroups.values().next().value!;
      const dims = { LoadBalancer: engine.world.loadBalancers.values().next().value!.fullName, TargetGroup: tg.fullName };
      expect(engine.metrics.get('AWS/ApplicationELB', 'HealthyHostCount', dims) !== undefined).toBe(expected);
      expect(engine.metrics.get('AWS/ApplicationELB', 'UnHealthyHostCount', dims) !== undefined).toBe(expected);
    }
  });
});

// docs.aws.amazon.com/elasticloadbalancing/latest/network/introduction.html — not an ALB.
describe('ALB-15: network, gateway and Classic load balancers are named as not simulated', () => {
  it('ALB-15: a Type: network load balancer is a warning, is not built, and its traffic is unresolved', () => {
    const yaml = webTier().replace('Properties: { Name: web-alb }', 'Properties: { Name: web-nlb, Type: network }');
    const scenario = scenarioFrom(yaml);
    const warning = scenario.warnings.find((w) => w.message.includes('web-nlb'))!;
    expect(warning.message).toMatch(/^network load balancer web-nlb is not simulated \(only Type: application is\): traffic to its DNS name is not served and counts as UnresolvedRequests/);
    expect(warning.path).toBe('Resources.Alb.Properties.Type');
    const engine = new SimulationEngine(scenario);
    engine.advanceBy(3 * 60);
    expect(engine.world.loadBalancers.size).toBe(0);
    expect(sum(engine.metrics.get('Flightdeck/Traffic', 'UnresolvedRequests', { Population: 'users' })?.points('Sum'))).toBeGreaterThan(0);
  });

  it('ALB-15: a Classic Load Balancer is named in a warning', () => {
    const yaml = webTier().replace('Resources:\n', 'Resources:\n  Clb:\n    Type: AWS::ElasticLoadBalancing::LoadBalancer\n    Properties: { Listeners: [] }\n');
    const warning = scenarioFrom(yaml).warnings.find((w) => w.path.startsWith('Resources.Clb'))!;
    expect(warning.message).toMatch(/^Classic Load Balancer Clb \(AWS::ElasticLoadBalancing::LoadBalancer\) is not simulated/);
  });
});

describe('ALB-14: the report carries units and the new ALB metrics', () => {
  it('ALB-14: every report series has its CloudWatch unit; counts are Count, TargetResponseTime Seconds', () => {
    const report = runSimulation(new SimulationEngine(scenarioFrom(webTier())), 5 * 60);
    expect(report.metrics.every((m) => typeof m.unit === 'string' && m.unit.length > 0)).toBe(true);
    expect(report.metrics.find((m) => m.metricName === 'TargetResponseTime')!.unit).toBe('Seconds');
    expect(report.metrics.find((m) => m.metricName === 'CPUUtilization')!.unit).toBe('Percent');
    expect(report.metrics.find((m) => m.metricName === 'RequestCount')!.unit).toBe('Count');
    expect(report.metrics.filter((m) => m.metricName === 'HTTPCode_Target_2XX_Count' || m.metricName === 'RequestCountPerTarget').every((m) => m.stat === 'Sum')).toBe(true);
  });
});
