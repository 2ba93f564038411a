/**
 * The CloudFormation resource types the simulator understands: their properties (AWS names, from the
 * AWS::* resource reference pages), what `Ref` returns and which `Fn::GetAtt` attributes exist.
 * docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-template-resource-type-ref.html
 *
 * `ignored` lists real properties that do not change simulated behaviour (subnets, security groups,
 * tags…): they are accepted silently so a real template loads without noise. Anything else that is
 * not in the schema is reported as a warning that names it.
 */
import { z } from 'zod';
import { GROUP_METRICS } from '../asg/group-metrics';
import { isValidTimeZone, parseCron } from '../asg/cron';
import { parseMatcher } from '../alb/health-check-matcher';
import { cfnBoolean, cfnIntegerIn, cfnNumberIn, cfnString, cfnTags } from './cfn-values';
import { listOf, MAX_DAY_SECONDS, MAX_GROUP_INSTANCES, MAX_METRIC_MAGNITUDE, MAX_STEP_ADJUSTMENTS, MAX_TARGET_GROUPS_PER_GROUP } from './limits';

/** ELB limits (elb-target-group-attributes, listener rules, forward actions) and our per-group instance cap. */
const port = cfnIntegerIn('Port', 1, 65_535);
const instances = (what: string) => cfnIntegerIn(what, 0, MAX_GROUP_INSTANCES, 'instances per Auto Scaling group in the simulator');
const seconds = (what: string) => cfnIntegerIn(what, 0, MAX_DAY_SECONDS, 'one day');
const metricValue = (what: string) => cfnNumberIn(what, -MAX_METRIC_MAGNITUDE, MAX_METRIC_MAGNITUDE);

/** Numeric target group attributes (given as strings) and their ranges (elb target group attributes page). */
const NUMERIC_TARGET_GROUP_ATTRIBUTES: Record<string, [number, number]> = {
  'deregistration_delay.timeout_seconds': [0, 3_600],
  'slow_start.duration_seconds': [0, 900],
  'stickiness.lb_cookie.duration_seconds': [1, 604_800],
};

/**
 * `[{ Key, Value }]` with each numeric attribute's Value parsed and bounded (its text is not trusted).
 * CloudFormation takes a YAML boolean or number for Value too (`Value: false`) and passes it as text.
 */
const attributeValue = z.union([cfnString, z.boolean().transform(String)]);
const targetGroupAttributes = z.array(z.object({ Key: z.string(), Value: attributeValue })).superRefine((attributes, ctx) => {
  attributes.forEach((attribute, index) => {
    const range = NUMERIC_TARGET_GROUP_ATTRIBUTES[attribute.Key];
    if (!range) return;
    const parsed = cfnNumberIn(attribute.Key, range[0], range[1]).safeParse(attribute.Value);
    for (const issue of parsed.error?.issues ?? []) ctx.addIssue({ code: 'custom', message: issue.message, path: [index, 'Value'] });
  });
});

/** Identity of a resource once its name is known; every ARN and id derives from it. */
export interface ResourceIdentity {
  logicalId: string;
  /** The physical name: the Name-like property if given, else generated like CloudFormation does. */
  name: string;
  /** Stable hex derived from stack + logical id, used where AWS puts a random suffix. */
  hex: string;
  region: string;
  accountId: string;
}

export interface ResourceTypeSpec {
  properties: z.ZodObject<z.ZodRawShape>;
  ignored?: readonly string[];
  /** Simulator hints the type reads from the resource's `Metadata` (validated with path and line). */
  metadata?: z.ZodType;
  /** The property that names the resource (e.g. `Name`, `AutoScalingGroupName`). */
  nameProperty?: string;
  /** CloudFormation's generated names are limited for some types (ALB names: 32 characters). */
  maxNameLength?: number;
  ref(id: ResourceIdentity): string;
  /** DNS names this resource answers to, so Traffic may call them (an ALB's DNSName, a record's Name). */
  servedNames?(id: ResourceIdentity, properties: Record<string, unknown>): string[];
  /** Checks across properties (MinSize <= MaxSize …); `report` takes a property name. */
  check?(properties: Record<string, unknown>, report: (property: string, message: string) => void): void;
  /** `rawProperties` are the resource's Properties as written (intrinsics not evaluated), for attributes that depend on them. */
  attributes: Record<string, (id: ResourceIdentity, rawProperties: Record<string, unknown>) => unknown>;
}

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
    .object({ StatusCode: cfnString.refine((code) => /^[245]\d\d$/.test(code), 'StatusCode must be an HTTP status 2XX, 4XX or 5XX'), ContentType: z.string().optional(), MessageBody: z.string().optional() })
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

function checkActions(actions: ListenerActionInput[], property: string, report: (property: string, message: string) => void): void {
  actions.forEach((action, index) => {
    if (action.Type === 'forward' && !action.TargetGroupArn && !action.ForwardConfig) report(`${property}.${index}`, 'a forward action needs TargetGroupArn or ForwardConfig');
    if (action.Type === 'fixed-response' && !action.FixedResponseConfig) report(`${property}.${index}`, 'a fixed-response action needs FixedResponseConfig');
    if (action.Type === 'redirect' && !action.RedirectConfig) report(`${property}.${index}`, 'a redirect action needs RedirectConfig');
  });
}

function scalingPolicyArn(id: ResourceIdentity): string {
  const uuid = `${id.hex.slice(0, 8)}-${id.hex.slice(8, 12)}-${id.hex.slice(12, 16)}-${id.hex.slice(16, 20)}-${id.hex.slice(20, 32)}`;
  return `arn:aws:autoscaling:${id.region}:${id.accountId}:scalingPolicy:${uuid}:autoScalingGroupName/*:policyName/${id.name}`;
}

export const RESOURCE_TYPES: Record<string, ResourceTypeSpec> = {
  'AWS::ElasticLoadBalancingV2::LoadBalancer': {
    nameProperty: 'Name',
    maxNameLength: 32,
    properties: z.object({
      Name: z.string().optional(),
      Type: z.enum(['application', 'network', 'gateway']).optional(),
      Scheme: z.enum(['internet-facing', 'internal']).optional(),
      Subnets: z.array(z.string()).optional(),
      Tags: cfnTags,
    }),
    ignored: ['SecurityGroups', 'SubnetMappings', 'IpAddressType', 'LoadBalancerAttributes'],
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
      if (parsed && 'error' in parsed) report('Matcher', parsed.error);
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
      if (priority < 1 || priority > 50_000) report('Priority', `Priority ${priority} must be between 1 and 50000`);
      (properties.Conditions as RuleConditionInput[]).forEach((condition, index) => {
        const field = condition.Field;
        const hasValues = condition.Values?.length || condition.PathPatternConfig || condition.HostHeaderConfig || condition.HttpRequestMethodConfig || condition.HttpHeaderConfig;
        if (!field && !condition.PathPatternConfig && !condition.HostHeaderConfig && !condition.HttpRequestMethodConfig && !condition.HttpHeaderConfig) {
          report(`Conditions.${index}`, 'a condition needs Field (path-pattern, host-header, …) or a PathPatternConfig / HostHeaderConfig / HttpHeaderConfig block');
        } else if (field === 'http-header' && !condition.HttpHeaderConfig) {
          report(`Conditions.${index}`, 'an http-header condition needs HttpHeaderConfig (HttpHeaderName and Values)');
        } else if (field && !['path-pattern', 'host-header', 'http-request-method', 'http-header'].includes(field)) {
          report(`Conditions.${index}.Field`, `condition field ${field} is not simulated; only path-pattern, host-header, http-request-method and http-header are`);
        } else if (!hasValues) {
          report(`Conditions.${index}`, 'a condition needs at least one value');
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
  'AWS::EC2::LaunchTemplate': {
    nameProperty: 'LaunchTemplateName',
    properties: z.object({
      LaunchTemplateName: z.string().optional(),
      LaunchTemplateData: z
        .object({
          InstanceType: z.string().optional(),
          Monitoring: z.object({ Enabled: cfnBoolean.optional() }).optional(),
        })
        .loose()
        .optional(),
    }),
    ref: (id) => `lt-${id.hex.slice(0, 17)}`,
    attributes: {
      LaunchTemplateId: (id) => `lt-${id.hex.slice(0, 17)}`,
      LatestVersionNumber: () => '1',
      DefaultVersionNumber: () => '1',
    },
  },
  'AWS::AutoScaling::AutoScalingGroup': {
    nameProperty: 'AutoScalingGroupName',
    properties: z.object({
      AutoScalingGroupName: z.string().optional(),
      MinSize: instances('MinSize'),
      MaxSize: instances('MaxSize'),
      DesiredCapacity: instances('DesiredCapacity').optional(),
      Cooldown: seconds('Cooldown').optional(),
      // -1 turns the default instance warmup off; else 0–3600 s (ec2 auto scaling user guide).
      DefaultInstanceWarmup: cfnIntegerIn('DefaultInstanceWarmup', -1, 3_600).optional(),
      MetricsCollection: z.array(z.object({ Granularity: z.literal('1Minute'), Metrics: z.array(z.enum(GROUP_METRICS)).optional() })).optional(),
      AvailabilityZones: z.array(z.string()).optional(),
      VPCZoneIdentifier: z.array(z.string()).optional(),
      HealthCheckType: z.enum(['EC2', 'ELB', 'EBS', 'VPC_LATTICE']).optional(),
      HealthCheckGracePeriod: seconds('HealthCheckGracePeriod').optional(),
      TargetGroupARNs: listOf('TargetGroupARNs', z.string(), MAX_TARGET_GROUPS_PER_GROUP, 'AWS quota per Auto Scaling group').optional(),
      LaunchTemplate: z
        .object({ LaunchTemplateId: z.string().optional(), LaunchTemplateName: z.string().optional(), Version: cfnString.optional() })
        .optional(),
      LaunchConfigurationName: z.string().optional(),
      Tags: z.array(z.object({ Key: z.string(), Value: cfnString, PropagateAtLaunch: cfnBoolean.optional() })).optional(),
    }),
    check(properties, report) {
      const { MinSize: min, MaxSize: max, DesiredCapacity: desired } = properties as { MinSize: number; MaxSize: number; DesiredCapacity?: number };
      if (min < 0) report('MinSize', `MinSize ${min} cannot be negative`);
      if (min > max) report('MinSize', `MinSize ${min} is greater than MaxSize ${max}`);
      if (desired !== undefined && (desired < min || desired > max)) report('DesiredCapacity', `DesiredCapacity ${desired} is outside [MinSize ${min}, MaxSize ${max}]`);
      if (!properties.AvailabilityZones && !properties.VPCZoneIdentifier) report('AvailabilityZones', 'give AvailabilityZones (e.g. !GetAZs "") or VPCZoneIdentifier');
    },
    ignored: ['NotificationConfigurations', 'TerminationPolicies', 'CapacityRebalance', 'NewInstancesProtectedFromScaleIn', 'ServiceLinkedRoleARN', 'MixedInstancesPolicy', 'LifecycleHookSpecificationList', 'MaxInstanceLifetime', 'PlacementGroup'],
    ref: (id) => id.name,
    attributes: {},
  },
  'AWS::AutoScaling::ScalingPolicy': {
    nameProperty: 'PolicyName',
    properties: z.object({
      AutoScalingGroupName: z.string(),
      PolicyName: z.string().optional(),
      PolicyType: z.enum(['SimpleScaling', 'StepScaling', 'TargetTrackingScaling', 'PredictiveScaling']).optional(),
      AdjustmentType: z.enum(['ChangeInCapacity', 'ExactCapacity', 'PercentChangeInCapacity']).optional(),
      ScalingAdjustment: cfnIntegerIn('ScalingAdjustment', -MAX_GROUP_INSTANCES, MAX_GROUP_INSTANCES).optional(),
      MinAdjustmentMagnitude: cfnIntegerIn('MinAdjustmentMagnitude', 1, MAX_GROUP_INSTANCES).optional(),
      Cooldown: seconds('Cooldown').optional(),
      EstimatedInstanceWarmup: seconds('EstimatedInstanceWarmup').optional(),
      MetricAggregationType: z.enum(['Minimum', 'Maximum', 'Average']).optional(),
      StepAdjustments: listOf(
        'StepAdjustments',
        z.object({
          MetricIntervalLowerBound: metricValue('MetricIntervalLowerBound').optional(),
          MetricIntervalUpperBound: metricValue('MetricIntervalUpperBound').optional(),
          ScalingAdjustment: cfnIntegerIn('ScalingAdjustment', -MAX_GROUP_INSTANCES, MAX_GROUP_INSTANCES),
        }),
        MAX_STEP_ADJUSTMENTS,
        'AWS quota per step scaling policy',
      ).optional(),
      TargetTrackingConfiguration: z
        .object({
          TargetValue: metricValue('TargetValue'),
          DisableScaleIn: cfnBoolean.optional(),
          PredefinedMetricSpecification: z
            .object({
              PredefinedMetricType: z.enum(['ASGAverageCPUUtilization', 'ASGAverageNetworkIn', 'ASGAverageNetworkOut', 'ALBRequestCountPerTarget']),
              ResourceLabel: z.string().optional(),
            })
            .optional(),
          CustomizedMetricSpecification: z.unknown().optional(),
        })
        .optional(),
    }),
    ignored: ['PredictiveScalingConfiguration'],
    check(properties, report) {
      const type = (properties.PolicyType as string | undefined) ?? 'SimpleScaling';
      if (type === 'PredictiveScaling') report('PolicyType', 'PredictiveScaling is not simulated');
      if (type === 'TargetTrackingScaling') {
        const config = properties.TargetTrackingConfiguration as { PredefinedMetricSpecification?: { PredefinedMetricType: string }; CustomizedMetricSpecification?: unknown } | undefined;
        if (!config) report('TargetTrackingConfiguration', 'a TargetTrackingScaling policy needs TargetTrackingConfiguration');
        else if (!config.PredefinedMetricSpecification) report('TargetTrackingConfiguration', 'only PredefinedMetricSpecification is simulated (CustomizedMetricSpecification is not)');
      }
      if (type === 'SimpleScaling' && properties.ScalingAdjustment === undefined) report('ScalingAdjustment', 'a SimpleScaling policy needs ScalingAdjustment');
      if ((type === 'SimpleScaling' || type === 'StepScaling') && !properties.AdjustmentType) report('AdjustmentType', `a ${type} policy needs AdjustmentType`);
      if (type === 'StepScaling' && !(properties.StepAdjustments as unknown[] | undefined)?.length) report('StepAdjustments', 'a StepScaling policy needs StepAdjustments');
      if (properties.MinAdjustmentMagnitude !== undefined && properties.AdjustmentType !== 'PercentChangeInCapacity') {
        report('MinAdjustmentMagnitude', 'MinAdjustmentMagnitude applies only with AdjustmentType PercentChangeInCapacity');
      }
    },
    ref: (id) => scalingPolicyArn(id),
    attributes: {
      PolicyName: (id) => id.name,
      Arn: (id) => scalingPolicyArn(id),
    },
  },
  'AWS::AutoScaling::ScheduledAction': {
    properties: z.object({
      AutoScalingGroupName: z.string(),
      DesiredCapacity: instances('DesiredCapacity').optional(),
      MinSize: instances('MinSize').optional(),
      MaxSize: instances('MaxSize').optional(),
      Recurrence: z.string().optional(),
      StartTime: z.string().optional(),
      EndTime: z.string().optional(),
      TimeZone: z.string().optional(),
    }),
    check(properties, report) {
      if (properties.DesiredCapacity === undefined && properties.MinSize === undefined && properties.MaxSize === undefined) {
        report('DesiredCapacity', 'a scheduled action sets at least one of DesiredCapacity, MinSize, MaxSize');
      }
      if (!properties.Recurrence && !properties.StartTime) report('Recurrence', 'give Recurrence (cron) or StartTime (a one-off run)');
      if (typeof properties.Recurrence === 'string') {
        try {
          parseCron(properties.Recurrence);
        } catch (error) {
          report('Recurrence', `Recurrence "${properties.Recurrence}" is not a 5-field cron expression: ${(error as Error).message}`);
        }
      }
      if (typeof properties.TimeZone === 'string' && !isValidTimeZone(properties.TimeZone)) report('TimeZone', `TimeZone "${properties.TimeZone}" is not an IANA time zone such as Europe/Berlin`);
      for (const key of ['StartTime', 'EndTime'] as const) {
        if (properties[key] !== undefined && !Number.isFinite(Date.parse(properties[key] as string))) report(key, `${key} must be an ISO date-time such as 2026-11-20T15:00:00Z`);
      }
    },
    ref: (id) => `${id.name}`,
    attributes: {},
  },
  'AWS::AutoScaling::LaunchConfiguration': {
    nameProperty: 'LaunchConfigurationName',
    properties: z.object({ LaunchConfigurationName: z.string().optional(), InstanceType: z.string(), ImageId: z.string().optional(), InstanceMonitoring: cfnBoolean.optional() }),
    ignored: ['SecurityGroups', 'KeyName', 'UserData', 'IamInstanceProfile', 'BlockDeviceMappings', 'AssociatePublicIpAddress', 'EbsOptimized', 'MetadataOptions'],
    ref: (id) => id.name,
    attributes: {},
  },
  // AWS::CloudWatch::Alarm: cloudwatch/alarm-resource-type.ts (single-metric and metric-math alarms).
};

/** Types a template may contain that have no effect on simulation; loading skips them quietly. */
export const SAFELY_IGNORED_TYPES = new Set([
  'AWS::Lambda::Permission',
  'AWS::EC2::VPC',
  'AWS::EC2::Subnet',
  'AWS::EC2::SecurityGroup',
  'AWS::EC2::SecurityGroupIngress',
  'AWS::EC2::InternetGateway',
  'AWS::EC2::VPCGatewayAttachment',
  'AWS::EC2::RouteTable',
  'AWS::EC2::Route',
  'AWS::EC2::SubnetRouteTableAssociation',
  'AWS::IAM::Role',
  'AWS::IAM::InstanceProfile',
  'AWS::IAM::Policy',
  'AWS::Logs::LogGroup',
]);
