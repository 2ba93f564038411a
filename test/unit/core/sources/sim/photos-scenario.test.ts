/**
 * The bundled photos scenario (issue 16, "Done when": one bundled scenario uses all four parts) through
 * the real engine: AWS WAF on the load balancer, a dualstack load balancer with A and AAAA aliases, RDS
 * automated backups in a window 20 minutes into the run, and Lambda behind API Gateway and S3 events.
 */
import { describe, expect, it } from 'vitest';
import { readScenario } from '@main/core/scenario-files';
import { SimulationEngine } from '@main/core/sources/sim/engine';
import { buildRoute53 } from '@main/core/sources/sim/route53/build-route53';
import { simDnsTrace } from '@main/core/sources/sim/route53/sim-dns';
import { createRandom } from '@main/core/sources/sim/kernel/random';

describe('photos.yaml uses WAF, IPv6 and attributes, RDS backups and Lambda event sources together', () => {
  const scenario = readScenario('photos');
  const engine = new SimulationEngine(scenario);
  engine.advanceBy(30 * 60);
  const total = (namespace: string, metric: string, dims: Record<string, string>) => (engine.metrics.get(namespace, metric, dims)?.points('Sum') ?? []).reduce((s, [, v]) => s + v, 0);
  const waf = (metric: string, rule: string) => total('AWS/WAFV2', metric, { WebACL: 'photos-acl', Rule: rule, Region: 'us-east-1' });
  const offered = (population: string) => total('Flightdeck/Traffic', 'OfferedRequests', { Population: population });

  it('loads without warnings', () => {
    expect(scenario.warnings).toEqual([]);
  });

  it('WAF-1/WAF-4: the web ACL blocks the 3 % from the listed range and counts the 10 % of /admin* requests', () => {
    const browsers = offered('browsers');
    expect(waf('BlockedRequests', 'BlockBadRange') / browsers).toBeCloseTo(0.03, 2);
    // count-admin runs after the IP set: the /admin* requests of the listed range were blocked first.
    expect(waf('CountedRequests', 'CountAdmin') / browsers).toBeCloseTo(0.097, 2);
    expect(waf('BlockedRequests', 'RateLimitPerIp')).toBe(0);
  });

  it('LBA-1/LBA-5: photos.example.com answers A and AAAA from the dualstack load balancer; the browsers reach it over A', () => {
    const state = buildRoute53(scenario.resources);
    const lb = state.loadBalancers.find((l) => l.name === 'photos-alb')!;
    const trace = (type: string) => simDnsTrace(state, { name: 'photos.example.com', type }, {}, { random: createRandom(1, 'dns') });
    expect(trace('AAAA').answer.values).toEqual(lb.ipv6Addresses);
    expect(trace('A').answer.values).toEqual(lb.addresses);
    const alb = [...engine.world.loadBalancers.values()][0]!;
    // Every browser request reaches the load balancer: the web ACL blocks some, the targets get the rest.
    expect(total('AWS/ApplicationELB', 'RequestCount', { LoadBalancer: alb.fullName }) + waf('BlockedRequests', 'ALL')).toBe(offered('browsers'));
  });

  it('RDSB-3: photos-db is backing-up from 10:20, when its backup window opens (RDS-EVENT-0001 / 0002)', () => {
    const events = engine.rdsEvents.filter((e) => e.sourceIdentifier === 'photos-db').map((e) => [e.eventId, e.date]);
    expect(events).toContainEqual(['RDS-EVENT-0001', '2026-11-21T10:20:00.000Z']);
    expect(events.some(([id, date]) => id === 'RDS-EVENT-0002' && date! > '2026-11-21T10:20:00.000Z' && date! < '2026-11-21T10:30:00.000Z')).toBe(true);
  });

  it('S3EV-4/APIGW-5: the uploads invoke the thumbnailer asynchronously (only uploads/*.jpg) and the HTTP API invokes photos-api', () => {
    const received = total('AWS/Lambda', 'AsyncEventsReceived', { FunctionName: 'thumbnailer' });
    expect(received / offered('uploaders')).toBeCloseTo(0.9, 1);
    expect(total('AWS/Lambda', 'Invocations', { FunctionName: 'thumbnailer' })).toBeGreaterThan(0.95 * received);
    const invoked = total('AWS/Lambda', 'Invocations', { FunctionName: 'photos-api' });
    // /v1/health (5 %) has no route: API Gateway answers 404 without invoking the function.
    expect(invoked / offered('mobile-app')).toBeCloseTo(0.95, 2);
  });
});
