/**
 * A Lambda target group with health checks off (LTG-1): its target is `unavailable`,
 * Target.HealthCheckDisabled, and nothing checks it. The verdict comes from what is known — the
 * function's own health (the Lambda rules) and the 5XX shares — never from "1/1 healthy".
 * docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_TargetHealth.html,
 * docs.aws.amazon.com/elasticloadbalancing/latest/application/lambda-functions.html
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_HEALTH_THRESHOLDS, Inventory, type MetricSeries, type TargetHealthDescription } from '@main/core/contract/model';
import { evaluateHealth, type HealthInput } from '@main/core/health';
import { albAliasHealth } from '@main/core/route53/alias-health';
import { englishDnsText } from '@main/cli/dns-text-en';

const NOW = Date.parse('2026-11-20T15:00:00Z');
const T = NOW / 1000;
const LB_ARN = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/shop-alb/1783dcd75d1f4f38';
const WEB_TG = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/shop-web/913bf791cde205d3';
const FN_TG = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/shop-image-resize/197d7d7f1ef87ca3';
const FN_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:shop-image-resize';
const UNCHECKED: TargetHealthDescription = { targetId: FN_ARN, availabilityZone: 'all', state: 'unavailable', reason: 'Target.HealthCheckDisabled', description: 'Health checks are disabled' };
const FN = { functionName: 'shop-image-resize', functionArn: FN_ARN, memorySize: 1024, timeout: 30 };

function inventory(part: Partial<Inventory> = {}): Inventory {
  return Inventory.parse({
    loadBalancers: [{ loadBalancerArn: LB_ARN, loadBalancerName: 'shop-alb', dnsName: 'shop-alb-1.us-east-1.elb.amazonaws.com', scheme: 'internet-facing', state: 'active', availabilityZones: ['us-east-1a', 'us-east-1b'] }],
    targetGroups: [
      { targetGroupArn: WEB_TG, targetGroupName: 'shop-web', targetType: 'instance', loadBalancerArns: [LB_ARN], targets: [{ targetId: 'i-1', availabilityZone: 'us-east-1a', state: 'healthy' }] },
      { targetGroupArn: FN_TG, targetGroupName: 'shop-image-resize', targetType: 'lambda', loadBalancerArns: [LB_ARN], targets: [UNCHECKED] },
    ],
    autoScalingGroups: [],
    lambdaFunctions: [FN],
    ...part,
  });
}

function sums(metricName: string, dimensions: Record<string, string>, perMinute: number, namespace = 'AWS/Lambda'): MetricSeries {
  return { namespace, metricName, dimensions, stat: 'Sum', period: 60, points: Array.from({ length: 5 }, (_, i) => [T - 60 * (i + 1), perMinute] as [number, number]) };
}

function input(part: Partial<HealthInput> = {}): HealthInput {
  return { now: NOW, inventory: inventory(), metrics: [], scalingActivities: [], rdsEvents: [], datasets: {}, thresholds: DEFAULT_HEALTH_THRESHOLDS, ...part };
}

const fnDims = { FunctionName: 'shop-image-resize' };
const groupHealth = (report: ReturnType<typeof evaluateHealth>) => report.resources.find((r) => r.kind === 'targetGroup' && r.id === FN_TG)!;
const elbv2 = (report: ReturnType<typeof evaluateHealth>) => report.services.find((s) => s.service === 'elbv2')!;

describe('LTG-1: a Lambda target group with health checks off is judged by its function, not counted healthy (API_TargetHealth, lambda-functions.html)', () => {
  it('LTG-1: 100 % throttled (reserved concurrency 0) makes the target group failing, with the function’s reason — not Healthy', () => {
    const report = evaluateHealth(input({ inventory: inventory({ lambdaFunctions: [{ ...FN, reservedConcurrentExecutions: 0 }] }), metrics: [sums('Invocations', fnDims, 0), sums('Throttles', fnDims, 600)] }));
    const group = groupHealth(report);
    expect(group.status).toBe('failing');
    expect(group.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['tg.healthChecksOff', 'fn.throttles', 'fn.reservedZero']));
    expect(group.reasons.find((r) => r.code === 'tg.healthChecksOff')).toMatchObject({ subject: 'shop-image-resize', params: { unchecked: 1, total: 1, functions: 'shop-image-resize' } });
    expect(elbv2(report).status).toBe('failing');
  });

  it('LTG-1: 53 % throttled during a spike is failing; a function with no errors or throttles leaves a note (Healthy, "not checked")', () => {
    const spike = evaluateHealth(input({ metrics: [sums('Invocations', fnDims, 470), sums('Throttles', fnDims, 530)] }));
    expect(groupHealth(spike).status).toBe('failing');
    const calm = evaluateHealth(input({ metrics: [sums('Invocations', fnDims, 500)] }));
    expect(groupHealth(calm)).toMatchObject({ status: 'ok', reasons: [{ code: 'tg.healthChecksOff', status: 'ok' }] });
  });

  it('LTG-1: unchecked targets are not counted healthy: the service counts say how many are not checked', () => {
    const report = evaluateHealth(input({ metrics: [sums('Invocations', fnDims, 500)] }));
    expect(elbv2(report).counts).toMatchObject({ healthy: 1, unchecked: 1, total: 2 });
  });

  it('LTG-1: with no function known for the target, the group is Unknown ("not checked"), never Healthy', () => {
    const report = evaluateHealth(input({ inventory: inventory({ lambdaFunctions: [] }) }));
    expect(groupHealth(report)).toMatchObject({ status: 'unknown', reasons: [{ code: 'tg.notChecked', params: { unchecked: 1, total: 1 } }] });
  });
});

describe('LTG-2: the DNS evidence names an unchecked group "not checked", and it does not take the load balancer out (API_AliasTarget)', () => {
  it('LTG-2: the alias stays healthy and the reason says "health checks off, 1 not checked" instead of "1/1 healthy"', () => {
    const health = albAliasHealth({ loadBalancerArn: LB_ARN, loadBalancerName: 'shop-alb' }, inventory().targetGroups);
    expect(health.healthy).toBe(true);
    const text = englishDnsText(health.reason);
    expect(text).toContain('shop-image-resize: health checks off, 1 not checked');
    expect(text).not.toContain('shop-image-resize 1/1 healthy');
    expect(text).toContain('every target group with checked targets has a healthy one; the others have health checks off');
  });

  it('LTG-2: a load balancer whose only group has health checks off is not called unhealthy', () => {
    const health = albAliasHealth({ loadBalancerArn: LB_ARN, loadBalancerName: 'shop-alb' }, inventory().targetGroups.filter((g) => g.targetGroupArn === FN_TG));
    expect(health).toMatchObject({ healthy: true, reason: { code: 'alb.noneChecked' } });
  });
});
