import { describe, expect, it } from 'vitest';
import { SimulationEngine } from '@main/core/sources/sim/engine';
import { hostMatches, matchRule, pathMatches, sortRules, type SimListenerRule } from '@main/core/sources/sim/alb/listener-rules';
import { traceId } from '@main/core/sources/sim/alb/serving-outcome';
import { buildReport } from '@main/core/sources/sim/report';
import { scenarioFrom } from '../../../../../helpers/scenarios';

const rule = (priority: number, conditions: SimListenerRule['conditions'], name: string): SimListenerRule => ({
  arn: name,
  priority,
  conditions,
  action: { type: 'forward', targetGroups: [{ targetGroupArn: name, weight: 1 }] },
});

describe('listener rules', () => {
  it('ALB-1: rules are evaluated lowest priority first, the default rule last', () => {
    const rules = sortRules([
      rule(Infinity, [], 'default'),
      rule(20, [{ field: 'path-pattern', values: ['/orders*'] }], 'orders-20'),
      rule(10, [{ field: 'path-pattern', values: ['/orders/special'] }], 'special-10'),
    ]);
    expect(rules.map((r) => r.arn)).toEqual(['special-10', 'orders-20', 'default']);
    expect(matchRule(rules, { path: '/orders/special' })!.arn).toBe('special-10');
    expect(matchRule(rules, { path: '/orders/42' })!.arn).toBe('orders-20');
    expect(matchRule(rules, { path: '/cart' })!.arn).toBe('default');
  });

  it('ALB-2: path-pattern is case-sensitive, ignores the query string; * is 0+ characters, ? exactly one', () => {
    expect(pathMatches('/images/*', '/images/')).toBe(true);
    expect(pathMatches('/images/*', '/images/cat.png')).toBe(true);
    expect(pathMatches('/images/*', '/Images/cat.png')).toBe(false);
    expect(pathMatches('/img?.png', '/img1.png')).toBe(true);
    expect(pathMatches('/img?.png', '/img.png')).toBe(false);
    expect(pathMatches('/img?.png', '/img12.png')).toBe(false);
    expect(pathMatches('/search', '/search?q=boots')).toBe(true);
    expect(pathMatches('/search*', '/searchq=x')).toBe(true);
    expect(pathMatches('/a.b', '/axb')).toBe(false); // a dot is literal
  });

  it('ALB-3: host-header is case-insensitive; *.example.com matches a.example.com, not example.com', () => {
    expect(hostMatches('*.example.com', 'a.example.com')).toBe(true);
    expect(hostMatches('*.example.com', 'A.EXAMPLE.COM')).toBe(true);
    expect(hostMatches('*.example.com', 'example.com')).toBe(false);
    expect(hostMatches('order.example.com', 'Order.Example.com:443')).toBe(true);
    expect(hostMatches('api?.example.com', 'api1.example.com')).toBe(true);
    expect(hostMatches('order.example.com', undefined)).toBe(false);
  });

  it('ALB-1: all conditions of a rule must match; any value of a condition may', () => {
    const rules = sortRules([
      rule(1, [{ field: 'host-header', values: ['mobile.example.com'] }, { field: 'path-pattern', values: ['/api/*', '/v2/*'] }], 'mobile-api'),
      rule(Infinity, [], 'default'),
    ]);
    expect(matchRule(rules, { host: 'mobile.example.com', path: '/v2/cart' })!.arn).toBe('mobile-api');
    expect(matchRule(rules, { host: 'www.example.com', path: '/v2/cart' })!.arn).toBe('default');
    expect(matchRule(rules, { host: 'mobile.example.com', path: '/cart' })!.arn).toBe('default');
  });
});

const routedScenario = `
Simulation: { StartTime: 2026-11-20T08:00:00Z, Seed: 5, InstanceBootTime: 30s }
Resources:
  Alb: { Type: AWS::ElasticLoadBalancingV2::LoadBalancer, Properties: { Name: shop } }
  Orders: { Type: AWS::ElasticLoadBalancingV2::TargetGroup, Properties: { Name: orders, HealthCheckIntervalSeconds: 10, HealthyThresholdCount: 2, TargetGroupAttributes: [{ Key: slow_start.duration_seconds, Value: "60" }] } }
  Images: { Type: AWS::ElasticLoadBalancingV2::TargetGroup, Properties: { Name: images, HealthCheckIntervalSeconds: 10, HealthyThresholdCount: 2 } }
  Web: { Type: AWS::ElasticLoadBalancingV2::TargetGroup, Properties: { Name: web, HealthCheckIntervalSeconds: 10, HealthyThresholdCount: 2 } }
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties: { LoadBalancerArn: !Ref Alb, Port: 80, DefaultActions: [{ Type: forward, TargetGroupArn: !Ref Web }] }
  OrdersRule:
    Type: AWS::ElasticLoadBalancingV2::ListenerRule
    Properties:
      ListenerArn: !Ref Listener
      Priority: 10
      Conditions: [{ Field: path-pattern, Values: ["/orders*"] }]
      Actions: [{ Type: forward, TargetGroupArn: !Ref Orders }]
  ImagesRule:
    Type: AWS::ElasticLoadBalancingV2::ListenerRule
    Properties:
      ListenerArn: !Ref Listener
      Priority: 20
      Conditions: [{ PathPatternConfig: { Values: ["/images/*"] } }]
      Actions: [{ Type: forward, TargetGroupArn: !Ref Images }]
  Gone:
    Type: AWS::ElasticLoadBalancingV2::ListenerRule
    Properties:
      ListenerArn: !Ref Listener
      Priority: 30
      Conditions: [{ Field: host-header, Values: [old.example.com] }]
      Actions: [{ Type: fixed-response, FixedResponseConfig: { StatusCode: "410" } }]
  Lt: { Type: AWS::EC2::LaunchTemplate, Properties: { LaunchTemplateData: { InstanceType: c5.large } } }
  OrdersAsg: { Type: AWS::AutoScaling::AutoScalingGroup, Properties: { AutoScalingGroupName: orders, MinSize: 2, MaxSize: 2, AvailabilityZones: [us-east-1a, us-east-1b], LaunchTemplate: { LaunchTemplateId: !Ref Lt }, TargetGroupARNs: [!Ref Orders] } }
  ImagesAsg: { Type: AWS::AutoScaling::AutoScalingGroup, Properties: { AutoScalingGroupName: images, MinSize: 1, MaxSize: 1, AvailabilityZones: [us-east-1a], LaunchTemplate: { LaunchTemplateId: !Ref Lt }, TargetGroupARNs: [!Ref Images] } }
  WebAsg: { Type: AWS::AutoScaling::AutoScalingGroup, Properties: { AutoScalingGroupName: web, MinSize: 1, MaxSize: 1, AvailabilityZones: [us-east-1a], LaunchTemplate: { LaunchTemplateId: !Ref Lt }, TargetGroupARNs: [!Ref Web] } }
Traffic:
  - Name: users
    Target: !GetAtt Alb.DNSName
    Rate: 100
    Requests:
      - { Path: /orders/42, Share: 5 }
      - { Path: /images/logo.png, Share: 3 }
      - { Path: /, Share: 1 }
      - { Path: /, Host: old.example.com, Share: 1 }
`;

describe('routing traffic through an ALB', () => {
  const engine = new SimulationEngine(scenarioFrom(routedScenario, 'shop.yaml'));
  engine.advanceBy(600);
  const lb = [...engine.world.loadBalancers.values()][0]!;
  const tgSum = (name: string) => {
    const group = [...engine.world.targetGroups.values()].find((g) => g.name === name)!;
    return engine.metrics.get('AWS/ApplicationELB', 'RequestCount', { LoadBalancer: lb.fullName, TargetGroup: group.fullName })!.points('Sum').reduce((s, p) => s + p[1], 0);
  };

  it('ALB-1/ALB-2/ALB-3: the request mix reaches the target group its rule names', () => {
    const orders = tgSum('orders');
    const images = tgSum('images');
    const web = tgSum('web');
    const total = orders + images + web;
    expect(orders / total).toBeCloseTo(5 / 9, 2);
    expect(images / total).toBeCloseTo(3 / 9, 2);
    expect(web / total).toBeCloseTo(1 / 9, 2);
  });

  it('a fixed-response rule is answered by the ALB itself (HTTPCode_ELB_4XX_Count)', () => {
    const elb4xx = engine.metrics.get('AWS/ApplicationELB', 'HTTPCode_ELB_4XX_Count', { LoadBalancer: lb.fullName })!.points('Sum').reduce((s, p) => s + p[1], 0);
    const requests = engine.metrics.get('AWS/ApplicationELB', 'RequestCount', { LoadBalancer: lb.fullName })!.points('Sum').reduce((s, p) => s + p[1], 0);
    expect(elb4xx / requests).toBeCloseTo(0.1, 2);
  });

  it('exports listener rules in evaluation order with their conditions and actions', () => {
    const rules = engine.inventory().loadBalancers[0]!.listeners[0]!.rules;
    expect(rules.map((r) => r.priority)).toEqual(['10', '20', '30', 'default']);
    expect(rules[1]!.conditions).toEqual([{ field: 'path-pattern', values: ['/images/*'] }]);
    expect(rules[2]!.actions[0]).toEqual({ type: 'fixed-response', fixedResponseStatusCode: '410' });
  });

  it('ALB-9: sampled access-log entries carry X-Amzn-Trace-Id Root=1-{8 hex epoch}-{24 hex}', () => {
    const log = engine.accessLogInOrder();
    expect(log.length).toBeGreaterThan(10);
    for (const entry of log) {
      expect(entry.traceId).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/);
      const epoch = parseInt(entry.traceId.slice(7, 15), 16);
      expect(epoch).toBe(Math.floor(Date.parse(entry.time) / 1000));
    }
    expect(traceId(Date.UTC(2026, 10, 20, 8), 'a'.repeat(24))).toBe(`Root=1-${(Date.UTC(2026, 10, 20, 8) / 1000).toString(16)}-${'a'.repeat(24)}`);
  });

  it('ALB-10: TargetResponseTime has Average and p50 ≤ p90 ≤ p99 per period', () => {
    const series = engine.metrics.get('AWS/ApplicationELB', 'TargetResponseTime', { LoadBalancer: lb.fullName })!;
    const [p50, p90, p99] = (['p50', 'p90', 'p99'] as const).map((stat) => series.points(stat).at(-1)![1]);
    expect(p50).toBeLessThan(p90!);
    expect(p90).toBeLessThan(p99!);
    // One exponential: p99 / p50 = ln(100) / ln(2) ≈ 6.64.
    expect(p99! / p50!).toBeGreaterThan(5);
  });
});

describe('target lifecycle', () => {
  it('ALB-8: slow start ramps a new target\'s share linearly over the slow-start period', () => {
    const engine = new SimulationEngine(scenarioFrom(routedScenario, 'shop.yaml'));
    engine.advanceBy(300);
    engine.runAction('SetDesiredCapacity', { AutoScalingGroupName: 'orders', DesiredCapacity: 2 });
    const orders = [...engine.world.targetGroups.values()].find((g) => g.name === 'orders')!;
    // Replace one target: terminate it and watch the replacement's share.
    engine.injectFault('TerminateInstances', { AutoScalingGroupName: 'orders', Count: 1 });
    const loads: number[] = [];
    for (let i = 0; i < 30; i++) {
      engine.step();
      const targets = [...orders.targets.values()].filter((t) => t.state === 'healthy');
      if (targets.length === 2) {
        const [a, b] = targets.map((t) => engine.world.instances.get(t.id)!.utilisation);
        const newer = targets[0]!.healthySince! > targets[1]!.healthySince! ? a! : b!;
        const older = newer === a ? b! : a!;
        loads.push(newer / older);
      }
    }
    expect(loads.length).toBeGreaterThan(5);
    expect(loads[0]!).toBeLessThan(0.3);
    expect(loads.at(-1)!).toBeGreaterThan(0.9);
    for (let i = 1; i < loads.length; i++) expect(loads[i]!).toBeGreaterThanOrEqual(loads[i - 1]! - 0.05);
  });

  it('ALB-7: a deregistered target drains for the deregistration delay (default 300 s), then is gone', () => {
    const engine = new SimulationEngine(scenarioFrom(routedScenario, 'shop.yaml'));
    engine.advanceBy(120);
    const web = [...engine.world.targetGroups.values()].find((g) => g.name === 'web')!;
    expect(web.deregistrationDelaySeconds).toBe(300);
    const [id] = [...web.targets.keys()];
    engine.injectFault('TerminateInstances', { AutoScalingGroupName: 'web', Count: 1 });
    expect(web.targets.get(id!)!.state).toBe('draining');
    engine.advanceBy(295);
    expect(web.targets.get(id!)!.state).toBe('draining');
    engine.advanceBy(10);
    expect(web.targets.has(id!)).toBe(false);
    const report = buildReport(engine);
    expect(report.timeline.some((t) => t.message.includes(`${id} in web is now unused`))).toBe(true);
    // Target-health entries carry a code + parameters for the window (issue 9), draining with its reason code.
    expect(report.timeline.filter((t) => t.kind === 'TargetHealth' && t.resource === `web/${id}`).map((t) => t.text)).toEqual(
      expect.arrayContaining([
        { code: 'target.stateReason', params: { target: id, group: 'web', state: 'draining', reason: 'Target.DeregistrationInProgress' } },
        expect.objectContaining({ code: expect.stringMatching(/^target\.state/), params: expect.objectContaining({ target: id, group: 'web', state: 'unused' }) }),
      ]),
    );
  });
});
