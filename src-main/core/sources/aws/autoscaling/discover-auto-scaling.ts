/**
 * Auto Scaling groups with their instances, scaling policies and scheduled actions, plus recent
 * scaling activities — all paginated with the SDK paginators (NextToken).
 * docs.aws.amazon.com/autoscaling/ec2/APIReference/API_Operations.html
 */
import {
  paginateDescribeAutoScalingGroups,
  paginateDescribePolicies,
  paginateDescribeScalingActivities,
  paginateDescribeScheduledActions,
  type Activity,
  type AutoScalingClient,
  type AutoScalingGroup as AutoScalingGroupSdk,
  type ScalingPolicy,
  type ScheduledUpdateGroupAction,
} from '@aws-sdk/client-auto-scaling';
import { ActivityStatusCode, AutoScalingGroup, LifecycleState, ScalingPolicySummary, type ScalingActivity, type ScheduledAction } from '../../../contract/model';
import { definedFields } from '../../../defined-fields';
import { iso } from '../iso';

function toPolicy(policy: ScalingPolicy): ScalingPolicySummary {
  const tt = policy.TargetTrackingConfiguration;
  return definedFields({
    policyName: policy.PolicyName ?? '',
    policyARN: policy.PolicyARN,
    policyType: ScalingPolicySummary.shape.policyType.catch('SimpleScaling').parse(policy.PolicyType ?? 'SimpleScaling'),
    adjustmentType: ScalingPolicySummary.shape.adjustmentType.catch(undefined).parse(policy.AdjustmentType),
    scalingAdjustment: policy.ScalingAdjustment,
    minAdjustmentMagnitude: policy.MinAdjustmentMagnitude,
    cooldown: policy.Cooldown,
    stepAdjustments: policy.StepAdjustments?.map((s) =>
      definedFields({ metricIntervalLowerBound: s.MetricIntervalLowerBound, metricIntervalUpperBound: s.MetricIntervalUpperBound, scalingAdjustment: s.ScalingAdjustment ?? 0 }),
    ),
    estimatedInstanceWarmup: policy.EstimatedInstanceWarmup,
    targetValue: tt?.TargetValue,
    predefinedMetricType: tt?.PredefinedMetricSpecification?.PredefinedMetricType,
    disableScaleIn: tt?.DisableScaleIn,
    enabled: policy.Enabled,
    alarmNames: (policy.Alarms ?? []).map((a) => a.AlarmName ?? '').filter(Boolean),
  });
}

/**
 * For a recurring action StartTime is its next run ("the date and time for the recurring schedule
 * to start" is advanced by Auto Scaling after each run), so a future StartTime is the next marker.
 */
function toScheduledAction(action: ScheduledUpdateGroupAction, now: number): ScheduledAction {
  const start = action.StartTime?.getTime();
  return definedFields({
    scheduledActionName: action.ScheduledActionName ?? '',
    recurrence: action.Recurrence,
    startTime: iso(action.StartTime),
    endTime: iso(action.EndTime),
    timeZone: action.TimeZone,
    minSize: action.MinSize,
    maxSize: action.MaxSize,
    desiredCapacity: action.DesiredCapacity,
    nextRunTime: start !== undefined && start >= now ? iso(action.StartTime) : undefined,
  });
}

export function toScalingActivity(activity: Activity): ScalingActivity {
  return definedFields({
    activityId: activity.ActivityId ?? '',
    autoScalingGroupName: activity.AutoScalingGroupName ?? '',
    cause: activity.Cause ?? '',
    description: activity.Description ?? '',
    startTime: iso(activity.StartTime) ?? new Date(0).toISOString(),
    endTime: iso(activity.EndTime),
    statusCode: ActivityStatusCode.catch('InProgress').parse(activity.StatusCode),
    statusMessage: activity.StatusMessage,
    progress: Math.min(100, Math.max(0, activity.Progress ?? 0)),
  });
}

/**
 * Scaling policies and scheduled actions per group name: configuration that changes rarely, read
 * on the slow settings cadence (poll-plan.ts) or when a group appears that they were not read for.
 */
export interface AutoScalingSettings {
  policies: ReadonlyMap<string, ScalingPolicySummary[]>;
  scheduled: ReadonlyMap<string, ScheduledAction[]>;
  /** The groups these were read for: a group not among them makes the settings due at once. */
  groupNames: ReadonlySet<string>;
}

export function autoScalingSettingsOf(groups: readonly AutoScalingGroup[]): AutoScalingSettings {
  return {
    policies: new Map(groups.map((g) => [g.autoScalingGroupName, g.policies])),
    scheduled: new Map(groups.map((g) => [g.autoScalingGroupName, g.scheduledActions])),
    groupNames: new Set(groups.map((g) => g.autoScalingGroupName)),
  };
}

export async function describeAutoScalingSettings(client: AutoScalingClient, now: number, groupNames: ReadonlySet<string>): Promise<AutoScalingSettings> {
  const policies = new Map<string, ScalingPolicySummary[]>();
  for await (const page of paginateDescribePolicies({ client }, {})) {
    for (const policy of page.ScalingPolicies ?? []) {
      const list = policies.get(policy.AutoScalingGroupName ?? '') ?? [];
      list.push(toPolicy(policy));
      policies.set(policy.AutoScalingGroupName ?? '', list);
    }
  }
  const scheduled = new Map<string, ScheduledAction[]>();
  for await (const page of paginateDescribeScheduledActions({ client }, {})) {
    for (const action of page.ScheduledUpdateGroupActions ?? []) {
      const list = scheduled.get(action.AutoScalingGroupName ?? '') ?? [];
      list.push(toScheduledAction(action, now));
      scheduled.set(action.AutoScalingGroupName ?? '', list);
    }
  }
  return { policies, scheduled, groupNames };
}

/**
 * `held`: policies and scheduled actions to reuse; they are read (one paginated call each, for
 * every group) when not given or when a group appears that they were not read for.
 */
export async function discoverAutoScaling(client: AutoScalingClient, now: number, held?: AutoScalingSettings): Promise<AutoScalingGroup[]> {
  const described: AutoScalingGroupSdk[] = [];
  for await (const page of paginateDescribeAutoScalingGroups({ client }, {})) described.push(...(page.AutoScalingGroups ?? []));
  const names = new Set(described.map((g) => g.AutoScalingGroupName ?? ''));
  // A scheduled action that has run since has a new StartTime (its next run): read them again.
  const ranSince = held && [...held.scheduled.values()].flat().some((a) => a.nextRunTime !== undefined && Date.parse(a.nextRunTime) < now);
  const settings = held && !ranSince && [...names].every((name) => held.groupNames.has(name)) ? held : await describeAutoScalingSettings(client, now, names);
  const { policies, scheduled } = settings;
  const groups: AutoScalingGroup[] = [];
  for (const g of described) {
    const name = g.AutoScalingGroupName ?? '';
    groups.push(
      definedFields({
        autoScalingGroupName: name,
        autoScalingGroupARN: g.AutoScalingGroupARN,
        minSize: g.MinSize ?? 0,
        maxSize: g.MaxSize ?? 0,
        desiredCapacity: g.DesiredCapacity ?? 0,
        defaultCooldown: g.DefaultCooldown ?? 300,
        defaultInstanceWarmup: g.DefaultInstanceWarmup,
        healthCheckType: AutoScalingGroup.shape.healthCheckType.catch('EC2').parse(g.HealthCheckType),
        healthCheckGracePeriod: g.HealthCheckGracePeriod ?? 0,
        availabilityZones: g.AvailabilityZones ?? [],
        targetGroupARNs: g.TargetGroupARNs ?? [],
        launchTemplateName: g.LaunchTemplate?.LaunchTemplateName ?? g.MixedInstancesPolicy?.LaunchTemplate?.LaunchTemplateSpecification?.LaunchTemplateName ?? g.LaunchConfigurationName,
        instanceType: g.Instances?.[0]?.InstanceType,
        instances: (g.Instances ?? []).map((i) =>
          definedFields({
            instanceId: i.InstanceId ?? '',
            instanceType: i.InstanceType,
            availabilityZone: i.AvailabilityZone ?? '',
            lifecycleState: LifecycleState.catch('Pending').parse(i.LifecycleState),
            healthStatus: i.HealthStatus === 'Unhealthy' ? ('Unhealthy' as const) : ('Healthy' as const),
          }),
        ),
        policies: policies.get(name) ?? [],
        scheduledActions: scheduled.get(name) ?? [],
        createdTime: iso(g.CreatedTime),
        enabledMetrics: (g.EnabledMetrics ?? []).map((m) => m.Metric ?? '').filter(Boolean),
      }),
    );
  }
  return groups;
}

/**
 * Scaling activities, newest first (the API's order), across all groups. Stops paging at an
 * activity already held in a final state — everything older is known — or after `limit`.
 */
export async function discoverScalingActivities(client: AutoScalingClient, known: ReadonlyMap<string, ScalingActivity>, limit = 500): Promise<ScalingActivity[]> {
  const found: ScalingActivity[] = [];
  outer: for await (const page of paginateDescribeScalingActivities({ client }, { MaxRecords: 100 })) {
    for (const activity of page.Activities ?? []) {
      const mapped = toScalingActivity(activity);
      const previous = known.get(mapped.activityId);
      if (previous && isFinal(previous) && previous.statusCode === mapped.statusCode) break outer;
      found.push(mapped);
      if (found.length >= limit) break outer;
    }
  }
  return found;
}

export function isFinal(activity: ScalingActivity): boolean {
  return activity.statusCode === 'Successful' || activity.statusCode === 'Failed' || activity.statusCode === 'Cancelled';
}
