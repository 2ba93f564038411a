import { describe, expect, it } from 'vitest';
import { HealthCheck, HostedZone, ResourceRecordSet } from '@main/core/contract/model-route53';
import { parseLocation } from '@main/core/route53/geography';
import { readScenario } from '@main/core/scenario-files';
import { createRandom } from '@main/core/sources/sim/kernel/random';
import { buildRoute53, findLoadBalancer, type Route53State } from '@main/core/sources/sim/route53/build-route53';
import { exportRoute53, exportTransition } from '@main/core/sources/sim/route53/export-route53';
import { stepHealthChecks } from '@main/core/sources/sim/route53/health-checks';
import { ASSUME_HEALTHY, endpointProbe, healthCheckEndpoint, simDnsTrace, trafficShares, type LoadBalancerHealth } from '@main/core/sources/sim/route53/sim-dns';
import { englishDnsText } from '@main/cli/dns-text-en';
import { say } from '@main/core/route53/explain';

const scenario = readScenario('global-failover');
const state = buildRoute53(scenario.resources);
const lb = (logicalId: string) => state.loadBalancers.find((l) => l.logicalId === logicalId)!;
const from = (text: string) => parseLocation(text) as Exclude<ReturnType<typeof parseLocation>, { error: string }>;
const healthCheckId = (logicalId: string) => state.healthChecks.checks.find((c) => c.definition.logicalId === logicalId)!.definition.id;

/** The state after `seconds` with the eu-west-1 load balancer down from `downAt`. */
function withEuDown(downAt: number, seconds: number): Route53State {
  const random = createRandom(scenario.simulation.seed, 'route53-health');
  let healthChecks = state.healthChecks;
  const probe = endpointProbe(state, (target, _checkerRegion) => target.region !== 'eu-west-1');
  const upProbe = endpointProbe(state, () => true);
  for (let t = 5; t <= seconds; t += 5) healthChecks = stepHealthChecks(healthChecks, scenario.simulation.startTime + t * 1000, t >= downAt ? probe : upProbe, random).state;
  return { ...state, healthChecks };
}
const euUnhealthy: LoadBalancerHealth = (target) =>
  target.region === 'eu-west-1' ? { healthy: false, reason: say('alb.noHealthyTarget', { name: target.name, groups: 'shop-eu-web' }) } : { healthy: true, reason: say('alb.healthy', { name: target.name, counts: '' }) };

describe('the simulator’s Route 53 state', () => {
  it('R53-8: every hosted zone has an NS record with its 4 name servers and an SOA, listed first', () => {
    const { hostedZones, recordSets } = exportRoute53(state);
    expect(hostedZones).toHaveLength(1);
    const zone = HostedZone.parse(hostedZones[0]);
    expect(zone).toMatchObject({ name: 'example.com.', privateZone: false, resourceRecordSetCount: recordSets.length });
    const [ns, soa] = recordSets;
    expect(ns).toMatchObject({ name: 'example.com.', type: 'NS', ttl: 172800, resourceRecords: zone.nameServers.map((n) => `${n}.`) });
    expect(ns!.resourceRecords).toHaveLength(4);
    expect(soa).toMatchObject({ name: 'example.com.', type: 'SOA', ttl: 900, resourceRecords: [`${zone.nameServers[0]}. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400`] });
  });

  it('exports record sets and health checks in the contract’s shapes, with derived routing policies', () => {
    const { recordSets, healthChecks } = exportRoute53(state);
    for (const record of recordSets) ResourceRecordSet.parse(record);
    for (const check of healthChecks) HealthCheck.parse(check);
    const policies = Object.fromEntries(recordSets.map((r) => [`${r.name} ${r.type}`, r.routingPolicy]));
    expect(policies).toMatchObject({
      'www.example.com. A': 'latency',
      'app.example.com. CNAME': 'simple',
      'shop.example.com. A': 'geolocation',
      'api.example.com. A': 'failover',
      'beta.example.com. A': 'weighted',
      'static.example.com. A': 'multivalue',
    });
    const www = recordSets.filter((r) => r.name === 'www.example.com.');
    expect(www.map((r) => [r.setIdentifier, r.region, r.aliasTarget?.dnsName])).toEqual([
      ['us-east-1', 'us-east-1', `${lb('UsLoadBalancer').dnsName}.`],
      ['eu-west-1', 'eu-west-1', `${lb('EuLoadBalancer').dnsName}.`],
      ['ap-southeast-1', 'ap-southeast-1', `${lb('ApLoadBalancer').dnsName}.`],
    ]);
    expect(healthChecks.find((h) => h.id === healthCheckId('EuHealth'))).toEqual({
      id: healthCheckId('EuHealth'),
      type: 'HTTP',
      fullyQualifiedDomainName: lb('EuLoadBalancer').dnsName,
      port: 80,
      resourcePath: '/health',
      requestInterval: 30,
      failureThreshold: 3,
      status: 'Healthy',
      checkersHealthyPercent: 100,
    });
  });

  it('gives each load balancer three node addresses and finds it by its (dualstack) DNS name', () => {
    expect(lb('UsLoadBalancer').addresses).toEqual(['192.0.2.10', '192.0.2.11', '192.0.2.12']);
    expect(lb('EuLoadBalancer')).toMatchObject({ region: 'eu-west-1', canonicalHostedZoneId: 'Z32O12XQLNTSW2' });
    expect(findLoadBalancer(state, `dualstack.${lb('EuLoadBalancer').dnsName.toUpperCase()}.`)).toBe(lb('EuLoadBalancer'));
  });

  it('R53-2: www answers from the region nearest the client, and moves when that region’s ALB is unhealthy', () => {
    const trace = (location: string, health: LoadBalancerHealth = ASSUME_HEALTHY) => simDnsTrace(state, { name: 'www.example.com', type: 'A' }, from(location), { random: createRandom(1, 'dns'), loadBalancerHealth: health });
    expect(trace('DE').answer.values).toEqual(lb('EuLoadBalancer').addresses);
    expect(trace('US-CA').answer.values).toEqual(lb('UsLoadBalancer').addresses);
    expect(trace('JP').answer.values).toEqual(lb('ApLoadBalancer').addresses);
    const moved = trace('DE', euUnhealthy);
    expect(moved.answer.values).toEqual(lb('UsLoadBalancer').addresses);
    expect(moved.answer.explanation.map(englishDnsText).join('\n')).toContain('target group shop-eu-web has no healthy target');
    expect(moved.steps.at(-1)).toMatchObject({ kind: 'alias', zone: 'us-east-1.elb.amazonaws.com.' });
  });

  it('R53-7 with R53-4: when eu-west-1 goes down its health check fails, and api fails over to the secondary', () => {
    const healthy = simDnsTrace(state, { name: 'api.example.com', type: 'A' }, from('GB'), { random: createRandom(1, 'dns') });
    expect(healthy.answer.values).toEqual(lb('EuLoadBalancer').addresses);
    const down = withEuDown(60, 240);
    const euStatus = down.healthChecks.checks.find((c) => c.definition.logicalId === 'EuHealth')!;
    expect(euStatus.status).toBe('Unhealthy');
    expect(down.healthChecks.checks.filter((c) => c.status === 'Unhealthy').map((c) => c.definition.logicalId)).toEqual(['EuHealth']);
    const failedOver = simDnsTrace(down, { name: 'api.example.com', type: 'A' }, from('GB'), { random: createRandom(1, 'dns') });
    expect(failedOver.answer.values).toEqual(lb('UsLoadBalancer').addresses);
    expect(failedOver.answer.candidates.map((c) => [c.failover, c.healthy, c.chosen])).toEqual([['PRIMARY', false, false], ['SECONDARY', true, true]]);
    const transition = exportTransition(down.healthChecks.transitions[0]!);
    expect(transition).toMatchObject({ logicalId: 'EuHealth', oldStatus: 'Healthy', newStatus: 'Unhealthy' });
    expect(Date.parse(transition.time)).toBeGreaterThan(scenario.simulation.startTime + 60_000);
    // Geolocation falls back from Europe to the default record.
    expect(simDnsTrace(down, { name: 'shop.example.com', type: 'A' }, from('DE'), { random: createRandom(1, 'dns') }).answer.values).toEqual(lb('UsLoadBalancer').addresses);
  });

  it('splits a population’s requests over load balancers by the answer distribution', () => {
    const beta = trafficShares(state, 'beta.example.com', from('US-NY'), ASSUME_HEALTHY);
    expect([...beta]).toEqual([
      [lb('UsLoadBalancer').dnsName, 0.9],
      [lb('ApLoadBalancer').dnsName, 0.1],
    ]);
    expect([...trafficShares(state, 'app.example.com', from('DE'), euUnhealthy)]).toEqual([[lb('UsLoadBalancer').dnsName, 1]]);
    const origins = trafficShares(state, 'static.example.com', from('DE'), ASSUME_HEALTHY);
    expect([...origins.keys()]).toEqual(['203.0.113.101', '203.0.113.102', '203.0.113.103']);
    expect([...origins.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(trafficShares(state, 'nothing.example.org', from('DE'), ASSUME_HEALTHY).size).toBe(0);
  });

  it('knows what each health check probes: a load balancer by DNS name, or an address', () => {
    const endpoint = (logicalId: string) => healthCheckEndpoint(state, state.healthChecks.checks.find((c) => c.definition.logicalId === logicalId)!.definition);
    expect(endpoint('EuHealth')).toEqual({ kind: 'loadBalancer', loadBalancer: lb('EuLoadBalancer') });
    expect(endpoint('Origin2Health')).toEqual({ kind: 'address', address: '203.0.113.102' });
    const byRecord = { ...state.healthChecks.checks[0]!.definition, fullyQualifiedDomainName: 'app.example.com' };
    expect(healthCheckEndpoint(state, byRecord)).toMatchObject({ kind: 'loadBalancer' });
    expect(healthCheckEndpoint(state, { ...byRecord, fullyQualifiedDomainName: 'elsewhere.example.net' })).toEqual({ kind: 'outside', name: 'elsewhere.example.net.' });
  });
});
