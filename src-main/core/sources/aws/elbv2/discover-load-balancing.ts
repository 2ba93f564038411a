/**
 * Application Load Balancers with their listeners, rules, target groups and target health, every
 * list paginated (DescribeLoadBalancers, DescribeListeners, DescribeRules, DescribeTargetGroups use
 * Marker/NextMarker; DescribeTargetHealth is not paginated).
 * docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_Operations.html
 */
import {
  DescribeLoadBalancerAttributesCommand,
  DescribeTargetHealthCommand,
  paginateDescribeListeners,
  paginateDescribeLoadBalancers,
  paginateDescribeRules,
  paginateDescribeTargetGroups,
  type Action,
  type ElasticLoadBalancingV2Client,
  type Rule,
  type TargetGroup as SdkTargetGroup,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import type { Listener, ListenerRule, LoadBalancer, LoadBalancerAttribute, RuleAction, TargetGroup, TargetHealthDescription } from '../../../contract/model';
import { IpAddressType, RuleAction as RuleActionSchema, TargetHealthState } from '../../../contract/model';
import { annotateDefaults } from '../../../elbv2/load-balancer-attributes';
import { definedFields } from '../../../defined-fields';
import { iso } from '../iso';

export interface LoadBalancingInventory {
  loadBalancers: LoadBalancer[];
  targetGroups: TargetGroup[];
}

function toRuleAction(action: Action): RuleAction | undefined {
  const type = RuleActionSchema.shape.type.safeParse(action.Type);
  if (!type.success) return undefined;
  const forward = action.ForwardConfig?.TargetGroups?.length
    ? action.ForwardConfig.TargetGroups.map((tg) => ({ targetGroupArn: tg.TargetGroupArn ?? '', weight: tg.Weight ?? 1 }))
    : action.TargetGroupArn
      ? [{ targetGroupArn: action.TargetGroupArn, weight: 1 }]
      : undefined;
  const redirect = action.RedirectConfig;
  return definedFields({
    type: type.data,
    order: action.Order,
    targetGroups: type.data === 'forward' ? forward : undefined,
    fixedResponseStatusCode: action.FixedResponseConfig?.StatusCode,
    redirectUrl: redirect
      ? `${redirect.Protocol ?? '#{protocol}'}://${redirect.Host ?? '#{host}'}:${redirect.Port ?? '#{port}'}${redirect.Path ?? '/#{path}'}${redirect.Query ? `?${redirect.Query}` : ''} (${redirect.StatusCode})`
      : undefined,
  });
}

function toRule(rule: Rule): ListenerRule {
  return {
    ruleArn: rule.RuleArn ?? '',
    priority: rule.Priority ?? 'default',
    isDefault: rule.IsDefault ?? rule.Priority === 'default',
    conditions: (rule.Conditions ?? []).map((c) => ({
      field: c.Field ?? '',
      values: c.Values?.length
        ? c.Values
        : (c.PathPatternConfig?.Values ?? c.HostHeaderConfig?.Values ?? c.HttpRequestMethodConfig?.Values ?? c.SourceIpConfig?.Values ?? c.HttpHeaderConfig?.Values ?? c.QueryStringConfig?.Values?.map((q) => `${q.Key ?? ''}=${q.Value ?? ''}`) ?? []),
    })),
    actions: (rule.Actions ?? []).map(toRuleAction).filter((a): a is RuleAction => a !== undefined),
  };
}

/** Evaluation order (ALB-1): ascending numeric priority, the default rule last. */
export function sortRules(rules: ListenerRule[]): ListenerRule[] {
  return [...rules].sort((a, b) => (a.isDefault ? 1 : 0) - (b.isDefault ? 1 : 0) || Number(a.priority) - Number(b.priority));
}

function toTargetGroup(tg: SdkTargetGroup, targets: TargetHealthDescription[]): TargetGroup {
  const targetType = (['instance', 'ip', 'lambda', 'alb'] as const).find((t) => t === tg.TargetType) ?? 'instance';
  return definedFields({
    targetGroupArn: tg.TargetGroupArn ?? '',
    targetGroupName: tg.TargetGroupName ?? '',
    protocol: tg.Protocol,
    port: tg.Port,
    targetType,
    healthCheckPath: tg.HealthCheckPath,
    healthCheck: definedFields({
      enabled: tg.HealthCheckEnabled,
      protocol: tg.HealthCheckProtocol,
      path: tg.HealthCheckPath,
      intervalSeconds: tg.HealthCheckIntervalSeconds ?? 30,
      timeoutSeconds: tg.HealthCheckTimeoutSeconds ?? 5,
      healthyThresholdCount: tg.HealthyThresholdCount ?? 5,
      unhealthyThresholdCount: tg.UnhealthyThresholdCount ?? 2,
      matcher: tg.Matcher?.HttpCode ?? tg.Matcher?.GrpcCode,
    }),
    loadBalancerArns: tg.LoadBalancerArns ?? [],
    targets,
  });
}

/**
 * What an earlier poll read, reused instead of asked again: listeners and rules per load balancer
 * (settings that rarely change, poll-plan.ts SETTINGS_INTERVAL_MS) and the targets of the groups
 * whose health is known unchanged (target-health-plan.ts). Anything not held is read at once.
 */
export interface HeldLoadBalancing {
  listeners?: ReadonlyMap<string, Listener[]>;
  /** LBA-7: DescribeLoadBalancerAttributes is a setting too, held like the listeners. */
  attributes?: ReadonlyMap<string, LoadBalancerAttribute[]>;
  targets?: ReadonlyMap<string, TargetHealthDescription[]>;
}

export function listenersOf(loadBalancers: readonly LoadBalancer[]): ReadonlyMap<string, Listener[]> {
  return new Map(loadBalancers.map((lb) => [lb.loadBalancerArn, lb.listeners]));
}

/** The load balancers' attributes as last read (those read), for reuse within the settings interval. */
export function attributesOf(loadBalancers: readonly LoadBalancer[]): ReadonlyMap<string, LoadBalancerAttribute[]> {
  return new Map(loadBalancers.filter((lb) => lb.attributes).map((lb) => [lb.loadBalancerArn, lb.attributes!]));
}

/**
 * LBA-7: one DescribeLoadBalancerAttributes per load balancer (it takes one ARN), each attribute with
 * AWS's default beside it. A load balancer whose attributes cannot be read (no
 * elasticloadbalancing:DescribeLoadBalancerAttributes, a throttled call that gave up) is shown without
 * them rather than failing the load balancers; they are asked for again on the next poll.
 */
async function describeAttributes(client: ElasticLoadBalancingV2Client, loadBalancerArn: string, scheme: LoadBalancer['scheme']): Promise<LoadBalancerAttribute[] | undefined> {
  try {
    const output = await client.send(new DescribeLoadBalancerAttributesCommand({ LoadBalancerArn: loadBalancerArn }));
    const read = (output.Attributes ?? []).filter((a) => a.Key).map((a) => ({ key: a.Key!, value: a.Value ?? '' }));
    return annotateDefaults(read, scheme).slice(0, 64);
  } catch {
    return undefined;
  }
}

async function describeListeners(client: ElasticLoadBalancingV2Client, loadBalancerArn: string | undefined): Promise<Listener[]> {
  const listeners: Listener[] = [];
  for await (const listenerPage of paginateDescribeListeners({ client }, { LoadBalancerArn: loadBalancerArn })) {
    for (const listener of listenerPage.Listeners ?? []) {
      const rules: ListenerRule[] = [];
      for await (const rulePage of paginateDescribeRules({ client }, { ListenerArn: listener.ListenerArn })) {
        rules.push(...(rulePage.Rules ?? []).map(toRule));
      }
      listeners.push({ listenerArn: listener.ListenerArn ?? '', port: listener.Port ?? 0, protocol: listener.Protocol ?? 'HTTP', rules: sortRules(rules) });
    }
  }
  return listeners;
}

/** DescribeTargetHealth takes one target group per call (API_DescribeTargetHealth.html). */
async function describeTargets(client: ElasticLoadBalancingV2Client, targetGroupArn: string | undefined): Promise<TargetHealthDescription[]> {
  const health = await client.send(new DescribeTargetHealthCommand({ TargetGroupArn: targetGroupArn }));
  return (health.TargetHealthDescriptions ?? []).map((d) =>
    definedFields({
      targetId: d.Target?.Id ?? '',
      port: d.Target?.Port,
      availabilityZone: d.Target?.AvailabilityZone,
      state: TargetHealthState.catch('unavailable').parse(d.TargetHealth?.State),
      reason: d.TargetHealth?.Reason,
      description: d.TargetHealth?.Description,
    }),
  );
}

/** `held`: what may be reused (see HeldLoadBalancing); without it everything is read. */
export async function discoverLoadBalancing(client: ElasticLoadBalancingV2Client, held: HeldLoadBalancing = {}): Promise<LoadBalancingInventory> {
  const loadBalancers: LoadBalancer[] = [];
  for await (const page of paginateDescribeLoadBalancers({ client }, {})) {
    for (const lb of page.LoadBalancers ?? []) {
      // Flightdeck models Application Load Balancers; NLB/GWLB listeners have other shapes.
      if (lb.Type && lb.Type !== 'application') continue;
      const listeners = [...(held.listeners?.get(lb.LoadBalancerArn ?? '') ?? (await describeListeners(client, lb.LoadBalancerArn)))];
      const state = (['provisioning', 'active', 'active_impaired', 'failed'] as const).find((s) => s === lb.State?.Code) ?? 'provisioning';
      const scheme = lb.Scheme === 'internal' ? ('internal' as const) : ('internet-facing' as const);
      const arn = lb.LoadBalancerArn ?? '';
      const attributes = held.attributes?.get(arn) ?? (arn ? await describeAttributes(client, arn, scheme) : undefined);
      const ipAddressType = IpAddressType.safeParse(lb.IpAddressType);
      loadBalancers.push(
        definedFields({
          loadBalancerArn: lb.LoadBalancerArn ?? '',
          loadBalancerName: lb.LoadBalancerName ?? '',
          dnsName: lb.DNSName ?? '',
          canonicalHostedZoneId: lb.CanonicalHostedZoneId,
          scheme,
          state,
          availabilityZones: (lb.AvailabilityZones ?? []).map((az) => az.ZoneName ?? '').filter(Boolean),
          listeners: listeners.sort((a, b) => a.port - b.port),
          createdTime: iso(lb.CreatedTime),
          ipAddressType: ipAddressType.success ? ipAddressType.data : undefined,
          attributes,
        }),
      );
    }
  }

  const targetGroups: TargetGroup[] = [];
  for await (const page of paginateDescribeTargetGroups({ client }, {})) {
    for (const tg of page.TargetGroups ?? []) {
      const targets = held.targets?.get(tg.TargetGroupArn ?? '') ?? (await describeTargets(client, tg.TargetGroupArn));
      targetGroups.push(toTargetGroup(tg, targets));
    }
  }
  return { loadBalancers, targetGroups };
}
