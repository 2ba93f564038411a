/**
 * R53-9: the health of an Application Load Balancer as an alias target with EvaluateTargetHealth.
 * From the AliasTarget API reference (EvaluateTargetHealth, "ELB load balancers"):
 *   - "For an Application or Network Load Balancer to be considered healthy, every target group that
 *     contains targets must contain at least one healthy target. If any target group contains only
 *     unhealthy targets, the load balancer is considered unhealthy."
 *   - "A target group that has no registered targets is considered unhealthy."
 * We read the two together: groups without targets do not count against a load balancer that has
 * other groups with targets, but a load balancer none of whose groups has a target is unhealthy
 * (no group can be healthy).
 * LTG-2: a group whose targets are all `unavailable` because its health checks are off (a Lambda
 * target's default, LTG-1) has no healthy target but does not "contain only unhealthy targets"
 * either: nothing checks it, and the load balancer keeps sending it requests. Our reading: such a
 * group does not count against the load balancer, and the evidence names it "not checked", never
 * healthy.
 * docs.aws.amazon.com/Route53/latest/APIReference/API_AliasTarget.html
 */
import { isUnchecked, type LoadBalancer, type TargetGroup } from '../contract/model-alb';
import type { DnsText } from '../contract/model-dns';
import { list, say } from './explain';

export interface AliasHealth {
  healthy: boolean;
  /** Which groups decided it, as a code the renderer translates (the CLI prints it in English). */
  reason: DnsText;
}

/** Targets that are registered (draining and unused ones are on their way out, not registered). */
function registered(group: TargetGroup) {
  return group.targets.filter((t) => t.state !== 'unused' && t.state !== 'draining');
}

export function albAliasHealth(loadBalancer: Pick<LoadBalancer, 'loadBalancerArn' | 'loadBalancerName'>, targetGroups: readonly TargetGroup[]): AliasHealth {
  const groups = targetGroups.filter((group) => group.loadBalancerArns.includes(loadBalancer.loadBalancerArn));
  const withTargets = groups.filter((group) => registered(group).length > 0);
  const name = loadBalancer.loadBalancerName;
  if (withTargets.length === 0) {
    const reason = groups.length === 0 ? say('alb.noTargetGroup', { name }) : say('alb.noRegisteredTargets', { name, groups: groups.map((g) => g.targetGroupName).join(', ') });
    return { healthy: false, reason };
  }
  const unchecked = (group: TargetGroup) => registered(group).every(isUnchecked);
  const failing = withTargets.filter((group) => !unchecked(group) && !registered(group).some((t) => t.state === 'healthy'));
  if (failing.length > 0) {
    return { healthy: false, reason: say('alb.noHealthyTarget', { name, groups: failing.map((g) => g.targetGroupName).join(', ') }) };
  }
  const counts = withTargets.map((group) =>
    unchecked(group)
      ? say('alb.groupUnchecked', { group: group.targetGroupName, unchecked: registered(group).length })
      : say('alb.groupCount', { group: group.targetGroupName, healthy: registered(group).filter((t) => t.state === 'healthy').length, total: registered(group).length }),
  );
  const code = withTargets.every(unchecked) ? 'alb.noneChecked' : withTargets.some(unchecked) ? 'alb.healthySomeUnchecked' : 'alb.healthy';
  return { healthy: true, reason: say(code, { name, counts: list(counts) }) };
}
