/**
 * A DNS trace for a name in one of the account's public hosted zones (R53-8), explained by the
 * routing-policy resolver the simulator uses (core/route53/) and checked against Route 53 itself:
 *
 *  - the zone's record sets are read live (ListResourceRecordSets), with its four name servers
 *    (GetHostedZone's DelegationSet); parent zones of the account that delegate to it come from the
 *    inventory, so the delegation path is complete;
 *  - the health checks of the record sets that compete for the name (and the in-zone aliases and
 *    CNAMEs it leads to) are read live with GetHealthCheckStatus (healthy when > 18 % of checkers
 *    say so, R53-7); a load balancer behind an alias is judged with R53-9 from the inventory;
 *  - Route 53's own answer comes from TestDNSAnswer
 *    (docs.aws.amazon.com/Route53/latest/APIReference/API_TestDNSAnswer.html), repeated for a
 *    distribution; where it is not among the answers the resolver can give, `disagreement` says so.
 *
 * Without a ResolverIP, TestDNSAnswer answers as for a resolver in us-east-1, so that is where the
 * client is unless the request says otherwise.
 */
import { promises as dnsPromises } from 'node:dns';
import { GetHealthCheckStatusCommand, GetHostedZoneCommand, paginateListHostedZones, TestDNSAnswerCommand, type Route53Client, type RRType } from '@aws-sdk/client-route-53';
import { isAwsCallError } from '../aws-errors';
import type { ClientLocation, DnsText, DnsTrace, HostedZone, Inventory, ResourceRecordSet } from '../../../contract/model';
import {
  albAliasHealth,
  answerDistribution,
  buildDnsTrace,
  completeLocation,
  defaultLatencyTable,
  isInZone,
  locationOfRegion,
  normalizeName,
  withoutDualstack,
  type AliasTarget,
  type AliasTargetState,
  type HealthLookup,
  type TraceZone,
} from '../../../route53';
import { list, say } from '../../../route53/explain';
import { decodeDnsName, healthFromObservations, listRecordSets, stripZonePrefix } from '../route53/discover-route53';
import { CoreError } from '../../../core-error';

/** TestDNSAnswer calls per trace at most: Route 53 allows about 10 API requests per second per account. */
export const MAX_AWS_REPEAT = 50;
/** TestDNSAnswer's resolver when no ResolverIP is given. */
export const TEST_DNS_ANSWER_DEFAULT_REGION = 'us-east-1';

export interface AwsTraceOptions {
  /** The account as last polled: parent zones (delegation path) and load balancers (R53-9). */
  inventory?: Pick<Inventory, 'hostedZones' | 'recordSets' | 'healthChecks' | 'loadBalancers' | 'targetGroups'>;
  /** Looks up the addresses of an alias target outside the zone; default: the system resolver. */
  resolveAddresses?: (name: string, type: string) => Promise<string[]>;
  random?: () => number;
}

export interface TraceRequest {
  name: string;
  type: string;
  from: ClientLocation;
  repeat?: number;
}

async function systemAddresses(name: string, type: string): Promise<string[]> {
  const resolver = new dnsPromises.Resolver({ timeout: 2000, tries: 1 });
  const host = name.replace(/\.$/, '');
  return type === 'AAAA' ? resolver.resolve6(host) : resolver.resolve4(host);
}

async function publicZoneFor(client: Route53Client, name: string): Promise<{ id: string; name: string } | undefined> {
  let best: { id: string; name: string } | undefined;
  for await (const page of paginateListHostedZones({ client }, {})) {
    for (const zone of page.HostedZones ?? []) {
      if (zone.Config?.PrivateZone) continue;
      const zoneName = normalizeName(decodeDnsName(zone.Name ?? ''));
      if (isInZone(name, zoneName) && (!best || zoneName.length > best.name.length)) best = { id: stripZonePrefix(zone.Id ?? ''), name: zoneName };
    }
  }
  return best;
}

/** The names a query can reach inside the zone: itself, then in-zone alias and CNAME targets. */
function reachableNames(name: string, type: string, records: readonly ResourceRecordSet[], zoneName: string): Set<string> {
  const names = new Set([normalizeName(name)]);
  for (let hop = 0; hop < 8; hop++) {
    const before = names.size;
    for (const record of records) {
      if (!names.has(normalizeName(record.name)) || (record.type !== type && record.type !== 'CNAME')) continue;
      const targets = record.aliasTarget ? [record.aliasTarget.dnsName] : record.type === 'CNAME' ? record.resourceRecords : [];
      for (const target of targets) if (isInZone(target, zoneName)) names.add(normalizeName(target));
    }
    if (names.size === before) break;
  }
  return names;
}

export async function traceDnsOnAws(client: Route53Client, request: TraceRequest, options: AwsTraceOptions = {}): Promise<DnsTrace> {
  const name = normalizeName(request.name);
  const type = request.type.toUpperCase();
  const from = completeLocation(Object.keys(request.from).length ? request.from : (locationOfRegion(TEST_DNS_ANSWER_DEFAULT_REGION) ?? {}));

  const found = await publicZoneFor(client, name);
  if (!found) throw new CoreError('InvalidRequest', `${name} is not in any public hosted zone of this account.`, { name }, { problem: 'dns.nameNotInPublicZone' });
  const hosted = await client.send(new GetHostedZoneCommand({ Id: found.id }));
  const zone: HostedZone = { id: found.id, name: found.name, privateZone: false, nameServers: hosted.DelegationSet?.NameServers ?? [] };
  const recordSets = await listRecordSets(client, found.id);

  // Live health of the checks that can decide this answer; the last poll's status for any other.
  const names = reachableNames(name, type, recordSets, zone.name);
  const deciding = new Set(recordSets.filter((r) => r.healthCheckId && names.has(normalizeName(r.name))).map((r) => r.healthCheckId!));
  const health = new Map<string, boolean | undefined>();
  for (const id of deciding) {
    const status = healthFromObservations((await client.send(new GetHealthCheckStatusCommand({ HealthCheckId: id }))).HealthCheckObservations ?? []).status;
    health.set(id, status === 'Unknown' ? undefined : status === 'Healthy');
  }
  for (const check of options.inventory?.healthChecks ?? []) if (!health.has(check.id) && check.status !== 'Unknown') health.set(check.id, check.status === 'Healthy');

  // Alias targets outside the zone (load balancers, CloudFront …): their addresses and health, looked up now.
  const aliasStates = new Map<string, AliasTargetState>();
  const resolveAddresses = options.resolveAddresses ?? systemAddresses;
  for (const record of recordSets) {
    const target = record.aliasTarget;
    if (!target || !names.has(normalizeName(record.name)) || isInZone(target.dnsName, zone.name)) continue;
    const dnsName = normalizeName(withoutDualstack(target.dnsName));
    const key = `${dnsName}|${type}`;
    if (aliasStates.has(key)) continue;
    const lb = options.inventory?.loadBalancers.find((l) => normalizeName(l.dnsName) === dnsName);
    // LBA-5: an IPv4-only load balancer's name has no AAAA records: NOERROR, no data, nothing to look up.
    const noRecords = (type === 'AAAA' && lb?.ipAddressType === 'ipv4') || (type === 'A' && lb?.ipAddressType === 'dualstack-without-public-ipv4');
    const values = noRecords ? [] : await resolveAddresses(dnsName, type).catch(() => [] as string[]);
    const lbHealth = lb ? albAliasHealth(lb, options.inventory?.targetGroups ?? []) : undefined;
    aliasStates.set(key, {
      values: [...values].sort(),
      healthy: lbHealth?.healthy ?? true,
      description: lb ? say('alb.target', { name: lb.loadBalancerName }) : dnsName,
      ...(noRecords && lb?.ipAddressType ? { emptyReason: say('alb.noRecordsOfFamily', { type, name: lb.loadBalancerName, ipAddressType: lb.ipAddressType }) } : {}),
      ...(lbHealth ? { reason: lbHealth.reason } : values.length ? {} : { reason: say('aws.lookupFailed', { name: dnsName }) }),
    });
  }
  const lookup: HealthLookup = {
    healthCheck: (id) => health.get(id),
    aliasTarget: (target: AliasTarget, qtype: string) => aliasStates.get(`${normalizeName(withoutDualstack(target.dnsName))}|${qtype.toUpperCase()}`),
  };

  // Parent zones of this account that delegate to this one (from the inventory).
  const zones: TraceZone[] = [{ zone, recordSets }];
  for (const other of options.inventory?.hostedZones ?? []) {
    if (other.id === zone.id || other.privateZone) continue;
    zones.push({ zone: other, recordSets: options.inventory!.recordSets.filter((r) => r.hostedZoneId === other.id) });
  }

  const random = options.random ?? Math.random;
  const latency = defaultLatencyTable(from);
  const trace = buildDnsTrace({ query: { name, type }, from, zones, health: lookup, latency, random: { next: random }, ...(request.repeat ? { repeat: request.repeat } : {}) });
  const possible = answerDistribution({ name, type }, { zone: { id: zone.id, name: zone.name }, recordSets, client: from, health: lookup, latency });

  // Route 53's own answer, repeated for a distribution (weighted and multivalue answers vary).
  const repeat = Math.min(request.repeat ?? 1, MAX_AWS_REPEAT);
  const observed: Record<string, number> = {};
  let test: { values: string[]; responseCode: string } | undefined;
  let testError: { code: 'denied' | 'unavailable'; message: string } | undefined;
  for (let i = 0; i < repeat; i++) {
    try {
      const out = await client.send(
        new TestDNSAnswerCommand({ HostedZoneId: zone.id, RecordName: name, RecordType: type as RRType, ...(request.from.resolverIp ? { ResolverIP: request.from.resolverIp } : {}) }),
      );
      const values = [...(out.RecordData ?? [])].sort();
      test ??= { values, responseCode: out.ResponseCode ?? 'NOERROR' };
      observed[values.join(',')] = (observed[values.join(',')] ?? 0) + 1;
    } catch (error) {
      // Denied: the identity lacks route53:TestDNSAnswer. Anything else (an emulator without the
      // API, a network failure): unavailable. Either way, no figure below is Route 53's.
      const denied = (isAwsCallError(error) && error.params.kind === 'access-denied') || /AccessDenied|not authorized/i.test((error as { name?: string })?.name ?? '');
      testError = { code: denied ? 'denied' : 'unavailable', message: error instanceof Error ? error.message : String(error) };
      break;
    }
  }

  const odds = possible.outcomes
    .filter((o) => o.probability > 0)
    .map((o) => `${o.values.join(', ') || o.responseCode} ${Math.round(o.probability * 1000) / 10} %`)
    .join('; ');
  trace.answer.explanation.push(say(possible.exact ? 'aws.possible' : 'aws.possibleSampled', { odds: odds || say('aws.none') }));
  if (test) {
    trace.testDnsAnswer = test;
    const counts = list(
      Object.entries(observed).map(([k, n]) => (k ? `${k}${repeat > 1 ? ` ×${n}` : ''}` : repeat > 1 ? say('aws.noDataTimes', { count: n }) : say('aws.noData'))),
      '; ',
    );
    trace.answer.explanation.push(repeat > 1 ? say('aws.testAnswerRepeated', { repeat, observed: counts }) : say('aws.testAnswer', { observed: counts }));
    if (repeat > 1) {
      trace.distribution = observed;
      trace.distributionSource = 'test-dns-answer';
    }
    const disagreement = compare(test, observed, possible.outcomes, request.from, recordSets.filter((r) => names.has(normalizeName(r.name))));
    if (disagreement) trace.disagreement = disagreement;
  } else if (testError) {
    // The message is the AWS SDK's own (an AWS error), shown as it came.
    trace.answer.explanation.push(say('aws.testFailed', { message: testError.message }));
    trace.testDnsAnswerProblem = testError;
    if (trace.distribution) trace.distributionSource = 'resolver';
  }
  return trace;
}

type Outcome = ReturnType<typeof answerDistribution>['outcomes'][number];

/** Route 53's answers that the resolver cannot produce from the same records and health. */
function compare(test: { values: string[]; responseCode: string }, observed: Record<string, number>, outcomes: readonly Outcome[], from: ClientLocation, records: readonly ResourceRecordSet[]): DnsText | undefined {
  const possible = new Set(outcomes.filter((o) => o.probability > 0).map((o) => `${o.responseCode}|${[...o.values].sort().join(',')}`));
  const unexplained = Object.keys(observed).filter((key) => !possible.has(`${test.responseCode}|${key}`));
  if (unexplained.length === 0) return undefined;
  const notes: DnsText[] = [];
  if (outcomes.some((o) => o.values.length === 0 && o.targets.length > 0)) notes.push(say('aws.noteAliasLookup'));
  if (!from.resolverIp && records.some((r) => r.routingPolicy === 'geolocation' || r.routingPolicy === 'latency')) notes.push(say('aws.noteResolverIp'));
  if (records.some((r) => r.routingPolicy === 'latency')) notes.push(say('aws.noteLatencyModel'));
  const gives = [...possible].map((p) => p.split('|')[1] || p.split('|')[0]!);
  return say('aws.disagreement', {
    answers: list(unexplained.map((k) => k || say('aws.noData')), ' / '),
    responseCode: test.responseCode,
    possible: gives.length > 0 ? gives.join(' / ') : say('follow.nothing'),
    notes: notes.length > 0 ? say('aws.disagreementNotes', { notes: list(notes, '; ') }) : '',
  });
}
