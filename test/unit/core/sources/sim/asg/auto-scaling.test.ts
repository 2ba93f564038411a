import { describe, expect, it } from 'vitest';
import { SimulationEngine } from '@main/core/sources/sim/engine';
import { buildReport } from '@main/core/sources/sim/report';
import { chooseAvailabilityZone, clampCapacity } from '@main/core/sources/sim/asg/auto-scaling-group';
import { targetTrackingCapacity } from '@main/core/sources/sim/asg/target-tracking';
import type { SimAutoScalingGroup, SimTargetTrackingPolicy } from '@main/core/sources/sim/asg/asg-state';
import { scenarioFrom, webTier } from '../../../../../helpers/scenarios';

const engineFor = (options: Parameters<typeof webTier>[0] = {}) => new SimulationEngine(scenarioFrom(webTier(options)));
const group = (engine: SimulationEngine) => engine.world.autoScalingGroups.get('web-asg')!;

describe('EC2 Auto Scaling', () => {
  it('ASG-1: adjustments are clamped to [MinSize, MaxSize]', () => {
    const bounds = { minSize: 2, maxSize: 3 };
    expect(clampCapacity(bounds, 2 + 3)).toBe(3);
    expect(clampCapacity(bounds, 3 - 2)).toBe(2);
    expect(clampCapacity(bounds, 3)).toBe(3);
  });

  it('ASG-11: creating the group launches its desired capacity, one activity per instance, with an AWS cause', () => {
    const engine = engineFor({ min: 2, coldStart: true });
    const activities = group(engine).activities;
    expect(activities).toHaveLength(2);
    for (const activity of activities) {
      expect(activity.description).toMatch(/^Launching a new EC2 instance: i-[0-9a-f]{17}$/);
      expect(activity.cause).toBe(
        'At 2026-11-20T08:00:00Z a user request created an AutoScalingGroup changing the desired capacity from 0 to 2.  ' +
          'At 2026-11-20T08:00:00Z an instance was started in response to a difference between desired and actual capacity, increasing the capacity from 0 to 2.',
      );
      expect(activity.statusCode).toBe('InProgress');
    }
  });

  it('ASG-13: instances are Pending for the boot time, then InService and registered as `initial` targets', () => {
    const engine = engineFor({ coldStart: true });
    const instances = () => [...group(engine).instances.values()];
    expect(instances().map((i) => i.lifecycleState)).toEqual(['Pending', 'Pending']);
    engine.advanceBy(55);
    expect(instances().map((i) => i.lifecycleState)).toEqual(['Pending', 'Pending']);
    engine.advanceBy(5);
    expect(instances().map((i) => i.lifecycleState)).toEqual(['InService', 'InService']);
    const targets = [...engine.world.targetGroups.values()][0]!.targets;
    expect([...targets.values()].map((t) => t.state)).toEqual(['initial', 'initial']);
    expect(group(engine).activities.every((a) => a.statusCode === 'Successful' && a.endTime === engine.now)).toBe(true);
  });

  it('ASG-10: new instances go to the AZ with the fewest instances', () => {
    const engine = engineFor({ min: 5, max: 10 });
    const perAz = new Map<string, number>();
    for (const instance of group(engine).instances.values()) perAz.set(instance.availabilityZone, (perAz.get(instance.availabilityZone) ?? 0) + 1);
    expect(Object.fromEntries(perAz)).toEqual({ 'us-east-1a': 2, 'us-east-1b': 2, 'us-east-1c': 1 });
    expect(chooseAvailabilityZone(group(engine))).toBe('us-east-1c');
  });

  it('ASG-12: the group CPUUtilization is the average over its InService instances', () => {
    const engine = engineFor({ rate: '100' });
    // Boot (60 s) and two passing health checks (10 s apart) before the targets take traffic.
    engine.advanceBy(185);
    const [a, b] = [...group(engine).instances.values()];
    const series = engine.metrics.get('AWS/EC2', 'CPUUtilization', { AutoScalingGroupName: 'web-asg' })!;
    // The value put for the next tick is the mean of the two instances' CPU.
    const beforeSum = series.openSum;
    engine.step();
    const justPut = series.openSum - beforeSum;
    expect(justPut).toBeCloseTo((a!.cpuPercent + b!.cpuPercent) / 2, 9);
    // 100 req/s over 2 × c5.large at 20 ms each = 50 % busy, plus the 2 % idle floor.
    expect(justPut).toBeGreaterThan(45);
    expect(justPut).toBeLessThan(56);
  });

  it('SetDesiredCapacity outside [MinSize, MaxSize] is refused like the AWS API', () => {
    const engine = engineFor({ min: 2, max: 4 });
    expect(() => engine.runAction('SetDesiredCapacity', { AutoScalingGroupName: 'web-asg', DesiredCapacity: 5 })).toThrow('New SetDesiredCapacity value 5 is above max value 4 for the AutoScalingGroup.');
    engine.runAction('SetDesiredCapacity', { AutoScalingGroupName: 'web-asg', DesiredCapacity: 4 });
    const started = group(engine).activities.slice(2);
    expect(started).toHaveLength(2);
    expect(started[0]!.cause).toMatch(/^At 2026-11-20T08:00:00Z a user request explicitly set group desired capacity changing the desired capacity from 2 to 4\./);
  });

  it('scale-in terminates from the AZ with the most instances and drains first (ALB-7)', () => {
    const engine = engineFor({ min: 1, max: 6, desired: 3 });
    engine.advanceBy(120);
    engine.runAction('SetDesiredCapacity', { AutoScalingGroupName: 'web-asg', DesiredCapacity: 2 });
    const terminating = group(engine).activities.at(-1);
    expect(terminating!.description).toMatch(/^Terminating EC2 instance: i-/);
    expect(terminating!.statusCode).toBe('WaitingForELBConnectionDraining');
    expect(terminating!.cause).toMatch(/an instance was taken out of service in response to a difference between desired and actual capacity, shrinking the capacity from 3 to 2\. {2}At .* instance i-[0-9a-f]{17} was selected for termination\.$/);
    const id = terminating!.description.split(': ')[1]!;
    const target = [...engine.world.targetGroups.values()][0]!.targets.get(id)!;
    expect(target.state).toBe('draining');
    expect(target.reason).toBe('Target.DeregistrationInProgress');
    engine.advanceBy(30 + 10);
    expect(group(engine).instances.has(id)).toBe(false);
    expect(terminating!.statusCode).toBe('Successful');
  });
});

describe('target tracking', () => {
  const policy: SimTargetTrackingPolicy = {
    policyName: 'p',
    policyArn: 'arn',
    autoScalingGroupName: 'g',
    policyType: 'TargetTrackingScaling',
    targetValue: 50,
    predefinedMetricType: 'ASGAverageCPUUtilization',
    disableScaleIn: false,
    alarmHigh: 'high',
    alarmLow: 'low',
    enabled: true,
  };
  const at = (desired: number) => ({ desiredCapacity: desired }) as Pick<SimAutoScalingGroup, 'desiredCapacity'>;

  it('ASG-6: scales out in proportion to the metric: 4 instances at 80 % with target 50 → 7', () => {
    expect(targetTrackingCapacity(policy, at(4), 4, 80, 'high')).toBe(7);
  });

  it('ASG-6: does not order again what is already on its way (desired above the proportional need)', () => {
    expect(targetTrackingCapacity(policy, at(7), 4, 80, 'high')).toBeUndefined();
  });

  it('ASG-6: scales in gradually — at most 10 % (at least one) of the group at a time', () => {
    expect(targetTrackingCapacity(policy, at(20), 20, 10, 'low')).toBe(18);
    expect(targetTrackingCapacity(policy, at(5), 5, 10, 'low')).toBe(4);
    expect(targetTrackingCapacity({ ...policy, disableScaleIn: true }, at(5), 5, 10, 'low')).toBeUndefined();
  });

  it('ASG-6: creates AlarmHigh and AlarmLow named like AWS, starting in INSUFFICIENT_DATA', () => {
    const engine = engineFor();
    const names = [...engine.world.alarms.keys()];
    expect(names).toEqual([
      expect.stringMatching(/^TargetTracking-web-asg-AlarmHigh-[0-9a-f-]{36}$/),
      expect.stringMatching(/^TargetTracking-web-asg-AlarmLow-[0-9a-f-]{36}$/),
    ]);
    expect([...engine.world.alarms.values()].map((a) => a.state)).toEqual(['INSUFFICIENT_DATA', 'INSUFFICIENT_DATA']);
    const low = [...engine.world.alarms.values()][1]!.definition;
    expect(low.threshold).toBe(45);
    expect(low.evaluationPeriods).toBe(15);
  });

  it('scales out under a traffic ramp and back in when it falls, within [min, max], with the alarm named in the cause', () => {
    const engine = engineFor({ rate: '{ Points: [[0m, 60], [10m, 400], [40m, 400], [50m, 40], [120m, 40]] }', min: 2, max: 10 });
    let maxDesired = 0;
    for (let minute = 0; minute < 120; minute++) {
      engine.advanceBy(60);
      const g = group(engine);
      maxDesired = Math.max(maxDesired, g.desiredCapacity);
      expect(g.desiredCapacity).toBeGreaterThanOrEqual(2);
      expect(g.desiredCapacity).toBeLessThanOrEqual(10);
    }
    expect(maxDesired).toBeGreaterThanOrEqual(6);
    expect(group(engine).desiredCapacity).toBeLessThan(maxDesired);
    const report = buildReport(engine);
    const scaleOut = report.scalingActivities.filter((a) => a.cause.includes('AlarmHigh'));
    const scaleIn = report.scalingActivities.filter((a) => a.cause.includes('AlarmLow'));
    expect(scaleOut.length).toBeGreaterThan(0);
    expect(scaleIn.length).toBeGreaterThan(0);
    expect(scaleOut.at(-1)!.cause).toMatch(/^At \S+Z a monitor alarm TargetTracking-web-asg-AlarmHigh-\S+ in state ALARM triggered policy cpu-target changing the desired capacity from 2 to \d+\./);
    // DescribeScalingActivities order: newest first.
    const starts = report.scalingActivities.map((a) => Date.parse(a.startTime));
    expect([...starts].sort((x, y) => y - x)).toEqual(starts);
    expect(report.alarmHistory.some((h) => h.newState === 'ALARM')).toBe(true);
  });
});
