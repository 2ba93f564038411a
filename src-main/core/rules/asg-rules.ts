/**
 * Pre-flight checks, consequences and refusals of the Auto Scaling control actions, as functions of
 * the contract's AutoScalingGroup.
 * - SetDesiredCapacity: docs.aws.amazon.com/autoscaling/ec2/APIReference/API_SetDesiredCapacity.html
 *   (the value must lie within [MinSize, MaxSize]; scaling policies keep acting afterwards).
 * - ExecutePolicy: API_ExecutePolicy.html (PolicyName is the name or ARN; MetricValue and
 *   BreachThreshold are "required if the policy type is StepScaling and not supported otherwise")
 *   and as-scaling-target-tracking.html (a target tracking policy is driven only by its alarms).
 */
import type { ActionOf, AutoScalingGroup, PreflightCheck, Refusal, ScalingPolicySummary } from '../contract/model';
import { check, consequence, refusalOf, summary, type Preflight } from './verdicts';

/** What the capacity rules read of a group. */
export type GroupState = Pick<AutoScalingGroup, 'autoScalingGroupName' | 'minSize' | 'maxSize' | 'desiredCapacity'> & {
  policies: readonly Pick<ScalingPolicySummary, 'policyName' | 'policyARN' | 'policyType'>[];
};

function groupChecks(group: GroupState | undefined, name: string): PreflightCheck[] | GroupState {
  if (!group) return [check('group-exists.missing', 'fail', { group: name })];
  return group;
}

const found = (group: GroupState): PreflightCheck =>
  check('group-exists.found', 'pass', { group: group.autoScalingGroupName, min: group.minSize, max: group.maxSize, desired: group.desiredCapacity });

export function capacityChecks(group: GroupState | undefined, action: ActionOf<'SetDesiredCapacity'>): PreflightCheck[] {
  const g = groupChecks(group, action.autoScalingGroupName);
  if (Array.isArray(g)) return g;
  const wanted = action.desiredCapacity;
  const bounds = { group: g.autoScalingGroupName, desired: wanted, min: g.minSize, max: g.maxSize };
  const delta = wanted - g.desiredCapacity;
  const checks = [
    found(g),
    wanted >= g.minSize && wanted <= g.maxSize ? check('within-bounds.inside', 'pass', bounds) : check('within-bounds.outside', 'fail', bounds),
    delta === 0 ? check('changes-capacity.same', 'warn', { group: g.autoScalingGroupName, current: g.desiredCapacity }) : check('changes-capacity.changes', 'pass', { delta }),
  ];
  if (g.policies.length > 0) checks.push(check('scaling-policies.present', 'warn', { count: g.policies.length }));
  return checks;
}

export function capacityConsequences(group: GroupState | undefined, action: ActionOf<'SetDesiredCapacity'>): ReturnType<typeof consequence>[] {
  if (!group) return [];
  const name = group.autoScalingGroupName;
  const delta = action.desiredCapacity - group.desiredCapacity;
  if (delta === 0) return [consequence('capacity.unchanged', { group: name, capacity: group.desiredCapacity })];
  const out = [delta > 0 ? consequence('capacity.launch', { group: name, count: delta }) : consequence('capacity.terminate', { group: name, count: -delta })];
  if (group.policies.length > 0) out.push(consequence('capacity.policies-may-rescale', { group: name, count: group.policies.length }));
  return out;
}

export function capacityPreflight(group: GroupState | undefined, action: ActionOf<'SetDesiredCapacity'>): Preflight {
  return {
    summary: summary('set-capacity', { group: action.autoScalingGroupName, to: action.desiredCapacity, ...(group ? { from: group.desiredCapacity } : {}) }),
    checks: capacityChecks(group, action),
    consequences: capacityConsequences(group, action),
  };
}

export function capacityRefusal(group: GroupState | undefined, action: ActionOf<'SetDesiredCapacity'>): Refusal | undefined {
  return refusalOf(capacityChecks(group, action));
}

/** The policy ExecutePolicy names: by name or ARN, as the API accepts either. */
export function policyNamed<P extends Pick<ScalingPolicySummary, 'policyName' | 'policyARN'>>(policies: readonly P[], nameOrArn: string): P | undefined {
  return policies.find((policy) => policy.policyName === nameOrArn || policy.policyARN === nameOrArn);
}

export function executePolicyChecks(group: GroupState | undefined, action: ActionOf<'ExecutePolicy'>): PreflightCheck[] {
  const g = groupChecks(group, action.autoScalingGroupName);
  if (Array.isArray(g)) return g;
  const policy = policyNamed(g.policies, action.policyName);
  if (!policy) return [found(g), check('policy-exists.missing', 'fail', { group: g.autoScalingGroupName, policy: action.policyName })];
  const checks = [found(g), check('policy-exists.found', 'pass', { policy: policy.policyName, policyType: policy.policyType })];
  checks.push(policy.policyType === 'TargetTrackingScaling' ? check('policy-type.target-tracking', 'fail', { policy: policy.policyName }) : check('policy-type.supported', 'pass', { policyType: policy.policyType }));
  const given = action.metricValue !== undefined || action.breachThreshold !== undefined;
  if (policy.policyType === 'StepScaling') {
    checks.push(
      action.metricValue !== undefined && action.breachThreshold !== undefined
        ? check('step-values.given', 'pass', { metricValue: action.metricValue, breachThreshold: action.breachThreshold })
        : check('step-values.missing', 'fail', { policy: policy.policyName }),
    );
  } else if (given) {
    checks.push(check('step-values.unexpected', 'fail', { policy: policy.policyName, policyType: policy.policyType }));
  }
  return checks;
}

export function executePolicyPreflight(group: GroupState | undefined, action: ActionOf<'ExecutePolicy'>): Preflight {
  const policy = group ? policyNamed(group.policies, action.policyName) : undefined;
  return {
    summary: summary('execute-policy', { group: action.autoScalingGroupName, policy: action.policyName }),
    checks: executePolicyChecks(group, action),
    consequences:
      group && policy
        ? [consequence('policy.executes', { group: group.autoScalingGroupName, policy: policy.policyName, policyType: policy.policyType }), consequence('policy.bounded', { group: group.autoScalingGroupName, min: group.minSize, max: group.maxSize })]
        : [],
  };
}

export function executePolicyRefusal(group: GroupState | undefined, action: ActionOf<'ExecutePolicy'>): Refusal | undefined {
  return refusalOf(executePolicyChecks(group, action));
}
