import { describe, expect, it } from 'vitest';
import { SimulationEngine } from '@main/core/sources/sim/engine';
import { ScenarioError } from '@main/core/sources/sim/scenario/diagnostics';
import { selectStep } from '@main/core/sources/sim/asg/scaling-adjustment';
import { warmupSeconds } from '@main/core/sources/sim/asg/auto-scaling-group';
import type { SimAutoScalingGroup, SimScheduledAction } from '@main/core/sources/sim/asg/asg-state';
import { GROUP_METRICS } from '@main/core/sources/sim/asg/group-metrics';
import { nextScheduledRun } from '@main/core/sources/sim/asg/build-asg';
import { scenarioFrom, webTier } from '../../../../../helpers/scenarios';

const cpuPolicy = `        PredefinedMetricSpecification: { PredefinedMetricType: ASGAverageCPUUtilization }
        TargetValue: 50`;

function withMetric(spec: string, target = 1000, rate = '60'): string {
  return webTier({ rate }).replace(cpuPolicy, `        PredefinedMetricSpecification: ${spec}\n        TargetValue: ${target}`);
}

const LABEL = '{ PredefinedMetricType: ALBRequestCountPerTarget, ResourceLabel: !Join ["/", [!GetAtt Alb.LoadBalancerFullName, !GetAtt Tg.TargetGroupFullName]] }';

function loadErrors(yaml: string): string {
  try {
    scenarioFrom(yaml);
  } catch (error) {
    if (error instanceof ScenarioError) return error.message;
    throw error;
  }
  return '';
}

// docs.aws.amazon.com/autoscaling/ec2/userguide/as-scaling-target-tracking.html
describe('ASG-14: each predefined metric type tracks its own metric (as-scaling-target-tracking)', () => {
  it('ASG-14: ALBRequestCountPerTarget alarms watch RequestCountPerTarget of the ResourceLabel target group', () => {
    const engine = new SimulationEngine(scenarioFrom(withMetric(LABEL)));
    const alarms = engine.inventory().alarms.filter((a) => a.alarmName.startsWith('TargetTracking-web-asg'));
    expect(alarms).toHaveLength(2);
    const tgFullName = engine.world.targetGroups.values().next().value!.fullName;
    for (const alarm of alarms) {
      expect(alarm).toMatchObject({ namespace: 'AWS/ApplicationELB', metricName: 'RequestCountPerTarget', dimensions: { TargetGroup: tgFullName }, statistic: 'Sum' });
    }
    expect(alarms.find((a) => a.alarmName.includes('AlarmHigh'))!.threshold).toBe(1000);
    expect(alarms.find((a) => a.alarmName.includes('AlarmLow'))!.threshold).toBe(900);
  });

  it('ASG-14: 60 req/s over 2 targets is 1800 requests per target per minute: a 1000 target scales out to 4', () => {
    const engine = new SimulationEngine(scenarioFrom(withMetric(LABEL)));
    engine.advanceBy(15 * 60);
    const tgFullName = engine.world.targetGroups.values().next().value!.fullName;
    const series = engine.metrics.get('AWS/ApplicationELB', 'RequestCountPerTarget', { TargetGroup: tgFullName })!;
    const first = series.points('Sum')[1]![1];
    expect(first).toBeGreaterThan(1700);
    expect(first).toBeLessThan(1900);
    expect(engine.world.autoScalingGroups.get('web-asg')!.desiredCapacity).toBeGreaterThanOrEqual(4);
  });

  it('ASG-14: a request-count policy does not scale in to min while requests per target sit on target', () => {
    // 60 req/s, 4 instances: 900 per target per minute; target 900 → neither alarm should drive to min.
    const yaml = withMetric(LABEL, 900).replace('DesiredCapacity: 2', 'DesiredCapacity: 4');
    const engine = new SimulationEngine(scenarioFrom(yaml));
    engine.advanceBy(40 * 60);
    expect(engine.world.autoScalingGroups.get('web-asg')!.desiredCapacity).toBeGreaterThanOrEqual(3);
  });

  it('ASG-14: a metric type the simulator does not model is a load error, never a CPU policy', () => {
    const message = loadErrors(withMetric('{ PredefinedMetricType: ASGAverageNetworkIn }', 1_000_000));
    expect(message).toMatch(/PredefinedMetricType ASGAverageNetworkIn is not simulated/);
    expect(message).toMatch(/Resources\.Cpu\.Properties\.TargetTrackingConfiguration\.PredefinedMetricSpecification\.PredefinedMetricType/);
  });

  it('ASG-14: ALBRequestCountPerTarget without ResourceLabel, or naming another target group, is refused', () => {
    expect(loadErrors(withMetric('{ PredefinedMetricType: ALBRequestCountPerTarget }'))).toMatch(/ALBRequestCountPerTarget needs ResourceLabel/);
    expect(loadErrors(withMetric('{ PredefinedMetricType: ALBRequestCountPerTarget, ResourceLabel: app/x/1/targetgroup/y/2 }'))).toMatch(/no load balancer of this scenario is app\/x\/1/);
    expect(loadErrors(withMetric('{ PredefinedMetricType: ALBRequestCountPerTarget, ResourceLabel: nonsense }'))).toMatch(/must look like app\/<load-balancer-name>/);
  });
});

// docs.aws.amazon.com/autoscaling/ec2/APIReference/API_StepAdjustment.html
describe('ASG-4: step scaling at exactly the threshold (API_StepAdjustment)', () => {
  it('ASG-4: a below-threshold step (-inf, 0] matches the metric at the threshold', () => {
    expect(selectStep([{ upper: 0, adjustment: -1 }], 20, 20)!.adjustment).toBe(-1);
    expect(selectStep([{ lower: 0, adjustment: 1 }], 20, 20)!.adjustment).toBe(1);
    expect(selectStep([{ upper: 0, adjustment: -1 }], 20.1, 20)).toBeUndefined();
  });

  it('ASG-4: a `<= X → scale in` policy whose alarm sits at exactly X scales in', () => {
    const yaml = `${webTier({ rate: '0', min: 1, desired: 4 })}`.replace(
      / {2}Cpu:\n[\s\S]*?TargetValue: 50\n/,
      `  ScaleIn:
    Type: AWS::AutoScaling::ScalingPolicy
    Properties:
      AutoScalingGroupName: !Ref Asg
      PolicyName: scale-in
      PolicyType: StepScaling
      AdjustmentType: ChangeInCapacity
      StepAdjustments: [{ MetricIntervalUpperBound: 0, ScalingAdjustment: -1 }]
  Low:
    Type: AWS::CloudWatch::Alarm
    Properties:
      AlarmName: hosts-low
      Namespace: AWS/ApplicationELB
      MetricName: HealthyHostCount
      Dimensions: [{ Name: LoadBalancer, Value: !GetAtt Alb.LoadBalancerFullName }, { Name: TargetGroup, Value: !GetAtt Tg.TargetGroupFullName }]
      Statistic: Minimum
      Period: 60
      EvaluationPeriods: 1
      Threshold: 4
      ComparisonOperator: LessThanOrEqualToThreshold
      AlarmActions: [!Ref ScaleIn]
`,
    );
    const engine = new SimulationEngine(scenarioFrom(yaml));
    // HealthyHostCount is exactly 4 (the threshold) for the first minute: the step (-inf, 0] applies.
    engine.advanceBy(2 * 60);
    expect(engine.world.alarms.get('hosts-low')!.state).toBe('ALARM');
    expect(engine.world.autoScalingGroups.get('web-asg')!.desiredCapacity).toBeLessThan(4);
  });
});

// docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-default-instance-warmup.html
describe('ASG-15: default warm-up is the default cooldown (ec2-auto-scaling-default-instance-warmup)', () => {
  const group = (overrides: Partial<SimAutoScalingGroup>, policies: SimAutoScalingGroup['policies']) => ({ defaultCooldown: 300, policies, ...overrides }) as SimAutoScalingGroup;
  const tt = { policyType: 'TargetTrackingScaling' } as SimAutoScalingGroup['policies'][number];

  it('ASG-15: no DefaultInstanceWarmup and no EstimatedInstanceWarmup → 300 s (the default cooldown)', () => {
    expect(warmupSeconds(group({}, [tt]))).toBe(300);
    expect(warmupSeconds(group({ defaultCooldown: 120 }, [tt]))).toBe(120);
    expect(warmupSeconds(group({ defaultInstanceWarmup: 0 }, [tt]))).toBe(0);
    expect(warmupSeconds(group({}, [{ ...tt, estimatedInstanceWarmup: 60 }]))).toBe(60);
    expect(warmupSeconds(group({}, []))).toBe(0);
  });

  it('ASG-15: instances launched by a scale-out stay out of the group CPU for 300 s after boot', () => {
    const engine = new SimulationEngine(scenarioFrom(webTier({ rate: '400' })));
    engine.advanceBy(10 * 60);
    const g = engine.world.autoScalingGroups.get('web-asg')!;
    const launched = [...g.instances.values()].filter((i) => i.launchTime > engine.startTime);
    expect(launched.length).toBeGreaterThan(0);
    for (const instance of launched) expect(instance.warmUntil - instance.readyAt).toBe(300_000);
  });
});

function stepScenario(actions = ''): string {
  const base = webTier({ rate: '40', max: 20 });
  return `${base.slice(0, base.indexOf('  Cpu:'))}  ScaleOut:
    Type: AWS::AutoScaling::ScalingPolicy
    Properties:
      AutoScalingGroupName: !Ref Asg
      PolicyName: step-out
      PolicyType: StepScaling
      AdjustmentType: ChangeInCapacity
      StepAdjustments:
        - { MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 20, ScalingAdjustment: 1 }
        - { MetricIntervalLowerBound: 20, ScalingAdjustment: 3 }
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
      Threshold: 95
      ComparisonOperator: GreaterThanThreshold
      AlarmActions: [!Ref ScaleOut]
${base.slice(base.indexOf('Traffic:'))}${actions}`;
}

// docs.aws.amazon.com/autoscaling/ec2/APIReference/API_ExecutePolicy.html
describe('ASG-16: ExecutePolicy takes the name or ARN; a step policy needs MetricValue and BreachThreshold (API_ExecutePolicy)', () => {
  const execute = (engine: SimulationEngine, policyName: string, extra: Record<string, unknown> = { MetricValue: 75, BreachThreshold: 50 }) =>
    engine.runAction('ExecutePolicy', { AutoScalingGroupName: 'web-asg', PolicyName: policyName, HonorCooldown: false, ...extra });

  it('ASG-16: the policy name, its ARN and its logical id all name the policy', () => {
    const probe = new SimulationEngine(scenarioFrom(stepScenario()));
    const arn = probe.inventory().autoScalingGroups[0]!.policies.find((p) => p.policyName === 'step-out')!.policyARN;
    for (const name of ['step-out', arn!, 'ScaleOut']) {
      const engine = new SimulationEngine(scenarioFrom(stepScenario()));
      expect(execute(engine, name)).toBe('step-out: desired capacity 5');
    }
  });

  it('ASG-16: the step is picked from MetricValue − BreachThreshold, not from a threshold of 0', () => {
    const engine = new SimulationEngine(scenarioFrom(stepScenario()));
    // 60 − 50 = 10 → the [0, 20) step: +1 (a threshold of 0 would have given +3).
    expect(execute(engine, 'step-out', { MetricValue: 60, BreachThreshold: 50 })).toBe('step-out: desired capacity 3');
  });

  it('ASG-16: a step policy without MetricValue or BreachThreshold is refused', () => {
    const engine = new SimulationEngine(scenarioFrom(stepScenario()));
    expect(() => execute(engine, 'step-out', { MetricValue: 60 })).toThrow('needs MetricValue and BreachThreshold');
    expect(() => execute(engine, 'no-such-policy')).toThrow('No scaling policy no-such-policy for AutoScalingGroup web-asg (give its name or ARN)');
  });

  it('ASG-16: a scenario action may name the policy with !Ref and give BreachThreshold', () => {
    const engine = new SimulationEngine(
      scenarioFrom(stepScenario('Actions:\n  - { At: 1m, Type: ExecutePolicy, AutoScalingGroupName: web-asg, PolicyName: !Ref ScaleOut, MetricValue: 80, BreachThreshold: 50 }\n')),
    );
    engine.advanceBy(2 * 60);
    expect(engine.timeline.filter((e) => e.severity === 'error')).toEqual([]);
    expect(engine.world.autoScalingGroups.get('web-asg')!.desiredCapacity).toBe(5);
  });

  it('ASG-16: a policy lists the alarms that invoke it, also through !Ref', () => {
    const engine = new SimulationEngine(scenarioFrom(stepScenario()));
    expect(engine.inventory().autoScalingGroups[0]!.policies.find((p) => p.policyName === 'step-out')!.alarmNames).toEqual(['cpu-high']);
  });

  it('ASG-19: the cause of an executed policy uses AWS words', () => {
    const engine = new SimulationEngine(scenarioFrom(stepScenario()));
    execute(engine, 'step-out');
    const activity = engine.world.autoScalingGroups.get('web-asg')!.activities.at(-1)!;
    expect(activity.cause).toMatch(
      /^At \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ a user request executed policy step-out changing the desired capacity from 2 to 5\. {2}At .* an instance was started in response to a difference between desired and actual capacity, increasing the capacity from 2 to 5\.$/,
    );
  });
});

// docs.aws.amazon.com/autoscaling/ec2/APIReference/API_PutScheduledUpdateGroupAction.html
describe('ASG-17: Recurrence with StartTime runs first at StartTime (API_PutScheduledUpdateGroupAction)', () => {
  const T = Date.UTC(2026, 10, 20, 8, 0, 0);
  const action = (overrides: Partial<SimScheduledAction>): SimScheduledAction => ({ name: 'a', autoScalingGroupName: 'g', recurrence: '0 12 * * *', ...overrides }) as SimScheduledAction;

  it('ASG-17: first at StartTime, then on the recurrence, never after EndTime', () => {
    const a = action({ startTime: T + 30 * 60_000, endTime: T + 2 * 86_400_000 });
    const first = nextScheduledRun(a, T - 1)!;
    expect(new Date(first).toISOString()).toBe('2026-11-20T08:30:00.000Z');
    const second = nextScheduledRun(a, first)!;
    expect(new Date(second).toISOString()).toBe('2026-11-20T12:00:00.000Z');
    const third = nextScheduledRun(a, second)!;
    expect(new Date(third).toISOString()).toBe('2026-11-21T12:00:00.000Z');
    expect(nextScheduledRun(a, third)).toBeUndefined(); // 2026-11-22T12:00 is after EndTime (08:00)
  });

  it('ASG-17: a scenario action with StartTime and Recurrence changes the group at StartTime', () => {
    const yaml = `${webTier({ max: 10 }).replace('Traffic:', `  Evening:
    Type: AWS::AutoScaling::ScheduledAction
    Properties: { AutoScalingGroupName: !Ref Asg, DesiredCapacity: 5, Recurrence: "0 18 * * *", StartTime: "2026-11-20T08:10:00Z" }
Traffic:`)}`;
    const engine = new SimulationEngine(scenarioFrom(yaml));
    engine.advanceBy(15 * 60); // StartTime plus up to ASG-7's two-minute delay
    const ran = engine.timeline.find((e) => e.kind === 'ScheduledAction')!;
    expect(ran.message).toContain('desired 5');
    // The window words it from a code (issue 9).
    expect(ran.text).toEqual({ code: 'scheduledAction.ran', params: { action: expect.any(String), group: 'web-asg', min: 2, max: 10, desired: 5 } });
    expect(Date.parse(ran.time)).toBeGreaterThanOrEqual(Date.UTC(2026, 10, 20, 8, 10));
    expect(Date.parse(ran.time)).toBeLessThanOrEqual(Date.UTC(2026, 10, 20, 8, 12));
    expect(engine.world.autoScalingGroups.get('web-asg')!.activities.some((a) => a.cause.includes('a scheduled action update'))).toBe(true);
  });
});

// docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-metrics.html
describe('ASG-18: group metrics only with metrics collection enabled (ec2-auto-scaling-metrics)', () => {
  const dims = { AutoScalingGroupName: 'web-asg' };

  it('ASG-18: without MetricsCollection no AWS/AutoScaling metric is published', () => {
    const engine = new SimulationEngine(scenarioFrom(webTier().replace('      MetricsCollection: [{ Granularity: 1Minute }]\n', '')));
    engine.advanceBy(3 * 60);
    expect([...engine.metrics.all()].filter((s) => s.namespace === 'AWS/AutoScaling')).toEqual([]);
    expect(engine.metrics.get('AWS/EC2', 'CPUUtilization', dims)).toBeDefined();
  });

  it('ASG-18: MetricsCollection without Metrics publishes all thirteen, with Standby and Capacity metrics', () => {
    const engine = new SimulationEngine(scenarioFrom(webTier()));
    engine.advanceBy(3 * 60);
    const names = [...engine.metrics.all()].filter((s) => s.namespace === 'AWS/AutoScaling').map((s) => s.metricName).sort();
    expect(names).toEqual([...GROUP_METRICS].sort());
    expect(engine.metrics.get('AWS/AutoScaling', 'GroupTotalCapacity', dims)!.points('Average').at(-1)![1]).toBe(2);
    expect(engine.metrics.get('AWS/AutoScaling', 'GroupStandbyInstances', dims)!.points('Average').at(-1)![1]).toBe(0);
  });

  it('ASG-18: a listed subset publishes only those', () => {
    const engine = new SimulationEngine(scenarioFrom(webTier().replace('MetricsCollection: [{ Granularity: 1Minute }]', 'MetricsCollection: [{ Granularity: 1Minute, Metrics: [GroupDesiredCapacity] }]')));
    engine.advanceBy(3 * 60);
    expect([...engine.metrics.all()].filter((s) => s.namespace === 'AWS/AutoScaling').map((s) => s.metricName)).toEqual(['GroupDesiredCapacity']);
  });
});

// docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-cloudwatch-new.html (basic vs detailed monitoring)
describe('EC2-1: CPUUtilization at 5-minute periods unless detailed monitoring is on', () => {
  const dims = { AutoScalingGroupName: 'web-asg' };
  it('EC2-1: a launch template without Monitoring.Enabled publishes one CPU datapoint per 5 minutes', () => {
    const engine = new SimulationEngine(scenarioFrom(webTier().replace(', Monitoring: { Enabled: true }', '')));
    engine.advanceBy(20 * 60);
    const times = engine.metrics.get('AWS/EC2', 'CPUUtilization', dims)!.points('Average').map(([t]) => t);
    expect(times).toHaveLength(4);
    expect(times.slice(1).map((t, i) => t - times[i]!)).toEqual([300, 300, 300]);
  });

  it('EC2-1: Monitoring.Enabled (detailed monitoring) publishes every minute', () => {
    const engine = new SimulationEngine(scenarioFrom(webTier()));
    engine.advanceBy(20 * 60);
    expect(engine.metrics.get('AWS/EC2', 'CPUUtilization', dims)!.points('Average')).toHaveLength(20);
  });
});

// docs.aws.amazon.com/AWSEC2/latest/UserGuide/viewing_metrics_with_cloudwatch.html (InstanceId and
// AutoScalingGroupName dimensions) and using-cloudwatch-new.html (basic 5-minute / detailed 1-minute)
describe('EC2-1: per-instance CPUUtilization (dimension InstanceId), opt-in with Simulation.InstanceMetrics', () => {
  const perInstance = (yaml: string) => yaml.replace('  InstanceBootTime: 60s', '  InstanceBootTime: 60s\n  InstanceMetrics: true');
  const instanceSeries = (engine: SimulationEngine) =>
    [...engine.metrics.all()].filter((s) => s.namespace === 'AWS/EC2' && s.metricName === 'CPUUtilization' && 'InstanceId' in s.dimensions);

  it('EC2-1: each InService instance has its own series with only the InstanceId dimension; the group series averages them (ASG-12)', () => {
    const engine = new SimulationEngine(scenarioFrom(perInstance(webTier({ rate: '20', min: 2, max: 2, desired: 2 }))));
    engine.advanceBy(15 * 60);
    const group = engine.world.autoScalingGroups.get('web-asg')!;
    const ids = [...group.instances.keys()].sort();
    const series = instanceSeries(engine);
    expect(series.map((s) => s.dimensions.InstanceId).sort()).toEqual(ids);
    for (const s of series) expect(Object.keys(s.dimensions)).toEqual(['InstanceId']);
    // Detailed monitoring (webTier's launch template): one datapoint a minute per instance.
    const groupPoints = engine.metrics.get('AWS/EC2', 'CPUUtilization', { AutoScalingGroupName: 'web-asg' })!.points('Average');
    const byInstance = series.map((s) => new Map(s.points('Average')));
    let compared = 0;
    for (const [time, groupAverage] of groupPoints.slice(-10)) {
      // Same instances, all past warm-up: the group's minute is the mean of its instances' minutes.
      const values = byInstance.map((points) => points.get(time)).filter((v): v is number => v !== undefined);
      if (values.length < byInstance.length) continue;
      // Points are rounded to 6 decimals on export, hence 5 digits.
      expect(groupAverage).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 5);
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(8);
    expect(ids).toHaveLength(2);
  });

  it('EC2-1: per-instance series follow the group\'s period: 1 minute with detailed monitoring, 5 minutes with basic', () => {
    const detailed = new SimulationEngine(scenarioFrom(perInstance(webTier({ min: 2, max: 2, desired: 2 }))));
    detailed.advanceBy(20 * 60);
    for (const s of instanceSeries(detailed)) expect(s.points('Average')).toHaveLength(20);

    const basic = new SimulationEngine(scenarioFrom(perInstance(webTier({ min: 2, max: 2, desired: 2 }).replace(', Monitoring: { Enabled: true }', ''))));
    basic.advanceBy(20 * 60);
    const series = instanceSeries(basic);
    expect(series).toHaveLength(2);
    for (const s of series) {
      const times = s.points('Average').map(([t]) => t);
      expect(times).toHaveLength(4);
      expect(times.slice(1).map((t, i) => t - times[i]!)).toEqual([300, 300, 300]);
    }
    // The same 5-minute windows as the group's series.
    const groupTimes = basic.metrics.get('AWS/EC2', 'CPUUtilization', { AutoScalingGroupName: 'web-asg' })!.points('Average').map(([t]) => t);
    expect(series[0]!.points('Average').map(([t]) => t)).toEqual(groupTimes);
  });

  it('EC2-1: without Simulation.InstanceMetrics only the group series is published (the default, for cost at scale)', () => {
    const engine = new SimulationEngine(scenarioFrom(webTier()));
    engine.advanceBy(5 * 60);
    expect(instanceSeries(engine)).toEqual([]);
    expect(engine.metrics.get('AWS/EC2', 'CPUUtilization', { AutoScalingGroupName: 'web-asg' })).toBeDefined();
  });

  it('EC2-1: Simulation.InstanceMetrics must be a boolean', () => {
    expect(loadErrors(webTier().replace('  InstanceBootTime: 60s', '  InstanceBootTime: 60s\n  InstanceMetrics: lots'))).toContain('InstanceMetrics');
  });
});

