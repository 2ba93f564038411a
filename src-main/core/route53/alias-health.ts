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
 * docs.aws.amazon.com/Route53/latest/APIReference/API_AliasTarget.html
 */
import type { LoadBalancer, TargetGroup } from '../contract/model-alb';

export interface AliasHealth {
  healthy: boolean;
  /** One sentence a person understands: which groups decided it. */
  reason: string;
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
    const what = groups.length === 0 ? 'has no target group' : `has no registered targets in ${groups.map((g) => g.targetGroupName).join(', ')}`;
    return { healthy: false, reason: `load balancer ${name} ${what}; a target group with no registered targets is unhealthy` };
  }
  const failing = withTargets.filter((group) => !registered(group).some((t) => t.state === 'healthy'));
  if (failing.length > 0) {
    return { healthy: false, reason: `load balancer ${name}: target group ${failing.map((g) => g.targetGroupName).join(', ')} has no healthy target` };
  }
  const counts = withTargets.map((group) => `${group.targetGroupName} ${registered(group).filter((t) => t.state === 'healthy').length}/${registered(group).length} healthy`);
  return { healthy: true, reason: `load balancer ${name}: every target group with targets has a healthy one (${counts.join(', ')})` };
}
