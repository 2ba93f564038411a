/**
 * A scaling activity as the simulator keeps it: the facts its cause and description are made of (who
 * asked, the capacities, the instance), not the sentences. AWS writes each cause as long sentences
 * (docs.aws.amazon.com/autoscaling/ec2/userguide/as-verify-scaling-activity.html); held as strings, the
 * groups' kept activities (up to 600 per group) were ~860 bytes each, over half of the live heap at 10,000
 * instances (issue 15 item 6). The sentences are written when an activity is read (inventory, report,
 * live push), from the same facts, so they are the same bytes.
 */
import type { ActivityStatusCode } from '../../../contract/model';
import { awsCauseTime } from '../sim-context';
import type { SimActivity } from './asg-state';

/** "changing the desired capacity from 2 to 3" — the first sentence of a cause says who asked. */
export type CapacityTrigger =
  | { kind: 'alarm'; alarmName: string; policyName: string }
  | { kind: 'created' }
  | { kind: 'user' }
  | { kind: 'user-policy'; policyName: string }
  | { kind: 'scheduled'; actionName: string; minSize: number; maxSize: number }
  | { kind: 'reconcile' };

/**
 * Why an activity started. One object serves every activity of one decision (the launches of one
 * capacity change share it), and the fixed reasons below serve all activities.
 */
export type ActivityCause =
  /** A difference between desired and actual capacity; `change`: the desired capacity change that made it, if any. */
  | { kind: 'capacity'; change: { trigger: CapacityTrigger; from: number; to: number } | undefined; actual: number; desired: number }
  /** A launch to even out the group's zones (ASG-10). */
  | { kind: 'zone-imbalance' }
  /** The termination that follows a rebalancing launch (ASG-10). */
  | { kind: 'zone-rebalancing' }
  /** A termination for the reason given (health checks, ASG-8/ASG-9; an instance terminated outside Auto Scaling). */
  | { kind: 'taken-out'; reason: string };

export const ZONE_IMBALANCE: ActivityCause = { kind: 'zone-imbalance' };
export const ZONE_REBALANCING: ActivityCause = { kind: 'zone-rebalancing' };
export const EC2_STATUS_CHECK_FAILURE: ActivityCause = { kind: 'taken-out', reason: 'an EC2 instance status check failure' };
export const ELB_HEALTH_CHECK_FAILURE: ActivityCause = { kind: 'taken-out', reason: 'an ELB system health check failure' };
export const TERMINATED_OUTSIDE: ActivityCause = { kind: 'taken-out', reason: 'an EC2 health check indicating it has been terminated or stopped' };

/** What the activity does: a launch, a termination, or a launch EC2 refused (every zone of the group down). */
export type ActivityKind = 'launch' | 'terminate' | 'launch-failed';

const FAILED_LAUNCH_DESCRIPTION = 'Launching a new EC2 instance.  Status Reason: Your requested instance type is not supported in your requested Availability Zones, or they are unavailable. Launching EC2 instance failed.';

export class ScalingActivityRecord implements SimActivity {
  readonly activityId: string;
  readonly autoScalingGroupName: string;
  readonly startTime: number;
  endTime: number | undefined = undefined;
  statusCode: ActivityStatusCode = 'InProgress';
  statusMessage: string | undefined = undefined;
  progress = 0;
  private readonly kind: ActivityKind;
  /** The instance launched or terminated ('' for a failed launch). */
  private readonly instanceId: string;
  private readonly why: ActivityCause;

  constructor(activityId: string, autoScalingGroupName: string, startTime: number, kind: ActivityKind, instanceId: string, why: ActivityCause) {
    // Flat copies: built by concatenation, an id is a tree of string pieces several times its size.
    this.activityId = flatCopy(activityId);
    this.autoScalingGroupName = autoScalingGroupName;
    this.startTime = startTime;
    this.kind = kind;
    this.instanceId = flatCopy(instanceId);
    this.why = why;
  }

  /** The cause as AWS writes it; every time in it is the activity's start (the cause is written when it starts). */
  get cause(): string {
    return causeText(this.why, causeTime(this.startTime), this.kind !== 'terminate', this.instanceId);
  }

  get description(): string {
    if (this.kind === 'launch') return `Launching a new EC2 instance: ${this.instanceId}`;
    if (this.kind === 'terminate') return `Terminating EC2 instance: ${this.instanceId}`;
    return FAILED_LAUNCH_DESCRIPTION;
  }
}

let lastTime = NaN;
let lastTimeText = '';

/** awsCauseTime, remembered for the last time asked: activities are read newest first, many of one decision at one time. */
function causeTime(epochMs: number): string {
  if (epochMs !== lastTime) {
    lastTimeText = awsCauseTime(epochMs);
    lastTime = epochMs;
  }
  return lastTimeText;
}

function causeText(why: ActivityCause, at: string, launch: boolean, instanceId: string): string {
  switch (why.kind) {
    case 'capacity': {
      const first = why.change ? triggerSentence(why.change.trigger, at, why.change.from, why.change.to) : '';
      const prefix = first ? `${first}  ` : '';
      return launch
        ? `${prefix}At ${at} an instance was started in response to a difference between desired and actual capacity, increasing the capacity from ${why.actual} to ${why.desired}.`
        : `${prefix}At ${at} an instance was taken out of service in response to a difference between desired and actual capacity, shrinking the capacity from ${why.actual} to ${why.desired}.  At ${at} instance ${instanceId} was selected for termination.`;
    }
    case 'zone-imbalance':
      return `At ${at} an instance was started in response to an Availability Zone imbalance, to rebalance the group across its zones.`;
    case 'zone-rebalancing':
      return `At ${at} an instance was taken out of service in response to an Availability Zone rebalancing operation.  At ${at} instance ${instanceId} was selected for termination.`;
    case 'taken-out':
      return `At ${at} an instance was taken out of service in response to ${why.reason}.`;
  }
}

function triggerSentence(trigger: CapacityTrigger, at: string, from: number, to: number): string {
  switch (trigger.kind) {
    case 'alarm':
      return `At ${at} a monitor alarm ${trigger.alarmName} in state ALARM triggered policy ${trigger.policyName} changing the desired capacity from ${from} to ${to}.`;
    case 'created':
      return `At ${at} a user request created an AutoScalingGroup changing the desired capacity from ${from} to ${to}.`;
    case 'user':
      return `At ${at} a user request explicitly set group desired capacity changing the desired capacity from ${from} to ${to}.`;
    case 'user-policy':
      // ASG-19: the cause AWS writes for ExecutePolicy (DescribeScalingActivities).
      return `At ${at} a user request executed policy ${trigger.policyName} changing the desired capacity from ${from} to ${to}.`;
    case 'scheduled':
      return `At ${at} a scheduled action update of AutoScalingGroup constraints to min: ${trigger.minSize}, max: ${trigger.maxSize}, desired: ${to} changing the desired capacity from ${from} to ${to}.`;
    case 'reconcile':
      return '';
  }
}

const charCodes: number[] = [];

/** The same characters in one flat string (String.fromCharCode builds one), not a concatenation's tree of pieces. */
function flatCopy(text: string): string {
  if (text.length < 13) return text; // V8 copies concatenations this short into flat strings already.
  charCodes.length = text.length;
  for (let i = 0; i < text.length; i++) charCodes[i] = text.charCodeAt(i);
  return String.fromCharCode.apply(null, charCodes);
}
