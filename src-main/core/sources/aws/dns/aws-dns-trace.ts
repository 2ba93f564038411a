/**
 * A DNS trace for a name in one of the account's hosted zones (R53-8): root → TLD → one of the
 * zone's four Route 53 name servers (GetHostedZone's DelegationSet) → the answer; the record sets
 * that compete for the name with the status of their health checks (GetHealthCheckStatus, R53-7);
 * Route 53's own answer from TestDNSAnswer (docs.aws.amazon.com/Route53/latest/APIReference/API_TestDNSAnswer.html);
 * and — from the routing-policy resolver shared with the simulator — why that answer.
 */
import { promises as dnsPromises } from 'node:dns';
import {
  GetHealthCheckStatusCommand,
  GetHostedZoneCommand,
  ListResourceRecordSetsCommand,
  paginateListHostedZones,
  TestDNSAnswerCommand,
  type Route53Client,
  type RRType,
} from '@aws-sdk/client-route-53';
import type { ClientLocation, DnsAnswer, DnsCandidate, DnsTrace, DnsTraceStep, Inventory, ResourceRecordSet } from '../../../contract/model';
import { decodeDnsName, healthFromObservations, stripZonePrefix, toRecordSet } from '../route53/discover-route53';
import { compact } from '../iso';

/** TestDNSAnswer calls per trace at most: Route 53 allows 5–10 API requests per second per account. */
export const MAX_AWS_REPEAT = 50;

export interface RoutingExplainerInput {
  name: string;
  type: string;
  records: ResourceRecordSet[];
  /** Health-check id → healthy. */
  health: ReadonlyMap<string, boolean>;
  from: ClientLocation;
}

/** The shared routing-policy resolver's explanation of which record(s) answer and why. */
export type RoutingExplainer = (input: RoutingExplainerInput) => DnsAnswer;

export interface AwsTraceOptions {
  inventory?: Pick<Inventory, 'hostedZones'>;
  explain?: RoutingExplainer;
  /** Looks up the TLD's name servers for the root referral; default: the system resolver. */
  resolveNs?: (name: string) => Promise<string[]>;
}

export function fqdn(name: string): string {
  const lower = name.trim().toLowerCase();
  return lower.endsWith('.') ? lower : `${lower}.`;
}

async function findZone(client: Route53Client, name: string): Promise<{ id: string; name: string } | undefined> {
  let best: { id: string; name: string } | undefined;
  for await (const page of paginateListHostedZones({ client }, {})) {
    for (const zone of page.HostedZones ?? []) {
      if (zone.Config?.PrivateZone) continue;
      const zoneName = fqdn(decodeDnsName(zone.Name ?? ''));
      if ((name === zoneName || name.endsWith(`.${zoneName}`)) && (!best || zoneName.length > best.name.length)) best = { id: stripZonePrefix(zone.Id ?? ''), name: zoneName };
    }
  }
  return best;
}

/** The record sets with exactly this name and type (and CNAMEs at the name), read from the zone. */
async function competingRecords(client: Route53Client, zoneId: string, name: string, type: string): Promise<ResourceRecordSet[]> {
  const found: ResourceRecordSet[] = [];
  let start: { name?: string; type?: RRType; identifier?: string } = { name, type: type as RRType };
  for (let pages = 0; pages < 20; pages++) {
    const page = await client.send(new ListResourceRecordSetsCommand({ HostedZoneId: zoneId, StartRecordName: start.name, StartRecordType: start.type, StartRecordIdentifier: start.identifier }));
    let passed = false;
    for (const record of page.ResourceRecordSets ?? []) {
      const mapped = toRecordSet(zoneId, record);
      if (fqdn(mapped.name) !== name || (mapped.type !== type && mapped.type !== 'CNAME')) {
        passed = passed || fqdn(mapped.name) !== name;
        continue;
      }
      found.push(mapped);
    }
    if (passed || !page.IsTruncated) break;
    start = { name: page.NextRecordName, type: page.NextRecordType, identifier: page.NextRecordIdentifier };
  }
  return found;
}

async function systemResolveNs(name: string): Promise<string[]> {
  const resolver = new dnsPromises.Resolver({ timeout: 2000, tries: 1 });
  return (await resolver.resolveNs(name)).map((ns) => fqdn(ns)).sort();
}

function describeRecord(record: ResourceRecordSet): string[] {
  if (record.aliasTarget) return [`ALIAS ${record.aliasTarget.dnsName}`];
  return record.resourceRecords;
}

export async function traceDnsOnAws(client: Route53Client, request: { name: string; type: string; from: ClientLocation; repeat?: number }, options: AwsTraceOptions = {}): Promise<DnsTrace> {
  const name = fqdn(request.name);
  const type = request.type;
  const zone = await findZone(client, name);
  if (!zone) throw new Error(`${name} is not in any public hosted zone of this account.`);
  const hosted = await client.send(new GetHostedZoneCommand({ Id: zone.id }));
  const nameServers = (hosted.DelegationSet?.NameServers ?? []).map(fqdn);
  const records = await competingRecords(client, zone.id, name, type);

  const health = new Map<string, boolean>();
  for (const id of new Set(records.map((r) => r.healthCheckId).filter((id): id is string => id !== undefined))) {
    const status = await client.send(new GetHealthCheckStatusCommand({ HealthCheckId: id }));
    const observed = healthFromObservations(status.HealthCheckObservations ?? []);
    // No observations (a new check, or an emulator that does not check): treated as healthy, as
    // Route 53 does for a record whose check has no data yet.
    health.set(id, observed.status !== 'Unhealthy');
  }

  // Route 53's own answer, repeated for a distribution (weighted and multivalue answers vary).
  const repeat = Math.min(request.repeat ?? 1, MAX_AWS_REPEAT);
  const distribution: Record<string, number> = {};
  let testAnswer: { values: string[]; responseCode: string } | undefined;
  let testError: string | undefined;
  for (let i = 0; i < repeat; i++) {
    try {
      const out = await client.send(
        new TestDNSAnswerCommand({ HostedZoneId: zone.id, RecordName: name, RecordType: type as RRType, ...(request.from.resolverIp ? { ResolverIP: request.from.resolverIp } : {}) }),
      );
      const values = (out.RecordData ?? []).slice().sort();
      testAnswer ??= { values, responseCode: out.ResponseCode ?? 'NOERROR' };
      const key = values.join(',');
      distribution[key] = (distribution[key] ?? 0) + 1;
    } catch (error) {
      testError = error instanceof Error ? error.message : String(error);
      break;
    }
  }

  const tld = `${name.split('.').filter(Boolean).pop() ?? ''}.`;
  const tldServers = await (options.resolveNs ?? systemResolveNs)(tld).catch(() => [] as string[]);
  const authority = nameServers[0] ?? '(no delegation set)';
  const answer = buildAnswer({ name, type, records, health, from: request.from }, testAnswer, options.explain);
  const steps: DnsTraceStep[] = [
    compact({
      kind: 'root' as const,
      server: 'a.root-servers.net.',
      zone: '.',
      result: 'referral' as const,
      records: tldServers.length ? tldServers.map((ns) => `${tld} NS ${ns}`) : [`${tld} NS …`],
      note: tldServers.length ? undefined : `The ${tld} name servers could not be looked up from here; the root refers to them.`,
    }),
    compact({
      kind: 'tld' as const,
      server: tldServers[0] ?? `(a ${tld} name server)`,
      zone: tld,
      result: 'referral' as const,
      records: nameServers.map((ns) => `${zone.name} NS ${ns}`),
      note: 'The registrar delegates the zone to its four Route 53 name servers (GetHostedZone DelegationSet).',
    }),
    compact({
      kind: 'authoritative' as const,
      server: authority,
      zone: zone.name,
      // Without TestDNSAnswer and without the resolver, which record answers is not known here.
      result: answer.responseCode === 'NXDOMAIN' ? ('nxdomain' as const) : answer.values.length || (!testAnswer && !options.explain) ? ('answer' as const) : ('nodata' as const),
      records: answer.values.map((v) => `${name} ${type} ${v}`),
      note: testError ? `TestDNSAnswer failed: ${testError}` : undefined,
    }),
  ];

  const trace: DnsTrace = { name, type, from: request.from, steps, answer };
  if (repeat > 1 && testAnswer) trace.distribution = distribution;
  if (testAnswer) {
    trace.testDnsAnswer = testAnswer;
    const disagreement = compare(answer, testAnswer, records, Boolean(options.explain));
    if (disagreement) trace.disagreement = disagreement;
  }
  return trace;
}

const PENDING = 'Routing explanation pending: the routing-policy resolver shared with the simulator (src-main/core/route53/) is not wired in yet; the answer shown is Route 53 TestDNSAnswer\'s.';

function buildAnswer(input: RoutingExplainerInput, testAnswer: { values: string[]; responseCode: string } | undefined, explain?: RoutingExplainer): DnsAnswer {
  if (explain) return explain(input);
  const chosenValues = new Set(testAnswer?.values ?? []);
  const candidates: DnsCandidate[] = input.records.map((record) => {
    const values = describeRecord(record);
    const healthy = record.healthCheckId ? (input.health.get(record.healthCheckId) ?? true) : true;
    const chosen = values.some((v) => chosenValues.has(v));
    return compact({
      setIdentifier: record.setIdentifier,
      values,
      weight: record.weight,
      region: record.region,
      geoLocation: record.geoLocation ? [record.geoLocation.continentCode, record.geoLocation.countryCode, record.geoLocation.subdivisionCode].filter(Boolean).join('/') : undefined,
      failover: record.failover,
      healthCheckId: record.healthCheckId,
      healthy,
      verdict: testAnswer ? (chosen ? 'in Route 53\'s answer (TestDNSAnswer)' : 'not in Route 53\'s answer') : 'no answer from TestDNSAnswer',
      chosen,
    });
  });
  return compact({
    values: testAnswer?.values ?? [],
    type: input.type,
    ttl: input.records[0]?.ttl,
    routingPolicy: input.records[0]?.routingPolicy,
    responseCode: (['NOERROR', 'NXDOMAIN', 'SERVFAIL', 'REFUSED'] as const).find((c) => c === testAnswer?.responseCode) ?? (input.records.length ? 'NOERROR' : 'NXDOMAIN'),
    explanation: testAnswer ? [PENDING] : [PENDING, 'TestDNSAnswer gave no answer either, so which of these records Route 53 returns is not known here.'],
    candidates,
  });
}

/** Where the resolver's explanation and Route 53's answer differ (weighted/multivalue answers may legitimately vary). */
function compare(answer: DnsAnswer, test: { values: string[]; responseCode: string }, records: ResourceRecordSet[], explained: boolean): string | undefined {
  if (!explained) return undefined;
  const ours = [...answer.values].sort().join(',');
  const theirs = [...test.values].sort().join(',');
  if (ours === theirs && answer.responseCode === test.responseCode) return undefined;
  const variable = records.some((r) => r.routingPolicy === 'weighted' || r.routingPolicy === 'multivalue');
  return `Route 53 answered ${theirs || '(nothing)'} (${test.responseCode}); the resolver explains ${ours || '(nothing)'} (${answer.responseCode})${variable ? ' — weighted/multivalue answers vary between queries, compare the distribution' : ''}.`;
}
