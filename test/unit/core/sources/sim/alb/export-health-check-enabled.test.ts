/**
 * ALB-13 as the window sees it (load-balancer-cloudwatch-metrics): a target group's exported health
 * check says whether it runs (HealthCheckEnabled), so the hosts chart can leave out a group that
 * publishes no HealthyHostCount and say why, instead of waiting for datapoints that never come.
 */
import { describe, expect, it } from 'vitest';
import { exportTargetGroups } from '@main/core/sources/sim/alb/export-alb';
import { SimulationEngine } from '@main/core/sources/sim/engine';
import { scenarioFrom, webTier } from '../../../../../helpers/scenarios';

const lambdaTier = (healthCheck: string) => `
Simulation: { StartTime: 2026-11-20T08:00:00Z, Seed: 4, Tick: 5s }
Resources:
  Alb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties: { Name: fn-alb }
  Fn:
    Type: AWS::Lambda::Function
    Properties: { FunctionName: fn, Role: r, Code: { ZipFile: x } }
  Tg:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties: { Name: fn-tg, TargetType: lambda, Targets: [{ Id: !GetAtt Fn.Arn }]${healthCheck} }
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Alb
      DefaultActions: [{ Type: forward, TargetGroupArn: !Ref Tg }]
`;

describe('ALB-13: the exported target group says whether its health checks run', () => {
  it('ALB-13: off for a Lambda target group by default, on when HealthCheckEnabled: true, on for instance targets', () => {
    const exported = (yaml: string) => exportTargetGroups(new SimulationEngine(scenarioFrom(yaml)).world)[0]!.healthCheck?.enabled;
    expect(exported(lambdaTier(''))).toBe(false);
    expect(exported(lambdaTier(', HealthCheckEnabled: true'))).toBe(true);
    expect(exported(webTier())).toBe(true);
  });
});
