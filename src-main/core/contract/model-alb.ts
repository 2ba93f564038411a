/**
 * Elastic Load Balancing v2 (Application Load Balancer), as DescribeLoadBalancers, DescribeListeners,
 * DescribeRules, DescribeTargetGroups and DescribeTargetHealth return it.
 * docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/
 */
import { z } from 'zod';
import { IsoTime } from './model-common';
import { TargetCounts } from './model-live';

export const TargetHealthState = z.enum(['initial', 'healthy', 'unhealthy', 'unused', 'draining', 'unavailable']);
export type TargetHealthState = z.infer<typeof TargetHealthState>;

export const TargetHealthDescription = z.object({
  targetId: z.string(),
  port: z.number().int().optional(),
  availabilityZone: z.string().optional(),
  state: TargetHealthState,
  /** Elb.RegistrationInProgress, Target.FailedHealthChecks, Target.Timeout, Target.DeregistrationInProgress … */
  reason: z.string().optional(),
  description: z.string().optional(),
});
export type TargetHealthDescription = z.infer<typeof TargetHealthDescription>;

/**
 * LTG-1: the reason DescribeTargetHealth gives a target of a group with health checks off (a Lambda
 * target's default): state `unavailable`, and the load balancer still sends it requests. Such a target
 * is neither healthy nor unhealthy: nothing checks it (API_TargetHealth.html, lambda-functions.html).
 */
export const HEALTH_CHECK_DISABLED = 'Target.HealthCheckDisabled';

/** Whether nothing checks this target: health checks are off for its group (LTG-1). */
export function isUnchecked(target: Pick<TargetHealthDescription, 'state' | 'reason'>): boolean {
  return target.state === 'unavailable' && target.reason === HEALTH_CHECK_DISABLED;
}

export const TargetGroupHealthCheck = z.object({
  /**
   * HealthCheckEnabled: on for instance and ip targets, off by default for a Lambda target; with it
   * off the group publishes neither HealthyHostCount nor UnHealthyHostCount (ALB-13). Absent: not read.
   */
  enabled: z.boolean().optional(),
  protocol: z.string().optional(),
  path: z.string().optional(),
  intervalSeconds: z.number().int(),
  timeoutSeconds: z.number().int(),
  healthyThresholdCount: z.number().int(),
  unhealthyThresholdCount: z.number().int(),
  matcher: z.string().optional(),
});
export type TargetGroupHealthCheck = z.infer<typeof TargetGroupHealthCheck>;

export const TargetGroup = z.object({
  targetGroupArn: z.string().min(1),
  targetGroupName: z.string().min(1),
  protocol: z.string().optional(),
  port: z.number().int().optional(),
  targetType: z.enum(['instance', 'ip', 'lambda', 'alb']),
  healthCheckPath: z.string().optional(),
  healthCheck: TargetGroupHealthCheck.optional(),
  deregistrationDelaySeconds: z.number().int().optional(),
  slowStartSeconds: z.number().int().optional(),
  loadBalancerArns: z.array(z.string()),
  targets: z.array(TargetHealthDescription),
  /** The targets counted by health (set by the host; a window that does not list them gets `targets` empty: model-live.ts). */
  targetCounts: TargetCounts.optional(),
});
export type TargetGroup = z.infer<typeof TargetGroup>;

/** A rule condition: `path-pattern` and `host-header` are simulated; others are shown as configured. */
export const RuleCondition = z.object({
  field: z.string(),
  values: z.array(z.string()),
});
export type RuleCondition = z.infer<typeof RuleCondition>;

export const RuleAction = z.object({
  type: z.enum(['forward', 'redirect', 'fixed-response', 'authenticate-oidc', 'authenticate-cognito']),
  order: z.number().int().optional(),
  /** forward: one or more target groups with weights (a single TargetGroupArn is weight 1). */
  targetGroups: z.array(z.object({ targetGroupArn: z.string(), weight: z.number().int() })).optional(),
  fixedResponseStatusCode: z.string().optional(),
  redirectUrl: z.string().optional(),
});
export type RuleAction = z.infer<typeof RuleAction>;

export const ListenerRule = z.object({
  ruleArn: z.string(),
  /** "1" … "50000", or "default" for the listener's default action (evaluated last, ALB-1). */
  priority: z.string(),
  isDefault: z.boolean(),
  conditions: z.array(RuleCondition),
  actions: z.array(RuleAction),
});
export type ListenerRule = z.infer<typeof ListenerRule>;

export const Listener = z.object({
  listenerArn: z.string(),
  port: z.number().int(),
  protocol: z.string(),
  /** In evaluation order: ascending priority, default last. */
  rules: z.array(ListenerRule),
});
export type Listener = z.infer<typeof Listener>;

/**
 * How clients reach the load balancer (DescribeLoadBalancers IpAddressType): IPv4 only, IPv4 and IPv6
 * (its DNS name answers A and AAAA), or public IPv6 only. load-balancer-ip-address-type.html
 */
export const IpAddressType = z.enum(['ipv4', 'dualstack', 'dualstack-without-public-ipv4']);
export type IpAddressType = z.infer<typeof IpAddressType>;

/**
 * One attribute as DescribeLoadBalancerAttributes returns it (deletion_protection.enabled,
 * idle_timeout.timeout_seconds …), with AWS's default when Flightdeck knows it
 * (core/elbv2/load-balancer-attributes.ts): equal to `value` means the attribute was left as it is.
 */
export const LoadBalancerAttribute = z.object({
  key: z.string().max(128),
  value: z.string().max(1024),
  defaultValue: z.string().max(1024).optional(),
});
export type LoadBalancerAttribute = z.infer<typeof LoadBalancerAttribute>;

export const LoadBalancer = z.object({
  loadBalancerArn: z.string().min(1),
  loadBalancerName: z.string().min(1),
  dnsName: z.string(),
  canonicalHostedZoneId: z.string().optional(),
  scheme: z.enum(['internet-facing', 'internal']),
  state: z.enum(['provisioning', 'active', 'active_impaired', 'failed']),
  availabilityZones: z.array(z.string()),
  listeners: z.array(Listener).default([]),
  createdTime: IsoTime.optional(),
  /** Absent when not known (an older snapshot); AWS's default is ipv4. */
  ipAddressType: IpAddressType.optional(),
  /** Absent when not read yet (AWS mode reads them with the settings, poll-plan.ts). */
  attributes: z.array(LoadBalancerAttribute).max(64).optional(),
});
export type LoadBalancer = z.infer<typeof LoadBalancer>;

/** One sampled request, shaped like an ALB access-log entry (ALB-9). */
export const AccessLogEntry = z.object({
  time: IsoTime,
  loadBalancerName: z.string(),
  clientLocation: z.string().optional(),
  request: z.string(),
  host: z.string().optional(),
  targetGroupName: z.string().optional(),
  target: z.string().optional(),
  elbStatusCode: z.number().int(),
  targetStatusCode: z.number().int().optional(),
  targetProcessingTimeSeconds: z.number(),
  /** `Root=1-{8 hex epoch seconds}-{24 hex}`. */
  traceId: z.string(),
  /** The client's address (client:port in the log, without the port). */
  clientIp: z.string().max(64).optional(),
  /** actions_executed: `waf` when AWS WAF inspected the request and it was the final action (it blocked it). */
  actionsExecuted: z.array(z.string().max(32)).max(10).optional(),
  /** The web ACL and rule that blocked the request (AWS WAF's log: terminatingRuleId, action). */
  waf: z.object({ webAclName: z.string().max(128), ruleName: z.string().max(128), action: z.enum(['BLOCK']) }).optional(),
});
export type AccessLogEntry = z.infer<typeof AccessLogEntry>;
