/**
 * Turns a loaded scenario (CloudFormation resources + traffic) into the simulator's world at t = 0.
 * Defaults come from the AWS API references: a property the template leaves out behaves as AWS does.
 */
import { loadBalancerDnsName } from './scenario/resource-types';
import { ACCOUNT_ID, availabilityZonesOf, type LoadedResource, type ScenarioModel } from './scenario/load-scenario';
import { HEALTH_CHECK_DEFAULTS } from './alb/target-group';
import { createRandom } from './kernel/random';
import { newUuid } from './sim-context';
import type { SimAutoScalingGroup, SimLoadBalancer, SimScalingPolicy, SimTargetGroup, World } from './world';

/** vCPUs per instance type (EC2 instance-types page); unknown types get 2, said in docs/scenario-format.md. */
const VCPUS: Record<string, number> = {
  't3.micro': 2,
  't3.small': 2,
  't3.medium': 2,
  't3.large': 2,
  't3.xlarge': 4,
  'c5.large': 2,
  'c5.xlarge': 4,
  'c5.2xlarge': 8,
  'c6g.large': 2,
  'c6g.xlarge': 4,
  'c7g.large': 2,
  'm5.large': 2,
  'm5.xlarge': 4,
  'm5.2xlarge': 8,
  'm6g.large': 2,
  'm7g.large': 2,
  'r5.large': 2,
};
export const vcpusOf = (instanceType: string): number => VCPUS[instanceType] ?? 2;

type Props = Record<string, unknown>;
const ofType = (scenario: ScenarioModel, type: string): LoadedResource[] => scenario.resources.filter((r) => r.type === type);

export function buildWorld(scenario: ScenarioModel): World {
  const region = scenario.simulation.region;
  const world: World = {
    region,
    loadBalancers: new Map(),
    loadBalancersByDns: new Map(),
    targetGroups: new Map(),
    autoScalingGroups: new Map(),
    instances: new Map(),
    alarms: new Map(),
    alarmHistory: [],
    policiesByArn: new Map(),
    traffic: [],
  };

  for (const resource of ofType(scenario, 'AWS::ElasticLoadBalancingV2::LoadBalancer')) {
    const p = resource.properties as Props;
    const lb: SimLoadBalancer = {
      arn: resource.ref,
      name: resource.identity.name,
      fullName: `app/${resource.identity.name}/${resource.identity.hex.slice(0, 16)}`,
      dnsName: loadBalancerDnsName(resource.identity),
      scheme: (p.Scheme as SimLoadBalancer['scheme']) ?? 'internet-facing',
      availabilityZones: availabilityZonesOf(region),
      listeners: [],
    };
    world.loadBalancers.set(lb.arn, lb);
    world.loadBalancersByDns.set(lb.dnsName, lb);
  }

  for (const resource of ofType(scenario, 'AWS::ElasticLoadBalancingV2::TargetGroup')) {
    const p = resource.properties as Props;
    const attributes = new Map(((p.TargetGroupAttributes as { Key: string; Value: string }[]) ?? []).map((a) => [a.Key, a.Value]));
    const group: SimTargetGroup = {
      arn: resource.ref,
      name: resource.identity.name,
      fullName: `targetgroup/${resource.identity.name}/${resource.identity.hex.slice(0, 16)}`,
      port: (p.Port as number) ?? 80,
      protocol: (p.Protocol as string) ?? 'HTTP',
      targetType: (p.TargetType as SimTargetGroup['targetType']) ?? 'instance',
      healthCheckPath: (p.HealthCheckPath as string) ?? HEALTH_CHECK_DEFAULTS.path,
      healthCheckIntervalSeconds: (p.HealthCheckIntervalSeconds as number) ?? HEALTH_CHECK_DEFAULTS.intervalSeconds,
      healthCheckTimeoutSeconds: (p.HealthCheckTimeoutSeconds as number) ?? HEALTH_CHECK_DEFAULTS.timeoutSeconds,
      healthyThresholdCount: (p.HealthyThresholdCount as number) ?? HEALTH_CHECK_DEFAULTS.healthyThresholdCount,
      unhealthyThresholdCount: (p.UnhealthyThresholdCount as number) ?? HEALTH_CHECK_DEFAULTS.unhealthyThresholdCount,
      deregistrationDelaySeconds: Number(attributes.get('deregistration_delay.timeout_seconds') ?? HEALTH_CHECK_DEFAULTS.deregistrationDelaySeconds),
      targets: new Map(),
      loadBalancerArns: [],
    };
    world.targetGroups.set(group.arn, group);
  }

  for (const resource of ofType(scenario, 'AWS::ElasticLoadBalancingV2::Listener')) {
    const p = resource.properties as { LoadBalancerArn: string; Port?: number; Protocol?: string; DefaultActions: { Type: string; TargetGroupArn?: string; ForwardConfig?: { TargetGroups: { TargetGroupArn: string }[] } }[] };
    const lb = world.loadBalancers.get(p.LoadBalancerArn);
    if (!lb) continue;
    const forward = p.DefaultActions.find((a) => a.Type === 'forward');
    const targetGroupArn = forward?.TargetGroupArn ?? forward?.ForwardConfig?.TargetGroups[0]?.TargetGroupArn;
    lb.listeners.push({ arn: resource.ref, port: p.Port ?? 80, protocol: p.Protocol ?? 'HTTP', defaultTargetGroupArn: targetGroupArn });
    const group = targetGroupArn ? world.targetGroups.get(targetGroupArn) : undefined;
    if (group && !group.loadBalancerArns.includes(lb.arn)) group.loadBalancerArns.push(lb.arn);
  }

  const instanceTypeByTemplate = new Map<string, string>();
  for (const resource of ofType(scenario, 'AWS::EC2::LaunchTemplate')) {
    const data = (resource.properties as { LaunchTemplateData?: { InstanceType?: string } }).LaunchTemplateData;
    const instanceType = data?.InstanceType ?? 't3.micro';
    instanceTypeByTemplate.set(resource.ref, instanceType);
    instanceTypeByTemplate.set(resource.identity.name, instanceType);
  }

  for (const resource of ofType(scenario, 'AWS::AutoScaling::AutoScalingGroup')) {
    const p = resource.properties as {
      MinSize: number;
      MaxSize: number;
      DesiredCapacity?: number;
      Cooldown?: number;
      AvailabilityZones?: string[];
      VPCZoneIdentifier?: string[];
      HealthCheckType?: string;
      HealthCheckGracePeriod?: number;
      TargetGroupARNs?: string[];
      LaunchTemplate?: { LaunchTemplateId?: string; LaunchTemplateName?: string };
    };
    const template = p.LaunchTemplate?.LaunchTemplateId ?? p.LaunchTemplate?.LaunchTemplateName;
    const instanceType = (template && instanceTypeByTemplate.get(template)) || 't3.micro';
    // Subnets carry no AZ here; spread them over the region's AZs in order, as a VPC template usually does.
    const zones = availabilityZonesOf(region);
    const availabilityZones = p.AvailabilityZones ?? [...new Set((p.VPCZoneIdentifier ?? []).map((_, i) => zones[i % zones.length]!))];
    const group: SimAutoScalingGroup = {
      name: resource.identity.name,
      minSize: p.MinSize,
      maxSize: p.MaxSize,
      // Created at 0; the engine raises it to DesiredCapacity (default MinSize) at t = 0 as AWS does.
      desiredCapacity: 0,
      defaultCooldown: p.Cooldown ?? 300,
      healthCheckType: p.HealthCheckType === 'ELB' ? 'ELB' : 'EC2',
      healthCheckGracePeriod: p.HealthCheckGracePeriod ?? 0,
      availabilityZones,
      targetGroupArns: p.TargetGroupARNs ?? [],
      instanceType,
      vcpus: vcpusOf(instanceType),
      instances: new Map(),
      policies: [],
      activities: [],
    };
    world.autoScalingGroups.set(group.name, group);
  }

  const ids = createRandom(scenario.simulation.seed, 'policy-ids');
  for (const resource of ofType(scenario, 'AWS::AutoScaling::ScalingPolicy')) {
    const p = resource.properties as {
      AutoScalingGroupName: string;
      PolicyType?: string;
      TargetTrackingConfiguration?: { TargetValue: number; DisableScaleIn?: boolean; PredefinedMetricSpecification?: { PredefinedMetricType: string } };
    };
    const group = world.autoScalingGroups.get(p.AutoScalingGroupName);
    if (!group || !p.TargetTrackingConfiguration) continue;
    const policy: SimScalingPolicy = {
      policyName: resource.identity.name,
      policyArn: resource.ref.replace('autoScalingGroupName/*', `autoScalingGroupName/${group.name}`),
      autoScalingGroupName: group.name,
      policyType: 'TargetTrackingScaling',
      targetValue: p.TargetTrackingConfiguration.TargetValue,
      predefinedMetricType: p.TargetTrackingConfiguration.PredefinedMetricSpecification?.PredefinedMetricType ?? 'ASGAverageCPUUtilization',
      disableScaleIn: p.TargetTrackingConfiguration.DisableScaleIn ?? false,
      alarmHigh: `TargetTracking-${group.name}-AlarmHigh-${newUuid(ids)}`,
      alarmLow: `TargetTracking-${group.name}-AlarmLow-${newUuid(ids)}`,
    };
    group.policies.push(policy);
    world.policiesByArn.set(policy.policyArn, policy);
  }

  for (const entry of scenario.traffic) {
    world.traffic.push({
      name: entry.Name,
      target: entry.Target.toLowerCase(),
      rate: entry.Rate,
      noise: entry.Noise ?? 0,
      // Our default: 20 ms of CPU per request, a typical dynamic web page.
      cpuSecondsPerRequest: entry.CpuPerRequest ?? 0.02,
    });
  }
  return world;
}

export { ACCOUNT_ID };
