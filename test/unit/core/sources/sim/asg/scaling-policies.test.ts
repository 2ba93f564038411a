import { describe, expect, it } from 'vitest';
import { SimulationEngine } from '@main/core/sources/sim/engine';
import { adjustedCapacity, percentChange, selectStep } from '@main/core/sources/sim/asg/scaling-adjustment';
import { nextCronTime, parseCron } from '@main/core/sources/sim/asg/cron';
import { buildReport } from '@main/core/sources/sim/report';
import { ScenarioError } from '@main/core/sources/sim/scenario/diagnostics';
import { scenarioFrom, webTier } from '../../../../../helpers/scenarios';

const group = (engine: SimulationEngine) => engine.world.autoScalingGroups.get('web-asg')!;

/** The web tier with a CPU alarm driving a simple or step policy instead of target tracking. */
function alarmDriven(policy: string, options: { rate?: string; min?: number; max?: number; extra?: string } = {}): string {
  const base = webTier({ rate: options.rate ?? '60', min: options.min ?? 2, max: options.max ?? 10 });
  const start = base.indexOf('  Cpu:');
  const end = base.indexOf('Traffic:');
  return `${base.slice(0, start)}${policy}
  CpuHigh:
    Type: AWS::CloudWatch::Alarm
    Properties:
      AlarmName: cpu-high
      Namespace: AWS/EC2
      MetricName: CPUUtilization
      Dimensions: [{ Name: AutoScalingGroupName, Value: !Ref Asg }]
      Statistic: Average
      Period: 60
      EvaluationPeriods: 2
      Threshold: 60
      ComparisonOperator: GreaterThanThreshold
      AlarmActions: [!Ref ScaleOut]
${options.extra ?? ''}${base.slice(end)}`;
}

describe('simple and step scaling arithmetic', () => {
  it('ASG-2: PercentChangeInCapacity rounds toward zero beyond ±1 and to ±1 inside it', () => {
    expect(percentChange(100, 12.7)).toBe(12);
    expect(percentChange(10, 5)).toBe(1); // 0.5 → 1
    expect(percentChange(10, -5)).toBe(-1); // −0.5 → −1
    expect(percentChange(100, -6.67)).toBe(-6);
  });

  it('ASG-2: MinAdjustmentMagnitude raises a small change: 25 % of 4 with minimum 2 → +2', () => {
    expect(percentChange(4, 25, 2)).toBe(2);
    expect(adjustedCapacity(4, 'PercentChangeInCapacity', 25, 2)).toBe(6);
    expect(adjustedCapacity(4, 'ChangeInCapacity', -1)).toBe(3);
    expect(adjustedCapacity(4, 'ExactCapacity', 9)).toBe(9);
  });

  it('ASG-4: above the threshold the lower bound is inclusive; below it the upper bound is inclusive', () => {
    const above = [
      { lower: 0, upper: 10, adjustment: 1 },
      { lower: 10, adjustment: 3 },
    ];
    expect(selectStep(above, 60, 50)!.adjustment).toBe(3); // exactly threshold + 10 → the [10, ∞) step
    expect(selectStep(above, 59.9, 50)!.adjustment).toBe(1);
    expect(selectStep(above, 50, 50)!.adjustment).toBe(1); // at the threshold: lower bound 0 inclusive
    const below = [
      { upper: -10, adjustment: -3 },
      { lower: -10, upper: 0, adjustment: -1 },
    ];
    expect(selectStep(below, 30, 40)!.adjustment).toBe(-3); // exactly threshold − 10 → the (−∞, −10] step
    expect(selectStep(below, 30.1, 40)!.adjustment).toBe(-1);
  });
});

describe('scaling policies driven by alarms', () => {
  const simple = `  ScaleOut:
    Type: AWS::AutoScaling::ScalingPolicy
    Properties:
      AutoScalingGroupName: !Ref Asg
      PolicyName: add-two
      PolicyType: SimpleScaling
      AdjustmentType: ChangeInCapacity
      ScalingAdjustment: 2
      Cooldown: 600
`;

  it('ASG-3: simple scaling waits for its activity and the cooldown before acting again', () => {
    // 160 req/s against a 30 % threshold: 2 instances run at 80 %, 4 at 40 % — still in ALARM — and 6 at 27 %.
    const engine = new SimulationEngine(scenarioFrom(alarmDriven(simple, { rate: '160', max: 20 }).replace('Threshold: 60', 'Threshold: 30')));
    engine.advanceBy(25 * 60);
    const causes = buildReport(engine).scalingActivities.filter((a) => a.cause.includes('cpu-high')).map((a) => a.startTime);
    const distinctTimes = [...new Set(causes)].sort();
    expect(distinctTimes.length).toBeGreaterThanOrEqual(2);
    // Launches need 60 s boot, then a 600 s cooldown: scale-outs at least 11 minutes apart.
    const gap = (Date.parse(distinctTimes[1]!) - Date.parse(distinctTimes[0]!)) / 1000;
    expect(gap).toBeGreaterThanOrEqual(660);
    expect(group(engine).desiredCapacity).toBe(6);
  });

  it('ASG-3: step scaling does not wait for the cooldown; the same step does not scale twice while warming up', () => {
    const step = `  ScaleOut:
    Type: AWS::AutoScaling::ScalingPolicy
    Properties:
      AutoScalingGroupName: !Ref Asg
      PolicyName: step-out
      PolicyType: StepScaling
      AdjustmentType: ChangeInCapacity
      EstimatedInstanceWarmup: 120
      StepAdjustments:
        - { MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 20, ScalingAdjustment: 1 }
        - { MetricIntervalLowerBound: 20, ScalingAdjustment: 3 }
`;
    const engine = new SimulationEngine(scenarioFrom(alarmDriven(step, { rate: '400', max: 20 })));
    engine.advanceBy(15 * 60);
    const report = buildReport(engine);
    const times = [...new Set(report.scalingActivities.filter((a) => a.cause.includes('step-out')).map((a) => a.startTime))].sort();
    expect(times.length).toBeGreaterThanOrEqual(2);
    const gaps = times.slice(1).map((t, i) => (Date.parse(t) - Date.parse(times[i]!)) / 1000);
    // Warm-up (120 s) + boot (60 s) separate repeats of the same step — far less than a 300 s cooldown + activity.
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(180);
    expect(report.scalingActivities.find((a) => a.cause.includes('step-out'))!.cause).toMatch(/changing the desired capacity from \d+ to \d+/);
  });

  it('ASG-1: a policy never takes the group beyond MaxSize', () => {
    // 100 req/s against a 10 % threshold: every group size up to 5 stays in ALARM, so only MaxSize stops it.
    const engine = new SimulationEngine(scenarioFrom(alarmDriven(simple.replace('Cooldown: 600', 'Cooldown: 0'), { rate: '100', max: 5 }).replace('Threshold: 60', 'Threshold: 10')));
    for (let m = 0; m < 30; m++) {
      engine.advanceBy(60);
      expect(group(engine).desiredCapacity).toBeLessThanOrEqual(5);
    }
    expect(group(engine).desiredCapacity).toBe(5);
  });

  it('ExecutePolicy runs a simple policy on request, and is refused for target tracking', () => {
    const engine = new SimulationEngine(scenarioFrom(alarmDriven(simple)));
    expect(engine.runAction('ExecutePolicy', { AutoScalingGroupName: 'web-asg', PolicyName: 'add-two', HonorCooldown: false })).toBe('add-two: desired capacity 4');
    const tracking = new SimulationEngine(scenarioFrom(webTier()));
    expect(() => tracking.runAction('ExecutePolicy', { AutoScalingGroupName: 'web-asg', PolicyName: 'cpu-target' })).toThrow('not supported for a target tracking');
  });
});

describe('scheduled actions', () => {
  it('ASG-7: parses 5-field cron and finds Friday 15:00 UTC', () => {
    const friday = parseCron('0 15 * * FRI');
    // 2026-11-20 is a Friday.
    expect(new Date(nextCronTime(friday, Date.UTC(2026, 10, 20, 8))!).toISOString()).toBe('2026-11-20T15:00:00.000Z');
    expect(new Date(nextCronTime(friday, Date.UTC(2026, 10, 20, 15))!).toISOString()).toBe('2026-11-27T15:00:00.000Z');
    expect(new Date(nextCronTime(parseCron('*/15 9-17 * * 1-5'), Date.UTC(2026, 10, 21, 0))!).toISOString()).toBe('2026-11-23T09:00:00.000Z');
  });

  it('ASG-7: runs in UTC unless TimeZone is given', () => {
    const nineAm = parseCron('0 9 * * *');
    expect(new Date(nextCronTime(nineAm, Date.UTC(2026, 10, 20, 0))!).toISOString()).toBe('2026-11-20T09:00:00.000Z');
    // Seoul is UTC+9 with no daylight saving: 09:00 KST = 00:00 UTC.
    expect(new Date(nextCronTime(nineAm, Date.UTC(2026, 10, 20, 1), 'Asia/Seoul')!).toISOString()).toBe('2026-11-21T00:00:00.000Z');
  });

  it('ASG-7: sets Min/Max/Desired, at most two minutes late, and records an AWS-style activity', () => {
    const yaml = webTier().replace(
      'Traffic:',
      `  FridayPeak:
    Type: AWS::AutoScaling::ScheduledAction
    Properties:
      AutoScalingGroupName: !Ref Asg
      Recurrence: "0 15 * * FRI"
      MinSize: 4
      MaxSize: 12
      DesiredCapacity: 6
Traffic:`,
    );
    const engine = new SimulationEngine(scenarioFrom(yaml));
    engine.advanceTo(Date.UTC(2026, 10, 20, 15, 0, 0) - 5000);
    expect(group(engine).desiredCapacity).toBe(2);
    engine.advanceTo(Date.UTC(2026, 10, 20, 15, 2, 5));
    expect(group(engine)).toMatchObject({ minSize: 4, maxSize: 12 });
    // Traffic is low, so target tracking may already scale in again — but never below the new MinSize.
    expect(group(engine).desiredCapacity).toBeGreaterThanOrEqual(4);
    const activity = group(engine).activities.find((a) => a.cause.includes('scheduled action'))!;
    expect(activity.startTime).toBeGreaterThanOrEqual(Date.UTC(2026, 10, 20, 15));
    expect(activity.startTime).toBeLessThanOrEqual(Date.UTC(2026, 10, 20, 15, 2, 5));
    expect(activity.cause).toMatch(/a scheduled action update of AutoScalingGroup constraints to min: 4, max: 12, desired: 6 changing the desired capacity from 2 to 6\./);
    expect(engine.inventory().autoScalingGroups[0]!.scheduledActions[0]!.nextRunTime).toBe('2026-11-27T15:00:00.000Z');
  });

  it('rejects a malformed cron expression with its path', () => {
    const yaml = webTier().replace('Traffic:', '  Bad:\n    Type: AWS::AutoScaling::ScheduledAction\n    Properties: { AutoScalingGroupName: !Ref Asg, Recurrence: "61 * * * *", DesiredCapacity: 3 }\nTraffic:');
    try {
      scenarioFrom(yaml);
      throw new Error('expected an error');
    } catch (error) {
      expect(error).toBeInstanceOf(ScenarioError);
      expect((error as ScenarioError).diagnostics[0]).toMatchObject({ path: 'Resources.Bad.Properties.Recurrence', message: expect.stringContaining('minute field') });
    }
  });
});

describe('health, replacement and rebalancing', () => {
  it('ASG-8: ELB health checks count only when HealthCheckType is ELB', () => {
    const elb = webTier().replace('      TargetGroupARNs: [!Ref Tg]', '      TargetGroupARNs: [!Ref Tg]\n      HealthCheckType: ELB');
    for (const [yaml, replaced] of [
      [webTier(), false],
      [elb, true],
    ] as const) {
      const engine = new SimulationEngine(scenarioFrom(yaml));
      engine.advanceBy(120);
      engine.injectFault('FailTargets', { TargetGroupName: 'web-tg', Count: 1 });
      engine.advanceBy(120);
      const terminations = group(engine).activities.filter((a) => a.description.startsWith('Terminating'));
      expect(terminations.length > 0, `HealthCheckType ${replaced ? 'ELB' : 'EC2'}`).toBe(replaced);
    }
  });

  it('ASG-8: the API default health-check grace period is 0 s', () => {
    expect(new SimulationEngine(scenarioFrom(webTier())).inventory().autoScalingGroups[0]!.healthCheckGracePeriod).toBe(0);
  });

  it('ASG-9: an unhealthy instance is terminated and replaced, each its own activity', () => {
    const yaml = webTier().replace('      TargetGroupARNs: [!Ref Tg]', '      TargetGroupARNs: [!Ref Tg]\n      HealthCheckType: ELB');
    const engine = new SimulationEngine(scenarioFrom(yaml));
    engine.advanceBy(120);
    engine.injectFault('FailTargets', { TargetGroupName: 'web-tg', Count: 1 }, 60);
    engine.advanceBy(180);
    const activities = group(engine).activities.slice(2);
    const termination = activities.find((a) => a.description.startsWith('Terminating'))!;
    const replacement = activities.find((a) => a.description.startsWith('Launching'))!;
    expect(termination.cause).toMatch(/an instance was taken out of service in response to an ELB system health check failure\.$/);
    expect(replacement.cause).toMatch(/an instance was started in response to a difference between desired and actual capacity, increasing the capacity from 1 to 2\.$/);
    expect(termination.activityId).not.toBe(replacement.activityId);
    expect(group(engine).desiredCapacity).toBe(2);
  });

  it('ASG-10: a failed zone gets no launches; when it returns the group rebalances, launching before terminating', () => {
    const engine = new SimulationEngine(scenarioFrom(webTier({ min: 3, max: 3 })));
    engine.advanceBy(120);
    engine.injectFault('FailAvailabilityZone', { AvailabilityZone: 'us-east-1a' }, 600);
    engine.advanceBy(300);
    const zonesDuring = [...group(engine).instances.values()].filter((i) => !i.lifecycleState.startsWith('Terminat')).map((i) => i.availabilityZone);
    expect(zonesDuring).not.toContain('us-east-1a');
    expect(zonesDuring).toHaveLength(3);
    let peak = 0;
    for (let i = 0; i < 60; i++) {
      engine.advanceBy(30);
      peak = Math.max(peak, [...group(engine).instances.values()].filter((x) => !x.lifecycleState.startsWith('Terminat')).length);
    }
    const zonesAfter = [...group(engine).instances.values()].map((i) => i.availabilityZone).sort();
    expect(zonesAfter).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
    // Launch before terminate: one above max (3 + max(1, 10 %)) while rebalancing.
    expect(peak).toBe(4);
    expect(group(engine).activities.some((a) => a.cause.includes('Availability Zone imbalance'))).toBe(true);
  });

  it('ASG-5: instances in warm-up do not count toward the group metric', () => {
    const yaml = webTier({ rate: '100', coldStart: true }).replace('      TargetGroupARNs: [!Ref Tg]', '      TargetGroupARNs: [!Ref Tg]\n      DefaultInstanceWarmup: 300');
    const engine = new SimulationEngine(scenarioFrom(yaml));
    engine.advanceBy(300);
    expect(engine.metrics.get('AWS/EC2', 'CPUUtilization', { AutoScalingGroupName: 'web-asg' })).toBeUndefined();
    engine.advanceBy(180);
    expect(engine.metrics.get('AWS/EC2', 'CPUUtilization', { AutoScalingGroupName: 'web-asg' })!.ring.length).toBeGreaterThan(0);
  });

  it('ASG-6: INSUFFICIENT_DATA blocks scaling', () => {
    const yaml = webTier({ rate: '400', coldStart: true }).replace('      TargetGroupARNs: [!Ref Tg]', '      TargetGroupARNs: [!Ref Tg]\n      DefaultInstanceWarmup: 3600');
    const engine = new SimulationEngine(scenarioFrom(yaml));
    engine.advanceBy(30 * 60);
    expect([...engine.world.alarms.values()].every((a) => a.state === 'INSUFFICIENT_DATA')).toBe(true);
    expect(group(engine).desiredCapacity).toBe(2);
  });
});

describe('failed launches', () => {
  it('when every zone of the group is down, one failed activity per attempt, retried with a doubling backoff', () => {
    const engine = new SimulationEngine(scenarioFrom(webTier({ min: 2 })));
    engine.advanceBy(120);
    for (const zone of ['us-east-1a', 'us-east-1b', 'us-east-1c']) engine.injectFault('FailAvailabilityZone', { AvailabilityZone: zone }, 900);
    engine.advanceBy(900);
    const failed = group(engine).activities.filter((a) => a.statusCode === 'Failed');
    expect(failed.length).toBeGreaterThanOrEqual(3);
    expect(failed.length).toBeLessThanOrEqual(8);
    const gaps = failed.slice(1).map((a, i) => (a.startTime - failed[i]!.startTime) / 1000);
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeGreaterThanOrEqual(gaps[i - 1]!);
    expect(failed[0]!.description).toMatch(/^Launching a new EC2 instance\. {2}Status Reason: /);
    // Zones back: the next attempt launches for real and the group returns to its desired capacity.
    engine.advanceBy(600);
    expect([...group(engine).instances.values()].filter((i) => i.lifecycleState === 'InService')).toHaveLength(2);
  });
});

describe('an Availability Zone failure, as an operator watches it', () => {
  it('targets there turn unhealthy first (ALB checks), then EC2 status checks fail and Auto Scaling replaces them', () => {
    const yaml = webTier({ min: 3, rate: '90' }).replace('      TargetGroupARNs: [!Ref Tg]', '      TargetGroupARNs: [!Ref Tg]\n      HealthCheckType: ELB');
    const engine = new SimulationEngine(scenarioFrom(yaml));
    engine.advanceBy(180);
    const inZone = [...group(engine).instances.values()].find((i) => i.availabilityZone === 'us-east-1a')!.instanceId;
    const faultAt = engine.now;
    engine.injectFault('FailAvailabilityZone', { AvailabilityZone: 'us-east-1a' });
    engine.advanceBy(300);
    const after = engine.timeline.filter((t) => t.resource.endsWith(inZone) && Date.parse(t.time) >= faultAt);
    expect(after.map((t) => t.message.replace(/^Target \S+ in web-tg is now /, ''))).toEqual([
      'unhealthy (Target.Timeout)',
      'draining (Target.DeregistrationInProgress)',
      'unused (Target.NotRegistered)',
    ]);
    const termination = group(engine).activities.find((a) => a.description === `Terminating EC2 instance: ${inZone}`)!;
    expect(termination.startTime).toBeGreaterThan(Date.parse(after[0]!.time));
    // HealthCheckType ELB: the unhealthy target is reason enough (ASG-8).
    expect(termination.cause).toMatch(/ELB system health check failure/);
    // With EC2 health checks only, Auto Scaling waits for the status checks to fail (two minutes).
    const ec2 = new SimulationEngine(scenarioFrom(webTier({ min: 3, rate: '90' })));
    ec2.advanceBy(180);
    const ec2Start = ec2.now;
    ec2.injectFault('FailAvailabilityZone', { AvailabilityZone: 'us-east-1a' });
    ec2.advanceBy(300);
    const ec2Termination = ec2.world.autoScalingGroups.get('web-asg')!.activities.find((a) => a.description.startsWith('Terminating'))!;
    expect(ec2Termination.cause).toMatch(/EC2 instance status check failure/);
    expect(ec2Termination.startTime - ec2Start).toBeGreaterThanOrEqual(120_000);
  });
});
