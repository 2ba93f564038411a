/**
 * AWS mode reads the web ACL associated with each load balancer (wafv2:GetWebACLForResource, whose
 * answer holds the rules) and polls its AWS/WAFV2 counts by WebACL, Rule and Region like the simulator
 * publishes them (API_GetWebACLForResource.html, waf-metrics.html).
 */
import { describe, expect, it } from 'vitest';
import { DescribeLoadBalancersCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { GetWebACLForResourceCommand } from '@aws-sdk/client-wafv2';
import { mockedSource } from '../../../../helpers/aws-mocks';

const lb = (name: string, id: string) => ({
  LoadBalancerArn: `arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/${name}/${id}`,
  LoadBalancerName: name,
  DNSName: `${name}-1.eu-west-1.elb.amazonaws.com`,
  Scheme: 'internet-facing' as const,
  Type: 'application' as const,
  State: { Code: 'active' as const },
  AvailabilityZones: [{ ZoneName: 'eu-west-1a' }],
});
const SHOP = lb('shop', '50dc6c495c0c9188');
const ADMIN = lb('admin', '60dc6c495c0c9188');
const BARE = lb('bare', '70dc6c495c0c9188');
const ACL_ARN = 'arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/shop-acl/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111';

const WEB_ACL = {
  ARN: ACL_ARN,
  Id: 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111',
  Name: 'shop-acl',
  DefaultAction: { Allow: {} },
  VisibilityConfig: { MetricName: 'shop-acl', CloudWatchMetricsEnabled: true, SampledRequestsEnabled: true },
  Rules: [
    {
      Name: 'rate-limit',
      Priority: 5,
      Action: { Block: {} },
      Statement: { RateBasedStatement: { Limit: 2000, AggregateKeyType: 'IP' as const } },
      VisibilityConfig: { MetricName: 'RateLimit', CloudWatchMetricsEnabled: true, SampledRequestsEnabled: true },
    },
    {
      Name: 'block-admin',
      Priority: 1,
      Action: { Block: {} },
      Statement: { ByteMatchStatement: { FieldToMatch: { UriPath: {} }, PositionalConstraint: 'STARTS_WITH' as const, SearchString: new TextEncoder().encode('/admin'), TextTransformations: [{ Priority: 0, Type: 'NONE' as const }] } },
      VisibilityConfig: { MetricName: 'BlockAdmin', CloudWatchMetricsEnabled: true, SampledRequestsEnabled: true },
    },
  ],
};

describe('AWS WAF in AWS mode', () => {
  it('lists the web ACL of each load balancer once, with its rules by priority, and polls its AWS/WAFV2 counts', async () => {
    const { source, stubs } = mockedSource();
    stubs.sts.on(GetCallerIdentityCommand).resolves({ Account: '111122223333', Arn: 'arn:aws:sts::111122223333:assumed-role/Ops/jane', UserId: 'AROA:jane' });
    stubs.elbv2.on(DescribeLoadBalancersCommand).resolves({ LoadBalancers: [SHOP, ADMIN, BARE] });
    stubs.wafv2.on(GetWebACLForResourceCommand, { ResourceArn: SHOP.LoadBalancerArn }).resolves({ WebACL: WEB_ACL });
    stubs.wafv2.on(GetWebACLForResourceCommand, { ResourceArn: ADMIN.LoadBalancerArn }).resolves({ WebACL: WEB_ACL });
    stubs.wafv2.on(GetWebACLForResourceCommand, { ResourceArn: BARE.LoadBalancerArn }).resolves({});
    await source.connect();
    await source.refresh();
    const { webAcls } = source.snapshot().inventory;
    expect(webAcls).toHaveLength(1);
    expect(webAcls[0]).toMatchObject({ name: 'shop-acl', metricName: 'shop-acl', defaultAction: 'ALLOW', region: 'eu-west-1', associatedResourceArns: [SHOP.LoadBalancerArn, ADMIN.LoadBalancerArn] });
    expect(webAcls[0]!.rules.map((r) => [r.priority, r.name, r.action])).toEqual([
      [1, 'block-admin', 'BLOCK'],
      [5, 'rate-limit', 'BLOCK'],
    ]);
    expect(webAcls[0]!.rules[0]!.statement).toEqual({ type: 'ByteMatchStatement', field: 'UriPath', positionalConstraint: 'STARTS_WITH', searchString: '/admin' });
    expect(webAcls[0]!.rules[1]!.statement).toEqual({ type: 'RateBasedStatement', limit: 2000, evaluationWindowSec: 300 });
    expect(stubs.wafv2.commandCalls(GetWebACLForResourceCommand)).toHaveLength(3);
    const queried = stubs.cloudwatch.commandCalls(GetMetricDataCommand).flatMap((call) => call.args[0].input.MetricDataQueries ?? []);
    const waf = queried.filter((q) => q.MetricStat?.Metric?.Namespace === 'AWS/WAFV2');
    const rules = new Set(waf.map((q) => q.MetricStat!.Metric!.Dimensions!.find((d) => d.Name === 'Rule')!.Value));
    expect([...rules].sort()).toEqual(['ALL', 'BlockAdmin', 'Default_Action', 'RateLimit']);
    expect(waf.find((q) => q.MetricStat!.Metric!.MetricName === 'BlockedRequests')!.MetricStat!.Metric!.Dimensions).toEqual(expect.arrayContaining([{ Name: 'WebACL', Value: 'shop-acl' }, { Name: 'Region', Value: 'eu-west-1' }]));
  });
});
