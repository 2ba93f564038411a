/**
 * CloudFormation → Auto Scaling groups, their policies and scheduled actions, and the alarm pair of
 * each target-tracking policy (the scenario's own AWS::CloudWatch::Alarm resources: cloudwatch/build-alarms.ts).
 */
import { addAlarm } from '../cloudwatch/build-alarms';
import { GROUP_METRICS } from './group-metrics';
import { newUuid } from '../sim-context';
import { createRandom } from '../kernel/random';
import { ACCOUNT_ID, availabilityZonesOf, type LoadedResource, type ScenarioModel } from '../scenario/load-scenario';
import type { World } from '../world';
import type { SimAutoScalingGroup, SimScalingPolicy, SimScheduledAction } from './asg-state';
import { parseCron, nextCronTime } from './cron';
import { targetTrackingAlarms } from './target-tracking';
import { vcpusOf } from '../../../instance-model';

// The vCPU table is shared with the twin's calibration (core/twin), which must fit what the simulator runs.
export { vcpusOf } from '../../../instance-model';

const ofType = (scenario: ScenarioModel, type: string): LoadedResource[] => scenario.resources.filter((r) => r.type === type);

interface GroupProps {
  MetricsCollection?: { Granularity: string; Metrics?: string[] }[];
  MinSize: number;
  MaxSize: number;
  DesiredCapacity?: number;
  Cooldown?: number;
  DefaultInstanceWarmup?: number;
  AvailabilityZones?: string[];
  VPCZoneIdentifier?: string[];
  HealthCheckType?: string;
  HealthCheckGracePeriod?: number;
  TargetGroupARNs?: string[];
  LaunchTemplate?: { LaunchTemplateId?: string; LaunchTemplateName?: string };
  LaunchConfigurationName?: string;
}

export function buildAsg(scenario: ScenarioModel, world: World): void {
  // EC2-1: a launch template has basic (5-minute) monitoring unless Monitoring.Enabled; a launch
  // configuration has detailed (1-minute) monitoring unless InstanceMonitoring is false (AWS defaults).
  const templates = new Map<string, { name: string; instanceType: string; detailedMonitoring: boolean }>();
  for (const resource of ofType(scenario, 'AWS::EC2::LaunchTemplate')) {
    const data = (resource.properties as { LaunchTemplateData?: { InstanceType?: string; Monitoring?: { Enabled?: boolean } } }).LaunchTemplateData;
    const entry = { name: resource.identity.name, instanceType: data?.InstanceType ?? 't3.micro', detailedMonitoring: data?.Monitoring?.Enabled === true };
    templates.set(resource.ref, entry);
    templates.set(resource.identity.name, entry);
  }
  for (const resource of ofType(scenario, 'AWS::AutoScaling::LaunchConfiguration')) {
    const lc = resource.properties as { InstanceType: string; InstanceMonitoring?: boolean };
    templates.set(resource.ref, { name: resource.identity.name, instanceType: lc.InstanceType, detailedMonitoring: lc.InstanceMonitoring !== false });
  }

  for (const resource of ofType(scenario, 'AWS::AutoScaling::AutoScalingGroup')) {
    const p = resource.properties as unknown as GroupProps;
    const templateRef = p.LaunchTemplate?.LaunchTemplateId ?? p.LaunchTemplate?.LaunchTemplateName ?? p.LaunchConfigurationName;
    const template = templateRef ? templates.get(templateRef) : undefined;
    const instanceType = template?.instanceType ?? 't3.micro';
    // Subnets carry no AZ here; spread them over the region's AZs in order, as a VPC template usually does.
    const zones = availabilityZonesOf(resource.identity.region);
    const availabilityZones = p.AvailabilityZones ?? [...new Set((p.VPCZoneIdentifier ?? []).map((_, i) => zones[i % zones.length]!))];
    const group: SimAutoScalingGroup = {
      name: resource.identity.name,
      minSize: p.MinSize,
      maxSize: p.MaxSize,
      // Created at 0; the service raises it to DesiredCapacity (default MinSize) at t = 0 as AWS does.
      desiredCapacity: 0,
      defaultCooldown: p.Cooldown ?? 300,
      defaultInstanceWarmup: p.DefaultInstanceWarmup,
      detailedMonitoring: template?.detailedMonitoring ?? false,
      basicCpu: { sum: 0, count: 0 },
      metricsCollection: new Set((p.MetricsCollection ?? []).flatMap((c) => c.Metrics ?? [...GROUP_METRICS])),
      healthCheckType: p.HealthCheckType === 'ELB' ? 'ELB' : 'EC2',
      // ASG-8: the API default grace period is 0 s (the console's is 300 s).
      healthCheckGracePeriod: p.HealthCheckGracePeriod ?? 0,
      availabilityZones,
      targetGroupArns: p.TargetGroupARNs ?? [],
      instanceType,
      vcpus: vcpusOf(instanceType, scenario.simulation.instanceTypes),
      launchTemplateName: template?.name,
      instances: new Map(),
      policies: [],
      activities: [],
      scheduledActions: [],
    };
    world.autoScalingGroups.set(group.name, group);
  }

  const ids = createRandom(scenario.simulation.seed, 'policy-ids');
  for (const resource of ofType(scenario, 'AWS::AutoScaling::ScalingPolicy')) {
    const p = resource.properties as {
      AutoScalingGroupName: string;
      PolicyType?: string;
      AdjustmentType?: 'ChangeInCapacity' | 'ExactCapacity' | 'PercentChangeInCapacity';
      ScalingAdjustment?: number;
      MinAdjustmentMagnitude?: number;
      Cooldown?: number;
      EstimatedInstanceWarmup?: number;
      StepAdjustments?: { MetricIntervalLowerBound?: number; MetricIntervalUpperBound?: number; ScalingAdjustment: number }[];
      TargetTrackingConfiguration?: { TargetValue: number; DisableScaleIn?: boolean; PredefinedMetricSpecification?: { PredefinedMetricType: string; ResourceLabel?: string } };
    };
    const group = world.autoScalingGroups.get(p.AutoScalingGroupName);
    if (!group) continue;
    const base = {
      policyName: resource.identity.name,
      logicalId: resource.logicalId,
      policyArn: resource.ref.replace('autoScalingGroupName/*', `autoScalingGroupName/${group.name}`),
      autoScalingGroupName: group.name,
      enabled: true,
      estimatedInstanceWarmup: p.EstimatedInstanceWarmup,
    };
    let policy: SimScalingPolicy;
    const type = p.PolicyType ?? 'SimpleScaling';
    if (type === 'TargetTrackingScaling' && p.TargetTrackingConfiguration) {
      policy = {
        ...base,
        policyType: 'TargetTrackingScaling',
        targetValue: p.TargetTrackingConfiguration.TargetValue,
        predefinedMetricType: p.TargetTrackingConfiguration.PredefinedMetricSpecification?.PredefinedMetricType ?? 'ASGAverageCPUUtilization',
        resourceLabel: p.TargetTrackingConfiguration.PredefinedMetricSpecification?.ResourceLabel,
        disableScaleIn: p.TargetTrackingConfiguration.DisableScaleIn ?? false,
        alarmHigh: `TargetTracking-${group.name}-AlarmHigh-${newUuid(ids)}`,
        alarmLow: `TargetTracking-${group.name}-AlarmLow-${newUuid(ids)}`,
      };
    } else if (type === 'StepScaling') {
      policy = {
        ...base,
        policyType: 'StepScaling',
        adjustmentType: p.AdjustmentType ?? 'ChangeInCapacity',
        minAdjustmentMagnitude: p.MinAdjustmentMagnitude,
        stepAdjustments: (p.StepAdjustments ?? []).map((s) => ({ lower: s.MetricIntervalLowerBound, upper: s.MetricIntervalUpperBound, adjustment: s.ScalingAdjustment })),
      };
    } else {
      policy = {
        ...base,
        policyType: 'SimpleScaling',
        adjustmentType: p.AdjustmentType ?? 'ChangeInCapacity',
        scalingAdjustment: p.ScalingAdjustment ?? 0,
        minAdjustmentMagnitude: p.MinAdjustmentMagnitude,
        cooldown: p.Cooldown,
      };
    }
    group.policies.push(policy);
    world.policiesByArn.set(policy.policyArn, policy);
    // Alarms name policies by the ARN CloudFormation returns (with the `*` group placeholder) too.
    world.policiesByArn.set(resource.ref, policy);
    if (policy.policyType === 'TargetTrackingScaling') {
      for (const definition of targetTrackingAlarms(policy, resource.identity.region, ACCOUNT_ID)) addAlarm(world, definition, scenario.simulation.startTime);
    }
  }

  for (const resource of ofType(scenario, 'AWS::AutoScaling::ScheduledAction')) {
    const p = resource.properties as { AutoScalingGroupName: string; DesiredCapacity?: number; MinSize?: number; MaxSize?: number; Recurrence?: string; StartTime?: string; EndTime?: string; TimeZone?: string };
    const group = world.autoScalingGroups.get(p.AutoScalingGroupName);
    if (!group) continue;
    const action: SimScheduledAction = {
      name: resource.identity.name,
      autoScalingGroupName: group.name,
      recurrence: p.Recurrence,
      timeZone: p.TimeZone,
      startTime: p.StartTime ? Date.parse(p.StartTime) : undefined,
      endTime: p.EndTime ? Date.parse(p.EndTime) : undefined,
      minSize: p.MinSize,
      maxSize: p.MaxSize,
      desiredCapacity: p.DesiredCapacity,
    };
    action.nextRun = nextScheduledRun(action, scenario.simulation.startTime - 1);
    group.scheduledActions.push(action);
  }
}

/**
 * The next run strictly after `afterMs`, honouring StartTime/EndTime; undefined when it is over.
 * ASG-17: with Recurrence and StartTime the action runs first at StartTime, then on the recurrence,
 * never after EndTime (API_PutScheduledUpdateGroupAction: "If you specify Recurrence and StartTime,
 * Amazon EC2 Auto Scaling performs the action at this time, and then performs the action based on the
 * specified recurrence").
 */
export function nextScheduledRun(action: SimScheduledAction, afterMs: number): number | undefined {
  if (!action.recurrence) return action.startTime !== undefined && action.startTime > afterMs ? action.startTime : undefined;
  if (action.startTime !== undefined && action.startTime > afterMs) return action.endTime !== undefined && action.startTime > action.endTime ? undefined : action.startTime;
  const from = action.startTime !== undefined ? Math.max(afterMs, action.startTime) : afterMs;
  const next = nextCronTime(parseCron(action.recurrence), from, action.timeZone);
  if (next === undefined || (action.endTime !== undefined && next > action.endTime)) return undefined;
  return next;
}
