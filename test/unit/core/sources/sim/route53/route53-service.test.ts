/** Route 53 plugged into the engine (services.dns): traffic split, health checks over a regional outage, the FailHealthCheck fault. */
import { describe, expect, it } from 'vitest';
import { readScenario } from '@main/core/scenario-files';
import { SimulationEngine } from '@main/core/sources/sim/engine';
import { createRandom } from '@main/core/sources/sim/kernel/random';
import { Route53Service } from '@main/core/sources/sim/route53/route53-service';
import { scenarioFrom } from '../../../../../helpers/scenarios';
import { englishDnsText } from '@main/cli/dns-text-en';

const DE = { continentCode: 'EU', countryCode: 'DE' };
const GB = { continentCode: 'EU', countryCode: 'GB' };

function engine(seed?: number) {
  const scenario = readScenario('global-failover', seed === undefined ? {} : { seed });
  const sim = new SimulationEngine(scenario);
  const dns = sim.services.dns as Route53Service;
  const lbName = (logicalId: string) => dns.state.loadBalancers.find((l) => l.logicalId === logicalId)!.dnsName;
  const at = (minutes: number) => sim.advanceTo(sim.startTime + minutes * 60_000);
  const route = (name: string, from: object) => sim.services.dns!.routeTraffic(name, from)!.map((r) => [r.endpoint, r.probability]);
  const status = (logicalId: string) => sim.inventory().healthChecks.find((h) => h.id === dns.state.healthChecks.checks.find((c) => c.definition.logicalId === logicalId)!.definition.id)!.status;
  return { sim, dns, lbName, at, route, status };
}

describe('Route 53 in the engine', () => {
  it('is constructed only for scenarios with a hosted zone, and answers only for names its public zones serve', () => {
    const { sim, route, lbName } = engine();
    expect(sim.services.dns).toBeInstanceOf(Route53Service);
    expect(sim.services.all).toContain(sim.services.dns);
    expect(route('www.example.com', DE)).toEqual([[lbName('EuLoadBalancer'), 1]]);
    expect(sim.services.dns!.routeTraffic('other.example.org', DE)).toBeUndefined();
    expect(new SimulationEngine(readScenario('serverless')).services.dns).toBeUndefined();
  });

  it('puts zones, record sets and health checks in the inventory', () => {
    const inventory = engine().sim.inventory();
    expect(inventory.hostedZones.map((z) => z.name)).toEqual(['example.com.']);
    expect(inventory.recordSets.length).toBe(inventory.hostedZones[0]!.resourceRecordSetCount);
    expect(inventory.healthChecks.map((h) => h.status)).toEqual(Array(6).fill('Healthy'));
  });

  it('sends each population’s requests to the load balancers its answers name (weighted 90/10 for beta)', () => {
    const { at, route, lbName, sim } = engine();
    at(10);
    expect(route('beta.example.com', { continentCode: 'NA', countryCode: 'US', subdivisionCode: 'NY' })).toEqual([
      [lbName('UsLoadBalancer'), 0.9],
      [lbName('ApLoadBalancer'), 0.1],
    ]);
    // The engine's traffic reached every region: each ALB counted requests.
    const requestCounts = [...sim.metrics.all()].filter((s) => s.metricName === 'RequestCount' && Object.keys(s.dimensions).length === 1);
    expect(requestCounts.map((s) => s.dimensions.LoadBalancer!.split('/')[1]).sort()).toEqual(['shop-ap', 'shop-eu', 'shop-us']);
  });

  it('R53-7, R53-9 and R53-4 over the eu-west-1 outage: aliases move first, then the health check fails and recovers', () => {
    const { sim, at, route, status, lbName } = engine();
    at(29);
    expect(status('EuHealth')).toBe('Healthy');
    expect(route('api.example.com', GB)).toEqual([[lbName('EuLoadBalancer'), 1]]);
    at(31);
    // The targets failed their ALB health checks: EvaluateTargetHealth moves www and api to us-east-1.
    expect(route('www.example.com', DE)).toEqual([[lbName('UsLoadBalancer'), 1]]);
    expect(route('api.example.com', GB)).toEqual([[lbName('UsLoadBalancer'), 1]]);
    at(33);
    expect(status('EuHealth')).toBe('Unhealthy');
    expect(route('shop.example.com', DE)).toEqual([[lbName('UsLoadBalancer'), 1]]);
    at(55);
    expect(status('EuHealth')).toBe('Healthy');
    expect(route('www.example.com', DE)).toEqual([[lbName('EuLoadBalancer'), 1]]);
    const transitions = sim.timeline.filter((t) => t.service === 'route53');
    expect(transitions.map((t) => [t.kind, t.resource, t.severity])).toEqual([
      ['HealthCheckStatus', 'EuHealth', 'warning'],
      ['HealthCheckStatus', 'EuHealth', 'info'],
    ]);
    const [down, up] = transitions.map((t) => Date.parse(t.time) - sim.startTime);
    // Three failed probes 30 s apart after the zones fail at 30:00; recovery after the zones return at 50:00.
    expect(down).toBeGreaterThan(30 * 60_000 + 60_000);
    expect(down).toBeLessThan(30 * 60_000 + 150_000);
    expect(up).toBeGreaterThan(50 * 60_000 + 60_000);
    expect(transitions[0]!.message).toMatch(/^Health check EuHealth \([0-9a-f-]{36}\) is now Unhealthy: \d+ of 24 checkers/);
    // The window words it from a code (issue 9): the same figures as parameters.
    expect(transitions[0]!.text).toEqual({
      code: 'healthCheck.checkers',
      params: expect.objectContaining({ check: 'EuHealth', status: 'Unhealthy', checkers: 24, healthy: expect.any(Number), percent: expect.any(Number) }),
    });
    expect(transitions[0]!.message).toContain(`${transitions[0]!.text!.params.healthy} of 24 checkers (${transitions[0]!.text!.params.percent}%)`);
  });

  it('FailHealthCheck fails a health check by logical id or id, and its Duration ends it', () => {
    const { sim, at, status, dns, route, lbName } = engine();
    at(5);
    const id = dns.state.healthChecks.checks.find((c) => c.definition.logicalId === 'UsHealth')!.definition.id;
    const record = sim.injectFault('FailHealthCheck', { HealthCheckId: id }, 600);
    expect(record.message).toContain('UsHealth');
    at(9);
    expect(status('UsHealth')).toBe('Unhealthy');
    // The stable weighted record is left out: the canary answers everything.
    expect(route('beta.example.com', { continentCode: 'NA', countryCode: 'US' })).toEqual([[lbName('ApLoadBalancer'), 1]]);
    at(20);
    expect(status('UsHealth')).toBe('Healthy');
    expect(() => sim.injectFault('FailHealthCheck', { HealthCheckId: 'no-such-check' })).toThrow('A health check with id no-such-check does not exist.');
    sim.injectFault('FailHealthCheck', { HealthCheckId: 'ApHealth' });
    at(25);
    expect(status('ApHealth')).toBe('Unhealthy');
  });

  it('traces with the simulation’s current state, and the same seed gives the same health-check timeline', () => {
    const a = engine(5);
    a.at(32);
    const trace = a.dns.trace({ name: 'api.example.com', type: 'A' }, GB, createRandom(1, 'dns'));
    expect(trace.answer.values).toEqual(a.dns.state.loadBalancers.find((l) => l.logicalId === 'UsLoadBalancer')!.addresses);
    expect(trace.answer.explanation.map(englishDnsText).join('\n')).toContain('alias target load balancer shop-eu (eu-west-1) unhealthy');
    const b = engine(5);
    b.at(60);
    a.at(60);
    expect(b.sim.timeline.filter((t) => t.service === 'route53')).toEqual(a.sim.timeline.filter((t) => t.service === 'route53'));
  });

  it('leaves requests unresolved when the name has no answer (geolocation without a match)', () => {
    const sim = new SimulationEngine(
      scenarioFrom(`Resources:
  Alb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties: { Name: web }
  Zone:
    Type: AWS::Route53::HostedZone
    Properties: { Name: example.com }
  OnlyEurope:
    Type: AWS::Route53::RecordSet
    Properties:
      HostedZoneId: !Ref Zone
      Name: www.example.com
      Type: A
      SetIdentifier: eu
      GeoLocation: { ContinentCode: EU }
      AliasTarget: { DNSName: !GetAtt Alb.DNSName, HostedZoneId: !GetAtt Alb.CanonicalHostedZoneID }
Traffic:
  - { Name: brazil, Target: www.example.com, Location: { CountryCode: BR }, Rate: 10 }
`),
    );
    expect(sim.services.dns!.routeTraffic('www.example.com', { countryCode: 'BR' })).toEqual([]);
    sim.advanceTo(sim.startTime + 120_000);
    const unresolved = [...sim.metrics.all()].find((s) => s.metricName === 'UnresolvedRequests');
    expect(unresolved).toBeDefined();
  });
});
