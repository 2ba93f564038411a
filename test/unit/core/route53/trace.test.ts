import { describe, expect, it } from 'vitest';
import type { HostedZone } from '@main/core/contract/model-route53';
import { DnsTrace } from '@main/core/contract/model-dns';
import { awsdnsName, route53NameServers, soaValue } from '@main/core/route53/name-servers';
import { buildDnsTrace, findZone, ROOT_SERVERS, tldServers, type TraceZone } from '@main/core/route53/trace';
import { createRandom } from '@main/core/sources/sim/kernel/random';
import { alb, context, fixedRandom, rrset, weighted, ZONE, type ContextOptions } from './fixtures';
import { englishDnsText } from '@main/cli/dns-text-en';
import { list, say } from '@main/core/route53/explain';

const NAME_SERVERS = ['ns-205.awsdns-25.com', 'ns-972.awsdns-57.net', 'ns-1049.awsdns-03.org', 'ns-1536.awsdns-00.co.uk'];
const zone = (overrides: Partial<HostedZone> = {}): HostedZone => ({ id: ZONE.id, name: ZONE.name, privateZone: false, nameServers: NAME_SERVERS, ...overrides });

function trace(zones: TraceZone[], name: string, options: { repeat?: number; targets?: ContextOptions['targets']; type?: string } = {}): DnsTrace {
  const ctx = context([], { targets: options.targets });
  return buildDnsTrace({ query: { name, type: options.type ?? 'A' }, from: ctx.client, zones, health: ctx.health, latency: {}, random: createRandom(1, 'dns'), ...(options.repeat ? { repeat: options.repeat } : {}) });
}

describe('Route 53 name servers', () => {
  it('R53-8: a hosted zone gets four name servers, one under each of .com, .net, .org and .co.uk', () => {
    const servers = route53NameServers('0123456789abcdef0123');
    expect(servers).toHaveLength(4);
    expect(servers.map((s) => s.replace(/^ns-\d+\.awsdns-\d\d\./, ''))).toEqual(['com', 'net', 'org', 'co.uk']);
    for (const server of servers) expect(server).toMatch(/^ns-\d{1,4}\.awsdns-\d{2}\.(com|net|org|co\.uk)$/);
    expect(route53NameServers('0123456789abcdef0123')).toEqual(servers);
    expect(route53NameServers('fedcba9876543210fedc')).not.toEqual(servers);
  });

  it('R53-8: follows the numbering seen in real delegation sets (ns-N.awsdns-⌊(N mod 512)/8⌋)', () => {
    expect(NAME_SERVERS.map((s) => awsdnsName(Number(/ns-(\d+)/.exec(s)![1])))).toEqual(NAME_SERVERS);
    expect(awsdnsName(0)).toBe('ns-0.awsdns-00.com');
    expect(awsdnsName(2047)).toBe('ns-2047.awsdns-63.co.uk');
    expect(() => awsdnsName(2048)).toThrow(RangeError);
  });

  it('R53-8: the SOA names the first name server and carries Route 53 default timers', () => {
    expect(soaValue(NAME_SERVERS)).toBe('ns-205.awsdns-25.com. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400');
  });
});

describe('DNS trace', () => {
  const records = [weighted('blue', 70, '192.0.2.1'), weighted('green', 30, '192.0.2.2')];

  it('R53-8: goes root → TLD → one of the zone’s Route 53 name servers → answer', () => {
    const result = DnsTrace.parse(trace([{ zone: zone(), recordSets: records }], 'www.example.com'));
    expect(result.steps.map((s) => [s.kind, s.zone, s.result])).toEqual([
      ['root', '.', 'referral'],
      ['tld', 'com.', 'referral'],
      ['authoritative', 'example.com.', 'answer'],
    ]);
    const [root, tld, authoritative] = result.steps;
    expect(ROOT_SERVERS).toContain(root!.server);
    expect(root!.server).toMatch(/^[a-m]\.root-servers\.net\.$/);
    expect(root!.records).toHaveLength(13);
    expect(root!.records[0]).toBe('com. 172800 IN NS a.gtld-servers.net.');
    expect(tld!.server).toMatch(/^[a-m]\.gtld-servers\.net\.$/);
    expect(tld!.records).toEqual(NAME_SERVERS.map((ns) => `example.com. 172800 IN NS ${ns}.`));
    expect(NAME_SERVERS.map((ns) => `${ns}.`)).toContain(authoritative!.server);
    expect(authoritative!.records).toHaveLength(1);
    expect(englishDnsText(authoritative!.note!)).toMatch(/^weighted routing: Drew (blue|green)/);
    expect(result.answer.routingPolicy).toBe('weighted');
  });

  it('asks the same servers for the same name every time', () => {
    const a = trace([{ zone: zone(), recordSets: records }], 'www.example.com');
    const b = trace([{ zone: zone(), recordSets: records }], 'www.example.com');
    expect(a.steps.map((s) => s.server)).toEqual(b.steps.map((s) => s.server));
  });

  it('uses a.nic.<tld>. for TLDs other than com and net', () => {
    expect(tldServers('io.')).toEqual(['a.nic.io.']);
    expect(tldServers('net')).toHaveLength(13);
    const result = trace([{ zone: zone({ name: 'example.io.' }), recordSets: [rrset({ name: 'www.example.io', resourceRecords: ['192.0.2.7'] })] }], 'www.example.io');
    expect(result.steps[1]).toMatchObject({ kind: 'tld', server: 'a.nic.io.', zone: 'io.' });
  });

  it('adds an alias step for an alias to an ALB, with the target’s zone and health', () => {
    const targets = { 'web-1.eu-west-1.elb.amazonaws.com': { healthy: true, values: ['192.0.2.10', '192.0.2.11'], reason: say('alb.healthy', { name: 'web-1', counts: list([say('alb.groupCount', { group: 'web', healthy: 2, total: 2 })]) }) } };
    const result = trace([{ zone: zone(), recordSets: [rrset({ name: 'www.example.com', aliasTarget: alb('dualstack.web-1.eu-west-1.elb.amazonaws.com') })] }], 'www.example.com', { targets: { 'dualstack.web-1.eu-west-1.elb.amazonaws.com': targets['web-1.eu-west-1.elb.amazonaws.com'] } });
    expect(result.steps.map((s) => s.kind)).toEqual(['root', 'tld', 'authoritative', 'alias']);
    const alias = result.steps[3]!;
    expect(alias).toMatchObject({ zone: 'eu-west-1.elb.amazonaws.com.', result: 'answer', server: result.steps[2]!.server });
    expect(alias.records).toEqual(['web-1.eu-west-1.elb.amazonaws.com. 60 IN A 192.0.2.10', 'web-1.eu-west-1.elb.amazonaws.com. 60 IN A 192.0.2.11']);
    expect(englishDnsText(alias.note!)).toContain('EvaluateTargetHealth: healthy — load balancer web-1: every target group with targets has a healthy one (web 2/2 healthy).');
    expect(result.answer.values).toEqual(['192.0.2.10', '192.0.2.11']);
  });

  it('an NXDOMAIN or empty answer carries the zone’s SOA', () => {
    const result = trace([{ zone: zone(), recordSets: records }], 'missing.example.com');
    expect(result.answer.responseCode).toBe('NXDOMAIN');
    expect(result.steps[2]).toMatchObject({ result: 'nxdomain', records: [`example.com. 900 IN SOA ${soaValue(NAME_SERVERS)}`] });
    expect(trace([{ zone: zone(), recordSets: records }], 'www.example.com', { type: 'MX' }).steps[2]!.result).toBe('nodata');
  });

  it('ends at the TLD with NXDOMAIN when no public zone contains the name, and private zones are not reachable', () => {
    const result = trace([{ zone: zone({ privateZone: true }), recordSets: records }], 'www.example.com');
    expect(result.steps.map((s) => [s.kind, s.result])).toEqual([['root', 'referral'], ['tld', 'nxdomain']]);
    expect(result.answer).toMatchObject({ responseCode: 'NXDOMAIN', values: [] });
  });

  it('follows a delegation from a parent zone to a child zone', () => {
    const childServers = ['ns-10.awsdns-01.com', 'ns-600.awsdns-11.net', 'ns-1100.awsdns-09.org', 'ns-1600.awsdns-08.co.uk'];
    const parent: TraceZone = { zone: zone(), recordSets: [rrset({ name: 'shop.example.com', type: 'NS', ttl: 172800, resourceRecords: childServers })] };
    const child: TraceZone = { zone: zone({ id: 'ZCHILD', name: 'shop.example.com.', nameServers: childServers }), recordSets: [rrset({ name: 'www.shop.example.com', hostedZoneId: 'ZCHILD', resourceRecords: ['192.0.2.55'] })] };
    expect(findZone('www.shop.example.com', [parent, child])).toBe(child);
    const result = trace([parent, child], 'www.shop.example.com');
    expect(result.steps.map((s) => [s.kind, s.zone, s.result])).toEqual([
      ['root', '.', 'referral'],
      ['tld', 'com.', 'referral'],
      ['authoritative', 'example.com.', 'referral'],
      ['authoritative', 'shop.example.com.', 'answer'],
    ]);
    expect(result.answer.values).toEqual(['192.0.2.55']);
  });

  it('with repeat counts each distinct answer, and the counts add up to the repeat', () => {
    const result = trace([{ zone: zone(), recordSets: records }], 'www.example.com', { repeat: 1000 });
    expect(Object.keys(result.distribution!).sort()).toEqual(['192.0.2.1', '192.0.2.2']);
    expect(result.distribution!['192.0.2.1']! + result.distribution!['192.0.2.2']!).toBe(1000);
    expect(Math.abs(result.distribution!['192.0.2.1']! - 700)).toBeLessThan(60);
  });

  it('the answer step’s note and the answer agree with a fixed draw', () => {
    const ctx = context(records);
    const result = buildDnsTrace({ query: { name: 'www.example.com', type: 'A' }, from: ctx.client, zones: [{ zone: zone(), recordSets: records }], health: ctx.health, latency: {}, random: fixedRandom(0.95) });
    expect(result.answer.values).toEqual(['192.0.2.2']);
    expect(result.steps[2]!.records).toEqual(['www.example.com. 60 IN A 192.0.2.2']);
  });
});
