/**
 * Every CloudFormation resource type the simulator understands and every service's validation hook,
 * gathered from the service modules. A service adds its record here (its own files keep the specs and
 * the checks), so no module imports another's and the loader imports none of them.
 */
import { checkLoadBalancerResources } from '../alb/validate';
import { checkAutoScalingLimits } from '../asg/check-limits';
import { checkAutoScalingResources } from '../asg/validate';
import { checkRoute53Resources } from '../route53/validate';
import { checkRdsScenario } from '../rds/resource-types';
import { checkAlarmResources } from '../cloudwatch/check-alarms';
import type { ScenarioCheck } from './scenario-checks';
import { ALB_RESOURCE_TYPES } from '../alb/resource-types';
import { LAMBDA_RESOURCE_TYPES } from '../lambda/resource-types';
import { ROUTE53_RESOURCE_TYPES } from '../route53/resource-types';
import { RDS_RESOURCE_TYPES } from '../rds/resource-types';
import { CLOUDWATCH_RESOURCE_TYPES } from '../cloudwatch/alarm-resource-type';
import { LAMBDA_URL_RESOURCE_TYPES } from '../lambda/url-resource-type';
import { WAF_RESOURCE_TYPES } from '../waf/resource-types';
import { checkWafResources } from '../waf/validate';
import { APIGATEWAY_RESOURCE_TYPES } from '../apigateway/resource-types';
import { checkHttpApiResources } from '../apigateway/validate';
import { S3_RESOURCE_TYPES } from '../s3/resource-types';
import { checkBucketResources } from '../s3/validate';
import { ASG_RESOURCE_TYPES } from '../asg/resource-types';
import type { ResourceTypeSpec } from './resource-spec';

export const RESOURCE_TYPES: Record<string, ResourceTypeSpec> = {
  ...ALB_RESOURCE_TYPES,
  ...APIGATEWAY_RESOURCE_TYPES,
  ...ASG_RESOURCE_TYPES,
  ...CLOUDWATCH_RESOURCE_TYPES,
  ...LAMBDA_RESOURCE_TYPES,
  ...LAMBDA_URL_RESOURCE_TYPES,
  ...ROUTE53_RESOURCE_TYPES,
  ...RDS_RESOURCE_TYPES,
  ...WAF_RESOURCE_TYPES,
  ...S3_RESOURCE_TYPES,
};

/** In the order they run (and report). */
export const SCENARIO_CHECKS: readonly ScenarioCheck[] = [
  // Route 53's rules span resources (a record set's zone, one routing policy per name and type …).
  { service: 'route53', phase: 'resources', check: ({ resources }, report) => checkRoute53Resources(resources, report) },
  // Instance caps and AWS's per-Region and per-group quotas, across all Auto Scaling resources.
  { service: 'autoscaling', phase: 'resources', check: ({ resources }, report) => checkAutoScalingLimits(resources, report) },
  { service: 'autoscaling', phase: 'resources', check: ({ resources }, report) => checkAutoScalingResources(resources, report) },
  { service: 'elbv2', phase: 'resources', check: ({ resources }, report) => checkLoadBalancerResources(resources, report) },
  // Statements the simulator does not evaluate, associations to nothing: warnings naming the rule (WAF-7).
  { service: 'wafv2', phase: 'resources', check: ({ resources }, report) => checkWafResources(resources, report) },
  // Routes and stages of APIs the stack lacks, unknown integrations, duplicate route keys: errors where written.
  { service: 'apigateway', phase: 'resources', check: ({ resources }, report) => checkHttpApiResources(resources, report) },
  // Bucket notifications to a function the stack lacks deliver nothing: a warning naming it.
  { service: 's3', phase: 'resources', check: ({ resources }, report) => checkBucketResources(resources, report) },
  // Alarms the simulator cannot evaluate (metric math it lacks, metrics it never publishes): warnings.
  { service: 'cloudwatch', phase: 'resources', check: ({ resources }, report) => checkAlarmResources(resources, report) },
  // Checks across DB instances (replica sources, limits, backups) and the Traffic / Faults / Actions naming them.
  { service: 'rds', phase: 'scenario', check: (scenario, report) => checkRdsScenario(scenario, report) },
];
