import { describe, expect, it } from 'vitest';
import type { TargetGroup } from '@main/core/contract/model-alb';
import { albAliasHealth } from '@main/core/route53/alias-health';
import { routingPolicyOf, validateRecordSets } from '@main/core/route53/record-groups';
import { englishDnsText } from '@main/cli/dns-text-en';
import { alb, rrset, weighted } from './fixtures';

const messages = (records: Parameters<typeof validateRecordSets>[0]) => validateRecordSets(records, 'example.com.').map((p) => `${p.index} ${p.field ?? ''}: ${p.message}`);

describe('routing policy of a record set', () => {
  it('is derived from which routing field is set', () => {
    expect(routingPolicyOf({ weight: 0 })).toBe('weighted');
    expect(routingPolicyOf({ region: 'eu-west-1' })).toBe('latency');
    expect(routingPolicyOf({ geoLocation: { countryCode: '*' } })).toBe('geolocation');
    expect(routingPolicyOf({ failover: 'SECONDARY' })).toBe('failover');
    expect(routingPolicyOf({ multiValueAnswer: true })).toBe('multivalue');
    expect(routingPolicyOf({ multiValueAnswer: false })).toBe('simple');
    expect(routingPolicyOf({})).toBe('simple');
  });
});

describe('record set validation (what Route 53 refuses)', () => {
  it('accepts a well-formed zone', () => {
    expect(messages([weighted('a', 70, '192.0.2.1'), weighted('b', 30, '192.0.2.2'), rrset({ name: 'example.com', type: 'MX', resourceRecords: ['10 mail.example.com'] })])).toEqual([]);
  });

  it('reports mixed routing policies for one name and type', () => {
    expect(messages([weighted('a', 70, '192.0.2.1'), rrset({ name: 'www.example.com', setIdentifier: 'eu', region: 'eu-west-1', resourceRecords: ['192.0.2.2'] })])).toEqual([
      '1 Region: www.example.com. A mixes weighted and latency record sets; all record sets with one name and type use the same routing policy',
    ]);
    expect(messages([weighted('a', 70, '192.0.2.1'), rrset({ name: 'www.example.com', resourceRecords: ['192.0.2.2'] })])).toEqual([
      '1 Name: www.example.com. A mixes weighted and simple record sets; all record sets with one name and type use the same routing policy',
    ]);
  });

  it('reports a weighted record without SetIdentifier, duplicate identifiers and a weight out of range', () => {
    expect(messages([weighted('', 70, '192.0.2.1', { setIdentifier: undefined }), weighted('b', 30, '192.0.2.2'), weighted('b', 256, '192.0.2.3')])).toEqual([
      '0 SetIdentifier: a weighted record set needs a SetIdentifier that is unique among the www.example.com. A record sets',
      '2 Weight: Weight 256 is outside 0–255',
      '2 SetIdentifier: SetIdentifier "b" is already used by another www.example.com. A record set',
    ]);
  });

  it('reports two routing fields on one record set, and duplicate latency regions, locations, failover roles and simple records', () => {
    const both = rrset({ name: 'x.example.com', setIdentifier: 'x', weight: 1, region: 'eu-west-1', resourceRecords: ['192.0.2.1'] });
    expect(messages([both])[0]).toBe('0 Region: a record set has one routing policy, but this one sets Weight and Region');
    const lat = (id: string) => rrset({ name: 'l.example.com', setIdentifier: id, region: 'eu-west-1', resourceRecords: ['192.0.2.1'] });
    expect(messages([lat('a'), lat('b')])).toEqual(['1 Region: l.example.com. A already has a latency record set for eu-west-1; Route 53 allows one per region']);
    const geo = (id: string) => rrset({ name: 'g.example.com', setIdentifier: id, geoLocation: { countryCode: 'DE' }, resourceRecords: ['192.0.2.1'] });
    expect(messages([geo('a'), geo('b')])).toEqual(['1 GeoLocation: g.example.com. A already has a geolocation record set for DE']);
    const fo = (id: string) => rrset({ name: 'f.example.com', setIdentifier: id, failover: 'PRIMARY', resourceRecords: ['192.0.2.1'] });
    expect(messages([fo('a'), fo('b')])).toEqual(['1 Failover: f.example.com. A already has a PRIMARY failover record set']);
    expect(messages([rrset({ name: 's.example.com', resourceRecords: ['192.0.2.1'] }), rrset({ name: 's.example.com', resourceRecords: ['192.0.2.2'] })])).toEqual([
      '1 Name: s.example.com. A already has a simple record set; put several values in one record set instead',
    ]);
  });

  it('reports a name outside the zone, CNAME conflicts and CNAME at the apex', () => {
    expect(messages([rrset({ name: 'www.example.org', resourceRecords: ['192.0.2.1'] })])).toEqual(['0 Name: RRSet with DNS name www.example.org. is not permitted in zone example.com.']);
    expect(messages([rrset({ name: 'example.com', type: 'CNAME', resourceRecords: ['other.example.net'] })])).toEqual([
      '0 Type: RRSet of type CNAME with DNS name example.com. is not permitted at apex in zone example.com.',
    ]);
    expect(messages([rrset({ name: 'w.example.com', type: 'CNAME', resourceRecords: ['x.example.net'] }), rrset({ name: 'w.example.com', type: 'TXT', resourceRecords: ['"v"'] })])).toEqual([
      '0 Type: RRSet of type CNAME with DNS name w.example.com. is not permitted as it conflicts with other records (TXT) with the same DNS name in zone example.com.',
    ]);
  });

  it('reports multivalue aliases and CNAMEs, failover aliases without EvaluateTargetHealth, and alias/TTL/value mistakes', () => {
    expect(messages([rrset({ name: 'm.example.com', setIdentifier: 'm', multiValueAnswer: true, aliasTarget: alb('a.us-east-1.elb.amazonaws.com') })])).toEqual([
      "0 AliasTarget: You can't create multivalue answer alias records",
    ]);
    expect(messages([rrset({ name: 'm.example.com', type: 'CNAME', setIdentifier: 'm', multiValueAnswer: true, resourceRecords: ['x.example.net'] })])[0]).toMatch(/^0 Type: multivalue answer record sets cannot have type CNAME/);
    expect(messages([rrset({ name: 'f.example.com', setIdentifier: 'p', failover: 'PRIMARY', aliasTarget: alb('a.us-east-1.elb.amazonaws.com', false) })])).toEqual([
      '0 AliasTarget: a failover alias record set must set EvaluateTargetHealth to true',
    ]);
    expect(messages([rrset({ name: 'n.example.com' })])).toEqual(['0 ResourceRecords: a record set needs ResourceRecords, or an AliasTarget for an alias record']);
    expect(messages([rrset({ name: 'n.example.com', ttl: 60, aliasTarget: alb('a.us-east-1.elb.amazonaws.com') })])).toEqual(['0 TTL: an alias record set takes its TTL from the alias target; omit TTL']);
  });

  it('LBA-8: an A record holds IPv4 addresses and an AAAA record IPv6 ones (Route53 ResourceRecordTypes.html)', () => {
    expect(messages([rrset({ name: 'v6.example.com', type: 'AAAA', resourceRecords: ['2001:db8::5', '2001:0db8:85a3:0:0:8a2e:0370:7334', '::ffff:192.0.2.128'] }), rrset({ name: 'v4.example.com', resourceRecords: ['192.0.2.1'] })])).toEqual([]);
    expect(messages([rrset({ name: 'v6.example.com', type: 'AAAA', resourceRecords: ['2001:db8::5', '192.0.2.7'] })])).toEqual(['0 ResourceRecords: AAAA record value "192.0.2.7" is not an IPv6 address in colon-separated hexadecimal (e.g. 2001:db8::1)']);
    expect(messages([rrset({ name: 'v4.example.com', resourceRecords: ['2001:db8::5'] }), rrset({ name: 'w.example.com', resourceRecords: ['192.0.2.300'] })])).toEqual([
      '0 ResourceRecords: A record value "2001:db8::5" is not an IPv4 address in dotted decimal (e.g. 192.0.2.1)',
      '1 ResourceRecords: A record value "192.0.2.300" is not an IPv4 address in dotted decimal (e.g. 192.0.2.1)',
    ]);
  });

  it('reports impossible geolocations', () => {
    const geo = (geoLocation: object) => rrset({ name: 'g.example.com', setIdentifier: 'g', geoLocation, resourceRecords: ['192.0.2.1'] });
    expect(messages([geo({ continentCode: 'EU', countryCode: 'DE' })])).toEqual(['0 GeoLocation: GeoLocation takes a ContinentCode or a CountryCode, not both']);
    expect(messages([geo({ subdivisionCode: 'CA' })])).toContain('0 GeoLocation: GeoLocation SubdivisionCode needs the CountryCode it belongs to');
  });
});

describe('ALB alias target health', () => {
  const lb = { loadBalancerArn: 'arn:lb/web', loadBalancerName: 'web' };
  const group = (name: string, states: TargetGroup['targets'][number]['state'][], lbArn = lb.loadBalancerArn): TargetGroup => ({
    targetGroupArn: `arn:tg/${name}`,
    targetGroupName: name,
    targetType: 'instance',
    loadBalancerArns: [lbArn],
    targets: states.map((state, i) => ({ targetId: `i-${name}${i}`, state })),
  });

  // The reason is a code (core/route53/explain.ts); the CLI's English shows it reads as before.
  const inEnglish = (health: ReturnType<typeof albAliasHealth>) => ({ healthy: health.healthy, reason: englishDnsText(health.reason) });

  it('R53-9: healthy only if every target group with targets has at least one healthy target', () => {
    expect(inEnglish(albAliasHealth(lb, [group('a', ['healthy', 'unhealthy']), group('b', ['healthy'])]))).toEqual({ healthy: true, reason: 'load balancer web: every target group with targets has a healthy one (a 1/2 healthy, b 1/1 healthy)' });
    expect(albAliasHealth(lb, [group('a', ['healthy']), group('b', ['unhealthy', 'initial'])])).toEqual({ healthy: false, reason: { code: 'alb.noHealthyTarget', params: { name: 'web', groups: 'b' } } });
  });

  it('R53-9: a target group without targets does not count, but a load balancer with no targets at all is unhealthy', () => {
    expect(albAliasHealth(lb, [group('a', ['healthy']), group('empty', [])]).healthy).toBe(true);
    expect(inEnglish(albAliasHealth(lb, [group('empty', []), group('gone', ['draining', 'unused'])]))).toEqual({
      healthy: false,
      reason: 'load balancer web has no registered targets in empty, gone; a target group with no registered targets is unhealthy',
    });
    expect(englishDnsText(albAliasHealth(lb, [group('other', ['healthy'], 'arn:lb/other')]).reason)).toBe('load balancer web has no target group; a target group with no registered targets is unhealthy');
  });
});
