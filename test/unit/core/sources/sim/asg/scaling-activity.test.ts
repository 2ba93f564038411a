import { describe, expect, it } from 'vitest';
import { EC2_STATUS_CHECK_FAILURE, ELB_HEALTH_CHECK_FAILURE, ScalingActivityRecord, TERMINATED_OUTSIDE, ZONE_IMBALANCE, ZONE_REBALANCING, type ActivityCause } from '@main/core/sources/sim/asg/scaling-activity';

// The sentences as auto-scaling-group.ts and asg-service.ts wrote them when they were kept as strings
// (issue 15 item 6: they are now written when read, from the facts, and must be the same bytes).
const start = Date.parse('2026-11-20T08:00:00.000Z');
const at = '2026-11-20T08:00:00Z';
const id = 'i-0123456789abcdef0';
const record = (kind: 'launch' | 'terminate' | 'launch-failed', cause: ActivityCause) => new ScalingActivityRecord('11111111-2222-4333-8444-555555555555', 'web', start, kind, kind === 'launch-failed' ? '' : id, cause);
const capacity = (trigger: Extract<ActivityCause, { kind: 'capacity' }>['change']): ActivityCause => ({ kind: 'capacity', change: trigger, actual: 2, desired: 3 });

describe('scaling activities written when read', () => {
  it('a capacity change: the trigger sentence, two spaces, then the launch or termination sentence', () => {
    const alarm = capacity({ trigger: { kind: 'alarm', alarmName: 'cpu-high', policyName: 'out' }, from: 2, to: 3 });
    expect(record('launch', alarm).cause).toBe(
      `At ${at} a monitor alarm cpu-high in state ALARM triggered policy out changing the desired capacity from 2 to 3.  At ${at} an instance was started in response to a difference between desired and actual capacity, increasing the capacity from 2 to 3.`,
    );
    expect(record('terminate', alarm).cause).toBe(
      `At ${at} a monitor alarm cpu-high in state ALARM triggered policy out changing the desired capacity from 2 to 3.  At ${at} an instance was taken out of service in response to a difference between desired and actual capacity, shrinking the capacity from 2 to 3.  At ${at} instance ${id} was selected for termination.`,
    );
    expect(record('launch', capacity({ trigger: { kind: 'created' }, from: 0, to: 3 })).cause).toMatch(/^At \S+ a user request created an AutoScalingGroup changing the desired capacity from 0 to 3\. {2}At /);
    expect(record('launch', capacity({ trigger: { kind: 'user' }, from: 2, to: 3 })).cause).toMatch(/^At \S+ a user request explicitly set group desired capacity changing the desired capacity from 2 to 3\. {2}At /);
    expect(record('launch', capacity({ trigger: { kind: 'user-policy', policyName: 'p' }, from: 2, to: 3 })).cause).toMatch(/^At \S+ a user request executed policy p changing the desired capacity from 2 to 3\. {2}At /);
    expect(record('launch', capacity({ trigger: { kind: 'scheduled', actionName: 'a', minSize: 1, maxSize: 9 }, from: 2, to: 3 })).cause).toMatch(
      /^At \S+ a scheduled action update of AutoScalingGroup constraints to min: 1, max: 9, desired: 3 changing the desired capacity from 2 to 3\. {2}At /,
    );
    // Without a change (a retry, a replacement) or with `reconcile`, the cause is the second sentence alone.
    expect(record('launch', capacity(undefined)).cause).toBe(`At ${at} an instance was started in response to a difference between desired and actual capacity, increasing the capacity from 2 to 3.`);
    expect(record('launch', capacity({ trigger: { kind: 'reconcile' }, from: 2, to: 3 })).cause).toBe(record('launch', capacity(undefined)).cause);
  });

  it('fixed reasons: zone rebalancing, health checks, terminated outside Auto Scaling', () => {
    expect(record('launch', ZONE_IMBALANCE).cause).toBe(`At ${at} an instance was started in response to an Availability Zone imbalance, to rebalance the group across its zones.`);
    expect(record('terminate', ZONE_REBALANCING).cause).toBe(`At ${at} an instance was taken out of service in response to an Availability Zone rebalancing operation.  At ${at} instance ${id} was selected for termination.`);
    expect(record('terminate', EC2_STATUS_CHECK_FAILURE).cause).toBe(`At ${at} an instance was taken out of service in response to an EC2 instance status check failure.`);
    expect(record('terminate', ELB_HEALTH_CHECK_FAILURE).cause).toBe(`At ${at} an instance was taken out of service in response to an ELB system health check failure.`);
    expect(record('terminate', TERMINATED_OUTSIDE).cause).toBe(`At ${at} an instance was taken out of service in response to an EC2 health check indicating it has been terminated or stopped.`);
  });

  it('descriptions, and the ids kept as given', () => {
    const launch = record('launch', ZONE_IMBALANCE);
    expect(launch.description).toBe(`Launching a new EC2 instance: ${id}`);
    expect(launch.activityId).toBe('11111111-2222-4333-8444-555555555555');
    expect(record('terminate', ZONE_REBALANCING).description).toBe(`Terminating EC2 instance: ${id}`);
    expect(record('launch-failed', capacity(undefined)).description).toBe(
      'Launching a new EC2 instance.  Status Reason: Your requested instance type is not supported in your requested Availability Zones, or they are unavailable. Launching EC2 instance failed.',
    );
    expect(launch).toMatchObject({ autoScalingGroupName: 'web', startTime: start, statusCode: 'InProgress', progress: 0, endTime: undefined });
  });
});
