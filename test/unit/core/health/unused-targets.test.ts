/**
 * A registered target in `unused` (Target.InvalidState: its instance is stopped) gets no requests,
 * but it is registered: the verdict says so, not "no registered targets" (AWS-mode review against
 * moto: a stopped instance read as a missing registration, which points to the wrong fix). Only
 * `unused` with Target.NotRegistered has left the group.
 * docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_TargetHealth.html
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_HEALTH_THRESHOLDS, Inventory, type TargetHealthDescription } from '@main/core/contract/model';
import { evaluateHealth } from '@main/core/health';

const NOW = Date.parse('2026-11-20T15:00:00Z');
const LB_ARN = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/api/1783dcd75d1f4f38';
const TG_ARN = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api-tg/913bf791cde205d3';
const STOPPED: TargetHealthDescription = { targetId: 'i-d5509', availabilityZone: 'us-east-1a', state: 'unused', reason: 'Target.InvalidState', description: 'Target is in the stopped state' };
const LEFT: TargetHealthDescription = { targetId: 'i-gone', availabilityZone: 'us-east-1a', state: 'unused', reason: 'Target.NotRegistered', description: 'Target is not registered to the target group' };
const HEALTHY: TargetHealthDescription = { targetId: 'i-ok', availabilityZone: 'us-east-1b', state: 'healthy' };

function targetGroup(targets: TargetHealthDescription[]) {
  const inventory = Inventory.parse({
    loadBalancers: [{ loadBalancerArn: LB_ARN, loadBalancerName: 'api', dnsName: 'api-1.us-east-1.elb.amazonaws.com', scheme: 'internet-facing', state: 'active', availabilityZones: ['us-east-1a', 'us-east-1b'] }],
    targetGroups: [{ targetGroupArn: TG_ARN, targetGroupName: 'api-tg', targetType: 'instance', loadBalancerArns: [LB_ARN], targets }],
    autoScalingGroups: [],
  });
  const report = evaluateHealth({ now: NOW, inventory, metrics: [], scalingActivities: [], rdsEvents: [], datasets: {}, thresholds: DEFAULT_HEALTH_THRESHOLDS });
  return report.resources.find((r) => r.kind === 'targetGroup' && r.id === TG_ARN)!;
}

describe('unused targets', () => {
  it('a group whose only registered target is stopped is Failing because it is unused, not "no registered targets"', () => {
    const health = targetGroup([STOPPED, LEFT]);
    expect(health.status).toBe('failing');
    expect(health.reasons.map((r) => r.code)).toEqual(['tg.targetsUnused']);
    expect(health.reasons[0]!.params).toMatchObject({ unused: 1, total: 1, reason: 'Target.InvalidState' });
  });

  it('beside a healthy target it is Degraded (one fewer to serve)', () => {
    const health = targetGroup([HEALTHY, STOPPED]);
    expect(health).toMatchObject({ status: 'degraded', reasons: [{ code: 'tg.targetsUnused', params: { unused: 1, total: 2 } }] });
  });

  it('a target that has left the group (Target.NotRegistered) is no registered target', () => {
    expect(targetGroup([LEFT]).reasons.map((r) => r.code)).toEqual(['tg.noTargets']);
  });
});
