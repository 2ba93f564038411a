/** Small scenarios for tests, written the way an operator would write them. */
import { loadScenario, type ScenarioModel } from '../../src-main/core/sources/sim/scenario/load-scenario';

export function scenarioFrom(yaml: string, file = 'test.yaml', seed?: number): ScenarioModel {
  return loadScenario(yaml, { file, seed });
}

/** One ALB → one target group → one ASG of c5.large (2 vCPUs, 100 req/s each at 20 ms) with CPU target tracking. */
export function webTier(options: { rate?: string; min?: number; max?: number; desired?: number; target?: number; tick?: string; coldStart?: boolean } = {}): string {
  return `
Simulation:
  StartTime: 2026-11-20T08:00:00Z
  Seed: 3
  Tick: ${options.tick ?? '5s'}
  InstanceBootTime: 60s${options.coldStart ? '\n  ColdStart: true' : ''}
Resources:
  Alb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties: { Name: web-alb }
  Tg:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties:
      Name: web-tg
      Port: 80
      HealthCheckIntervalSeconds: 10
      HealthyThresholdCount: 2
      TargetGroupAttributes: [{ Key: deregistration_delay.timeout_seconds, Value: "30" }]
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Alb
      DefaultActions: [{ Type: forward, TargetGroupArn: !Ref Tg }]
  Lt:
    Type: AWS::EC2::LaunchTemplate
    Properties: { LaunchTemplateData: { InstanceType: c5.large, Monitoring: { Enabled: true } } }
  Asg:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      AutoScalingGroupName: web-asg
      MetricsCollection: [{ Granularity: 1Minute }]
      MinSize: ${options.min ?? 2}
      MaxSize: ${options.max ?? 10}
      DesiredCapacity: ${options.desired ?? options.min ?? 2}
      AvailabilityZones: !GetAZs ''
      LaunchTemplate: { LaunchTemplateId: !Ref Lt, Version: !GetAtt Lt.LatestVersionNumber }
      TargetGroupARNs: [!Ref Tg]
  Cpu:
    Type: AWS::AutoScaling::ScalingPolicy
    Properties:
      AutoScalingGroupName: !Ref Asg
      PolicyName: cpu-target
      PolicyType: TargetTrackingScaling
      TargetTrackingConfiguration:
        PredefinedMetricSpecification: { PredefinedMetricType: ASGAverageCPUUtilization }
        TargetValue: ${options.target ?? 50}
Traffic:
  - Name: users
    Target: !GetAtt Alb.DNSName
    CpuPerRequest: 20ms
    Rate: ${options.rate ?? '60'}
`;
}
