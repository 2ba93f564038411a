/**
 * Every CloudFormation resource type the simulator understands, gathered from the service modules.
 * A service adds its record here (its own file keeps the specs), so no module imports another's.
 */
import { LAMBDA_RESOURCE_TYPES } from '../lambda/resource-types';
import { ROUTE53_RESOURCE_TYPES } from '../route53/resource-types';
import { RDS_RESOURCE_TYPES } from '../rds/resource-types';
import { CLOUDWATCH_RESOURCE_TYPES } from '../cloudwatch/alarm-resource-type';
import { LAMBDA_URL_RESOURCE_TYPES } from '../lambda/url-resource-type';
import { RESOURCE_TYPES as ELB_ASG_CLOUDWATCH_TYPES, type ResourceTypeSpec } from './resource-types';

export const RESOURCE_TYPES: Record<string, ResourceTypeSpec> = {
  ...ELB_ASG_CLOUDWATCH_TYPES,
  ...CLOUDWATCH_RESOURCE_TYPES,
  ...LAMBDA_RESOURCE_TYPES,
  ...LAMBDA_URL_RESOURCE_TYPES,
  ...ROUTE53_RESOURCE_TYPES,
  ...RDS_RESOURCE_TYPES,
};
