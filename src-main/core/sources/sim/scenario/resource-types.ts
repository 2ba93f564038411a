/**
 * What the loader needs of resource types that belongs to no service: the types a template may hold
 * that change nothing in a simulation. The types themselves live beside their services (Auto Scaling:
 * asg/resource-types.ts, ELB: alb/resource-types.ts, …) and are gathered in resource-registry.ts.
 * docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-template-resource-type-ref.html
 */
// Re-exported so their importers keep one place to look (ALB's are being edited on another branch: left as they are).
export type { ResourceIdentity, ResourceTypeSpec } from './resource-spec';
export { ALB_HOSTED_ZONE_IDS, ListenerActionSchema, loadBalancerDnsName, RuleConditionSchema, type ListenerActionInput, type RuleConditionInput } from '../alb/resource-types';

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
