/**
 * R53-8: the path of a lookup as `dig +trace` shows it — a root server refers the resolver to the
 * TLD's servers, a TLD server refers it to the zone's four Route 53 name servers, and one of those
 * answers with the routing decision; an alias to an AWS resource (an ALB) adds the step that says
 * where the addresses came from.
 * docs.aws.amazon.com/Route53/latest/DeveloperGuide/welcome-dns-service.html (how DNS routes traffic)
 *
 * Servers: the root servers are a–m.root-servers.net.; .com and .net are served by
 * a–m.gtld-servers.net. (Verisign). Other TLDs have their own operators; for them the trace shows
 * `a.nic.<tld>.`, a plausible name that is not claimed to be the real one. Which of several
 * equivalent servers was asked is derived from the query name, so a trace is repeatable.
 */
import type { ClientLocation, DnsTrace, DnsTraceStep } from '../contract/model-dns';
import type { HostedZone, ResourceRecordSet } from '../contract/model-route53';
import { isInZone, normalizeName, parentName, topLevelDomain } from './names';
import { NS_TTL, soaValue } from './name-servers';
import { optional, say } from './explain';
import { resolveDns, type DnsQuery, type HealthLookup, type LatencyTable, type RandomSource, type Resolution } from './resolver';

const LETTERS = 'abcdefghijklm'.split('');
export const ROOT_SERVERS = LETTERS.map((letter) => `${letter}.root-servers.net.`);
const GTLD_SERVERS = LETTERS.map((letter) => `${letter}.gtld-servers.net.`);
/** Root delegations are cached for two days (the root zone's NS TTL). */
const ROOT_REFERRAL_TTL = 172_800;

/** The servers a TLD's delegation points to: Verisign's for com./net., a plausible a.nic.<tld>. otherwise. */
export function tldServers(tld: string): string[] {
  const name = normalizeName(tld);
  if (name === 'com.' || name === 'net.') return GTLD_SERVERS;
  return [`a.nic.${name}`];
}

export interface TraceZone {
  zone: HostedZone;
  recordSets: readonly ResourceRecordSet[];
}

export interface DnsTraceInput {
  query: DnsQuery;
  from: ClientLocation;
  /** Every hosted zone the answering side knows; private zones are not reachable from the internet. */
  zones: readonly TraceZone[];
  health: HealthLookup;
  latency: LatencyTable;
  random: RandomSource;
  /** Resolve this many times and count each distinct answer (values joined by commas). */
  repeat?: number;
}

/** The public hosted zone answering for `name`: the one with the longest name that contains it. */
export function findZone(name: string, zones: readonly TraceZone[]): TraceZone | undefined {
  const candidates = zones.filter((z) => !z.zone.privateZone && isInZone(name, z.zone.name));
  return candidates.sort((a, b) => normalizeName(b.zone.name).length - normalizeName(a.zone.name).length)[0];
}

/** FNV-1a: picks one of several equivalent servers, the same one for the same name every time. */
function pick<T>(items: readonly T[], salt: string): T {
  let hash = 0x811c9dc5;
  for (let i = 0; i < salt.length; i++) hash = Math.imul(hash ^ salt.charCodeAt(i), 0x01000193);
  return items[(hash >>> 0) % items.length]!;
}

const fqdn = (server: string) => normalizeName(server);

function referral(zone: string, servers: readonly string[], ttl: number): string[] {
  return servers.map((server) => `${zone} ${ttl} IN NS ${fqdn(server)}`);
}

/** Parent zones (in `zones`) that delegate to the answering zone, outermost first. */
function delegationChain(target: TraceZone, zones: readonly TraceZone[]): TraceZone[] {
  const chain: TraceZone[] = [];
  let current = target;
  for (let parent = parentName(current.zone.name); parent && parent !== '.'; parent = parentName(parent)) {
    const zone = findZone(parent, zones);
    if (!zone || zone === current) break;
    const delegates = zone.recordSets.some((r) => r.type.toUpperCase() === 'NS' && normalizeName(r.name) === normalizeName(current.zone.name));
    if (!delegates) break;
    chain.unshift(zone);
    current = zone;
    parent = zone.zone.name;
  }
  return chain;
}

export function buildDnsTrace(input: DnsTraceInput): DnsTrace {
  const name = normalizeName(input.query.name);
  const type = input.query.type.toUpperCase();
  const tld = topLevelDomain(name);
  const tldNs = tldServers(tld);
  const steps: DnsTraceStep[] = [];
  const root = pick(ROOT_SERVERS, name);
  steps.push({
    kind: 'root',
    server: root,
    zone: '.',
    result: 'referral',
    records: referral(tld, tldNs, ROOT_REFERRAL_TTL),
    note: say('trace.rootReferral', { tld }),
  });
  const tldServer = pick(tldNs, `${name}/tld`);
  const zone = findZone(name, input.zones);
  if (!zone) {
    const answer = {
      values: [],
      type,
      responseCode: 'NXDOMAIN' as const,
      explanation: [say('trace.noZone', { name, tld })],
      candidates: [],
    };
    steps.push({ kind: 'tld', server: tldServer, zone: tld, result: 'nxdomain', records: [], note: answer.explanation[0] });
    return { name, type, from: input.from, steps, answer, ...(input.repeat ? { distribution: { '': input.repeat } } : {}) };
  }

  const chain = [...delegationChain(zone, input.zones), zone];
  steps.push({
    kind: 'tld',
    server: tldServer,
    zone: tld,
    result: 'referral',
    records: referral(normalizeName(chain[0]!.zone.name), chain[0]!.zone.nameServers, NS_TTL),
    note: say('trace.tldReferral', { tld, zone: normalizeName(chain[0]!.zone.name) }),
  });
  for (let i = 0; i + 1 < chain.length; i++) {
    const parent = chain[i]!;
    const child = chain[i + 1]!;
    steps.push({
      kind: 'authoritative',
      server: fqdn(pick(parent.zone.nameServers, `${name}/${parent.zone.id}`)),
      zone: normalizeName(parent.zone.name),
      result: 'referral',
      records: referral(normalizeName(child.zone.name), child.zone.nameServers, NS_TTL),
      note: say('trace.delegation', { parent: normalizeName(parent.zone.name), child: normalizeName(child.zone.name) }),
    });
  }

  const context = { zone: { id: zone.zone.id, name: zone.zone.name }, recordSets: zone.recordSets, client: input.from, health: input.health, latency: input.latency };
  const runs = Math.max(1, input.repeat ?? 1);
  let first: Resolution | undefined;
  const distribution: Record<string, number> = {};
  for (let i = 0; i < runs; i++) {
    const resolution = resolveDns(input.query, context, input.random);
    first ??= resolution;
    const key = resolution.answer.values.join(',');
    distribution[key] = (distribution[key] ?? 0) + 1;
  }
  const resolution = first!;
  const answer = resolution.answer;
  const server = fqdn(pick(zone.zone.nameServers, `${name}/${zone.zone.id}`));
  const zoneName = normalizeName(zone.zone.name);
  const result: DnsTraceStep['result'] = answer.responseCode === 'NXDOMAIN' ? 'nxdomain' : answer.values.length > 0 ? 'answer' : 'nodata';
  const soa = `${zoneName} 900 IN SOA ${soaValue(zone.zone.nameServers)}`;
  steps.push({
    kind: 'authoritative',
    server,
    zone: zoneName,
    result,
    // An empty answer carries the zone's SOA in its authority section (negative caching, RFC 2308).
    records: result === 'answer' ? resolution.records : [...resolution.records, soa],
    note: (() => {
      const decision = resolution.decision ?? answer.explanation.at(-1) ?? answer.responseCode;
      return answer.routingPolicy ? say('trace.answerRouted', { policy: answer.routingPolicy, decision }) : say('trace.answerCode', { responseCode: answer.responseCode, decision });
    })(),
  });
  for (const hop of resolution.aliasHops) {
    const target = normalizeName(hop.target.dnsName).replace(/^dualstack\./, '');
    steps.push({
      kind: 'alias',
      server,
      zone: parentName(target) ?? '.',
      result: hop.values.length > 0 ? 'answer' : 'nodata',
      records: hop.values.map((value) => `${target} ${hop.ttl ?? 60} IN ${type} ${value}`),
      note: say('trace.alias', {
        record: `${hop.recordName}${hop.setIdentifier ? ` (${hop.setIdentifier})` : ''}`,
        target: hop.description,
        zoneId: hop.target.hostedZoneId,
        health: optional(
          hop.target.evaluateTargetHealth && hop.healthy !== undefined
            ? say(hop.healthy ? 'trace.aliasHealthy' : 'trace.aliasUnhealthy', { reason: optional(hop.reason ? say('trace.dashReason', { reason: hop.reason }) : undefined) })
            : undefined,
        ),
      }),
    });
  }
  return { name, type, from: input.from, steps, answer, ...(input.repeat ? { distribution } : {}) };
}
