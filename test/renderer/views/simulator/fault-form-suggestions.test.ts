/**
 * FailTargets offers only target groups whose health checks run: with them off (a Lambda target
 * group by default, LTG-1) the simulator refuses the fault, and the form's default was such a group
 * in shop (pseudo-locale e2e: the injected fault never came).
 */
import { describe, expect, it } from 'vitest';
import { Inventory } from '@contract';
import { suggestions } from '@/views/simulator/fault-form';
import { fullInventory } from '../../support/fixtures';

function withLambdaGroup(): Inventory {
  const base = fullInventory();
  const fn = 'arn:aws:lambda:eu-west-1:111122223333:function:resize';
  return Inventory.parse({
    ...base,
    targetGroups: [
      { targetGroupArn: 'arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/resize/1', targetGroupName: 'resize', targetType: 'lambda', loadBalancerArns: [], targets: [{ targetId: fn, availabilityZone: 'all', state: 'unavailable', reason: 'Target.HealthCheckDisabled' }] },
      { targetGroupArn: 'arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/thumbs/2', targetGroupName: 'thumbs', targetType: 'lambda', loadBalancerArns: [], targets: [], healthCheck: { enabled: false, intervalSeconds: 35, timeoutSeconds: 30, healthyThresholdCount: 5, unhealthyThresholdCount: 2 } },
      ...base.targetGroups,
    ],
  });
}

describe('fault form suggestions', () => {
  it('FailTargets: no group with health checks off, so the default is one the fault applies to', () => {
    const inventory = withLambdaGroup();
    const offered = suggestions('TargetGroupName', 'FailTargets', inventory);
    expect(offered).not.toContain('resize');
    expect(offered).not.toContain('thumbs');
    expect(offered[0]).toBe('web');
  });

  it('other faults on a target group still offer every group', () => {
    expect(suggestions('TargetGroupName', 'WafBlockPath', withLambdaGroup()).slice(0, 2)).toEqual(['resize', 'thumbs']);
  });
});
