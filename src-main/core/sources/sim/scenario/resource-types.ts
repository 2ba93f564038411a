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
import { ROUTE53_RESOURCE_TYPES } from '../route53/resource-types';
import { cfnBoolean, cfnInteger, cfnNumber, cfnString, cfnTags } from './cfn-values';

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
  /** The property that names the resource (e.g. `Name`, `AutoScalingGroupName`). */
  nameProperty?: string;
  /** CloudFormation's generated names are limited for some types (ALB names: 32 characters). */
  maxNameLength?: number;
  ref(id: ResourceIdentity): string;
  /** Checks across properties (MinSize <= MaxSize …); `report` takes a property name. */
  check?(properties: Record<string, unknown>, report: (property: string, message: string) => void): void;
  attributes: Record<string, (id: ResourceIdentity) => unknown>;
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

const forwardAction = z.object({
  Type: z.enum(['forward', 'redirect', 'fixed-response', 'authenticate-oidc', 'authenticate-cognito']),
  TargetGroupArn: z.string().optional(),
  Order: cfnInteger.optional(),
  ForwardConfig: z
    .object({
      TargetGroups: z.array(z.object({ TargetGroupArn: z.string(), Weight: cfnInteger.optional() })),
    })
    .optional(),
  FixedResponseConfig: z
    .object({ StatusCode: cfnString, ContentType: z.string().optional(), MessageBody: z.string().optional() })
    .optional(),
  RedirectConfig: z.record(z.string(), z.unknown()).optional(),
});

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
      Port: cfnInteger.optional(),
      Protocol: z.enum(['HTTP', 'HTTPS', 'TCP', 'TLS', 'UDP', 'TCP_UDP', 'GENEVE']).optional(),
      TargetType: z.enum(['instance', 'ip', 'lambda', 'alb']).optional(),
      HealthCheckPath: z.string().optional(),
      HealthCheckIntervalSeconds: cfnInteger.optional(),
      HealthCheckTimeoutSeconds: cfnInteger.optional(),
      HealthyThresholdCount: cfnInteger.optional(),
      UnhealthyThresholdCount: cfnInteger.optional(),
      HealthCheckEnabled: cfnBoolean.optional(),
      Matcher: z.object({ HttpCode: cfnString.optional(), GrpcCode: z.string().optional() }).optional(),
      TargetGroupAttributes: z.array(z.object({ Key: z.string(), Value: cfnString })).optional(),
      Targets: z.array(z.object({ Id: z.string(), Port: cfnInteger.optional(), AvailabilityZone: z.string().optional() })).optional(),
      Tags: cfnTags,
    }),
    ignored: ['VpcId', 'HealthCheckPort', 'HealthCheckProtocol', 'ProtocolVersion', 'IpAddressType'],
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
      Port: cfnInteger.optional(),
      Protocol: z.enum(['HTTP', 'HTTPS', 'TCP', 'TLS', 'UDP', 'TCP_UDP', 'GENEVE']).optional(),
      DefaultActions: z.array(forwardAction).min(1),
    }),
    ignored: ['Certificates', 'SslPolicy', 'AlpnPolicy', 'MutualAuthentication'],
    ref: (id) => elbArn(id, `listener/app/${id.name}/${id.hex.slice(0, 16)}/${id.hex.slice(16, 32)}`),
    attributes: {
      ListenerArn: (id) => elbArn(id, `listener/app/${id.name}/${id.hex.slice(0, 16)}/${id.hex.slice(16, 32)}`),
    },
  },
  'AWS::EC2::LaunchTemplate': {
    nameProperty: 'LaunchTemplateName',
    properties: z.object({
      LaunchTemplateName: z.string().optional(),
      LaunchTemplateData: z
        .object({
          InstanceType: z.string().optional(),
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
      MinSize: cfnInteger,
      MaxSize: cfnInteger,
      DesiredCapacity: cfnInteger.optional(),
      Cooldown: cfnInteger.optional(),
      DefaultInstanceWarmup: cfnInteger.optional(),
      AvailabilityZones: z.array(z.string()).optional(),
      VPCZoneIdentifier: z.array(z.string()).optional(),
      HealthCheckType: z.enum(['EC2', 'ELB', 'EBS', 'VPC_LATTICE']).optional(),
      HealthCheckGracePeriod: cfnInteger.optional(),
      TargetGroupARNs: z.array(z.string()).optional(),
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
    ignored: ['MetricsCollection', 'NotificationConfigurations', 'TerminationPolicies', 'CapacityRebalance', 'NewInstancesProtectedFromScaleIn', 'ServiceLinkedRoleARN', 'MixedInstancesPolicy', 'LifecycleHookSpecificationList', 'MaxInstanceLifetime', 'PlacementGroup'],
    ref: (id) => id.name,
    attributes: {},
  },
  'AWS::AutoScaling::ScalingPolicy': {
    nameProperty: 'PolicyName',
    properties: z.object({
      AutoScalingGroupName: z.string(),
      PolicyName: z.string().optional(),
      PolicyType: z.enum(['SimpleScaling', 'StepScaling', 'TargetTrackingScaling', 'PredictiveScaling']).optional(),
      EstimatedInstanceWarmup: cfnInteger.optional(),
      TargetTrackingConfiguration: z
        .object({
          TargetValue: cfnNumber,
          DisableScaleIn: cfnBoolean.optional(),
          PredefinedMetricSpecification: z
            .object({
              PredefinedMetricType: z.enum(['ASGAverageCPUUtilization', 'ASGAverageNetworkIn', 'ASGAverageNetworkOut', 'ALBRequestCountPerTarget']),
              ResourceLabel: z.string().optional(),
            })
            .optional(),
        })
        .optional(),
    }),
    ref: (id) => `arn:aws:autoscaling:${id.region}:${id.accountId}:scalingPolicy:${id.hex.slice(0, 8)}-${id.hex.slice(8, 12)}-${id.hex.slice(12, 16)}-${id.hex.slice(16, 20)}-${id.hex.slice(20, 32)}:autoScalingGroupName/*:policyName/${id.name}`,
    attributes: {
      PolicyName: (id) => id.name,
      Arn: (id) => RESOURCE_TYPES['AWS::AutoScaling::ScalingPolicy']!.ref(id),
    },
  },
  ...ROUTE53_RESOURCE_TYPES,
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
