/**
 * Auto Scaling rules that span resources, checked once a scenario's resources are loaded:
 * - ASG-14: a target-tracking policy's predefined metric must be one the simulator publishes; an
 *   ALBRequestCountPerTarget policy names its target group with ResourceLabel
 *   (`app/<lb>/<id>/targetgroup/<tg>/<id>`), which must be a load balancer and target group of this
 *   scenario. docs.aws.amazon.com/autoscaling/ec2/userguide/as-scaling-target-tracking.html
 *   (and API_PredefinedMetricSpecification.html for the ResourceLabel format).
 */
import type { LoadedResource } from '../scenario/loaded-resource';
import type { ScenarioReport } from '../scenario/scenario-checks';
import { ASG_RESOURCE_TYPES } from './resource-types';
import { ALB_RESOURCE_TYPES } from '../alb/resource-types';

export type AsgReport = ScenarioReport;

/** Predefined metrics the simulator tracks (the others are refused at load, never run as CPU). */
export const TRACKED_PREDEFINED_METRICS = ['ASGAverageCPUUtilization', 'ALBRequestCountPerTarget'] as const;

function fullName(resource: LoadedResource, attribute: string): string {
  return String((ALB_RESOURCE_TYPES[resource.type] ?? ASG_RESOURCE_TYPES[resource.type])!.attributes[attribute]!(resource.identity, resource.properties));
}

export function checkAutoScalingResources(resources: readonly LoadedResource[], report: AsgReport): void {
  const loadBalancers = resources.filter((r) => r.type === 'AWS::ElasticLoadBalancingV2::LoadBalancer').map((r) => fullName(r, 'LoadBalancerFullName'));
  const targetGroups = resources.filter((r) => r.type === 'AWS::ElasticLoadBalancingV2::TargetGroup').map((r) => fullName(r, 'TargetGroupFullName'));
  for (const policy of resources) {
    if (policy.type !== 'AWS::AutoScaling::ScalingPolicy') continue;
    const spec = (policy.properties as { TargetTrackingConfiguration?: { PredefinedMetricSpecification?: { PredefinedMetricType: string; ResourceLabel?: string } } }).TargetTrackingConfiguration
      ?.PredefinedMetricSpecification;
    if (!spec) continue;
    const path = ['Resources', policy.logicalId, 'Properties', 'TargetTrackingConfiguration', 'PredefinedMetricSpecification'];
    if (!(TRACKED_PREDEFINED_METRICS as readonly string[]).includes(spec.PredefinedMetricType)) {
      report(
        'error',
        [...path, 'PredefinedMetricType'],
        `PredefinedMetricType ${spec.PredefinedMetricType} is not simulated (the simulator does not model instance network bytes); use ${TRACKED_PREDEFINED_METRICS.join(' or ')}`,
        { code: 'autoScaling.metricNotSimulated', params: { metric: spec.PredefinedMetricType, known: TRACKED_PREDEFINED_METRICS.join(', ') } },
      );
      continue;
    }
    if (spec.PredefinedMetricType !== 'ALBRequestCountPerTarget') continue;
    const label = spec.ResourceLabel;
    if (!label) {
      report('error', [...path, 'ResourceLabel'], 'ALBRequestCountPerTarget needs ResourceLabel, e.g. !Join ["/", [!GetAtt MyALB.LoadBalancerFullName, !GetAtt MyTG.TargetGroupFullName]]', {
        code: 'autoScaling.resourceLabelMissing',
      });
      continue;
    }
    const match = /^(app\/[^/]+\/[^/]+)\/(targetgroup\/[^/]+\/[^/]+)$/.exec(label);
    if (!match) {
      report('error', [...path, 'ResourceLabel'], `ResourceLabel "${label}" must look like app/<load-balancer-name>/<id>/targetgroup/<target-group-name>/<id>`, {
        code: 'autoScaling.resourceLabelInvalid',
        params: { label },
      });
    } else if (!loadBalancers.includes(match[1]!)) {
      report('error', [...path, 'ResourceLabel'], `no load balancer of this scenario is ${match[1]} (load balancers: ${loadBalancers.join(', ') || 'none'}); use !GetAtt <LoadBalancer>.LoadBalancerFullName`, {
        code: 'autoScaling.resourceLabelUnknownLoadBalancer',
        params: { name: match[1]!, known: loadBalancers.join(', ') || '—' },
      });
    } else if (!targetGroups.includes(match[2]!)) {
      report('error', [...path, 'ResourceLabel'], `no target group of this scenario is ${match[2]} (target groups: ${targetGroups.join(', ') || 'none'}); use !GetAtt <TargetGroup>.TargetGroupFullName`, {
        code: 'autoScaling.resourceLabelUnknownTargetGroup',
        params: { name: match[2]!, known: targetGroups.join(', ') || '—' },
      });
    }
  }
}
