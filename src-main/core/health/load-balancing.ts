/**
 * Elastic Load Balancing: 5XX as a share of requests (ELB-generated and target-sent, ALB-12) over
 * the window, target groups with no healthy or no registered target, and Availability Zones whose
 * targets all fail. Targets in `initial` are still being checked (ALB-4): not failures. Targets of a
 * group with health checks off (LTG-1: `unavailable`, Target.HealthCheckDisabled, a Lambda target's
 * default) are not checked by anyone: never counted healthy, the group is judged by its function's
 * own health (the Lambda rules, lambda.ts) and the 5XX shares, or Unknown when no function is known.
 * docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html
 * docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_TargetHealth.html
 */
import { isUnchecked, type HealthReason, type Inventory, type LambdaFunction, type LoadBalancer, type ResourceHealth, type TargetGroup } from '../contract/model';
import { loadBalancerDimension, targetGroupDimension } from '../metric-catalog';
import type { HealthInput } from './input';
import { functionReasons } from './lambda';
import { percent, type MetricWindow } from './metric-window';
import { reason, resource, worstOf } from './status';

const ELB = 'AWS/ApplicationELB';

/** `shop-eu-123.eu-west-1.elb.amazonaws.com` → eu-west-1. */
export function regionOfLoadBalancer(lb: Pick<LoadBalancer, 'dnsName' | 'availabilityZones'>): string | undefined {
  return /\.([a-z]{2}(?:-[a-z]+)+-\d+)\.elb\.amazonaws\.com\.?$/.exec(lb.dnsName)?.[1] ?? lb.availabilityZones[0]?.replace(/[a-z]$/, '');
}

interface TargetCounts {
  total: number;
  healthy: number;
  unhealthy: number;
  initial: number;
  draining: number;
  /** `unavailable` for another reason than health checks off: receiving requests as far as anyone can tell. */
  unavailable: number;
  /** LTG-1: health checks off (Target.HealthCheckDisabled): receiving requests, checked by no one. */
  unchecked: number;
  /**
   * `unused` while still registered (Target.InvalidState: a stopped instance; Target.NotInUse: its
   * zone is not enabled; Target.IpUnusable): it gets no requests. Only `unused` with
   * Target.NotRegistered has left the group (API_TargetHealth.html): it counts with the draining ones.
   */
  unused: number;
  /** The reason code of the first of those, e.g. Target.InvalidState. */
  unusedReason?: string;
}

function countTargets(targets: TargetGroup['targets']): TargetCounts {
  const counts: TargetCounts = { total: targets.length, healthy: 0, unhealthy: 0, initial: 0, draining: 0, unavailable: 0, unchecked: 0, unused: 0 };
  for (const target of targets) {
    if (target.state === 'healthy') counts.healthy++;
    else if (target.state === 'unhealthy') counts.unhealthy++;
    else if (target.state === 'initial') counts.initial++;
    else if (target.state === 'draining' || (target.state === 'unused' && (target.reason === undefined || target.reason === 'Target.NotRegistered'))) counts.draining++;
    else if (target.state === 'unused') {
      counts.unused++;
      counts.unusedReason ??= target.reason;
    }
    else if (isUnchecked(target)) counts.unchecked++;
    else counts.unavailable++;
  }
  return counts;
}

/** The function a Lambda target names: its ARN, or the ARN with a version or alias qualifier. */
function functionOfTarget(targetId: string, functions: readonly LambdaFunction[]): LambdaFunction | undefined {
  return functions.find((fn) => targetId === fn.functionArn || targetId.startsWith(`${fn.functionArn}:`));
}

/**
 * LTG-1: a group none of whose targets is checked. A Lambda target's health check would invoke the
 * function and fail on its errors, throttles or timeouts, so its function's verdict (the Lambda
 * rules, one place: lambda.ts) stands in for the check: a note (ok) that nothing checks the targets,
 * then the function's own reasons. No function known: Unknown — never Healthy on nothing.
 */
function uncheckedReasons(tg: TargetGroup, counts: TargetCounts, registered: number, input: HealthInput, window: MetricWindow, where: Record<string, string>): HealthReason[] {
  const subject = tg.targetGroupName;
  const functions = tg.targetType === 'lambda' ? tg.targets.filter(isUnchecked).map((t) => functionOfTarget(t.targetId, input.inventory.lambdaFunctions)) : [];
  const known = functions.filter((fn): fn is LambdaFunction => fn !== undefined);
  if (known.length === 0 || known.length < functions.length) return [reason('tg.notChecked', 'unknown', subject, { ...where, unchecked: counts.unchecked, total: registered })];
  const names = [...new Set(known.map((fn) => fn.functionName))];
  return [reason('tg.healthChecksOff', 'ok', subject, { ...where, unchecked: counts.unchecked, total: registered, functions: names.join(', ') }), ...known.filter((fn, i) => known.indexOf(fn) === i).flatMap((fn) => functionReasons(fn, input, window))];
}

/** Instances on their way into a group's target groups: Pending in an Auto Scaling group that registers there. */
function launchingFor(tg: TargetGroup, inventory: Inventory): number {
  return inventory.autoScalingGroups
    .filter((group) => group.targetGroupARNs.includes(tg.targetGroupArn))
    .reduce((sum, group) => sum + group.instances.filter((i) => i.lifecycleState.startsWith('Pending')).length, 0);
}

function targetGroupReasons(tg: TargetGroup, input: HealthInput, window: MetricWindow, region: string | undefined): HealthReason[] {
  const subject = tg.targetGroupName;
  const where: Record<string, string> = region ? { region } : {};
  const counts = countTargets(tg.targets);
  const registered = counts.total - counts.draining;
  const serving = counts.healthy + counts.unavailable + counts.unchecked;
  const reasons: HealthReason[] = [];
  if (registered > 0 && counts.unchecked === registered) {
    reasons.push(...uncheckedReasons(tg, counts, registered, input, window, where));
  } else if (registered === 0) {
    const launching = launchingFor(tg, input.inventory);
    if (launching > 0) reasons.push(reason('tg.targetsLaunching', 'unknown', subject, { ...where, launching }));
    // R53-9: a group with no registered targets is unhealthy — when something sends it traffic.
    else if (tg.loadBalancerArns.length > 0) reasons.push(reason('tg.noTargets', 'failing', subject, { ...where, draining: counts.draining }));
  } else if (serving === 0) {
    // Registered but unused (a stopped instance): it gets no requests, and it is no missing registration.
    if (counts.unused > 0) reasons.push(reason('tg.targetsUnused', 'failing', subject, { ...where, unused: counts.unused, total: registered, reason: counts.unusedReason ?? 'Target.NotInUse' }));
    if (counts.unhealthy === 0 && counts.unused === 0) reasons.push(reason('tg.initial', 'unknown', subject, { ...where, initial: counts.initial, total: registered }));
    else if (counts.unhealthy > 0) reasons.push(reason('tg.noHealthyTargets', 'failing', subject, { ...where, unhealthy: counts.unhealthy, total: registered, initial: counts.initial, draining: counts.draining }));
  } else {
    if (counts.unhealthy > 0) reasons.push(reason('tg.unhealthyTargets', 'degraded', subject, { ...where, unhealthy: counts.unhealthy, total: registered }));
    if (counts.unused > 0) reasons.push(reason('tg.targetsUnused', 'degraded', subject, { ...where, unused: counts.unused, total: registered, reason: counts.unusedReason ?? 'Target.NotInUse' }));
    // Per Availability Zone: a zone none of whose targets is healthy (the zone is out, or its instances are).
    const zones = new Map<string, TargetGroup['targets']>();
    for (const target of tg.targets) {
      if (!target.availabilityZone || target.availabilityZone === 'all') continue;
      const list = zones.get(target.availabilityZone) ?? [];
      list.push(target);
      zones.set(target.availabilityZone, list);
    }
    for (const [zone, targets] of zones) {
      const z = countTargets(targets);
      if (z.healthy + z.unavailable + z.unchecked === 0 && z.unhealthy > 0) reasons.push(reason('tg.zoneUnhealthy', 'degraded', subject, { zone, unhealthy: z.unhealthy, total: z.total - z.draining }));
    }
    if (counts.initial > 0) reasons.push(reason('tg.initial', 'ok', subject, { ...where, initial: counts.initial, total: registered }));
  }
  // Target-sent 5XX per group, for each load balancer that forwards to it.
  if (window.ready) {
    for (const lbArn of tg.loadBalancerArns) {
      const dims = { LoadBalancer: loadBalancerDimension(lbArn), TargetGroup: targetGroupDimension(tg.targetGroupArn) };
      const requests = window.sum(ELB, 'RequestCount', dims);
      const errors = window.sum(ELB, 'HTTPCode_Target_5XX_Count', dims);
      const share = shareStatus(errors, requests, input);
      if (share) reasons.push(reason('tg.target5xx', share, subject, { ...where, percent: percent(errors, requests), errors: Math.round(errors), requests: Math.round(requests), minutes: window.minutes }));
    }
  }
  return reasons;
}

/** degraded / failing by the 5XX thresholds, or undefined when below them or too few requests. */
function shareStatus(errors: number, requests: number, input: HealthInput): 'degraded' | 'failing' | undefined {
  const t = input.thresholds;
  if (requests < t.minRequests || errors <= 0) return undefined;
  const share = (errors / requests) * 100;
  if (share >= t.http5xxFailingPercent) return 'failing';
  if (share >= t.http5xxDegradedPercent) return 'degraded';
  return undefined;
}

function loadBalancerReasons(lb: LoadBalancer, input: HealthInput, window: MetricWindow, region: string | undefined): HealthReason[] {
  const subject = lb.loadBalancerName;
  const where: Record<string, string> = region ? { region } : {};
  const reasons: HealthReason[] = [];
  if (lb.state === 'provisioning') reasons.push(reason('lb.state', 'unknown', subject, { state: lb.state }));
  else if (lb.state === 'active_impaired') reasons.push(reason('lb.state', 'degraded', subject, { state: lb.state }));
  else if (lb.state === 'failed') reasons.push(reason('lb.state', 'failing', subject, { state: lb.state }));
  if (!window.ready) {
    reasons.push(reason(window.notReady, 'unknown', subject, {}));
    return reasons;
  }
  const dims = { LoadBalancer: loadBalancerDimension(lb.loadBalancerArn) };
  const requests = window.sum(ELB, 'RequestCount', dims);
  const elb = window.sum(ELB, 'HTTPCode_ELB_5XX_Count', dims);
  const target = window.sum(ELB, 'HTTPCode_Target_5XX_Count', dims);
  const share = shareStatus(elb + target, requests, input);
  if (share) {
    reasons.push(
      reason('lb.http5xx', share, subject, { ...where, percent: percent(elb + target, requests), errors: Math.round(elb + target), elb: Math.round(elb), target: Math.round(target), requests: Math.round(requests), minutes: window.minutes }),
    );
  }
  return reasons;
}

export function evaluateLoadBalancing(input: HealthInput, window: MetricWindow): { resources: ResourceHealth[]; counts: Record<string, number> } {
  const { loadBalancers, targetGroups } = input.inventory;
  const regionOf = new Map(loadBalancers.map((lb) => [lb.loadBalancerArn, regionOfLoadBalancer(lb)]));
  // Name the region only when there is more than one: in a one-region account it is noise.
  const multiRegion = new Set(regionOf.values()).size > 1;
  const region = (arn: string | undefined) => (multiRegion && arn ? regionOf.get(arn) : undefined);
  const resources: ResourceHealth[] = [];
  // Target groups first: "no healthy target" explains the 5XX that follow from it.
  for (const tg of targetGroups) resources.push(resource('targetGroup', tg.targetGroupArn, tg.targetGroupName, targetGroupReasons(tg, input, window, region(tg.loadBalancerArns[0]))));
  for (const lb of loadBalancers) resources.push(resource('loadBalancer', lb.loadBalancerArn, lb.loadBalancerName, loadBalancerReasons(lb, input, window, region(lb.loadBalancerArn))));
  // A load balancer is as healthy as the groups it forwards to (R53-9 reads it the same way).
  for (const lbHealth of resources.filter((r) => r.kind === 'loadBalancer')) {
    const groups = resources.filter((r) => r.kind === 'targetGroup' && targetGroups.find((tg) => tg.targetGroupArn === r.id)?.loadBalancerArns.includes(lbHealth.id));
    lbHealth.status = worstOf(groups.map((g) => g.status), lbHealth.status);
  }
  const all = targetGroups.flatMap((tg) => tg.targets);
  const counts = countTargets(all);
  return { resources, counts: { loadBalancers: loadBalancers.length, healthy: counts.healthy, unhealthy: counts.unhealthy, initial: counts.initial, unchecked: counts.unchecked, total: all.length } };
}
