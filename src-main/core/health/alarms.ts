/**
 * CloudWatch alarms. An alarm in ALARM is degradation — except the alarms that exist to scale:
 * the ones target tracking creates and manages (`TargetTracking-<group>-AlarmHigh-<uuid>` and
 * `…-AlarmLow-…`; AlarmLow is in ALARM whenever the group could scale in) and alarms whose every
 * action is an Auto Scaling policy. Those are shown as scaling state, not as a problem.
 * docs.aws.amazon.com/autoscaling/ec2/userguide/as-scaling-target-tracking.html
 */
import type { AutoScalingGroup, HealthReason, MetricAlarm, ResourceHealth } from '../contract/model';
import type { HealthInput } from './input';
import { reason, resource } from './status';

const TARGET_TRACKING = /^TargetTracking-(.+)-Alarm(High|Low)-[0-9a-f-]{36}$/;
const SCALING_POLICY_ARN = /^arn:aws[a-z-]*:autoscaling:/;

export interface ScalingAlarm {
  direction: 'high' | 'low' | 'step';
  group?: string;
}

/** Whether an alarm is a scaling trigger, and which way it scales. */
export function scalingAlarm(alarm: Pick<MetricAlarm, 'alarmName' | 'alarmActions'>, groups: readonly AutoScalingGroup[] | PolicyAlarms = []): ScalingAlarm | undefined {
  const managed = TARGET_TRACKING.exec(alarm.alarmName);
  if (managed) return { direction: managed[2] === 'High' ? 'high' : 'low', group: managed[1] };
  const owner = (groups instanceof Map ? groups : policyAlarms(groups)).get(alarm.alarmName);
  if (owner?.targetTracking) return { direction: /low/i.test(alarm.alarmName) ? 'low' : 'high', group: owner.group };
  if (alarm.alarmActions.length > 0 && alarm.alarmActions.every((action) => SCALING_POLICY_ARN.test(action))) return { direction: 'step', ...(owner ? { group: owner.group } : {}) };
  return undefined;
}

/** Alarm name → the group whose policy names it, and whether that policy tracks a target. */
type PolicyAlarms = Map<string, { group: string; targetTracking: boolean }>;

function policyAlarms(groups: readonly AutoScalingGroup[]): PolicyAlarms {
  const owners: PolicyAlarms = new Map();
  for (const group of groups) {
    for (const policy of group.policies) {
      for (const name of policy.alarmNames) {
        const targetTracking = policy.policyType === 'TargetTrackingScaling' || owners.get(name)?.targetTracking === true;
        owners.set(name, { group: group.autoScalingGroupName, targetTracking });
      }
    }
  }
  return owners;
}

export function evaluateAlarms(input: HealthInput): { resources: ResourceHealth[]; counts: Record<string, number>; allInsufficient: boolean } {
  const alarms = input.inventory.alarms;
  const groups = policyAlarms(input.inventory.autoScalingGroups);
  let inAlarm = 0;
  let scaling = 0;
  const resources = alarms.map((alarm) => {
    const reasons: HealthReason[] = [];
    const trigger = scalingAlarm(alarm, groups);
    // A scaling alarm is marked as such in every state, so that its history can be read as scaling too.
    if (trigger) reasons.push(reason('alarm.scaling', 'ok', alarm.alarmName, { direction: trigger.direction, state: alarm.stateValue, ...(trigger.group ? { group: trigger.group } : {}) }));
    if (alarm.stateValue === 'ALARM' && trigger) {
      scaling++;
    } else if (alarm.stateValue === 'ALARM') {
      inAlarm++;
      reasons.push(reason('alarm.inAlarm', 'degraded', alarm.alarmName, { metric: alarm.metricName ?? '', ...(alarm.threshold !== undefined ? { threshold: alarm.threshold } : {}) }));
    } else if (alarm.stateValue === 'INSUFFICIENT_DATA' && !trigger) {
      reasons.push(reason('alarm.insufficientData', 'unknown', alarm.alarmName, {}));
    }
    return resource('alarm', alarm.alarmArn ?? alarm.alarmName, alarm.alarmName, reasons);
  });
  return {
    resources,
    counts: { alarms: alarms.length, inAlarm, scaling },
    allInsufficient: alarms.length > 0 && alarms.every((a) => a.stateValue === 'INSUFFICIENT_DATA'),
  };
}
