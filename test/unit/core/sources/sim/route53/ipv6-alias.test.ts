/**
 * IPv6 of simulated load balancers in DNS: AAAA answers for dualstack load balancers, alias records of
 * type AAAA, and no data for an IPv4-only one (docs/aws-behaviour.md, LBA-5 … LBA-6).
 */
import { describe, expect, it } from 'vitest';
import { createRandom } from '@main/core/sources/sim/kernel/random';
import { buildRoute53 } from '@main/core/sources/sim/route53/build-route53';
import { ASSUME_HEALTHY, healthCheckEndpoint, simDnsTrace, trafficShares } from '@main/core/sources/sim/route53/sim-dns';
import { englishDnsText } from '@main/cli/dns-text-en';
import { scenarioFrom, webTier } from '../../../../../helpers/scenarios';

const alias = (lb: string, prefix = '') =>
  `{ DNSName: ${prefix ? `!Join ['', ['${prefix}', !GetAtt ${lb}.DNSName]]` : `!GetAtt ${lb}.DNSName`}, HostedZoneId: !GetAtt ${lb}.CanonicalHostedZoneID }`;

function dnsScenario(ipAddressType = 'dualstack'): string {
  return webTier()
    .replace('Properties: { Name: web-alb }', `Properties: { Name: web-alb, IpAddressType: ${ipAddressType} }`)
    .replace(
      'Resources:\n',
      `Resources:
  V4:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties: { Name: v4-alb }
  Zone:
    Type: AWS::Route53::HostedZone
    Properties: { Name: example.com }
  Www:
    Type: AWS::Route53::RecordSetGroup
    Properties:
      HostedZoneId: !Ref Zone
      RecordSets:
        - { Name: www.example.com, Type: A, AliasTarget: ${alias('Alb', 'dualstack.')} }
        - { Name: www.example.com, Type: AAAA, AliasTarget: ${alias('Alb', 'dualstack.')} }
  Legacy:
    Type: AWS::Route53::RecordSet
    Properties: { HostedZoneId: !Ref Zone, Name: legacy.example.com, Type: AAAA, AliasTarget: ${alias('V4')} }
`,
    );
}

const setup = (ipAddressType?: string) => {
  const scenario = scenarioFrom(dnsScenario(ipAddressType));
  const state = buildRoute53(scenario.resources);
  const trace = (name: string, type: string) => simDnsTrace(state, { name, type }, {}, { random: createRandom(1, 'dns') });
  const lb = (name: string) => state.loadBalancers.find((l) => l.name === name)!;
  return { scenario, state, trace, lb };
};

describe('LBA-5: AAAA answers follow the load balancer IpAddressType (load-balancer-ip-address-type.html, routing-to-elb-load-balancer.html)', () => {
  it('LBA-5: an AAAA alias to a dualstack load balancer answers its IPv6 addresses; the A alias its IPv4 ones', () => {
    const { trace, lb } = setup();
    const aaaa = trace('www.example.com', 'AAAA');
    expect(aaaa.answer.responseCode).toBe('NOERROR');
    expect(aaaa.answer.values).toEqual(lb('web-alb').ipv6Addresses);
    expect(aaaa.answer.values.length).toBe(3);
    const aliasStep = aaaa.steps.find((s) => s.kind === 'alias')!;
    expect(aliasStep.result).toBe('answer');
    expect(aliasStep.records[0]).toMatch(/ IN AAAA 2001:db8:/);
    expect(trace('www.example.com', 'A').answer.values).toEqual(lb('web-alb').addresses);
  });

  it('LBA-5: an AAAA alias to an IPv4-only load balancer answers no data (NOERROR, no records)', () => {
    const { trace } = setup();
    const result = trace('legacy.example.com', 'AAAA');
    expect(result.answer.responseCode).toBe('NOERROR');
    expect(result.answer.values).toEqual([]);
    expect(result.steps.at(-1)!.result).toBe('nodata');
    expect(result.answer.ttl).toBeUndefined();
    expect(result.answer.explanation.map(englishDnsText).join(' ')).toContain('no AAAA records (load balancer v4-alb has IP address type ipv4)');
  });

  it('LBA-5: the loader warns of an AAAA alias to an IPv4-only load balancer, naming both', () => {
    const { scenario } = setup();
    const warning = scenario.warnings.find((w) => w.path.startsWith('Resources.Legacy'))!;
    expect(warning.message).toMatch(/AAAA.*v4-alb.*ipv4.*no data/);
  });

  it("LBA-5: the load balancer's own DNS name answers A always and AAAA only when dualstack", () => {
    const { trace, lb } = setup();
    const dualstack = lb('web-alb');
    const v4 = lb('v4-alb');
    expect(trace(dualstack.dnsName, 'AAAA').answer.values).toEqual(dualstack.ipv6Addresses);
    expect(trace(`dualstack.${dualstack.dnsName}`, 'AAAA').answer.values).toEqual(dualstack.ipv6Addresses);
    expect(trace(dualstack.dnsName, 'A').answer.values).toEqual(dualstack.addresses);
    expect(trace(v4.dnsName, 'A').answer.values).toEqual(v4.addresses);
    const none = trace(v4.dnsName, 'AAAA');
    expect(none.answer).toMatchObject({ responseCode: 'NOERROR', values: [] });
  });

  it('LBA-5: dualstack-without-public-ipv4 answers AAAA only (public IPv6, no public IPv4)', () => {
    const { trace, lb } = setup('dualstack-without-public-ipv4');
    expect(trace('www.example.com', 'AAAA').answer.values).toEqual(lb('web-alb').ipv6Addresses);
    expect(trace('www.example.com', 'A').answer.values).toEqual([]);
  });
});

describe('LBA-6: simulated IPv6 addresses come from the documentation prefix 2001:db8::/32 (RFC 3849)', () => {
  it('LBA-6: one address per node, distinct per load balancer, the same on every load', () => {
    const first = setup().state.loadBalancers;
    const again = setup().state.loadBalancers;
    expect(first.map((l) => l.ipv6Addresses)).toEqual(again.map((l) => l.ipv6Addresses));
    const all = first.flatMap((l) => l.ipv6Addresses);
    expect(new Set(all).size).toBe(all.length);
    for (const address of all) expect(address).toMatch(/^2001:db8:[0-9a-f]{1,4}::[0-9a-f]{1,4}$/);
  });
});

describe('LBA-5: traffic to a name whose A answers nothing reaches what its AAAA answers', () => {
  it('LBA-5: requests to an alias of a dualstack-without-public-ipv4 load balancer reach it over IPv6', () => {
    const { state, lb } = setup('dualstack-without-public-ipv4');
    expect(trafficShares(state, 'www.example.com', {}, ASSUME_HEALTHY)).toEqual(new Map([[lb('web-alb').dnsName, 1]]));
  });
});

describe('LBA-6: a health check on a load balancer IPv6 address probes that load balancer', () => {
  it('LBA-6: IPAddress 2001:db8:1::2 is the dualstack load balancer, not an outside address', () => {
    const { state, lb } = setup();
    const endpoint = healthCheckEndpoint(state, { id: 'hc', logicalId: 'Hc', type: 'HTTP', ipAddress: lb('web-alb').ipv6Addresses[1]!, port: 80, requestIntervalSeconds: 30, failureThreshold: 3, inverted: false, disabled: false, regions: [], childHealthChecks: [] });
    expect(endpoint).toMatchObject({ kind: 'loadBalancer', loadBalancer: { name: 'web-alb' } });
  });
});
