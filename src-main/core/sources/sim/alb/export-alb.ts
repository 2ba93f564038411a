/** Simulated ALB state → the contract's LoadBalancer / TargetGroup (DescribeLoadBalancers, DescribeRules, DescribeTargetHealth shapes). */
import type { ListenerRule, LoadBalancer, TargetGroup } from '../../../contract/model';
import type { AlbWorld } from './alb-state';
import { albAttributesWithDefaults } from '../../../elbv2/load-balancer-attributes';
import type { SimListenerRule } from './listener-rules';

function exportRule(rule: SimListenerRule): ListenerRule {
  const isDefault = rule.priority === Infinity;
  const action = rule.action;
  return {
    ruleArn: rule.arn,
    priority: isDefault ? 'default' : String(rule.priority),
    isDefault,
    conditions: rule.conditions.map((c) => ({ field: c.field, values: [...c.values] })),
    actions: [
      action.type === 'forward'
        ? { type: 'forward', targetGroups: action.targetGroups.map((t) => ({ ...t })) }
        : action.type === 'fixed-response'
          ? { type: 'fixed-response', fixedResponseStatusCode: String(action.statusCode) }
          : { type: 'redirect', redirectUrl: action.url },
    ],
  };
}

export function exportLoadBalancers(world: AlbWorld): LoadBalancer[] {
  return [...world.loadBalancers.values()].map((lb) => ({
    loadBalancerArn: lb.arn,
    loadBalancerName: lb.name,
    dnsName: lb.dnsName,
    scheme: lb.scheme,
    state: 'active',
    availabilityZones: lb.availabilityZones,
    ipAddressType: lb.ipAddressType,
    attributes: albAttributesWithDefaults(lb.attributes, lb.scheme),
    listeners: lb.listeners.map((listener) => ({
      listenerArn: listener.arn,
      port: listener.port,
      protocol: listener.protocol,
      rules: listener.rules.map(exportRule),
    })),
  }));
}

export function exportTargetGroups(world: AlbWorld): TargetGroup[] {
  return [...world.targetGroups.values()].map((group) => ({
    targetGroupArn: group.arn,
    targetGroupName: group.name,
    protocol: group.protocol,
    port: group.port,
    targetType: group.targetType,
    healthCheckPath: group.healthCheckPath,
    healthCheck: {
      enabled: group.healthCheckEnabled,
      protocol: group.protocol,
      path: group.healthCheckPath,
      intervalSeconds: group.healthCheckIntervalSeconds,
      timeoutSeconds: group.healthCheckTimeoutSeconds,
      healthyThresholdCount: group.healthyThresholdCount,
      unhealthyThresholdCount: group.unhealthyThresholdCount,
      matcher: group.healthCheckMatcher,
    },
    deregistrationDelaySeconds: group.deregistrationDelaySeconds,
    slowStartSeconds: group.slowStartSeconds,
    loadBalancerArns: group.loadBalancerArns,
    targets: [...group.targets.values()].map((target) => ({
      targetId: target.id,
      port: target.port,
      availabilityZone: target.availabilityZone,
      state: target.state,
      ...(target.reason ? { reason: target.reason } : {}),
      ...(target.description ? { description: target.description } : {}),
    })),
  }));
}
