/** LAM-8: which Traffic targets are Lambda functions (invoked directly instead of through a load balancer). */
import type { LoadedResource } from '../scenario/loaded-resource';
import { LAMBDA_RESOURCE_TYPES } from '../lambda/resource-types';

/** DB instance identifiers, lower-cased (as RDS stores them), for Traffic that queries a database directly. */
export function databaseTargets(resources: readonly LoadedResource[]): Set<string> {
  const out = new Set<string>();
  for (const r of resources) if (r.type === 'AWS::RDS::DBInstance') out.add(r.ref.toLowerCase());
  return out;
}

/** Names and ARNs of the scenario's Lambda functions, lower-cased, for Traffic targets (LAM-8). */
export function functionTargets(resources: readonly LoadedResource[]): Set<string> {
  const out = new Set<string>();
  for (const r of resources) {
    if (r.type !== 'AWS::Lambda::Function') continue;
    out.add(r.identity.name.toLowerCase());
    out.add(r.ref.toLowerCase());
    out.add(String(LAMBDA_RESOURCE_TYPES['AWS::Lambda::Function']!.attributes.Arn!(r.identity, r.properties)).toLowerCase());
  }
  return out;
}

