/**
 * ALB-15: only Application Load Balancers are simulated. A network or gateway load balancer
 * (AWS::ElasticLoadBalancingV2::LoadBalancer with Type network / gateway) or a Classic Load Balancer
 * (AWS::ElasticLoadBalancing::LoadBalancer) is a warning that names it and says what follows: no
 * requests are served through it, so traffic to its DNS name counts as Flightdeck/Traffic
 * UnresolvedRequests and its listeners and target groups carry nothing.
 */
import type { ScenarioReport } from '../scenario/scenario-checks';
import type { LoadedResource } from '../scenario/loaded-resource';
import { functionTargets } from '../traffic/function-targets';
import { checkLoadBalancerAttributes } from './load-balancer-attribute-checks';

export type AlbReport = ScenarioReport;

/** The load balancers that are built and serve traffic. */
export function isSimulatedLoadBalancer(resource: LoadedResource): boolean {
  const type = (resource.properties as { Type?: string }).Type ?? 'application';
  return resource.type === 'AWS::ElasticLoadBalancingV2::LoadBalancer' && type === 'application';
}

export function checkLoadBalancerResources(resources: readonly LoadedResource[], report: AlbReport): void {
  checkLambdaTargets(resources, report);
  for (const resource of resources) {
    if (resource.type === 'AWS::ElasticLoadBalancingV2::LoadBalancer' && isSimulatedLoadBalancer(resource)) checkLoadBalancerAttributes(resource, report);
    if (resource.type !== 'AWS::ElasticLoadBalancingV2::LoadBalancer' || isSimulatedLoadBalancer(resource)) continue;
    const type = (resource.properties as { Type?: string }).Type;
    report(
      'warning',
      ['Resources', resource.logicalId, 'Properties', 'Type'],
      `${type} load balancer ${resource.identity.name} is not simulated (only Type: application is): traffic to its DNS name is not served and counts as UnresolvedRequests, and its listeners and target groups carry no requests`,
      { code: 'loadBalancer.typeNotSimulated', params: { type: String(type), name: resource.identity.name } },
    );
  }
}

/** The Classic Load Balancer type, reported by the loader as not simulated with ALB-15's consequence. */
export const CLASSIC_LOAD_BALANCER_TYPE = 'AWS::ElasticLoadBalancing::LoadBalancer';
export const CLASSIC_LOAD_BALANCER_WARNING = (logicalId: string) =>
  `Classic Load Balancer ${logicalId} (AWS::ElasticLoadBalancing::LoadBalancer) is not simulated (only Application Load Balancers are): traffic to it is not served and counts as UnresolvedRequests`;

/**
 * A Lambda target group's target must be a function of this stack (RegisterTargets refuses a function
 * that does not exist). One that is not — an unexpanded or ignored resource, another stack's ARN — is
 * not registered (build-alb.ts), so requests to the group get 503 instead of a target shown healthy.
 */
function checkLambdaTargets(resources: readonly LoadedResource[], report: AlbReport): void {
  const functions = functionTargets(resources);
  for (const resource of resources) {
    if (resource.type !== 'AWS::ElasticLoadBalancingV2::TargetGroup') continue;
    const p = resource.properties as { TargetType?: string; Targets?: { Id: string }[] };
    if (p.TargetType !== 'lambda') continue;
    (p.Targets ?? []).forEach((target, index) => {
      if (isLambdaTargetOfStack(functions, target.Id)) return;
      report(
        'warning',
        ['Resources', resource.logicalId, 'Properties', 'Targets', index, 'Id'],
        `target ${target.Id} of Lambda target group ${resource.identity.name} is not a Lambda function of this stack, so it is not registered: requests forwarded to the group get HTTP 503`,
        { code: 'loadBalancer.lambdaTargetNotInStack', params: { target: target.Id, group: resource.identity.name } },
      );
    });
  }
}

/** Whether a Lambda target Id names one of the stack's functions (by name, ARN, or ARN with a qualifier). */
export function isLambdaTargetOfStack(functions: ReadonlySet<string>, id: string): boolean {
  const lower = id.toLowerCase();
  return functions.has(lower) || functions.has(lower.replace(/:[^:]+$/, ''));
}
