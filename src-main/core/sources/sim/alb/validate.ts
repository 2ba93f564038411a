/**
 * ALB-15: only Application Load Balancers are simulated. A network or gateway load balancer
 * (AWS::ElasticLoadBalancingV2::LoadBalancer with Type network / gateway) or a Classic Load Balancer
 * (AWS::ElasticLoadBalancing::LoadBalancer) is a warning that names it and says what follows: no
 * requests are served through it, so traffic to its DNS name counts as Flightdeck/Traffic
 * UnresolvedRequests and its listeners and target groups carry nothing.
 */
import type { PathSegment } from '../scenario/diagnostics';
import type { LoadedResource } from '../scenario/loaded-resource';

export type AlbReport = (severity: 'error' | 'warning', path: readonly PathSegment[], message: string) => void;

/** The load balancers that are built and serve traffic. */
export function isSimulatedLoadBalancer(resource: LoadedResource): boolean {
  const type = (resource.properties as { Type?: string }).Type ?? 'application';
  return resource.type === 'AWS::ElasticLoadBalancingV2::LoadBalancer' && type === 'application';
}

export function checkLoadBalancerResources(resources: readonly LoadedResource[], report: AlbReport): void {
  for (const resource of resources) {
    if (resource.type !== 'AWS::ElasticLoadBalancingV2::LoadBalancer' || isSimulatedLoadBalancer(resource)) continue;
    const type = (resource.properties as { Type?: string }).Type;
    report(
      'warning',
      ['Resources', resource.logicalId, 'Properties', 'Type'],
      `${type} load balancer ${resource.identity.name} is not simulated (only Type: application is): traffic to its DNS name is not served and counts as UnresolvedRequests, and its listeners and target groups carry no requests`,
    );
  }
}

/** The Classic Load Balancer type, reported by the loader as not simulated with ALB-15's consequence. */
export const CLASSIC_LOAD_BALANCER_TYPE = 'AWS::ElasticLoadBalancing::LoadBalancer';
export const CLASSIC_LOAD_BALANCER_WARNING = (logicalId: string) =>
  `Classic Load Balancer ${logicalId} (AWS::ElasticLoadBalancing::LoadBalancer) is not simulated (only Application Load Balancers are): traffic to it is not served and counts as UnresolvedRequests`;
