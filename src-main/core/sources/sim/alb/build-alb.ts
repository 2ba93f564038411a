/**
 * CloudFormation → simulated load balancers, target groups, listeners and rules. Defaults are the
 * AWS API defaults (ALB-4): a property the template leaves out behaves as on AWS.
 */
import { availabilityZonesOf, type LoadedResource, type ScenarioModel } from '../scenario/load-scenario';
import { isLambdaTargetOfStack, isSimulatedLoadBalancer } from './validate';
import { functionTargets } from '../traffic/function-targets';
import { loadBalancerDnsName, type ListenerActionInput, type RuleConditionInput } from '../scenario/resource-types';
import type { AlbWorld, SimListener, SimLoadBalancer, SimTargetGroup } from './alb-state';
import { HEALTH_CHECK_DEFAULTS, healthChecksOff } from './target-group';
import { DEFAULT_MATCHER } from './health-check-matcher';
import { albAttributeSpec } from '../../../elbv2/load-balancer-attributes';
import { sortRules, type SimRuleAction, type SimRuleCondition } from './listener-rules';

type Props = Record<string, unknown>;
const ofType = (scenario: ScenarioModel, type: string): LoadedResource[] => scenario.resources.filter((r) => r.type === type);

/** Lambda targets: interval 35 s, timeout 30 s; health checks are off unless enabled (ALB-4). */
const LAMBDA_HEALTH_CHECK = { intervalSeconds: 35, timeoutSeconds: 30 };

export function buildAlb(scenario: ScenarioModel, world: AlbWorld): void {
  for (const resource of ofType(scenario, 'AWS::ElasticLoadBalancingV2::LoadBalancer')) {
    // ALB-15: a network or gateway load balancer is not built (the loader warned): never an ALB in disguise.
    if (!isSimulatedLoadBalancer(resource)) continue;
    const p = resource.properties as Props;
    const lb: SimLoadBalancer = {
      arn: resource.ref,
      name: resource.identity.name,
      fullName: `app/${resource.identity.name}/${resource.identity.hex.slice(0, 16)}`,
      dnsName: loadBalancerDnsName(resource.identity),
      scheme: (p.Scheme as SimLoadBalancer['scheme']) ?? 'internet-facing',
      availabilityZones: availabilityZonesOf(resource.identity.region),
      listeners: [],
      ipAddressType: (p.IpAddressType as SimLoadBalancer['ipAddressType'] | undefined) ?? 'ipv4',
      // Unknown keys were warned of at load (load-balancer-attribute-checks.ts) and are left out.
      attributes: new Map(((p.LoadBalancerAttributes as { Key: string; Value: string }[] | undefined) ?? []).filter((a) => albAttributeSpec(a.Key)).map((a) => [a.Key, a.Value])),
    };
    world.loadBalancers.set(lb.arn, lb);
    world.loadBalancersByDns.set(lb.dnsName, lb);
  }

  const functions = functionTargets(scenario.resources);
  for (const resource of ofType(scenario, 'AWS::ElasticLoadBalancingV2::TargetGroup')) {
    const p = resource.properties as Props;
    const attributes = new Map(((p.TargetGroupAttributes as { Key: string; Value: string }[]) ?? []).map((a) => [a.Key, a.Value]));
    const targetType = (p.TargetType as SimTargetGroup['targetType']) ?? 'instance';
    const lambda = targetType === 'lambda';
    const group: SimTargetGroup = {
      arn: resource.ref,
      name: resource.identity.name,
      fullName: `targetgroup/${resource.identity.name}/${resource.identity.hex.slice(0, 16)}`,
      port: (p.Port as number) ?? 80,
      protocol: (p.Protocol as string) ?? 'HTTP',
      targetType,
      healthCheckPath: (p.HealthCheckPath as string) ?? HEALTH_CHECK_DEFAULTS.path,
      healthCheckIntervalSeconds: (p.HealthCheckIntervalSeconds as number) ?? (lambda ? LAMBDA_HEALTH_CHECK.intervalSeconds : HEALTH_CHECK_DEFAULTS.intervalSeconds),
      healthCheckTimeoutSeconds: (p.HealthCheckTimeoutSeconds as number) ?? (lambda ? LAMBDA_HEALTH_CHECK.timeoutSeconds : HEALTH_CHECK_DEFAULTS.timeoutSeconds),
      healthyThresholdCount: (p.HealthyThresholdCount as number) ?? HEALTH_CHECK_DEFAULTS.healthyThresholdCount,
      unhealthyThresholdCount: (p.UnhealthyThresholdCount as number) ?? HEALTH_CHECK_DEFAULTS.unhealthyThresholdCount,
      deregistrationDelaySeconds: Number(attributes.get('deregistration_delay.timeout_seconds') ?? HEALTH_CHECK_DEFAULTS.deregistrationDelaySeconds),
      slowStartSeconds: Number(attributes.get('slow_start.duration_seconds') ?? 0),
      healthCheckEnabled: (p.HealthCheckEnabled as boolean | undefined) ?? !lambda,
      healthCheckMatcher: (p.Matcher as { HttpCode?: string } | undefined)?.HttpCode ?? DEFAULT_MATCHER,
      targets: new Map(),
      loadBalancerArns: [],
    };
    // Static targets (ip or lambda) are registered at creation; instance targets come from Auto Scaling.
    for (const target of (p.Targets as { Id: string; Port?: number; AvailabilityZone?: string }[]) ?? []) {
      // A Lambda target that is no function of the stack cannot be registered (warned at load, validate.ts).
      if (lambda && !isLambdaTargetOfStack(functions, target.Id)) continue;
      group.targetsVersion = (group.targetsVersion ?? 0) + 1;
      group.targets.set(target.Id, {
        id: target.Id,
        port: target.Port ?? group.port,
        availabilityZone: target.AvailabilityZone ?? 'all',
        // LTG-1: with health checks off (a Lambda target's default) DescribeTargetHealth says `unavailable`,
        // Target.HealthCheckDisabled, and the load balancer still sends it requests (API_TargetHealth.html,
        // lambda-functions.html). A checked static target starts healthy: the stack was up before the scenario.
        ...(group.healthCheckEnabled ? { state: 'healthy' as const } : healthChecksOff()),
        consecutivePasses: 0,
        consecutiveFailures: 0,
        nextCheckAt: scenario.simulation.startTime + group.healthCheckIntervalSeconds * 1000,
        drainUntil: undefined,
        healthySince: scenario.simulation.startTime,
        forcedUnhealthyUntil: undefined,
        instanceSlot: -1,
        instanceGeneration: -1,
      });
    }
    world.targetGroups.set(group.arn, group);
  }

  const listenersByArn = new Map<string, SimListener>();
  for (const resource of ofType(scenario, 'AWS::ElasticLoadBalancingV2::Listener')) {
    const p = resource.properties as { LoadBalancerArn: string; Port?: number; Protocol?: string; DefaultActions: ListenerActionInput[] };
    const lb = world.loadBalancers.get(p.LoadBalancerArn);
    if (!lb) continue;
    const listener: SimListener = {
      arn: resource.ref,
      port: p.Port ?? (p.Protocol === 'HTTPS' ? 443 : 80),
      protocol: p.Protocol ?? 'HTTP',
      rules: [{ arn: `${resource.ref.replace(':listener/', ':listener-rule/')}/default`, priority: Infinity, conditions: [], action: toAction(p.DefaultActions) }],
    };
    lb.listeners.push(listener);
    listenersByArn.set(listener.arn, listener);
  }

  for (const resource of ofType(scenario, 'AWS::ElasticLoadBalancingV2::ListenerRule')) {
    const p = resource.properties as { ListenerArn: string; Priority: number; Conditions: RuleConditionInput[]; Actions: ListenerActionInput[] };
    const listener = listenersByArn.get(p.ListenerArn);
    if (!listener) continue;
    listener.rules.push({ arn: resource.ref, priority: p.Priority, conditions: p.Conditions.flatMap(toCondition), action: toAction(p.Actions) });
  }

  for (const lb of world.loadBalancers.values()) {
    for (const listener of lb.listeners) {
      listener.rules = sortRules(listener.rules);
      for (const rule of listener.rules) {
        if (rule.action.type !== 'forward') continue;
        for (const { targetGroupArn } of rule.action.targetGroups) {
          const group = world.targetGroups.get(targetGroupArn);
          if (group && !group.loadBalancerArns.includes(lb.arn)) group.loadBalancerArns.push(lb.arn);
        }
      }
    }
  }
}

function toCondition(condition: RuleConditionInput): SimRuleCondition[] {
  const out: SimRuleCondition[] = [];
  if (condition.PathPatternConfig) out.push({ field: 'path-pattern', values: condition.PathPatternConfig.Values });
  if (condition.HostHeaderConfig) out.push({ field: 'host-header', values: condition.HostHeaderConfig.Values });
  if (condition.HttpRequestMethodConfig) out.push({ field: 'http-request-method', values: condition.HttpRequestMethodConfig.Values });
  const header = condition.HttpHeaderConfig as { HttpHeaderName?: string; Values?: string[] } | undefined;
  if (header?.HttpHeaderName && header.Values?.length) out.push({ field: 'http-header', headerName: header.HttpHeaderName, values: header.Values });
  if (condition.Field && condition.Values && ['path-pattern', 'host-header', 'http-request-method'].includes(condition.Field)) {
    out.push({ field: condition.Field as SimRuleCondition['field'], values: condition.Values });
  }
  return out;
}

/** The action that answers the request: the last in Order (authenticate-* actions come first and pass). */
function toAction(actions: ListenerActionInput[]): SimRuleAction {
  const sorted = [...actions].sort((a, b) => (a.Order ?? 0) - (b.Order ?? 0));
  const final = sorted.filter((a) => !a.Type.startsWith('authenticate'));
  const action = final[final.length - 1] ?? sorted[sorted.length - 1]!;
  switch (action.Type) {
    case 'fixed-response':
      return { type: 'fixed-response', statusCode: Number(action.FixedResponseConfig?.StatusCode ?? 200) };
    case 'redirect': {
      const config = action.RedirectConfig;
      return { type: 'redirect', statusCode: config?.StatusCode === 'HTTP_302' ? 302 : 301, url: `${config?.Protocol ?? '#{protocol}'}://${config?.Host ?? '#{host}'}${config?.Path ?? '/#{path}'}` };
    }
    default: {
      const targetGroups = action.ForwardConfig
        ? action.ForwardConfig.TargetGroups.map((t) => ({ targetGroupArn: t.TargetGroupArn, weight: t.Weight ?? 1 }))
        : action.TargetGroupArn
          ? [{ targetGroupArn: action.TargetGroupArn, weight: 1 }]
          : [];
      return { type: 'forward', targetGroups };
    }
  }
}
