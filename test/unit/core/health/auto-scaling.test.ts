/**
 * Auto Scaling: a group that had instances in service and lost them all is Failing, even while its
 * replacements launch; Unknown ("starting") is only for a group that just started or never had an
 * instance in service (docs/health.md).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_HEALTH_THRESHOLDS, Inventory, type AutoScalingGroup, type ScalingActivity } from '@main/core/contract/model';
import { evaluateHealth } from '@main/core/health';

const NOW = Date.parse('2026-11-20T14:34:00Z');
const ago = (seconds: number) => new Date(NOW - seconds * 1000).toISOString();

function group(part: Partial<AutoScalingGroup>): AutoScalingGroup {
  return { autoScalingGroupName: 'shop-us-web', minSize: 2, maxSize: 12, desiredCapacity: 5, defaultCooldown: 300, healthCheckType: 'ELB', healthCheckGracePeriod: 90, availabilityZones: ['us-east-1a'], targetGroupARNs: [], instances: [], policies: [], scheduledActions: [], ...part } as AutoScalingGroup;
}
const instance = (id: string, lifecycleState: string, launchedSecondsAgo: number, healthStatus = 'Healthy') => ({ instanceId: id, availabilityZone: 'us-east-1a', lifecycleState, healthStatus, launchTime: ago(launchedSecondsAgo) });
const activity = (id: string, secondsAgo: number, description: string, cause: string): ScalingActivity => ({ activityId: id, autoScalingGroupName: 'shop-us-web', cause, description, startTime: ago(secondsAgo), statusCode: 'Successful', progress: 100 });

function verdict(g: AutoScalingGroup, activities: ScalingActivity[] = []) {
  const inventory = Inventory.parse({ loadBalancers: [], targetGroups: [], autoScalingGroups: [g] });
  const report = evaluateHealth({ now: NOW, inventory, metrics: [], scalingActivities: activities, rdsEvents: [], datasets: {}, thresholds: DEFAULT_HEALTH_THRESHOLDS });
  return { service: report.services.find((s) => s.service === 'autoscaling')!, group: report.resources.find((r) => r.kind === 'autoScalingGroup')! };
}

/** global-failover, 14:33:30: every shop-us-web target timed out; three instances were replaced, two launched at 14:33. */
const elbReplaced = [
  ...['i-e42c', 'i-7774', 'i-8aa3'].map((id) => activity(`t-${id}`, 30, `Terminating EC2 instance: ${id}`, 'At 2026-11-20T14:33:30Z an instance was taken out of service in response to an ELB system health check failure.')),
  ...['i-8180', 'i-5a3d', 'i-c026'].map((id) => activity(`l-${id}`, 30, `Launching a new EC2 instance: ${id}`, 'At 2026-11-20T14:33:30Z an instance was started in response to a difference between desired and actual capacity, increasing the capacity from 2 to 5.')),
];
const afterReplacement = [
  instance('i-e42c', 'Terminating', 2040, 'Unhealthy'),
  instance('i-7774', 'Terminating', 2040, 'Unhealthy'),
  instance('i-8aa3', 'Terminating', 2040, 'Unhealthy'),
  instance('i-3569', 'Pending', 60),
  instance('i-d969', 'Pending', 60),
  instance('i-8180', 'Pending', 30),
  instance('i-5a3d', 'Pending', 30),
  instance('i-c026', 'Pending', 30),
];

describe('a group that lost every instance in service', () => {
  it('is Failing, not "starting", while its replacements launch — with the launches as a parameter', () => {
    const { service, group: g } = verdict(group({ createdTime: ago(86_400), instances: afterReplacement as never }), elbReplaced);
    expect(service.status).toBe('failing');
    expect(g.reasons[0]).toMatchObject({ code: 'asg.noneInServiceReplacing', status: 'failing', params: { desired: 5, launching: 5 } });
  });

  it('is Failing in simulation too, where a group has no CreatedTime: the terminations say it had instances', () => {
    expect(verdict(group({ instances: afterReplacement as never }), elbReplaced).group.status).toBe('failing');
  });

  it('is Failing when its instances are still InService but marked Unhealthy and the replacements launch', () => {
    const unhealthy = [instance('i-1', 'InService', 3600, 'Unhealthy'), instance('i-2', 'InService', 3600, 'Unhealthy'), instance('i-3', 'Pending', 20), instance('i-4', 'Pending', 20)];
    expect(verdict(group({ desiredCapacity: 2, createdTime: ago(86_400), instances: unhealthy as never })).group.reasons[0]).toMatchObject({ code: 'asg.noneInServiceReplacing', status: 'failing', params: { launching: 2 } });
  });
});

describe('a group that is only starting stays Unknown', () => {
  it('just created (CreatedTime within the allowance): starting', () => {
    const { group: g } = verdict(group({ createdTime: ago(20), instances: [instance('i-1', 'Pending', 20), instance('i-2', 'Pending', 20)] as never, desiredCapacity: 2 }));
    expect(g).toMatchObject({ status: 'unknown', reasons: [{ code: 'asg.starting' }] });
  });

  it('created with no CreatedTime (simulation cold start), launches only: starting', () => {
    const created = activity('l-1', 10, 'Launching a new EC2 instance: i-1', 'At 2026-11-20T14:33:50Z a user request created an AutoScalingGroup changing the desired capacity from 0 to 2.');
    expect(verdict(group({ desiredCapacity: 2, instances: [instance('i-1', 'Pending', 10), instance('i-2', 'Pending', 10)] as never }), [created]).group.status).toBe('unknown');
  });

  it('scaled up from zero after an operator scaled it in to zero: starting, not Failing (that termination was asked for)', () => {
    const scaledIn = activity('t-1', 240, 'Terminating EC2 instance: i-0', 'At 2026-11-20T14:30:00Z a user request update of AutoScalingGroup constraints to min: 0, max: 12, desired: 0 changing the desired capacity from 2 to 0.');
    // i-0 is still deregistering (Terminating) when the group scales out again.
    const { group: g } = verdict(group({ desiredCapacity: 2, createdTime: ago(86_400), instances: [instance('i-0', 'Terminating', 7200), instance('i-1', 'Pending', 20), instance('i-2', 'Pending', 20)] as never }), [scaledIn]);
    expect(g).toMatchObject({ status: 'unknown', reasons: [{ code: 'asg.starting' }] });
  });
});
