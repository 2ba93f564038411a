import { describe, expect, it } from 'vitest';
import { ScenarioError } from '@main/core/sources/sim/scenario/diagnostics';
import { scenarioFrom } from '../../../../../helpers/scenarios';

const twoAlbs = (region: string) => `
Simulation: { Region: us-east-1 }
Resources:
  Home:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties: { Name: home }
  Away:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Metadata:
      Region: ${region}
    Properties: { Name: away }
`;

describe('per-resource region (Metadata.Region)', () => {
  it('puts a resource in the region its Metadata names, and everything else in the scenario region', () => {
    const scenario = scenarioFrom(twoAlbs('eu-west-1'));
    const [home, away] = scenario.resources;
    expect(home!.identity.region).toBe('us-east-1');
    expect(away!.identity.region).toBe('eu-west-1');
    expect(away!.ref).toMatch(/^arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer\/app\/away\//);
  });

  it('uses that region in DNS names and canonical hosted zone ids', () => {
    const scenario = scenarioFrom(`${twoAlbs('eu-west-1')}
  Tags:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: 0
      MaxSize: 1
      AvailabilityZones: [us-east-1a]
      Tags:
        - { Key: dns, Value: !GetAtt Away.DNSName }
        - { Key: zone, Value: !GetAtt Away.CanonicalHostedZoneID }
`);
    const tags = scenario.resources.find((r) => r.logicalId === 'Tags')!.properties.Tags as { Value: string }[];
    expect(tags[0]!.Value).toMatch(/^away-\d+\.eu-west-1\.elb\.amazonaws\.com$/);
    expect(tags[1]!.Value).toBe('Z32O12XQLNTSW2');
  });

  it('rejects a value that is not a region, with its path and line', () => {
    try {
      scenarioFrom(twoAlbs('Ireland'));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ScenarioError);
      expect((error as ScenarioError).message).toBe('test.yaml:10:15: error: Metadata.Region must be an AWS region such as eu-west-1 (got "Ireland") (at Resources.Away.Metadata.Region)');
    }
  });
});
