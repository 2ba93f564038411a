import { describe, expect, it } from 'vitest';
import { createRandom } from '@main/core/sources/sim/kernel/random';
import { answerDistribution, enumerateSubsets, resolveDns, MAX_ENUMERATED_SUBSETS } from '@main/core/route53/resolver';
import { alb, context, fixedRandom, rrset, weighted, ZONE } from './fixtures';
import { englishDnsText } from '@main/cli/dns-text-en';
import { say } from '@main/core/route53/explain';

const A = (name = 'www.example.com') => ({ name, type: 'A' });

/** The distribution as { key: probability }, rounded to 1e-9 so exact fractions compare exactly. */
function probabilities(ctx: ReturnType<typeof context>, query = A()) {
  return Object.fromEntries(answerDistribution(query, ctx).outcomes.map((o) => [o.key, Math.round(o.probability * 1e9) / 1e9]));
}

function counts(ctx: ReturnType<typeof context>, n: number, seed = 7, query = A()) {
  const random = createRandom(seed, 'test');
  const out: Record<string, number> = {};
  for (let i = 0; i < n; i++) {
    const key = resolveDns(query, ctx, random).answer.values.join(',');
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

describe('weighted routing', () => {
  const group = [weighted('blue', 70, '192.0.2.1'), weighted('green', 30, '192.0.2.2', { healthCheckId: 'hc-green' }), weighted('off', 0, '192.0.2.3')];

  it('R53-1: each record set answers weight / sum of weights of the name and type: 70/100 and 30/100, weight 0 never', () => {
    expect(probabilities(context(group))).toEqual({ '192.0.2.1': 0.7, '192.0.2.2': 0.3 });
    const answer = resolveDns(A(), context(group), fixedRandom(0.5)).answer;
    expect(answer.routingPolicy).toBe('weighted');
    expect(answer.candidates.map((c) => [c.setIdentifier, c.probability])).toEqual([['blue', 0.7], ['green', 0.3], ['off', undefined]]);
    expect(answer.explanation.map(englishDnsText).join('\n')).toContain('blue: weight 70 / 100 = 70%');
  });

  it('R53-1: a draw below 0.7 lands on the 70 record set and one at or above it on the 30 one', () => {
    expect(resolveDns(A(), context(group), fixedRandom(0.6999)).answer.values).toEqual(['192.0.2.1']);
    expect(resolveDns(A(), context(group), fixedRandom(0.7)).answer.values).toEqual(['192.0.2.2']);
  });

  it('R53-1: 10,000 seeded resolutions of 70/30 land within 2 % of 7,000/3,000, and the same seed gives the same counts', () => {
    const first = counts(context(group), 10_000);
    expect(Object.keys(first).sort()).toEqual(['192.0.2.1', '192.0.2.2']);
    expect(Math.abs(first['192.0.2.1']! - 7000)).toBeLessThan(200);
    expect(first['192.0.2.1']! + first['192.0.2.2']!).toBe(10_000);
    expect(counts(context(group), 10_000)).toEqual(first);
  });

  it('R53-1: when all weights are 0 the record sets are equally likely', () => {
    const zeros = [weighted('a', 0, '192.0.2.1'), weighted('b', 0, '192.0.2.2'), weighted('c', 0, '192.0.2.3'), weighted('d', 0, '192.0.2.4')];
    expect(probabilities(context(zeros))).toEqual({ '192.0.2.1': 0.25, '192.0.2.2': 0.25, '192.0.2.3': 0.25, '192.0.2.4': 0.25 });
  });

  it('R53-1: zero-weight record sets are considered only when every non-zero record set is unhealthy', () => {
    const records = [
      weighted('a', 60, '192.0.2.1', { healthCheckId: 'hc-a' }),
      weighted('b', 40, '192.0.2.2', { healthCheckId: 'hc-b' }),
      weighted('spare1', 0, '192.0.2.8'),
      weighted('spare2', 0, '192.0.2.9'),
    ];
    expect(probabilities(context(records, { unhealthy: ['hc-a'] }))).toEqual({ '192.0.2.2': 1 });
    expect(probabilities(context(records, { unhealthy: ['hc-a', 'hc-b'] }))).toEqual({ '192.0.2.8': 0.5, '192.0.2.9': 0.5 });
    const answer = resolveDns(A(), context(records, { unhealthy: ['hc-a', 'hc-b'] }), fixedRandom(0.1)).answer;
    expect(answer.explanation.map(englishDnsText).join('\n')).toContain('Every record set with a non-zero weight is unhealthy');
  });

  it('R53-1: an unhealthy record set leaves the others to share by their weights (50/30/20 without the 50 → 60 %/40 %)', () => {
    const records = [weighted('a', 50, '192.0.2.1', { healthCheckId: 'hc-a' }), weighted('b', 30, '192.0.2.2'), weighted('c', 20, '192.0.2.3')];
    expect(probabilities(context(records, { unhealthy: ['hc-a'] }))).toEqual({ '192.0.2.2': 0.6, '192.0.2.3': 0.4 });
  });
});

describe('health', () => {
  it('R53-5: a record set without a health check is healthy', () => {
    const records = [weighted('checked', 50, '192.0.2.1', { healthCheckId: 'hc-1' }), weighted('unchecked', 50, '192.0.2.2')];
    const answer = resolveDns(A(), context(records, { unhealthy: ['hc-1'] }), fixedRandom(0.1)).answer;
    expect(answer.values).toEqual(['192.0.2.2']);
    expect(answer.candidates.find((c) => c.setIdentifier === 'unchecked')).toMatchObject({ healthy: true, chosen: true });
    expect(answer.candidates.find((c) => c.setIdentifier === 'checked')).toMatchObject({ healthy: false, verdict: { code: 'weighted.verdictLeftOut' } });
  });

  it('R53-5: when no record set of the group is healthy, all are treated as healthy (weights 70/30 apply again)', () => {
    const records = [weighted('a', 70, '192.0.2.1', { healthCheckId: 'hc-a' }), weighted('b', 30, '192.0.2.2', { healthCheckId: 'hc-b' })];
    expect(probabilities(context(records, { unhealthy: ['hc-a', 'hc-b'] }))).toEqual({ '192.0.2.1': 0.7, '192.0.2.2': 0.3 });
    expect(resolveDns(A(), context(records, { unhealthy: ['hc-a', 'hc-b'] }), fixedRandom(0.1)).answer.explanation.map(englishDnsText).join('\n')).toContain('treats them all as healthy');
  });

  it('a health check whose status is unknown counts as healthy, and the explanation says so', () => {
    const ctx = context([weighted('a', 1, '192.0.2.1', { healthCheckId: 'hc-new' })]);
    ctx.health.healthCheck = () => undefined;
    const answer = resolveDns(A(), ctx, fixedRandom(0.1)).answer;
    expect(answer.values).toEqual(['192.0.2.1']);
    expect(answer.explanation.map(englishDnsText).join('\n')).toContain('status unknown, treated as healthy');
  });
});

describe('latency routing', () => {
  const records = ['us-east-1', 'eu-west-1', 'eu-central-1'].map((region, i) => rrset({ name: 'www.example.com', setIdentifier: region, region, resourceRecords: [`192.0.2.${i + 1}`], healthCheckId: `hc-${region}` }));
  const latency = { 'us-east-1': 95, 'eu-west-1': 24, 'eu-central-1': 12 };

  it('R53-2: answers with the record set of the region with the lowest latency to the resolver', () => {
    const answer = resolveDns(A(), context(records, { latency }), fixedRandom(0.5)).answer;
    expect(answer).toMatchObject({ values: ['192.0.2.3'], routingPolicy: 'latency', responseCode: 'NOERROR' });
    expect(answer.candidates.map((c) => [c.region, c.latencyMs, c.chosen])).toEqual([['us-east-1', 95, false], ['eu-west-1', 24, false], ['eu-central-1', 12, true]]);
    expect(answer.explanation.map(englishDnsText).join('\n')).toContain('Lowest latency among healthy regions: eu-central-1 (12 ms)');
    expect(probabilities(context(records, { latency }))).toEqual({ '192.0.2.3': 1 });
  });

  it('R53-2: skips an unhealthy region for the next lowest latency', () => {
    const answer = resolveDns(A(), context(records, { latency, unhealthy: ['hc-eu-central-1'] }), fixedRandom(0.5)).answer;
    expect(answer.values).toEqual(['192.0.2.2']);
    expect(englishDnsText(answer.candidates.find((c) => c.region === 'eu-central-1')!.verdict)).toBe('unhealthy: skipped (12 ms)');
  });

  it('R53-2 with R53-5: when every region is unhealthy, the lowest latency answers', () => {
    const unhealthy = records.map((r) => r.healthCheckId!);
    expect(resolveDns(A(), context(records, { latency, unhealthy }), fixedRandom(0.5)).answer.values).toEqual(['192.0.2.3']);
  });

  it('R53-2: ties between regions are split evenly (our choice)', () => {
    expect(probabilities(context(records, { latency: { 'us-east-1': 50, 'eu-west-1': 50, 'eu-central-1': 80 } }))).toEqual({ '192.0.2.1': 0.5, '192.0.2.2': 0.5 });
  });
});

describe('geolocation routing', () => {
  const geo = (id: string, geoLocation: NonNullable<Parameters<typeof rrset>[0]['geoLocation']>, value: string, healthCheckId?: string) =>
    rrset({ name: 'www.example.com', setIdentifier: id, geoLocation, resourceRecords: [value], ...(healthCheckId ? { healthCheckId } : {}) });
  const records = [
    geo('california', { countryCode: 'US', subdivisionCode: 'CA' }, '192.0.2.1', 'hc-ca'),
    geo('usa', { countryCode: 'US' }, '192.0.2.2', 'hc-us'),
    geo('north-america', { continentCode: 'NA' }, '192.0.2.3'),
    geo('default', { countryCode: '*' }, '192.0.2.4'),
  ];
  const from = (client: object) => resolveDns(A(), context(records, { client }), fixedRandom(0.5)).answer;

  it('R53-3: the most specific match wins: subdivision, then country, then continent, then the default', () => {
    expect(from({ continentCode: 'NA', countryCode: 'US', subdivisionCode: 'CA' }).values).toEqual(['192.0.2.1']);
    expect(from({ continentCode: 'NA', countryCode: 'US', subdivisionCode: 'TX' }).values).toEqual(['192.0.2.2']);
    expect(from({ continentCode: 'NA', countryCode: 'MX' }).values).toEqual(['192.0.2.3']);
    expect(from({ countryCode: 'MX' }).values).toEqual(['192.0.2.3']); // the continent of MX is filled in
    expect(from({ continentCode: 'EU', countryCode: 'DE' }).values).toEqual(['192.0.2.4']);
    const answer = from({ continentCode: 'NA', countryCode: 'US', subdivisionCode: 'CA' });
    expect(answer.routingPolicy).toBe('geolocation');
    expect(answer.candidates.find((c) => c.chosen)).toMatchObject({ setIdentifier: 'california', geoLocation: 'US-CA' });
    expect(englishDnsText(answer.candidates.find((c) => c.chosen)!.verdict)).toBe('most specific healthy match (subdivision US-CA)');
  });

  it('R53-3: CountryCode "*" is the default; without a default an unmatched query gets no answer (NOERROR, empty)', () => {
    const withoutDefault = records.slice(0, 3);
    const answer = resolveDns(A(), context(withoutDefault, { client: { continentCode: 'EU', countryCode: 'DE' } }), fixedRandom(0.5)).answer;
    expect(answer).toMatchObject({ values: [], responseCode: 'NOERROR', routingPolicy: 'geolocation' });
    expect(answer.explanation.map(englishDnsText).join('\n')).toContain('there is no default location (CountryCode "*")');
    expect(probabilities(context(withoutDefault, { client: { continentCode: 'EU', countryCode: 'DE' } }))).toEqual({ '': 1 });
  });

  it('R53-3 with health: an unhealthy match falls back to the larger area (state → country → continent)', () => {
    const client = { continentCode: 'NA', countryCode: 'US', subdivisionCode: 'CA' };
    expect(resolveDns(A(), context(records, { client, unhealthy: ['hc-ca'] }), fixedRandom(0.5)).answer.values).toEqual(['192.0.2.2']);
    expect(resolveDns(A(), context(records, { client, unhealthy: ['hc-ca', 'hc-us'] }), fixedRandom(0.5)).answer.values).toEqual(['192.0.2.3']);
  });

  it('R53-3 with R53-5: when every match is unhealthy, the most specific one answers', () => {
    const records2 = [geo('de', { countryCode: 'DE' }, '192.0.2.1', 'hc-de'), geo('eu', { continentCode: 'EU' }, '192.0.2.2', 'hc-eu'), geo('us', { countryCode: 'US' }, '192.0.2.9')];
    const answer = resolveDns(A(), context(records2, { unhealthy: ['hc-de', 'hc-eu'] }), fixedRandom(0.5)).answer;
    expect(answer.values).toEqual(['192.0.2.1']);
    expect(answer.explanation.map(englishDnsText).join('\n')).toContain('Every matching record set is unhealthy');
  });
});

describe('failover routing', () => {
  const primary = rrset({ name: 'www.example.com', setIdentifier: 'primary', failover: 'PRIMARY', resourceRecords: ['192.0.2.1'], healthCheckId: 'hc-p' });
  const secondary = rrset({ name: 'www.example.com', setIdentifier: 'secondary', failover: 'SECONDARY', resourceRecords: ['192.0.2.2'], healthCheckId: 'hc-s' });
  const answer = (unhealthy: string[], records = [primary, secondary]) => resolveDns(A(), context(records, { unhealthy }), fixedRandom(0.5)).answer;

  it('R53-4: a healthy primary answers, whatever the secondary', () => {
    expect(answer([]).values).toEqual(['192.0.2.1']);
    expect(answer(['hc-s']).values).toEqual(['192.0.2.1']);
    expect(answer([]).routingPolicy).toBe('failover');
  });

  it('R53-4: an unhealthy primary with a healthy secondary → the secondary', () => {
    const a = answer(['hc-p']);
    expect(a.values).toEqual(['192.0.2.2']);
    expect(a.candidates.map((c) => [c.failover, c.healthy, c.chosen])).toEqual([['PRIMARY', false, false], ['SECONDARY', true, true]]);
  });

  it('R53-4: both unhealthy → the primary', () => {
    expect(answer(['hc-p', 'hc-s']).values).toEqual(['192.0.2.1']);
    expect(answer(['hc-p', 'hc-s']).explanation.map(englishDnsText).join('\n')).toContain('Both are unhealthy, so Route 53 answers with the primary.');
  });

  it('R53-4: a secondary without a health check is always healthy', () => {
    const unchecked = { ...secondary, healthCheckId: undefined };
    expect(answer(['hc-p', 'hc-s'], [primary, unchecked]).values).toEqual(['192.0.2.2']);
  });
});

describe('multivalue answer routing', () => {
  const many = (n: number, checked = true) =>
    Array.from({ length: n }, (_, i) => rrset({ name: 'www.example.com', setIdentifier: `m${i}`, multiValueAnswer: true, resourceRecords: [`192.0.2.${i + 1}`], ...(checked ? { healthCheckId: `hc-${i}` } : {}) }));

  it('R53-6: answers with every healthy record set when there are 8 or fewer', () => {
    const records = many(5);
    expect(probabilities(context(records, { unhealthy: ['hc-1', 'hc-3'] }))).toEqual({ '192.0.2.1,192.0.2.3,192.0.2.5': 1 });
  });

  it('R53-6: with 10 healthy record sets each answer holds a random 8: C(10,8) = 45 answers of 1/45, each record set in 80 % of them', () => {
    const records = many(10);
    const distribution = answerDistribution(A(), context(records));
    expect(distribution.exact).toBe(true);
    expect(distribution.outcomes).toHaveLength(45);
    for (const outcome of distribution.outcomes) {
      expect(outcome.values).toHaveLength(8);
      expect(outcome.probability).toBeCloseTo(1 / 45, 12);
    }
    const share = distribution.outcomes.filter((o) => o.values.includes('192.0.2.1')).reduce((s, o) => s + o.probability, 0);
    expect(share).toBeCloseTo(0.8, 12);
    const answer = resolveDns(A(), context(records), createRandom(3, 'mv')).answer;
    expect(new Set(answer.values).size).toBe(8);
    expect(answer.candidates.every((c) => c.probability === 0.8)).toBe(true);
  });

  it('R53-6: when none is healthy, up to 8 unhealthy record sets answer', () => {
    const records = many(12);
    const unhealthy = records.map((r) => r.healthCheckId!);
    const answer = resolveDns(A(), context(records, { unhealthy }), createRandom(5, 'mv')).answer;
    expect(answer.values).toHaveLength(8);
    expect(answer.explanation.map(englishDnsText).join('\n')).toContain('None is healthy, so Route 53 answers with up to 8 unhealthy ones.');
    expect(probabilities(context(many(3), { unhealthy: ['hc-0', 'hc-1', 'hc-2'] }))).toEqual({ '192.0.2.1,192.0.2.2,192.0.2.3': 1 });
  });

  it('R53-6: beyond C(n,8) > 20,000 the distribution lists n rotating answers of 8 with the exact share 8/n each', () => {
    const n = 20;
    const distribution = answerDistribution(A(), context(many(n, false)));
    expect(distribution.exact).toBe(false);
    expect(distribution.outcomes).toHaveLength(n);
    for (let i = 0; i < n; i++) {
      const share = distribution.outcomes.filter((o) => o.values.includes(`192.0.2.${i + 1}`)).reduce((s, o) => s + o.probability, 0);
      expect(share).toBeCloseTo(8 / n, 12);
    }
    expect(enumerateSubsets([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15], 8).subsets.length).toBe(12_870);
    expect(12_870).toBeLessThan(MAX_ENUMERATED_SUBSETS);
  });
});

describe('aliases, CNAMEs and names', () => {
  it('R53-9: a latency alias to an ALB with EvaluateTargetHealth is skipped while the ALB is unhealthy, and answers with its addresses', () => {
    const records = [
      rrset({ name: 'www.example.com', setIdentifier: 'eu', region: 'eu-west-1', aliasTarget: alb('eu-alb.eu-west-1.elb.amazonaws.com') }),
      rrset({ name: 'www.example.com', setIdentifier: 'us', region: 'us-east-1', aliasTarget: alb('us-alb.us-east-1.elb.amazonaws.com') }),
    ];
    const latency = { 'eu-west-1': 20, 'us-east-1': 90 };
    const targets = {
      'eu-alb.eu-west-1.elb.amazonaws.com': { healthy: false, values: ['192.0.2.10'], reason: say('alb.noHealthyTarget', { name: 'eu-alb', groups: 'eu-web' }) },
      'us-alb.us-east-1.elb.amazonaws.com': { healthy: true, values: ['198.51.100.10', '198.51.100.11'] },
    };
    const resolution = resolveDns(A(), context(records, { latency, targets }), fixedRandom(0.5));
    expect(resolution.answer.values).toEqual(['198.51.100.10', '198.51.100.11']);
    expect(resolution.answer.ttl).toBe(60);
    expect(resolution.targets).toEqual(['us-alb.us-east-1.elb.amazonaws.com.']);
    expect(resolution.aliasHops[0]).toMatchObject({ recordName: 'www.example.com.', setIdentifier: 'us', healthy: true });
    expect(resolution.answer.explanation.map(englishDnsText).join('\n')).toContain('alias target ALB eu-alb.eu-west-1.elb.amazonaws.com unhealthy (load balancer eu-alb: target group eu-web has no healthy target)');
    const healthyEu = resolveDns(A(), context(records, { latency, targets: { ...targets, 'eu-alb.eu-west-1.elb.amazonaws.com': { healthy: true, values: ['192.0.2.10'] } } }), fixedRandom(0.5));
    expect(healthyEu.answer.values).toEqual(['192.0.2.10']);
  });

  it('follows an alias to another record set in the same zone, whose own routing then decides', () => {
    const records = [
      rrset({ name: 'example.com', aliasTarget: { hostedZoneId: ZONE.id, dnsName: 'www.example.com', evaluateTargetHealth: true } }),
      weighted('a', 1, '192.0.2.1', { healthCheckId: 'hc-a' }),
      weighted('b', 3, '192.0.2.2', { healthCheckId: 'hc-b' }),
    ];
    expect(probabilities(context(records), A('example.com'))).toEqual({ '192.0.2.1': 0.25, '192.0.2.2': 0.75 });
    const answer = resolveDns(A('example.com'), context(records), fixedRandom(0.9)).answer;
    expect(answer).toMatchObject({ values: ['192.0.2.2'], routingPolicy: 'weighted' });
    expect(answer.candidates.map((c) => c.setIdentifier ?? '(apex alias)')).toEqual(['(apex alias)', 'a', 'b']);
  });

  it('an in-zone alias with EvaluateTargetHealth is healthy only while its target group has a healthy record set', () => {
    const records = [
      rrset({ name: 'api.example.com', setIdentifier: 'primary', failover: 'PRIMARY', aliasTarget: { hostedZoneId: ZONE.id, dnsName: 'www.example.com', evaluateTargetHealth: true } }),
      rrset({ name: 'api.example.com', setIdentifier: 'secondary', failover: 'SECONDARY', resourceRecords: ['203.0.113.9'] }),
      weighted('a', 1, '192.0.2.1', { healthCheckId: 'hc-a' }),
      weighted('b', 1, '192.0.2.2', { healthCheckId: 'hc-b' }),
    ];
    expect(probabilities(context(records, { unhealthy: ['hc-a'] }), A('api.example.com'))).toEqual({ '192.0.2.2': 1 });
    expect(probabilities(context(records, { unhealthy: ['hc-a', 'hc-b'] }), A('api.example.com'))).toEqual({ '203.0.113.9': 1 });
  });

  it('chases a CNAME within the zone and lists both records in the answer section', () => {
    const records = [rrset({ name: 'app.example.com', type: 'CNAME', ttl: 300, resourceRecords: ['www.example.com'] }), weighted('only', 1, '192.0.2.1')];
    const resolution = resolveDns(A('app.example.com'), context(records), fixedRandom(0.5));
    expect(resolution.answer.values).toEqual(['192.0.2.1']);
    expect(resolution.records).toEqual(['app.example.com. 300 IN CNAME www.example.com.', 'www.example.com. 60 IN A 192.0.2.1']);
    expect(resolution.answer.routingPolicy).toBe('weighted');
  });

  it('stops at a CNAME that leaves the zone: the answer is the CNAME target', () => {
    const records = [rrset({ name: 'cdn.example.com', type: 'CNAME', resourceRecords: ['d111111abcdef8.cloudfront.net'] })];
    const resolution = resolveDns(A('cdn.example.com'), context(records), fixedRandom(0.5));
    expect(resolution.answer.values).toEqual(['d111111abcdef8.cloudfront.net.']);
    expect(resolution.answer.explanation.map(englishDnsText).join('\n')).toContain('outside example.com.');
  });

  it('answers SERVFAIL instead of looping on a CNAME or alias cycle', () => {
    const cnames = [rrset({ name: 'a.example.com', type: 'CNAME', resourceRecords: ['b.example.com'] }), rrset({ name: 'b.example.com', type: 'CNAME', resourceRecords: ['a.example.com'] })];
    const answer = resolveDns(A('a.example.com'), context(cnames), fixedRandom(0.5)).answer;
    expect(answer.responseCode).toBe('SERVFAIL');
    expect(answer.explanation.map(englishDnsText).join('\n')).toContain('leads back to itself');
    const aliases = [rrset({ name: 'x.example.com', aliasTarget: { hostedZoneId: ZONE.id, dnsName: 'x.example.com', evaluateTargetHealth: false } })];
    expect(resolveDns(A('x.example.com'), context(aliases), fixedRandom(0.5)).answer.responseCode).toBe('SERVFAIL');
    expect(answerDistribution(A('x.example.com'), context(aliases)).outcomes.map((o) => o.responseCode)).toEqual(['SERVFAIL']);
  });

  it('tells NXDOMAIN (no such name) from an empty NOERROR (the name exists, not the type) and REFUSED (another zone)', () => {
    const records = [weighted('only', 1, '192.0.2.1'), rrset({ name: 'deep.sub.example.com', type: 'TXT', resourceRecords: ['"hi"'] })];
    expect(resolveDns(A('nope.example.com'), context(records), fixedRandom(0.5)).answer.responseCode).toBe('NXDOMAIN');
    const nodata = resolveDns({ name: 'www.example.com', type: 'AAAA' }, context(records), fixedRandom(0.5)).answer;
    expect(nodata).toMatchObject({ responseCode: 'NOERROR', values: [] });
    expect(resolveDns(A('sub.example.com'), context(records), fixedRandom(0.5)).answer).toMatchObject({ responseCode: 'NOERROR', values: [] });
    expect(resolveDns(A('www.example.org'), context(records), fixedRandom(0.5)).answer.responseCode).toBe('REFUSED');
  });

  it('answers names below a wildcard from the wildcard, but not names that exist', () => {
    const records = [rrset({ name: '\\052.example.com', resourceRecords: ['192.0.2.42'] }), weighted('only', 1, '192.0.2.1')];
    expect(resolveDns(A('anything.example.com'), context(records), fixedRandom(0.5)).answer.values).toEqual(['192.0.2.42']);
    expect(resolveDns(A('www.example.com'), context(records), fixedRandom(0.5)).answer.values).toEqual(['192.0.2.1']);
  });

  it('matches names case-insensitively and with or without the trailing dot', () => {
    const records = [weighted('only', 1, '192.0.2.1')];
    expect(resolveDns(A('WWW.Example.COM.'), context(records), fixedRandom(0.5)).answer.values).toEqual(['192.0.2.1']);
  });
});
