/**
 * Every numeric field of a scenario has a bound (issue 10, item 7): at the limit it loads, past it the
 * load fails with a message that names the limit, at the field's path and line. A 1.2 KB scenario
 * with `DesiredCapacity: "1000000"` used to keep the host at 100 % CPU for minutes.
 */
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '@main/core/sources/sim/scenario/load-scenario';
import { ScenarioError } from '@main/core/sources/sim/scenario/diagnostics';
import { MAX_SCENARIO_BYTES } from '@main/core/sources/sim/scenario/limits';
import { ACTION_PARAMETERS, FAULT_PARAMETERS } from '@main/core/sources/sim/scenario/timed-entries';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = any;

/** A small but complete scenario touching every section, as a plain object to patch per case. */
function base(): Doc {
  return {
    Simulation: { StartTime: '2026-11-20T08:00:00Z', Seed: 1, Tick: '5s', InstanceBootTime: '60s', Latency: { EU: { 'us-east-1': 90 } } },
    Resources: {
      Alb: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Name: 'web-alb' } },
      Tg: {
        Type: 'AWS::ElasticLoadBalancingV2::TargetGroup',
        Properties: {
          Name: 'web-tg',
          Port: 80,
          HealthCheckIntervalSeconds: 10,
          HealthCheckTimeoutSeconds: 5,
          HealthyThresholdCount: 2,
          UnhealthyThresholdCount: 2,
          TargetGroupAttributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '30' }],
        },
      },
      Listener: {
        Type: 'AWS::ElasticLoadBalancingV2::Listener',
        Properties: { LoadBalancerArn: { Ref: 'Alb' }, Port: 80, DefaultActions: [{ Type: 'forward', TargetGroupArn: { Ref: 'Tg' } }] },
      },
      Asg: {
        Type: 'AWS::AutoScaling::AutoScalingGroup',
        Properties: { AutoScalingGroupName: 'web-asg', MinSize: 1, MaxSize: 4, DesiredCapacity: 2, AvailabilityZones: ['us-east-1a'], TargetGroupARNs: [{ Ref: 'Tg' }] },
      },
      Step: {
        Type: 'AWS::AutoScaling::ScalingPolicy',
        Properties: { AutoScalingGroupName: { Ref: 'Asg' }, PolicyType: 'StepScaling', AdjustmentType: 'ChangeInCapacity', StepAdjustments: [{ MetricIntervalLowerBound: 0, ScalingAdjustment: 1 }] },
      },
      Simple: {
        Type: 'AWS::AutoScaling::ScalingPolicy',
        Properties: { AutoScalingGroupName: { Ref: 'Asg' }, AdjustmentType: 'ChangeInCapacity', ScalingAdjustment: 1 },
      },
      Tracking: {
        Type: 'AWS::AutoScaling::ScalingPolicy',
        Properties: {
          AutoScalingGroupName: { Ref: 'Asg' },
          PolicyType: 'TargetTrackingScaling',
          TargetTrackingConfiguration: { TargetValue: 50, PredefinedMetricSpecification: { PredefinedMetricType: 'ASGAverageCPUUtilization' } },
        },
      },
      High: {
        Type: 'AWS::CloudWatch::Alarm',
        Properties: {
          Namespace: 'AWS/EC2',
          MetricName: 'CPUUtilization',
          Statistic: 'Average',
          Period: 60,
          EvaluationPeriods: 2,
          Threshold: 70,
          ComparisonOperator: 'GreaterThanThreshold',
          AlarmActions: [{ Ref: 'Step' }],
        },
      },
      Nightly: { Type: 'AWS::AutoScaling::ScheduledAction', Properties: { AutoScalingGroupName: { Ref: 'Asg' }, Recurrence: '0 2 * * *', DesiredCapacity: 1 } },
    },
    Traffic: [{ Name: 'clients', Target: { 'Fn::GetAtt': ['Alb', 'DNSName'] }, Rate: 100, CpuPerRequest: '20ms' }],
    Faults: [{ At: '10m', Type: 'TerminateInstances', AutoScalingGroupName: 'web-asg', Count: 1, Duration: '5m' }],
    Actions: [{ At: '20m', Type: 'SetDesiredCapacity', AutoScalingGroupName: 'web-asg', DesiredCapacity: 3 }],
  };
}

const props = (doc: Doc, id: string) => doc.Resources[id].Properties;
const groupOf = (doc: Doc) => props(doc, 'Asg');

function load(doc: Doc) {
  return loadScenario(stringify(doc), { file: 'limits.yaml' });
}

function errorsOf(doc: Doc): { path: string; message: string; line: number }[] {
  try {
    load(doc);
  } catch (error) {
    if (error instanceof ScenarioError) return error.diagnostics.filter((d) => d.severity === 'error');
    throw error;
  }
  return [];
}

interface Case {
  name: string;
  /** Sets the value under test (and whatever else it needs to be valid at the limit). */
  set: (doc: Doc, value: unknown) => void;
  atLimit: unknown;
  over: unknown;
  path: string;
  message: string;
}

const repeat = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));

const CASES: Case[] = [
  // ---- Auto Scaling groups: per-group instance cap (10,000) ----
  { name: 'MaxSize', set: (d, v) => (groupOf(d).MaxSize = v), atLimit: 10_000, over: 10_001, path: 'Resources.Asg.Properties.MaxSize', message: 'MaxSize must be between 0 and 10000 (instances per Auto Scaling group in the simulator); got 10001' },
  { name: 'MinSize', set: (d, v) => ((groupOf(d).MinSize = v), (groupOf(d).MaxSize = 10_000), (groupOf(d).DesiredCapacity = 10_000)), atLimit: 10_000, over: 10_001, path: 'Resources.Asg.Properties.MinSize', message: 'MinSize must be between 0 and 10000' },
  {
    name: 'DesiredCapacity as a digit string',
    set: (d, v) => ((groupOf(d).MaxSize = 10_000), (groupOf(d).DesiredCapacity = v)),
    atLimit: '10000',
    over: '1000000',
    path: 'Resources.Asg.Properties.DesiredCapacity',
    message: 'DesiredCapacity must be between 0 and 10000 (instances per Auto Scaling group in the simulator); got 1000000',
  },
  { name: 'DesiredCapacity as "1e21"', set: (d, v) => ((groupOf(d).MaxSize = 10_000), (groupOf(d).DesiredCapacity = v)), atLimit: '1e4', over: '1e21', path: 'Resources.Asg.Properties.DesiredCapacity', message: 'DesiredCapacity must be between 0 and 10000 (instances per Auto Scaling group in the simulator); got 1e+21' },
  { name: 'Cooldown', set: (d, v) => (groupOf(d).Cooldown = v), atLimit: 86_400, over: 86_401, path: 'Resources.Asg.Properties.Cooldown', message: 'Cooldown must be between 0 and 86400' },
  { name: 'HealthCheckGracePeriod', set: (d, v) => (groupOf(d).HealthCheckGracePeriod = v), atLimit: 86_400, over: 86_401, path: 'Resources.Asg.Properties.HealthCheckGracePeriod', message: 'HealthCheckGracePeriod must be between 0 and 86400' },
  { name: 'DefaultInstanceWarmup', set: (d, v) => (groupOf(d).DefaultInstanceWarmup = v), atLimit: 3_600, over: 3_601, path: 'Resources.Asg.Properties.DefaultInstanceWarmup', message: 'DefaultInstanceWarmup must be between -1 and 3600' },
  { name: 'TargetGroupARNs', set: (d, v) => (groupOf(d).TargetGroupARNs = repeat(v as number, () => ({ Ref: 'Tg' }))), atLimit: 50, over: 51, path: 'Resources.Asg.Properties.TargetGroupARNs', message: 'TargetGroupARNs has 51 entries; at most 50 are allowed' },
  // ---- scaling policies ----
  { name: 'ScalingAdjustment', set: (d, v) => (props(d, 'Simple').ScalingAdjustment = v), atLimit: -10_000, over: -10_001, path: 'Resources.Simple.Properties.ScalingAdjustment', message: 'ScalingAdjustment must be between -10000 and 10000' },
  {
    name: 'MinAdjustmentMagnitude',
    set: (d, v) => Object.assign(props(d, 'Simple'), { AdjustmentType: 'PercentChangeInCapacity', MinAdjustmentMagnitude: v }),
    atLimit: 10_000,
    over: 10_001,
    path: 'Resources.Simple.Properties.MinAdjustmentMagnitude',
    message: 'MinAdjustmentMagnitude must be between 1 and 10000',
  },
  { name: 'policy Cooldown', set: (d, v) => (props(d, 'Simple').Cooldown = v), atLimit: 86_400, over: 86_401, path: 'Resources.Simple.Properties.Cooldown', message: 'Cooldown must be between 0 and 86400' },
  { name: 'EstimatedInstanceWarmup', set: (d, v) => (props(d, 'Step').EstimatedInstanceWarmup = v), atLimit: 86_400, over: 86_401, path: 'Resources.Step.Properties.EstimatedInstanceWarmup', message: 'EstimatedInstanceWarmup must be between 0 and 86400' },
  { name: 'StepAdjustments', set: (d, v) => (props(d, 'Step').StepAdjustments = repeat(v as number, (i) => ({ MetricIntervalLowerBound: i, ...(i < (v as number) - 1 ? { MetricIntervalUpperBound: i + 1 } : {}), ScalingAdjustment: 1 }))), atLimit: 20, over: 21, path: 'Resources.Step.Properties.StepAdjustments', message: 'StepAdjustments has 21 entries; at most 20 are allowed' },
  { name: 'MetricIntervalLowerBound', set: (d, v) => (props(d, 'Step').StepAdjustments[0].MetricIntervalLowerBound = v), atLimit: 1e15, over: 1e16, path: 'Resources.Step.Properties.StepAdjustments[0].MetricIntervalLowerBound', message: 'MetricIntervalLowerBound must be between -1000000000000000 and 1000000000000000' },
  { name: 'TargetValue', set: (d, v) => (props(d, 'Tracking').TargetTrackingConfiguration.TargetValue = v), atLimit: 1e15, over: '1e308', path: 'Resources.Tracking.Properties.TargetTrackingConfiguration.TargetValue', message: 'TargetValue must be between' },
  // ---- scheduled actions ----
  { name: 'ScheduledAction MaxSize', set: (d, v) => (props(d, 'Nightly').MaxSize = v), atLimit: 10_000, over: 10_001, path: 'Resources.Nightly.Properties.MaxSize', message: 'MaxSize must be between 0 and 10000' },
  { name: 'ScheduledAction DesiredCapacity', set: (d, v) => ((props(d, 'Nightly').DesiredCapacity = v), (props(d, 'Nightly').MaxSize = 10_000)), atLimit: 10_000, over: '99999999999', path: 'Resources.Nightly.Properties.DesiredCapacity', message: 'DesiredCapacity must be between 0 and 10000' },
  // ---- CloudWatch alarms (AWS: Period × EvaluationPeriods ≤ 86,400 s) ----
  { name: 'alarm Period', set: (d, v) => ((props(d, 'High').Period = v), (props(d, 'High').EvaluationPeriods = 1)), atLimit: 86_400, over: 86_460, path: 'Resources.High.Properties.Period', message: 'Period must be between 10 and 86400' },
  { name: 'alarm EvaluationPeriods × Period', set: (d, v) => ((props(d, 'High').Period = 120), (props(d, 'High').EvaluationPeriods = v)), atLimit: 720, over: 721, path: 'Resources.High.Properties.EvaluationPeriods', message: 'EvaluationPeriods × Period is 86520 s; AWS allows at most 86400 s (one day)' },
  { name: 'alarm EvaluationPeriods', set: (d, v) => (props(d, 'High').EvaluationPeriods = v), atLimit: 1_440, over: 1_441, path: 'Resources.High.Properties.EvaluationPeriods', message: 'EvaluationPeriods must be between 1 and 1440' },
  { name: 'alarm Threshold', set: (d, v) => (props(d, 'High').Threshold = v), atLimit: -1e15, over: 1e308, path: 'Resources.High.Properties.Threshold', message: 'Threshold must be between -1000000000000000 and 1000000000000000' },
  // ---- target groups and listeners (ELB limits) ----
  { name: 'target group Port', set: (d, v) => (props(d, 'Tg').Port = v), atLimit: 65_535, over: 65_536, path: 'Resources.Tg.Properties.Port', message: 'Port must be between 1 and 65535' },
  { name: 'HealthCheckIntervalSeconds', set: (d, v) => (props(d, 'Tg').HealthCheckIntervalSeconds = v), atLimit: 300, over: 301, path: 'Resources.Tg.Properties.HealthCheckIntervalSeconds', message: 'HealthCheckIntervalSeconds must be between 5 and 300' },
  { name: 'HealthCheckIntervalSeconds low', set: (d, v) => ((props(d, 'Tg').HealthCheckIntervalSeconds = v), (props(d, 'Tg').HealthCheckTimeoutSeconds = 2)), atLimit: 5, over: 0, path: 'Resources.Tg.Properties.HealthCheckIntervalSeconds', message: 'HealthCheckIntervalSeconds must be between 5 and 300' },
  { name: 'HealthCheckTimeoutSeconds', set: (d, v) => ((props(d, 'Tg').HealthCheckTimeoutSeconds = v), (props(d, 'Tg').HealthCheckIntervalSeconds = 300)), atLimit: 120, over: 121, path: 'Resources.Tg.Properties.HealthCheckTimeoutSeconds', message: 'HealthCheckTimeoutSeconds must be between 2 and 120' },
  { name: 'HealthyThresholdCount', set: (d, v) => (props(d, 'Tg').HealthyThresholdCount = v), atLimit: 10, over: 11, path: 'Resources.Tg.Properties.HealthyThresholdCount', message: 'HealthyThresholdCount must be between 2 and 10' },
  { name: 'UnhealthyThresholdCount', set: (d, v) => (props(d, 'Tg').UnhealthyThresholdCount = v), atLimit: 10, over: 11, path: 'Resources.Tg.Properties.UnhealthyThresholdCount', message: 'UnhealthyThresholdCount must be between 2 and 10' },
  {
    name: 'deregistration delay attribute',
    set: (d, v) => (props(d, 'Tg').TargetGroupAttributes = [{ Key: 'deregistration_delay.timeout_seconds', Value: v }]),
    atLimit: '3600',
    over: '1e308',
    path: 'Resources.Tg.Properties.TargetGroupAttributes[0].Value',
    message: 'deregistration_delay.timeout_seconds must be between 0 and 3600',
  },
  { name: 'slow start attribute', set: (d, v) => (props(d, 'Tg').TargetGroupAttributes = [{ Key: 'slow_start.duration_seconds', Value: v }]), atLimit: '900', over: 'soon', path: 'Resources.Tg.Properties.TargetGroupAttributes[0].Value', message: 'slow_start.duration_seconds must be a number; got "soon"' },
  { name: 'listener Port', set: (d, v) => (props(d, 'Listener').Port = v), atLimit: 1, over: 0, path: 'Resources.Listener.Properties.Port', message: 'Port must be between 1 and 65535' },
  {
    name: 'forward Weight',
    set: (d, v) => (props(d, 'Listener').DefaultActions = [{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: { Ref: 'Tg' }, Weight: v }] } }]),
    atLimit: 999,
    over: 1_000,
    path: 'Resources.Listener.Properties.DefaultActions[0].ForwardConfig.TargetGroups[0].Weight',
    message: 'Weight must be between 0 and 999',
  },
  { name: 'action Order', set: (d, v) => (props(d, 'Listener').DefaultActions[0].Order = v), atLimit: 50_000, over: 50_001, path: 'Resources.Listener.Properties.DefaultActions[0].Order', message: 'Order must be between 1 and 50000' },
  {
    name: 'fixed-response StatusCode',
    set: (d, v) => (props(d, 'Listener').DefaultActions = [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: v } }]),
    atLimit: '599',
    over: '700',
    path: 'Resources.Listener.Properties.DefaultActions[0].FixedResponseConfig.StatusCode',
    message: 'StatusCode must be an HTTP status 2XX, 4XX or 5XX',
  },
  // ---- Lambda and RDS (their own limits) ----
  {
    name: 'Lambda ReservedConcurrentExecutions',
    set: (d, v) => (d.Resources.Fn = { Type: 'AWS::Lambda::Function', Properties: { FunctionName: 'fn', Runtime: 'nodejs20.x', Handler: 'index.handler', ReservedConcurrentExecutions: v } }),
    atLimit: 100_000,
    over: '100001',
    path: 'Resources.Fn.Properties.ReservedConcurrentExecutions',
    message: 'ReservedConcurrentExecutions 100001 must be at most 100000',
  },
  {
    name: 'Lambda Metadata DurationMs',
    set: (d, v) => (d.Resources.Fn = { Type: 'AWS::Lambda::Function', Metadata: { Simulation: { DurationMs: v } }, Properties: { FunctionName: 'fn', Runtime: 'nodejs20.x', Handler: 'index.handler' } }),
    atLimit: 900_000,
    over: 1e308,
    path: 'Resources.Fn.Metadata.Simulation.DurationMs',
    message: 'DurationMs must be at most 900000',
  },
  {
    name: 'RDS Iops',
    set: (d, v) => (d.Resources.Db = { Type: 'AWS::RDS::DBInstance', Properties: { Engine: 'mysql', DBInstanceClass: 'db.r6g.large', AllocatedStorage: 100, StorageType: 'io2', Iops: v } }),
    atLimit: 256_000,
    over: 256_001,
    path: 'Resources.Db.Properties.Iops',
    message: 'Iops 256001 must be between 0 and 256000',
  },
  // ---- Simulation ----
  { name: 'StartTime', set: (d, v) => (d.Simulation.StartTime = v), atLimit: '2100-01-01T00:00:00Z', over: '2100-01-01T00:00:01Z', path: 'Simulation.StartTime', message: 'StartTime must be between 2000-01-01T00:00:00.000Z and 2100-01-01T00:00:00.000Z' },
  { name: 'InstanceBootTime', set: (d, v) => (d.Simulation.InstanceBootTime = v), atLimit: '1h', over: '3601s', path: 'Simulation.InstanceBootTime', message: 'InstanceBootTime must be between 0 and 3600 seconds' },
  { name: 'Latency', set: (d, v) => (d.Simulation.Latency.EU['us-east-1'] = v), atLimit: 60_000, over: 60_001, path: 'Simulation.Latency.EU.us-east-1', message: 'Latency must be between 0 and 60000' },
  { name: 'Seed', set: (d, v) => (d.Simulation.Seed = v), atLimit: Number.MAX_SAFE_INTEGER, over: 1e21, path: 'Simulation.Seed', message: 'Seed must be between' },
  // ---- Traffic ----
  { name: 'Rate', set: (d, v) => (d.Traffic[0].Rate = v), atLimit: 1_000_000, over: 1e308, path: 'Traffic[0].Rate', message: 'Rate must be between 0 and 1000000 (requests per second of one population); got 1e+308' },
  { name: 'Ramp To', set: (d, v) => (d.Traffic[0].Rate = { Ramp: { From: 0, To: v, Over: '10m' } }), atLimit: 1_000_000, over: 1_000_001, path: 'Traffic[0].Rate.Ramp.To', message: 'Rate must be between 0 and 1000000' },
  { name: 'Ramp Over', set: (d, v) => (d.Traffic[0].Rate = { Ramp: { From: 0, To: 10, Over: v } }), atLimit: '366d', over: '367d', path: 'Traffic[0].Rate.Ramp.Over', message: 'must be between 0 and 31622400 seconds (366 days)' },
  { name: 'Spike At as 400 digits', set: (d, v) => (d.Traffic[0].Rate = { Spike: { Base: 1, Peak: 2, At: v, Duration: '1m' } }), atLimit: '31622400', over: '9'.repeat(400), path: 'Traffic[0].Rate.Spike.At', message: 'must be between 0 and 31622400 seconds (366 days)' },
  { name: 'Rate Points', set: (d, v) => (d.Traffic[0].Rate = { Points: repeat(v as number, (i) => [i * 60, 10]) }), atLimit: 1_000, over: 1_001, path: 'Traffic[0].Rate.Points', message: 'Points has 1001 entries; at most 1000 are allowed' },
  { name: 'Requests', set: (d, v) => (d.Traffic[0].Requests = repeat(v as number, (i) => ({ Path: `/p${i}`, Share: 1 }))), atLimit: 100, over: 101, path: 'Traffic[0].Requests', message: 'Requests has 101 entries; at most 100 are allowed' },
  { name: 'Share', set: (d, v) => (d.Traffic[0].Requests = [{ Path: '/', Share: v }]), atLimit: 1_000_000, over: 1e300, path: 'Traffic[0].Requests[0].Share', message: 'Share must be between' },
  { name: 'CpuPerRequest', set: (d, v) => (d.Traffic[0].CpuPerRequest = v), atLimit: '60s', over: '61s', path: 'Traffic[0].CpuPerRequest', message: 'CpuPerRequest must be between 0 and 60 seconds' },
  { name: 'populations', set: (d, v) => (d.Traffic = repeat(v as number, (i) => ({ Name: `c${i}`, Target: { 'Fn::GetAtt': ['Alb', 'DNSName'] }, Rate: 1 }))), atLimit: 1_000, over: 1_001, path: 'Traffic', message: 'Traffic has 1001 entries; at most 1000 are allowed' },
  // ---- Faults and Actions ----
  { name: 'fault At', set: (d, v) => (d.Faults[0].At = v), atLimit: '366d', over: '367d', path: 'Faults[0].At', message: 'At must be at most 366 days (31622400 s) after the start' },
  { name: 'fault Duration', set: (d, v) => (d.Faults[0].Duration = v), atLimit: '366d', over: '1e308', path: 'Faults[0].Duration', message: 'Duration must be a duration such as 5m, at most 366 days' },
  { name: 'TerminateInstances Count', set: (d, v) => (d.Faults[0].Count = v), atLimit: 10_000, over: 10_001, path: 'Faults[0].Count', message: 'Count must be between 1 and 10000' },
  { name: 'TerminateInstances InstanceIds', set: (d, v) => ((d.Faults[0].Count = undefined), (d.Faults[0].InstanceIds = repeat(v as number, (i) => `i-${i}`))), atLimit: 10_000, over: 10_001, path: 'Faults[0].InstanceIds', message: 'InstanceIds has 10001 entries; at most 10000 are allowed' },
  { name: 'MultiplyTraffic Factor', set: (d, v) => (d.Faults = [{ At: '1m', Type: 'MultiplyTraffic', Factor: v }]), atLimit: 1_000, over: 1_001, path: 'Faults[0].Factor', message: 'Factor must be between' },
  { name: 'Faults entries', set: (d, v) => (d.Faults = repeat(v as number, (i) => ({ At: `${i}s`, Type: 'MultiplyTraffic', Factor: 1 }))), atLimit: 10_000, over: 10_001, path: 'Faults', message: 'Faults has 10001 entries; at most 10000 are allowed' },
  { name: 'SetDesiredCapacity', set: (d, v) => ((groupOf(d).MaxSize = 10_000), (d.Actions[0].DesiredCapacity = v)), atLimit: 10_000, over: 1_000_000, path: 'Actions[0].DesiredCapacity', message: 'DesiredCapacity must be between 0 and 10000 (instances per Auto Scaling group in the simulator); got 1000000' },
  { name: 'ExecutePolicy MetricValue', set: (d, v) => (d.Actions = [{ At: '1m', Type: 'ExecutePolicy', AutoScalingGroupName: 'web-asg', PolicyName: 'p', MetricValue: v }]), atLimit: 1e15, over: 1e16, path: 'Actions[0].MetricValue', message: 'MetricValue must be between' },
];

// Some cases load 10,000 entries twice: generous timeouts for a busy machine (no timing is asserted).
const SLOW = { timeout: 120_000 };

describe('scenario limits: each numeric field is bounded, the limit in the message', SLOW, () => {
  it('the base scenario loads', () => {
    expect(errorsOf(base())).toEqual([]);
  });

  it.each(CASES)('$name: accepted at the limit ($atLimit), refused past it ($over) at $path', ({ set, atLimit, over, path, message }) => {
    const ok = base();
    set(ok, atLimit);
    expect(errorsOf(ok)).toEqual([]);
    const bad = base();
    set(bad, over);
    const errors = errorsOf(bad);
    const found = errors.find((e) => e.path === path);
    expect(found, `errors: ${JSON.stringify(errors)}`).toBeDefined();
    expect(found!.message).toContain(message);
    // Where a line is known, it is given (the field's own line or its closest ancestor's).
    expect(found!.line).toBeGreaterThan(0);
  });
});

describe('instance caps across a scenario', SLOW, () => {
  function groups(doc: Doc, sizes: number[]): void {
    delete doc.Resources.Step;
    delete doc.Resources.Simple;
    delete doc.Resources.Tracking;
    delete doc.Resources.High;
    delete doc.Resources.Nightly;
    sizes.forEach((size, index) => {
      doc.Resources[`Asg${index}`] = { Type: 'AWS::AutoScaling::AutoScalingGroup', Properties: { MinSize: 0, MaxSize: size, AvailabilityZones: ['us-east-1a'] } };
    });
    groupOf(doc).MaxSize = 1;
    groupOf(doc).DesiredCapacity = 1;
  }

  it('accepts groups whose sizes add up to 20,000 and refuses one instance more, naming the limit', () => {
    const ok = base();
    groups(ok, [10_000, 9_999]);
    expect(errorsOf(ok)).toEqual([]);
    const bad = base();
    groups(bad, [10_000, 10_000]);
    const errors = errorsOf(bad);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toBe('the Auto Scaling groups of this scenario can reach 20001 instances (the sum of their MaxSize, scheduled actions included); the simulator runs at most 20000 in one scenario');
    expect(errors[0]!.path).toBe('Resources.Asg1.Properties.MaxSize');
  });

  it('counts a larger MaxSize that a scheduled action sets', () => {
    const doc = base();
    groups(doc, [10_000, 9_999]);
    doc.Resources.Grow = { Type: 'AWS::AutoScaling::ScheduledAction', Properties: { AutoScalingGroupName: 'web-asg', Recurrence: '0 2 * * *', MaxSize: 2 } };
    expect(errorsOf(doc).map((e) => e.message)).toContain('the Auto Scaling groups of this scenario can reach 20001 instances (the sum of their MaxSize, scheduled actions included); the simulator runs at most 20000 in one scenario');
  });

  it('refuses a 501st Auto Scaling group (the AWS quota per Region)', () => {
    const doc = base();
    groups(doc, repeat(499, () => 1));
    expect(errorsOf(doc)).toEqual([]);
    doc.Resources.Extra = { Type: 'AWS::AutoScaling::AutoScalingGroup', Properties: { MinSize: 0, MaxSize: 1, AvailabilityZones: ['us-east-1a'] } };
    expect(errorsOf(doc).map((e) => e.message)).toContain('this scenario has 501 Auto Scaling groups; AWS allows 500 per Region (as-account-limits.html)');
  });

  it('refuses a 51st scaling policy and a 126th scheduled action on one group (AWS quotas)', () => {
    const doc = base();
    // Step, Simple and Tracking are three already.
    for (let i = 0; i < 47; i++) doc.Resources[`P${i}`] = { Type: 'AWS::AutoScaling::ScalingPolicy', Properties: { AutoScalingGroupName: 'web-asg', AdjustmentType: 'ChangeInCapacity', ScalingAdjustment: 1 } };
    for (let i = 0; i < 124; i++) doc.Resources[`S${i}`] = { Type: 'AWS::AutoScaling::ScheduledAction', Properties: { AutoScalingGroupName: 'web-asg', Recurrence: '0 2 * * *', DesiredCapacity: 1 } };
    expect(errorsOf(doc)).toEqual([]);
    doc.Resources.P47 = doc.Resources.P0;
    doc.Resources.S124 = doc.Resources.S0;
    const messages = errorsOf(doc).map((e) => e.message);
    expect(messages).toContain('web-asg has 51 scaling policies; AWS allows 50 per Auto Scaling group (as-account-limits.html)');
    expect(messages).toContain('web-asg has 126 scheduled actions; AWS allows 125 per Auto Scaling group (as-account-limits.html)');
  });
});

describe('the fault and action parameters the live simulator validates are bounded too', () => {
  it('refuses SetDesiredCapacity above the group cap and MultiplyTraffic above its factor', () => {
    expect(ACTION_PARAMETERS.SetDesiredCapacity.safeParse({ AutoScalingGroupName: 'g', DesiredCapacity: 10_001 }).success).toBe(false);
    expect(ACTION_PARAMETERS.SetDesiredCapacity.safeParse({ AutoScalingGroupName: 'g', DesiredCapacity: 10_000 }).success).toBe(true);
    expect(FAULT_PARAMETERS.RaiseReplicaLag.safeParse({ DBInstanceIdentifier: 'db', LagSeconds: 604_800 }).success).toBe(true);
    expect(FAULT_PARAMETERS.RaiseReplicaLag.safeParse({ DBInstanceIdentifier: 'db', LagSeconds: 604_801 }).success).toBe(false);
    expect(FAULT_PARAMETERS.LimitFunctionConcurrency.safeParse({ FunctionName: 'f', ReservedConcurrentExecutions: 100_001 }).success).toBe(false);
  });
});

describe('scenario text size', () => {
  it('refuses text longer than the 16 MiB cap before parsing it, saying the cap', () => {
    const text = `# ${'x'.repeat(MAX_SCENARIO_BYTES)}\n`;
    expect(() => loadScenario(text, { file: 'huge.yaml' })).toThrow(`huge.yaml: error: the scenario is ${text.length} characters, more than the 16 MiB allowed`);
  });
});

describe('large files stay linear to load', SLOW, () => {
  it('reports a repeated key with its line (checked in one pass, not by comparing every pair of keys)', () => {
    const yaml = 'Resources:\n  Alb: { Type: AWS::ElasticLoadBalancingV2::LoadBalancer }\n  Alb: { Type: AWS::ElasticLoadBalancingV2::LoadBalancer }\n';
    // A warning, the last value used, as CloudFormation does (yaml-hostile.test.ts).
    expect(loadScenario(yaml, { file: 'dup.yaml' }).warnings).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'yaml.duplicateKey', params: { key: 'Alb' }, line: 3, column: 3 }));
  });

  it('lists the first 1000 problems and counts the rest', () => {
    const lines = ['Resources:', '  Alb: { Type: AWS::ElasticLoadBalancingV2::LoadBalancer }'];
    for (let i = 0; i < 1500; i++) lines.push(`  Queue${i}: { Type: AWS::SQS::Queue }`);
    const scenario = loadScenario(lines.join('\n'), { file: 'many.yaml' });
    expect(scenario.warnings).toHaveLength(1001);
    // Each warning still has its own line (found through an index of the map's keys).
    expect(scenario.warnings[999]!.line).toBe(1002);
    expect(scenario.warnings[1000]!.message).toBe('… and 500 more problems (0 errors) not listed; only the first 1000 are shown');
  });
});
