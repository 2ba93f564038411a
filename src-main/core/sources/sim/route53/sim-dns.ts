/**
 * The simulator's Route 53 answering with the shared resolver: health lookups over the simulated
 * health checks and load balancers, the DNS trace, how a population's requests split over the
 * answers (the fluid traffic model), and what a health check's endpoint is. The engine supplies
 * only what it owns — whether a load balancer is healthy (R53-9, from its target groups) and
 * whether it is up (for health-check probes).
 */
import type { ClientLocation, DnsTrace } from '../../../contract/model-dns';
import type { HostedZone, ResourceRecordSet } from '../../../contract/model-route53';
import { route53NameServers } from '../../../route53/name-servers';
import type { AliasHealth } from '../../../route53/alias-health';
import { say } from '../../../route53/explain';
import { defaultLatencyTable } from '../../../route53/geography';
import { normalizeName, withoutDualstack } from '../../../route53/names';
import { answerDistribution, type DnsQuery, type HealthLookup, type LatencyTable, type RandomSource } from '../../../route53/resolver';
import { buildDnsTrace, findZone, type TraceZone } from '../../../route53/trace';
import { findLoadBalancer, loadBalancerAnswers, LOAD_BALANCER_TTL, type Route53State, type SimAliasLoadBalancer } from './build-route53';
import { statusOf, type EndpointProbe, type HealthCheckDefinition, type ProbeFailure } from './health-checks';

/** R53-9 health of a load balancer as an alias target; the engine computes it with albAliasHealth. */
export type LoadBalancerHealth = (loadBalancer: SimAliasLoadBalancer) => AliasHealth;

/** Before the engine has run (t = 0, nothing simulated yet) every load balancer is taken as healthy. */
export const ASSUME_HEALTHY: LoadBalancerHealth = (lb) => ({ healthy: true, reason: say('alb.notSimulatedYet', { name: lb.name }) });

export function simHealthLookup(state: Route53State, loadBalancerHealth: LoadBalancerHealth): HealthLookup {
  return {
    healthCheck: (id) => {
      const status = statusOf(state.healthChecks, id);
      return status === undefined ? undefined : status === 'Healthy';
    },
    aliasTarget: (target, type) => {
      const lb = findLoadBalancer(state, target.dnsName);
      if (!lb) return undefined;
      const health = loadBalancerHealth(lb);
      // LBA-5: A and/or AAAA by the load balancer's IpAddressType.
      const values = loadBalancerAnswers(lb, type);
      const emptyReason = values.length === 0 && (type === 'A' || type === 'AAAA') ? say('alb.noRecordsOfFamily', { type, name: lb.name, ipAddressType: lb.ipAddressType }) : undefined;
      return { values, healthy: health.healthy, reason: health.reason, ttl: LOAD_BALANCER_TTL, description: say('alb.simTarget', { name: lb.name, region: lb.region }), ...(emptyReason ? { emptyReason } : {}) };
    },
  };
}

export function traceZones(state: Route53State): TraceZone[] {
  return state.zones.map((zone) => {
    const hostedZone: HostedZone = { id: zone.id, name: zone.name, privateZone: zone.privateZone, nameServers: zone.nameServers };
    return { zone: hostedZone, recordSets: state.recordSets.filter((r) => r.hostedZoneId === zone.id) };
  });
}

/**
 * LBA-5: the zones ELB answers a load balancer's own DNS name from (`<region>.elb.amazonaws.com.`,
 * the region's canonical hosted zone), so that `dns trace <alb-name>` and an AAAA query of it show
 * what clients get: A records, and AAAA records when the load balancer is dualstack. Both the name and
 * its `dualstack.` form answer (routing-to-elb-load-balancer.html). Only for the trace: traffic to a
 * load balancer's name reaches it directly.
 */
export function loadBalancerZones(state: Pick<Route53State, 'loadBalancers'>): TraceZone[] {
  const byRegion = new Map<string, SimAliasLoadBalancer[]>();
  for (const lb of state.loadBalancers) byRegion.set(lb.region, [...(byRegion.get(lb.region) ?? []), lb]);
  return [...byRegion].map(([region, lbs]) => {
    const id = lbs[0]!.canonicalHostedZoneId;
    const hex = [...id].map((c) => c.charCodeAt(0).toString(16)).join('');
    const recordSets: ResourceRecordSet[] = lbs.flatMap((lb) =>
      [lb.dnsName, `dualstack.${lb.dnsName}`].flatMap((name) =>
        (['A', 'AAAA'] as const).flatMap((type) => {
          const values = loadBalancerAnswers(lb, type);
          return values.length ? [{ hostedZoneId: id, name: normalizeName(name), type, ttl: LOAD_BALANCER_TTL, resourceRecords: values, routingPolicy: 'simple' as const }] : [];
        }),
      ),
    );
    return { zone: { id, name: `${region}.elb.amazonaws.com.`, privateZone: false, nameServers: route53NameServers(hex) }, recordSets };
  });
}

export interface SimTraceOptions {
  random: RandomSource;
  repeat?: number;
  loadBalancerHealth?: LoadBalancerHealth;
  /** Region → ms from the client; the default latency model when not given. */
  latency?: LatencyTable;
}

export function simDnsTrace(state: Route53State, query: DnsQuery, from: ClientLocation, options: SimTraceOptions): DnsTrace {
  return buildDnsTrace({
    query,
    from,
    zones: [...traceZones(state), ...loadBalancerZones(state)],
    health: simHealthLookup(state, options.loadBalancerHealth ?? ASSUME_HEALTHY),
    latency: options.latency ?? defaultLatencyTable(from),
    random: options.random,
    ...(options.repeat ? { repeat: options.repeat } : {}),
  });
}

/**
 * How the requests of clients at `from` calling `name` split over what they reach: a load
 * balancer's DNS name, or an address when the answer is plain records. Each answer's share is its
 * probability; within an answer with several addresses, clients spread evenly over them (clients
 * pick an address; our reading of routing-policy-multivalue.html). Empty when the name has no
 * answer (the requests fail to resolve).
 */
export function trafficShares(state: Route53State, name: string, from: ClientLocation, loadBalancerHealth: LoadBalancerHealth, latency: LatencyTable = defaultLatencyTable(from)): Map<string, number> {
  const shares = new Map<string, number>();
  const zone = findZone(name, traceZones(state));
  if (!zone) return shares;
  const context = { zone: { id: zone.zone.id, name: zone.zone.name }, recordSets: zone.recordSets, client: from, health: simHealthLookup(state, loadBalancerHealth), latency };
  const add = (target: string, share: number) => shares.set(target, (shares.get(target) ?? 0) + share);
  // Clients ask for A; when the name has no IPv4 answer at all (an alias to a dualstack-without-public-ipv4
  // load balancer), IPv6-capable clients reach what AAAA answers (LBA-5; our reading: clients try both).
  const a = answerDistribution({ name, type: 'A' }, context).outcomes;
  const outcomes = a.some((o) => o.values.length > 0) ? a : answerDistribution({ name, type: 'AAAA' }, context).outcomes;
  for (const outcome of outcomes) {
    if (outcome.values.length === 0) continue;
    if (outcome.targets.length > 0) {
      for (const target of outcome.targets) add(findLoadBalancer(state, target)?.dnsName ?? target.replace(/\.$/, ''), outcome.probability / outcome.targets.length);
      continue;
    }
    for (const value of outcome.values) {
      const lb = state.loadBalancers.find((candidate) => candidate.addresses.includes(value) || candidate.ipv6Addresses.includes(value));
      add(lb?.dnsName ?? value, outcome.probability / outcome.values.length);
    }
  }
  return shares;
}

/** What a health check probes: a simulated load balancer, an address, or something outside the scenario. */
export type HealthCheckEndpoint = { kind: 'loadBalancer'; loadBalancer: SimAliasLoadBalancer } | { kind: 'address'; address: string } | { kind: 'outside'; name: string };

/**
 * Resolves a health check's endpoint as Route 53 does — IPAddress if given, else a DNS lookup of
 * FullyQualifiedDomainName — ignoring health (the checker resolves the name, it does not route).
 */
export function healthCheckEndpoint(state: Route53State, check: HealthCheckDefinition): HealthCheckEndpoint {
  if (check.ipAddress) {
    const lb = state.loadBalancers.find((candidate) => candidate.addresses.includes(check.ipAddress!) || candidate.ipv6Addresses.includes(check.ipAddress!));
    return lb ? { kind: 'loadBalancer', loadBalancer: lb } : { kind: 'address', address: check.ipAddress };
  }
  const name = check.fullyQualifiedDomainName ?? '';
  const direct = findLoadBalancer(state, name);
  if (direct) return { kind: 'loadBalancer', loadBalancer: direct };
  const zone = findZone(name, traceZones(state));
  if (zone) {
    const everyoneHealthy = simHealthLookup(state, ASSUME_HEALTHY);
    const lookup: HealthLookup = { healthCheck: () => true, ...(everyoneHealthy.aliasTarget ? { aliasTarget: everyoneHealthy.aliasTarget } : {}) };
    const context = { zone: { id: zone.zone.id, name: zone.zone.name }, recordSets: zone.recordSets, client: {}, health: lookup, latency: {} };
    const first = answerDistribution({ name, type: 'A' }, context).outcomes.find((o) => o.values.length > 0);
    const target = first?.targets[0];
    const lb = target ? findLoadBalancer(state, target) : state.loadBalancers.find((candidate) => first?.values.some((v) => candidate.addresses.includes(v)));
    if (lb) return { kind: 'loadBalancer', loadBalancer: lb };
    if (first?.values[0]) return { kind: 'address', address: first.values[0] };
  }
  return { kind: 'outside', name: normalizeName(withoutDualstack(name)) };
}

/**
 * An EndpointProbe for stepHealthChecks from the engine's view of load balancers (and, if it has
 * one, of plain addresses). Endpoints outside the scenario always answer.
 */
export function endpointProbe(
  state: Route53State,
  loadBalancerUp: (lb: SimAliasLoadBalancer, checker: { region: string; index: number }, check: HealthCheckDefinition) => boolean | ProbeFailure,
  addressUp: (address: string, checkerRegion: string) => boolean = () => true,
): EndpointProbe {
  const endpoints = new Map<string, HealthCheckEndpoint>();
  return (check, checker) => {
    let endpoint = endpoints.get(check.id);
    if (!endpoint) endpoints.set(check.id, (endpoint = healthCheckEndpoint(state, check)));
    switch (endpoint.kind) {
      case 'loadBalancer':
        return loadBalancerUp(endpoint.loadBalancer, checker, check);
      case 'address':
        return addressUp(endpoint.address, checker.region);
      case 'outside':
        return true;
    }
  };
}
