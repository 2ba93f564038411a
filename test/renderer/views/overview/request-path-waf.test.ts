/** WAF-2 on the map: a web ACL associated with a load balancer is a step between its entry and its listener rules. */
import { describe, expect, it } from 'vitest';
import { Inventory, type WebAcl } from '@contract';
import { buildRequestPath } from '@/views/overview/request-path';
import { blockedShare, latestPeriod, wafCounts } from '@/views/load-balancers/waf-counts';
import { MetricRingBuffer } from '@/utils/ring-buffer';
import type { MetricQuery } from '@/utils/metric-key';
import { fullInventory } from '../../support/fixtures';

function withAcl(): { inventory: Inventory; acl: WebAcl } {
  const inventory = fullInventory();
  const lb = inventory.loadBalancers[0]!;
  const acl: WebAcl = {
    webAclArn: 'arn:aws:wafv2:us-east-1:111122223333:regional/webacl/shop-acl/1',
    webAclId: '1',
    name: 'shop-acl',
    metricName: 'shop-acl',
    defaultAction: 'ALLOW',
    rules: [{ name: 'block-admin', priority: 0, action: 'BLOCK', metricName: 'BlockAdmin', statement: { type: 'ByteMatchStatement', field: 'UriPath', positionalConstraint: 'STARTS_WITH', searchString: '/admin' } }],
    associatedResourceArns: [lb.loadBalancerArn],
    region: 'us-east-1',
  };
  return { inventory: Inventory.parse({ ...inventory, webAcls: [acl] }), acl };
}

describe('the WAF step of the request path', () => {
  it('WAF-2: record → web ACL → listener rules, in its own column, with the caller’s detail and tone', () => {
    const { inventory } = withAcl();
    const path = buildRequestPath(inventory, undefined, { defaultRule: 'default', policy: (p) => p, dbStatus: (s) => s, multiAZ: 'Multi-AZ', webAcl: (acl) => `${acl.defaultAction} · 12.5 % blocked` }, () => 'info');
    const waf = path.nodes.find((n) => n.kind === 'waf')!;
    expect(waf).toMatchObject({ label: 'shop-acl', detail: 'ALLOW · 12.5 % blocked', tone: 'info', column: 1 });
    const record = path.nodes.find((n) => n.kind === 'record')!;
    expect(path.edges.some((e) => e.from === record.id && e.to === waf.id)).toBe(true);
    // The record no longer skips the firewall straight to the rules.
    expect(path.edges.some((e) => e.from === record.id && e.to.startsWith('rule:'))).toBe(false);
    expect(path.edges.filter((e) => e.from === waf.id).every((e) => e.to.startsWith('rule:'))).toBe(true);
    expect(path.nodes.filter((n) => n.kind === 'rule').every((n) => n.column === 2)).toBe(true);
  });

  it('WAF-3: counts sum the last five one-minute periods of AWS/WAFV2 by WebACL and Rule; the blocked share is blocked over inspected', () => {
    const { acl } = withAcl();
    const series = new Map<string, MetricRingBuffer>();
    const put = (metric: string, rule: string, points: [number, number][]) => {
      const buffer = new MetricRingBuffer(100);
      for (const [t, v] of points) buffer.push(t, v);
      series.set(`${metric}|${rule}`, buffer);
    };
    const minutes = (values: number[]) => values.map((v, i) => [6_000 + i * 60, v] as [number, number]);
    put('AllowedRequests', 'ALL', minutes([100, 100, 100, 100, 100, 100, 100]));
    put('BlockedRequests', 'ALL', minutes([0, 0, 10, 10, 10, 10, 10]));
    put('BlockedRequests', 'BlockAdmin', minutes([0, 0, 10, 10, 10, 10, 10]));
    const find = (q: MetricQuery) => (q.dimensions.WebACL === 'shop-acl' && q.dimensions.Region === 'us-east-1' ? series.get(`${q.metricName}|${q.dimensions.Rule}`) : undefined);
    const latest = latestPeriod(find, acl);
    expect(latest).toBe(6_000 + 6 * 60);
    expect(wafCounts(find, acl, 'ALL', latest)).toEqual({ allowed: 500, blocked: 50, counted: 0 });
    expect(wafCounts(find, acl, 'BlockAdmin', latest)).toEqual({ allowed: 0, blocked: 50, counted: 0 });
    expect(blockedShare(wafCounts(find, acl, 'ALL', latest))).toBeCloseTo(50 / 550);
    expect(blockedShare({ allowed: 0, blocked: 0, counted: 0 })).toBeUndefined();
  });
});
