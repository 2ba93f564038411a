/**
 * WAF-10: a Route 53 health check of a load balancer goes through the load balancer's web ACL like any
 * other request (docs/aws-behaviour.md, "AWS WAF"). Route 53 considers an HTTP(S) probe healthy only on a
 * 2xx/3xx (dns-failover-determining-health-of-endpoints.html); a request the web ACL blocks gets 403.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SimulationEngine } from '@main/core/sources/sim/engine';
import type { Route53Service } from '@main/core/sources/sim/route53/route53-service';
import { scenarioFrom } from '../../../../../helpers/scenarios';

/** A shop behind an ALB with a web ACL, a public zone and an HTTP health check of the ALB on /health. */
const scenario = (extraRules: string, faults: string, regions = '') => `
Simulation: { StartTime: 2026-11-20T08:00:00Z, Seed: 11, Tick: 10s, InstanceBootTime: 30s }
Resources:
  Alb: { Type: AWS::ElasticLoadBalancingV2::LoadBalancer, Properties: { Name: shop } }
  Web: { Type: AWS::ElasticLoadBalancingV2::TargetGroup, Properties: { Name: web, HealthCheckIntervalSeconds: 10, HealthyThresholdCount: 2 } }
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties: { LoadBalancerArn: !Ref Alb, Port: 80, DefaultActions: [{ Type: forward, TargetGroupArn: !Ref Web }] }
  Lt: { Type: AWS::EC2::LaunchTemplate, Properties: { LaunchTemplateData: { InstanceType: c5.xlarge } } }
  Asg: { Type: AWS::AutoScaling::AutoScalingGroup, Properties: { AutoScalingGroupName: web, MinSize: 2, MaxSize: 2, AvailabilityZones: [us-east-1a, us-east-1b], LaunchTemplate: { LaunchTemplateId: !Ref Lt }, TargetGroupARNs: [!Ref Web] } }
  Zone: { Type: AWS::Route53::HostedZone, Properties: { Name: example.com } }
  Check:
    Type: AWS::Route53::HealthCheck
    Properties:
      HealthCheckConfig: { Type: HTTP, FullyQualifiedDomainName: !GetAtt Alb.DNSName, ResourcePath: /health, RequestInterval: 10, FailureThreshold: 2${regions} }
  Acl:
    Type: AWS::WAFv2::WebACL
    Properties:
      Name: shop-acl
      Scope: REGIONAL
      DefaultAction: { Allow: {} }
      VisibilityConfig: { CloudWatchMetricsEnabled: true, MetricName: shop-acl, SampledRequestsEnabled: true }
      Rules:
        - Name: count-health
          Priority: 50
          Action: { Count: {} }
          Statement:
            ByteMatchStatement:
              FieldToMatch: { UriPath: {} }
              PositionalConstraint: STARTS_WITH
              SearchString: /health
              TextTransformations: [{ Priority: 0, Type: NONE }]
          VisibilityConfig: { CloudWatchMetricsEnabled: true, MetricName: CountHealth, SampledRequestsEnabled: true }
${extraRules}
  Assoc:
    Type: AWS::WAFv2::WebACLAssociation
    Properties: { ResourceArn: !Ref Alb, WebACLArn: !GetAtt Acl.Arn }
${faults}
`;

const run = (yaml: string) => {
  const sim = new SimulationEngine(scenarioFrom(yaml, 'waf-health.yaml'));
  const dns = sim.services.dns as Route53Service;
  const check = () => dns.state.healthChecks.checks[0]!;
  const at = (minutes: number) => sim.advanceTo(sim.startTime + minutes * 60_000);
  const waf = (metric: string, rule: string, fromMinute: number, toMinute: number) =>
    (sim.metrics.get('AWS/WAFV2', metric, { WebACL: 'shop-acl', Rule: rule, Region: 'us-east-1' })?.points('Sum') ?? [])
      .filter(([t]) => t >= (sim.startTime + fromMinute * 60_000) / 1000 && t < (sim.startTime + toMinute * 60_000) / 1000)
      .reduce((s, [, v]) => s + v, 0);
  return { sim, check, at, waf };
};

describe('Route 53 health checks through the load balancer web ACL', () => {
  it('WAF-10: a block rule matching the ResourcePath fails the probes with 403 and the check turns Unhealthy; the probes are counted in AWS/WAFV2 (dns-failover-determining-health-of-endpoints.html, waf-metrics.html)', () => {
    const { check, at, waf } = run(scenario('', 'Faults:\n  - { At: 10m, Type: WafBlockPath, Path: /health*, Duration: 10m }'));
    at(9);
    expect(check().status).toBe('Healthy');
    // 24 checkers (8 regions × 3) probing every 10 s: 144 probes a minute, every one counted by count-health
    // and allowed by the default action (with the rest of the load balancer's requests).
    expect(waf('CountedRequests', 'CountHealth', 2, 8)).toBe(6 * 144);
    expect(waf('AllowedRequests', 'Default_Action', 2, 8)).toBeGreaterThanOrEqual(6 * 144);
    expect(waf('BlockedRequests', 'ALL', 2, 8)).toBe(0);
    at(12);
    expect(check().status).toBe('Unhealthy');
    expect(check().checkers.every((c) => !c.healthy)).toBe(true);
    expect(check().checkers[0]!.lastReport).toBe('Failure: HTTP Status Code 403, Forbidden');
    // The fault's rule (priority 0, before count-health) blocks every probe: none counted any more.
    expect(waf('BlockedRequests', 'FlightdeckBlockPath1', 11, 12)).toBe(144);
    expect(waf('BlockedRequests', 'ALL', 11, 12)).toBe(144);
    expect(waf('CountedRequests', 'CountHealth', 11, 12)).toBe(0);
    at(23);
    expect(check().status).toBe('Healthy');
  });

  it('WAF-10: an IP-set rule blocking the Route 53 health-checker ranges (ip-ranges.json ROUTE53_HEALTHCHECKS) fails the check (route-53-ip-addresses.html)', () => {
    // 54.243.31.192/26, 54.183.255.128/26 and 54.244.52.192/26: ROUTE53_HEALTHCHECKS in us-east-1, us-west-1, us-west-2.
    const ipSet = `  Checkers:
    Type: AWS::WAFv2::IPSet
    Properties: { Name: checkers, Scope: REGIONAL, IPAddressVersion: IPV4, Addresses: [54.243.31.192/26, 54.183.255.128/26, 54.244.52.192/26] }`;
    const rule = `        - Name: block-checkers
          Priority: 0
          Action: { Block: {} }
          Statement: { IPSetReferenceStatement: { Arn: !GetAtt Checkers.Arn } }
          VisibilityConfig: { CloudWatchMetricsEnabled: true, MetricName: BlockCheckers, SampledRequestsEnabled: true }`;
    const three = ', Regions: [us-east-1, us-west-1, us-west-2]';
    const blocked = run(scenario(rule, '', three).replace('  Zone:', `${ipSet}\n  Zone:`));
    blocked.at(5);
    expect(blocked.check().status).toBe('Unhealthy');
    expect(blocked.waf('BlockedRequests', 'BlockCheckers', 2, 4)).toBe(2 * 54);
    // The same rule with the checkers of all eight regions probing: five regions still get 200, the check stays Healthy.
    const partly = run(scenario(rule, '').replace('  Zone:', `${ipSet}\n  Zone:`));
    partly.at(5);
    expect(partly.check().status).toBe('Healthy');
    expect(partly.check().checkers.filter((c) => !c.healthy).map((c) => c.region)).toEqual(Array(3).fill(['us-east-1', 'us-west-1', 'us-west-2']).flat().sort());
  });

  it('WAF-10: the bundled photos scenario with a Route 53 health check of photos.example.com on /health: WafBlockPath /health* turns it Unhealthy, and Healthy again when the fault ends (dns-failover-determining-health-of-endpoints.html)', () => {
    const photos = readFileSync(resolve('resources/scenarios/photos.yaml'), 'utf8');
    expect(photos).not.toMatch(/^Faults:/m);
    const check = `  PhotosHealth:
    Type: AWS::Route53::HealthCheck
    Properties: { HealthCheckConfig: { Type: HTTP, FullyQualifiedDomainName: photos.example.com, ResourcePath: /health, RequestInterval: 30, FailureThreshold: 3 } }

Traffic:`;
    const yaml = `${photos.replace(/^Traffic:/m, check)}\nFaults:\n  - { At: 10m, Type: WafBlockPath, Path: /health*, Duration: 10m }\n`;
    const sim = new SimulationEngine(scenarioFrom(yaml, 'photos.yaml'));
    const dns = sim.services.dns as Route53Service;
    const status = () => dns.state.healthChecks.checks.find((c) => c.definition.logicalId === 'PhotosHealth')!.status;
    sim.advanceTo(sim.startTime + 9 * 60_000);
    expect(status()).toBe('Healthy');
    // Three failed probes 30 s apart per checker: Unhealthy within two minutes of the rule.
    sim.advanceTo(sim.startTime + 12 * 60_000);
    expect(status()).toBe('Unhealthy');
    sim.advanceTo(sim.startTime + 23 * 60_000);
    expect(status()).toBe('Healthy');
  });
});
