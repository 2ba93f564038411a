/**
 * The Elastic Load Balancing v2 resource types the simulator understands (AWS::ElasticLoadBalancingV2::*):
 * their properties (AWS names), what `Ref` returns and which `Fn::GetAtt` attributes exist; registered in
 * scenario/resource-registry.ts. docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/AWS_ElasticLoadBalancingV2.html
 */
import { z } from 'zod';
import { codedCheck, problemParams } from '../../../coded-checks';
import { cfnBoolean, cfnIntegerIn, cfnNumberIn, cfnString, cfnTags } from '../scenario/cfn-values';
import { codeOfIssue } from '../scenario/issue-codes';
import { listOf, MAX_GROUP_INSTANCES } from '../scenario/limits';
import type { ResourceIdentity, ResourceTypeSpec, SpecCheckReport } from '../scenario/resource-spec';
import { parseMatcher } from './health-check-matcher';

/** ELB limits (elb-target-group-attributes, listener rules, forward actions). */
const port = cfnIntegerIn('Port', 1, 65_535);

/** Numeric target group attributes (given as strings) and their ranges (elb target group attributes page). */
const NUMERIC_TARGET_GROUP_ATTRIBUTES: Record<string, [number, number]> = {
  'deregistration_delay.timeout_seconds': [0, 3_600],
  'slow_start.duration_seconds': [0, 900],
  'stickiness.lb_cookie.duration_seconds': [1, 604_800],
};

/** `[{ Key, Value }]` with each numeric attribute's Value parsed and bounded (its text is not trusted). */
// CloudFormation takes a YAML boolean for Value too (`Value: false`) and passes it as text.
const attributeValue = z.union([cfnString, z.boolean().transform(String)]);
const targetGroupAttributes = z.array(z.object({ Key: z.string(), Value: attributeValue })).superRefine((attributes, ctx) => {
  attributes.forEach((attribute, index) => {
    const range = NUMERIC_TARGET_GROUP_ATTRIBUTES[attribute.Key];
    if (!range) return;
    const parsed = cfnNumberIn(attribute.Key, range[0], range[1]).safeParse(attribute.Value);
    for (const issue of parsed.error?.issues ?? []) {
      const { code, params } = codeOfIssue(issue, attribute.Key, '', attribute.Value);
      ctx.addIssue({ code: 'custom', message: issue.message, path: [index, 'Value'], params: problemParams(code, params) });
    }
  });
});

const elbArn = (id: ResourceIdentity, kind: string) => `arn:aws:elasticloadbalancing:${id.region}:${id.accountId}:${kind}`;
const loadBalancerArn = (id: ResourceIdentity) => elbArn(id, `loadbalancer/app/${id.name}/${id.hex.slice(0, 16)}`);
/** ALB DNS names look like `my-alb-1234567890.us-east-1.elb.amazonaws.com`. */
export const loadBalancerDnsName = (id: ResourceIdentity) =>
  `${id.name}-${parseInt(id.hex.slice(0, 8), 16) % 2_000_000_000}.${id.region}.elb.amazonaws.com`.toLowerCase();

/** Canonical hosted zone ids of ALBs per region (elasticloadbalancing regions table). */
export const ALB_HOSTED_ZONE_IDS: Record<string, string> = {
  'us-east-1': 'Z35SXDOTRQ7X7K',
  'us-east-2': 'Z3AADJGX6KTTL2',
  'us-west-1': 'Z368ELLRRE2KJ0',
  'us-west-2': 'Z1H1FL5HABSF5',
  'eu-west-1': 'Z32O12XQLNTSW2',
  'eu-central-1': 'Z215JYRZR1TBD5',
  'ap-northeast-1': 'Z14GRHDCWA56QT',
  'ap-northeast-2': 'ZWKZPGTI48KDX',
  'ap-southeast-1': 'Z1LMS91P8CMLE5',
  'ap-southeast-2': 'Z1GM3OXH4ZPM65',
  'sa-east-1': 'Z2P70J7HTTTPLU',
};

export const ListenerActionSchema = z.object({
  Type: z.enum(['forward', 'redirect', 'fixed-response', 'authenticate-oidc', 'authenticate-cognito']),
  TargetGroupArn: z.string().optional(),
  Order: cfnIntegerIn('Order', 1, 50_000).optional(),
  ForwardConfig: z
    .object({
      TargetGroups: listOf('TargetGroups', z.object({ TargetGroupArn: z.string(), Weight: cfnIntegerIn('Weight', 0, 999).optional() }), 5).min(1),
      TargetGroupStickinessConfig: z.unknown().optional(),
    })
    .optional(),
  FixedResponseConfig: z
    .object({ StatusCode: cfnString.refine((code) => /^[245]\d\d$/.test(code), codedCheck('value.notAnHttpStatus', 'StatusCode must be an HTTP status 2XX, 4XX or 5XX', { allowed: '2XX, 4XX, 5XX' })), ContentType: z.string().optional(), MessageBody: z.string().optional() })
    .optional(),
  RedirectConfig: z
    .object({ StatusCode: z.enum(['HTTP_301', 'HTTP_302']), Protocol: z.string().optional(), Host: z.string().optional(), Port: cfnString.optional(), Path: z.string().optional(), Query: z.string().optional() })
    .optional(),
});
export type ListenerActionInput = z.output<typeof ListenerActionSchema>;

const valuesConfig = z.object({ Values: z.array(z.string()).min(1) });
/** Both forms CloudFormation accepts: `Field` + `Values`, or the typed `…Config` blocks. */
export const RuleConditionSchema = z.object({
  Field: z.enum(['path-pattern', 'host-header', 'http-request-method', 'http-header', 'query-string', 'source-ip']).optional(),
  Values: z.array(z.string()).optional(),
  PathPatternConfig: valuesConfig.optional(),
  HostHeaderConfig: valuesConfig.optional(),
  HttpRequestMethodConfig: valuesConfig.optional(),
  HttpHeaderConfig: z.object({ HttpHeaderName: z.string().min(1), Values: z.array(z.string()).min(1) }).optional(),
  QueryStringConfig: z.unknown().optional(),
  SourceIpConfig: z.unknown().optional(),
});
export type RuleConditionInput = z.output<typeof RuleConditionSchema>;

function checkActions(actions: ListenerActionInput[], property: string, report: SpecCheckReport): void {
  actions.forEach((action, index) => {
    if (action.Type === 'forward' && !action.TargetGroupArn && !action.ForwardConfig) report(`${property}.${index}`, 'a forward action needs TargetGroupArn or ForwardConfig', { code: 'listener.forwardWithoutTarget' });
    if (action.Type === 'fixed-response' && !action.FixedResponseConfig) report(`${property}.${index}`, 'a fixed-response action needs FixedResponseConfig', { code: 'listener.fixedResponseWithoutConfig' });
    if (action.Type === 'redirect' && !action.RedirectConfig) report(`${property}.${index}`, 'a redirect action needs RedirectConfig', { code: 'listener.redirectWithoutConfig' });
  });
}

export const ALB_RESOURCE_TYPES: Record<string, ResourceTypeSpec> = {
  'AWS::ElasticLoadBalancingV2::LoadBalancer': {
    nameProperty: 'Name',
    maxNameLength: 32,
    properties: z.object({
      Name: z.string().optional(),
      Type: z.enum(['application', 'network', 'gateway']).optional(),
      Scheme: z.enum(['internet-facing', 'internal']).optional(),
      Subnets: z.array(z.string()).optional(),
      // LBA-1/LBA-2: checked against the ALB attribute catalog in validate.ts (load-balancer-attribute-checks.ts).
      IpAddressType: z.enum(['ipv4', 'dualstack', 'dualstack-without-public-ipv4']).optional(),
      LoadBalancerAttributes: listOf('LoadBalancerAttributes', z.object({ Key: z.string().max(128), Value: attributeValue }), 64).optional(),
      Tags: cfnTags,
    }),
    ignored: ['SecurityGroups', 'SubnetMappings'],
    ref: loadBalancerArn,
    servedNames: (id) => [loadBalancerDnsName(id)],
    attributes: {
      DNSName: loadBalancerDnsName,
      LoadBalancerName: (id) => id.name,
      LoadBalancerArn: loadBalancerArn,
      LoadBalancerFullName: (id) => `app/${id.name}/${id.hex.slice(0, 16)}`,
      CanonicalHostedZoneID: (id) => ALB_HOSTED_ZONE_IDS[id.region] ?? 'Z35SXDOTRQ7X7K',
    },
  },
  'AWS::ElasticLoadBalancingV2::TargetGroup': {
    nameProperty: 'Name',
    maxNameLength: 32,
    properties: z.object({
      Name: z.string().optional(),
      Port: port.optional(),
      Protocol: z.enum(['HTTP', 'HTTPS', 'TCP', 'TLS', 'UDP', 'TCP_UDP', 'GENEVE']).optional(),
      TargetType: z.enum(['instance', 'ip', 'lambda', 'alb']).optional(),
      HealthCheckPath: z.string().optional(),
      HealthCheckIntervalSeconds: cfnIntegerIn('HealthCheckIntervalSeconds', 5, 300).optional(),
      HealthCheckTimeoutSeconds: cfnIntegerIn('HealthCheckTimeoutSeconds', 2, 120).optional(),
      HealthyThresholdCount: cfnIntegerIn('HealthyThresholdCount', 2, 10).optional(),
      UnhealthyThresholdCount: cfnIntegerIn('UnhealthyThresholdCount', 2, 10).optional(),
      HealthCheckEnabled: cfnBoolean.optional(),
      Matcher: z.object({ HttpCode: cfnString.optional(), GrpcCode: z.string().optional() }).optional(),
      TargetGroupAttributes: targetGroupAttributes.optional(),
      Targets: listOf('Targets', z.object({ Id: z.string(), Port: port.optional(), AvailabilityZone: z.string().optional() }), MAX_GROUP_INSTANCES).optional(),
      Tags: cfnTags,
    }),
    ignored: ['VpcId', 'HealthCheckPort', 'HealthCheckProtocol', 'ProtocolVersion', 'IpAddressType'],
    check(properties, report) {
      const code = (properties.Matcher as { HttpCode?: string } | undefined)?.HttpCode;
      const parsed = code === undefined ? undefined : parseMatcher(code);
      if (parsed && 'error' in parsed) report('Matcher', parsed.error, parsed.detail);
    },
    ref: (id) => elbArn(id, `targetgroup/${id.name}/${id.hex.slice(0, 16)}`),
    attributes: {
      TargetGroupArn: (id) => elbArn(id, `targetgroup/${id.name}/${id.hex.slice(0, 16)}`),
      TargetGroupName: (id) => id.name,
      TargetGroupFullName: (id) => `targetgroup/${id.name}/${id.hex.slice(0, 16)}`,
    },
  },
  'AWS::ElasticLoadBalancingV2::Listener': {
    properties: z.object({
      LoadBalancerArn: z.string(),
      Port: port.optional(),
      Protocol: z.enum(['HTTP', 'HTTPS', 'TCP', 'TLS', 'UDP', 'TCP_UDP', 'GENEVE']).optional(),
      DefaultActions: z.array(ListenerActionSchema).min(1),
    }),
    ignored: ['Certificates', 'SslPolicy', 'AlpnPolicy', 'MutualAuthentication'],
    check: (properties, report) => checkActions(properties.DefaultActions as ListenerActionInput[], 'DefaultActions', report),
    ref: (id) => elbArn(id, `listener/app/${id.name}/${id.hex.slice(0, 16)}/${id.hex.slice(16, 32)}`),
    attributes: {
      ListenerArn: (id) => elbArn(id, `listener/app/${id.name}/${id.hex.slice(0, 16)}/${id.hex.slice(16, 32)}`),
    },
  },
  'AWS::ElasticLoadBalancingV2::ListenerRule': {
    properties: z.object({
      ListenerArn: z.string(),
      Priority: cfnIntegerIn('Priority', 1, 50_000),
      Conditions: z.array(RuleConditionSchema).min(1),
      Actions: z.array(ListenerActionSchema).min(1),
    }),
    check(properties, report) {
      const priority = properties.Priority as number;
      if (priority < 1 || priority > 50_000) report('Priority', `Priority ${priority} must be between 1 and 50000`, { code: 'listenerRule.priorityOutOfRange', params: { priority } });
      (properties.Conditions as RuleConditionInput[]).forEach((condition, index) => {
        const field = condition.Field;
        const hasValues = condition.Values?.length || condition.PathPatternConfig || condition.HostHeaderConfig || condition.HttpRequestMethodConfig || condition.HttpHeaderConfig;
        if (!field && !condition.PathPatternConfig && !condition.HostHeaderConfig && !condition.HttpRequestMethodConfig && !condition.HttpHeaderConfig) {
          report(`Conditions.${index}`, 'a condition needs Field (path-pattern, host-header, …) or a PathPatternConfig / HostHeaderConfig / HttpHeaderConfig block', {
            code: 'listenerRule.conditionWithoutField',
          });
        } else if (field === 'http-header' && !condition.HttpHeaderConfig) {
          report(`Conditions.${index}`, 'an http-header condition needs HttpHeaderConfig (HttpHeaderName and Values)', { code: 'listenerRule.httpHeaderWithoutConfig' });
        } else if (field && !['path-pattern', 'host-header', 'http-request-method', 'http-header'].includes(field)) {
          report(`Conditions.${index}.Field`, `condition field ${field} is not simulated; only path-pattern, host-header, http-request-method and http-header are`, {
            code: 'listenerRule.conditionFieldNotSimulated',
            params: { field },
          });
        } else if (!hasValues) {
          report(`Conditions.${index}`, 'a condition needs at least one value', { code: 'listenerRule.conditionWithoutValues' });
        }
      });
      checkActions(properties.Actions as ListenerActionInput[], 'Actions', report);
    },
    ref: (id) => elbArn(id, `listener-rule/app/${id.name}/${id.hex.slice(0, 16)}/${id.hex.slice(16, 32)}`),
    attributes: {
      RuleArn: (id) => elbArn(id, `listener-rule/app/${id.name}/${id.hex.slice(0, 16)}/${id.hex.slice(16, 32)}`),
      IsDefault: () => 'false',
    },
  },
};
