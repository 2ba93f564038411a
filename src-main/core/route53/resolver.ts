/**
 * The Route 53 routing-policy resolver: given the record sets of one hosted zone, a query, where
 * the client is, which health checks pass and how far each region is, it answers the way Route 53's
 * authoritative name servers do and says why. Pure: no simulator, no SDK, randomness injected.
 * The simulator answers with it; in AWS mode it explains TestDNSAnswer's answer from the real
 * record sets and health-check states.
 *
 * The rules (AWS-SEMANTICS.md R53-1 … R53-6, R53-9), from the Route 53 Developer Guide:
 * - Weighted (routing-policy-weighted.html): weight / sum of weights of the name and type; weight 0
 *   only when every non-zero record set is unhealthy, all equally likely when all weights are 0
 *   (dns-failover-configuring-options.html, "weighted records with a weight of 0").
 * - Latency (routing-policy-latency.html): the healthy record set with the lowest latency.
 * - Geolocation (routing-policy-geo.html): subdivision, then country, then continent, then the
 *   default (`CountryCode: "*"`); an unhealthy match falls back to the larger area
 *   (API_ResourceRecordSet.html, "Geolocation Routing"); no match and no default: no answer.
 * - Failover (dns-failover-types.html): healthy primary → primary; else healthy secondary →
 *   secondary; else primary.
 * - Multivalue (routing-policy-multivalue.html): up to eight healthy record sets, a random eight
 *   when there are more; up to eight unhealthy ones when none is healthy.
 * - Health (health-checks-how-route-53-chooses-records.html): a record set without a health check
 *   is healthy; when no record set of a group is healthy, all are treated as healthy.
 * - Alias (resource-record-sets-choosing-alias-non-alias.html): to a record in the same zone it is
 *   followed; with EvaluateTargetHealth it is healthy when that group has a healthy record set; to
 *   an AWS resource (an ALB, R53-9) the caller says what the target answers and whether it is healthy.
 * - CNAME: followed while the target stays in the zone (RFC 1034 §4.3.2), with a loop guard.
 */
import type { ClientLocation, DnsAnswer, DnsCandidate } from '../contract/model-dns';
import type { ResourceRecordSet, RoutingPolicy } from '../contract/model-route53';
import { completeLocation, describeLocation } from './geography';
import { isInZone, normalizeName, parentName, withoutDualstack } from './names';
import { describeGeoLocation, groupKey, routingPolicyOf } from './record-groups';

/** Uniform in [0, 1); the simulator's seeded streams fit, and so does any test double. */
export interface RandomSource {
  next(): number;
}

export type AliasTarget = NonNullable<ResourceRecordSet['aliasTarget']>;

/** What an alias target outside the zone answers (an ALB: its nodes' addresses) and its health. */
export interface AliasTargetState {
  values: string[];
  /** The target's health as EvaluateTargetHealth sees it (R53-9 for an ALB). */
  healthy: boolean;
  ttl?: number;
  /** Names the target in explanations, e.g. `ALB shop-eu (eu-west-1)`. */
  description: string;
  reason?: string;
}

export interface HealthLookup {
  /** true = Healthy, false = Unhealthy, undefined = unknown (treated as healthy, and said so). */
  healthCheck(healthCheckId: string): boolean | undefined;
  /** Alias targets outside the zone; undefined when the caller does not know the target. */
  aliasTarget?(target: AliasTarget, type: string): AliasTargetState | undefined;
}

/** Region → round-trip latency in ms from the client's resolver. */
export type LatencyTable = Readonly<Record<string, number>>;

export interface ResolverContext {
  zone: { id: string; name: string };
  recordSets: readonly ResourceRecordSet[];
  client: ClientLocation;
  health: HealthLookup;
  latency: LatencyTable;
}

export interface DnsQuery {
  name: string;
  type: string;
}

export type ResponseCode = DnsAnswer['responseCode'];

/** An alias to a target outside the zone that the answer went through (for the trace). */
export interface AliasHop {
  recordName: string;
  setIdentifier?: string;
  target: AliasTarget;
  description: string;
  values: string[];
  ttl?: number;
  healthy?: boolean;
  reason?: string;
}

/** One resolution, as Route 53 would answer it once, with the why. */
export interface Resolution {
  answer: DnsAnswer;
  /** The answer section as zone-file lines, CNAME hops included. */
  records: string[];
  aliasHops: AliasHop[];
  /** The record sets whose values were returned, outermost first. */
  path: ResourceRecordSet[];
  /** Alias target names outside the zone the answer leads to (e.g. an ALB's DNS name). */
  targets: string[];
  /** The sentence of the explanation that decided the answer (the innermost group's decision). */
  decision: string;
}

/** One possible answer and how likely it is. */
export interface AnswerOutcome {
  /** The values joined by commas, as `dns trace --repeat` counts them. */
  key: string;
  values: string[];
  responseCode: ResponseCode;
  probability: number;
  ttl?: number;
  path: ResourceRecordSet[];
  targets: string[];
}

export interface AnswerDistribution {
  outcomes: AnswerOutcome[];
  /**
   * False only for a multivalue group with so many healthy record sets that the C(n, 8) equally
   * likely answers are not listed one by one (see MAX_ENUMERATED_SUBSETS).
   */
  exact: boolean;
}

/** Route 53 answers a multivalue query with up to this many record sets. */
export const MULTIVALUE_MAX_ANSWERS = 8;
/** Alias and CNAME hops followed before giving up (our guard; DNS servers use similar limits). */
export const MAX_CHAIN = 8;
/**
 * Beyond this many equally likely multivalue answers (C(n, 8), n > 16), the distribution lists n
 * rotating windows of 8 instead — each one a real answer, every record set with its exact share 8/n.
 */
export const MAX_ENUMERATED_SUBSETS = 20_000;

// ---- planning: what each group of record sets would do --------------------------------------------

interface Candidate {
  record: ResourceRecordSet;
  healthy: boolean;
  health: string;
  probability?: number;
  latencyMs?: number;
  verdict: string;
}

type Decision =
  | { kind: 'one'; choices: { index: number; probability: number }[] }
  | { kind: 'subset'; pool: number[]; size: number }
  | { kind: 'none' };

interface GroupPlan {
  kind: 'group';
  name: string;
  /** The record type of the group (CNAME for a CNAME answering another type). */
  type: string;
  /** The type that was asked for. */
  queryType: string;
  /** Group keys from the original query to this group, this one included (the loop guard). */
  trail: string[];
  /** A CNAME group answering a query for another type. */
  cname: boolean;
  policy: RoutingPolicy;
  candidates: Candidate[];
  decision: Decision;
  /** Whether some record set was healthy, i.e. the group did not fall back to "all healthy". */
  anyHealthy: boolean;
  explanation: string[];
}

interface EmptyPlan {
  kind: 'empty';
  name: string;
  responseCode: ResponseCode;
  explanation: string[];
}

type Plan = GroupPlan | EmptyPlan;

const percent = (p: number) => `${Math.round(p * 10_000) / 100}%`;

class ZoneResolver {
  private readonly zoneName: string;
  private readonly zoneId: string;
  private readonly byName = new Map<string, ResourceRecordSet[]>();
  private readonly client: ClientLocation;

  constructor(private readonly ctx: ResolverContext) {
    this.zoneName = normalizeName(ctx.zone.name);
    this.zoneId = ctx.zone.id.replace(/^\/hostedzone\//, '');
    for (const record of ctx.recordSets) {
      const name = normalizeName(record.name);
      const list = this.byName.get(name);
      if (list) list.push(record);
      else this.byName.set(name, [record]);
    }
    this.client = completeLocation(ctx.client);
  }

  /** A name exists when it owns records or has descendants (an empty non-terminal). */
  private exists(name: string): boolean {
    if (this.byName.has(name)) return true;
    for (const owner of this.byName.keys()) if (owner.endsWith(`.${name}`)) return true;
    return false;
  }

  /** The record sets answering for `name`: its own, or a wildcard's at the closest encloser (RFC 4592). */
  private recordsAt(name: string): { records: ResourceRecordSet[]; wildcard?: string } | undefined {
    const own = this.byName.get(name);
    if (own) return { records: own };
    if (this.exists(name)) return { records: [] };
    for (let ancestor = parentName(name); ancestor && isInZone(ancestor, this.zoneName); ancestor = parentName(ancestor)) {
      if (!this.exists(ancestor)) continue;
      const wildcard = `*.${ancestor === '.' ? '' : ancestor}`;
      const records = this.byName.get(wildcard);
      return records ? { records, wildcard } : undefined;
    }
    return undefined;
  }

  isInZoneAlias(target: AliasTarget): boolean {
    return target.hostedZoneId.replace(/^\/hostedzone\//, '') === this.zoneId && isInZone(target.dnsName, this.zoneName);
  }

  plan(queryName: string, type: string, trail: readonly string[]): Plan {
    const name = normalizeName(queryName);
    const qtype = type.toUpperCase();
    const empty = (responseCode: ResponseCode, line: string): EmptyPlan => ({ kind: 'empty', name, responseCode, explanation: [line] });
    if (!isInZone(name, this.zoneName)) return empty('REFUSED', `${name} is not in hosted zone ${this.zoneName}; its name servers refuse the query.`);
    const key = groupKey(name, qtype);
    if (trail.includes(key)) return empty('SERVFAIL', `${name} ${qtype} leads back to itself through ${trail.join(' → ')}; Route 53 cannot answer a loop.`);
    if (trail.length >= MAX_CHAIN) return empty('SERVFAIL', `more than ${MAX_CHAIN} alias or CNAME hops (${trail.join(' → ')}); giving up.`);
    const found = this.recordsAt(name);
    if (!found) return empty('NXDOMAIN', `${name} does not exist in ${this.zoneName} (no record set has that name, and no wildcard covers it): NXDOMAIN.`);
    const ofType = found.records.filter((r) => r.type.toUpperCase() === qtype);
    const via = found.wildcard ? ` (through the wildcard ${found.wildcard})` : '';
    if (ofType.length > 0) return this.decide(name, qtype, qtype, ofType, [...trail, key], via);
    const cnames = found.records.filter((r) => r.type.toUpperCase() === 'CNAME');
    if (cnames.length > 0 && qtype !== 'CNAME') return this.decide(name, 'CNAME', qtype, cnames, [...trail, key], via);
    const types = [...new Set(found.records.map((r) => r.type.toUpperCase()))];
    return empty('NOERROR', `${name} exists${via} but has no ${qtype} record set${types.length ? ` (it has ${types.join(', ')})` : ''}: an empty NOERROR answer.`);
  }

  private healthOf(record: ResourceRecordSet, qtype: string, trail: readonly string[]): { healthy: boolean; health: string } {
    const notes: string[] = [];
    let healthy = true;
    if (record.healthCheckId) {
      const status = this.ctx.health.healthCheck(record.healthCheckId);
      if (status === undefined) notes.push(`health check ${record.healthCheckId} status unknown, treated as healthy`);
      else {
        notes.push(`health check ${record.healthCheckId} ${status ? 'Healthy' : 'Unhealthy'}`);
        healthy &&= status;
      }
    }
    const alias = record.aliasTarget;
    if (alias?.evaluateTargetHealth) {
      if (this.isInZoneAlias(alias)) {
        const target = this.plan(alias.dnsName, qtype, trail);
        const ok = target.kind === 'group' && target.anyHealthy;
        notes.push(`alias target ${normalizeName(alias.dnsName)} ${ok ? 'has a healthy record set' : 'has no healthy record set'}`);
        healthy &&= ok;
      } else {
        const state = this.ctx.health.aliasTarget?.(alias, qtype);
        if (!state) notes.push(`alias target ${normalizeName(alias.dnsName)} is not known here, treated as healthy`);
        else {
          notes.push(`alias target ${state.description} ${state.healthy ? 'healthy' : 'unhealthy'}${state.reason ? ` (${state.reason})` : ''}`);
          healthy &&= state.healthy;
        }
      }
    }
    if (notes.length === 0) notes.push(alias ? 'alias without EvaluateTargetHealth: healthy' : 'no health check: healthy');
    return { healthy, health: notes.join('; ') };
  }

  private decide(name: string, type: string, queryType: string, records: ResourceRecordSet[], trail: string[], via: string): GroupPlan {
    const cname = type !== queryType;
    const policy = routingPolicyOf(records[0]!);
    const same = records.filter((r) => routingPolicyOf(r) === policy);
    const explanation: string[] = [];
    const label = `${name} ${type}${via}`;
    if (cname) explanation.push(`${name} has no record set of the queried type but is a CNAME${via}; Route 53 answers with the CNAME.`);
    if (same.length < records.length) explanation.push(`${records.length - same.length} ${records.length - same.length === 1 ? 'record set' : 'record sets'} of ${name} ${type} use another routing policy than ${policy}; Route 53 would have refused them, and they are ignored.`);
    const candidates: Candidate[] = same.map((record) => ({ record, ...this.healthOf(record, type, trail), verdict: '' }));
    const group = { kind: 'group' as const, name, type, queryType, trail, cname, policy, candidates, explanation };
    const healthyCount = candidates.filter((c) => c.healthy).length;
    switch (policy) {
      case 'weighted':
        return { ...group, ...this.weighted(label, candidates, explanation) };
      case 'latency':
        return { ...group, ...this.latency(label, candidates, explanation) };
      case 'geolocation':
        return { ...group, ...this.geolocation(label, candidates, explanation) };
      case 'failover':
        return { ...group, ...this.failover(label, candidates, explanation) };
      case 'multivalue':
        return { ...group, ...this.multivalue(label, candidates, explanation) };
      case 'simple': {
        const only = candidates[0]!;
        only.verdict = candidates.length > 1 ? 'the first simple record set (Route 53 allows only one)' : 'the only record set';
        candidates.slice(1).forEach((c) => (c.verdict = 'ignored: a name and type has one simple record set'));
        explanation.push(`${label} uses simple routing: one record set (${only.health}).`);
        return { ...group, decision: { kind: 'one', choices: [{ index: 0, probability: 1 }] }, anyHealthy: healthyCount > 0 };
      }
    }
  }

  private weighted(label: string, candidates: Candidate[], explanation: string[]): Pick<GroupPlan, 'decision' | 'anyHealthy'> {
    const weightOf = (c: Candidate) => c.record.weight ?? 0;
    const nonZero = candidates.filter((c) => weightOf(c) > 0);
    const zero = candidates.filter((c) => weightOf(c) === 0);
    const total = nonZero.reduce((sum, c) => sum + weightOf(c), 0);
    explanation.push(`${label} uses weighted routing: ${candidates.length} record sets, weights ${candidates.map((c) => `${c.record.setIdentifier ?? '?'}=${weightOf(c)}`).join(', ')} (sum ${total}).`);
    let considered: Candidate[];
    let byWeight: boolean;
    let anyHealthy = true;
    const healthyNonZero = nonZero.filter((c) => c.healthy);
    const healthyZero = zero.filter((c) => c.healthy);
    if (healthyNonZero.length > 0) {
      [considered, byWeight] = [healthyNonZero, true];
      if (healthyNonZero.length < nonZero.length) explanation.push(`Unhealthy record sets are left out: ${nonZero.filter((c) => !c.healthy).map((c) => `${c.record.setIdentifier} (${c.health})`).join(', ')}.`);
      if (zero.length > 0) explanation.push(`Weight 0 record sets (${zero.map((c) => c.record.setIdentifier).join(', ')}) are used only when every non-zero record set is unhealthy.`);
    } else if (healthyZero.length > 0) {
      [considered, byWeight] = [healthyZero, false];
      explanation.push(
        nonZero.length > 0
          ? `Every record set with a non-zero weight is unhealthy, so Route 53 considers the weight 0 ones: ${healthyZero.map((c) => c.record.setIdentifier).join(', ')}, equally likely.`
          : `All weights are 0: the healthy record sets are equally likely.`,
      );
    } else {
      anyHealthy = false;
      [considered, byWeight] = nonZero.length > 0 ? [nonZero, true] : [zero, false];
      explanation.push(`No record set is healthy, so Route 53 treats them all as healthy${byWeight ? ' and uses the weights' : ' and answers with each equally likely'}.`);
    }
    const sum = byWeight ? considered.reduce((s, c) => s + weightOf(c), 0) : considered.length;
    const choices = considered.map((c) => ({ index: candidates.indexOf(c), probability: byWeight ? weightOf(c) / sum : 1 / sum }));
    for (const choice of choices) {
      const c = candidates[choice.index]!;
      c.probability = choice.probability;
      explanation.push(`  ${c.record.setIdentifier}: ${byWeight ? `weight ${weightOf(c)} / ${sum}` : `1 / ${sum}`} = ${percent(choice.probability)} (${c.health}).`);
    }
    for (const c of candidates) {
      if (c.probability !== undefined) c.verdict = `${percent(c.probability)} of answers`;
      else if (!c.healthy && anyHealthy) c.verdict = 'unhealthy: left out';
      else c.verdict = 'weight 0: only when every non-zero record set is unhealthy';
    }
    return { decision: { kind: 'one', choices }, anyHealthy };
  }

  private latency(label: string, candidates: Candidate[], explanation: string[]): Pick<GroupPlan, 'decision' | 'anyHealthy'> {
    for (const c of candidates) {
      const ms = c.record.region ? this.ctx.latency[c.record.region] : undefined;
      if (ms !== undefined) c.latencyMs = ms;
    }
    const known = candidates.filter((c) => c.latencyMs !== undefined).sort((a, b) => a.latencyMs! - b.latencyMs!);
    explanation.push(
      known.length > 0
        ? `${label} uses latency routing; latency from ${describeLocation(this.client)}: ${known.map((c) => `${c.record.region} ${c.latencyMs} ms`).join(', ')}.`
        : `${label} uses latency routing, but there is no latency figure from ${describeLocation(this.client)} to ${candidates.map((c) => c.record.region).join(', ')}.`,
    );
    const healthy = candidates.filter((c) => c.healthy);
    const anyHealthy = healthy.length > 0;
    for (const c of candidates.filter((c) => !c.healthy)) explanation.push(`${c.record.region} (${c.record.setIdentifier}) is unhealthy: ${c.health}.`);
    if (!anyHealthy) explanation.push('No record set is healthy, so Route 53 treats them all as healthy.');
    const pool = anyHealthy ? healthy : candidates;
    const measured = pool.filter((c) => c.latencyMs !== undefined);
    let chosen: Candidate[];
    if (measured.length === 0) {
      chosen = pool;
      explanation.push(`Without latency figures every ${anyHealthy ? 'healthy ' : ''}region is equally likely.`);
    } else {
      const best = Math.min(...measured.map((c) => c.latencyMs!));
      chosen = measured.filter((c) => c.latencyMs === best);
      explanation.push(
        chosen.length === 1
          ? `Lowest latency${anyHealthy ? ' among healthy regions' : ''}: ${chosen[0]!.record.region} (${best} ms).`
          : `Lowest latency${anyHealthy ? ' among healthy regions' : ''} is a tie at ${best} ms between ${chosen.map((c) => c.record.region).join(', ')}; each is equally likely (our choice).`,
      );
    }
    const choices = chosen.map((c) => ({ index: candidates.indexOf(c), probability: 1 / chosen.length }));
    for (const c of candidates) {
      const ms = c.latencyMs !== undefined ? `${c.latencyMs} ms` : 'no latency figure';
      if (chosen.includes(c)) {
        c.probability = 1 / chosen.length;
        c.verdict = `lowest latency${anyHealthy ? ' among healthy regions' : ''} (${ms})`;
      } else if (!c.healthy && anyHealthy) c.verdict = `unhealthy: skipped (${ms})`;
      else c.verdict = `higher latency (${ms})`;
    }
    return { decision: { kind: 'one', choices }, anyHealthy };
  }

  private geolocation(label: string, candidates: Candidate[], explanation: string[]): Pick<GroupPlan, 'decision' | 'anyHealthy'> {
    const client = this.client;
    const levelNames = ['subdivision', 'country', 'continent', 'default'];
    const levelOf = (c: Candidate): number | undefined => {
      const geo = c.record.geoLocation;
      if (!geo) return undefined;
      if (geo.countryCode === '*') return 3;
      if (geo.subdivisionCode) return geo.countryCode === client.countryCode && geo.subdivisionCode === client.subdivisionCode ? 0 : undefined;
      if (geo.countryCode) return geo.countryCode === client.countryCode ? 1 : undefined;
      if (geo.continentCode) return geo.continentCode === client.continentCode ? 2 : undefined;
      return undefined;
    };
    const chain = candidates
      .map((c) => ({ c, level: levelOf(c) }))
      .filter((m): m is { c: Candidate; level: number } => m.level !== undefined)
      .sort((a, b) => a.level - b.level);
    explanation.push(`${label} uses geolocation routing; the client is in ${describeLocation(client)}. Record sets: ${candidates.map((c) => `${c.record.setIdentifier} (${describeGeoLocation(c.record.geoLocation)})`).join(', ')}.`);
    for (const c of candidates) c.verdict = `does not match ${describeLocation(client)}`;
    if (chain.length === 0) {
      explanation.push(`No record set matches ${describeLocation(client)} and there is no default location (CountryCode "*"): Route 53 returns no answer (NOERROR, empty).`);
      return { decision: { kind: 'none' }, anyHealthy: false };
    }
    explanation.push(`Matching, most specific first: ${chain.map(({ c, level }) => `${describeGeoLocation(c.record.geoLocation)} (${levelNames[level]})`).join(' → ')}.`);
    const firstHealthy = chain.find(({ c }) => c.healthy);
    const anyHealthy = firstHealthy !== undefined;
    const chosen = firstHealthy ?? chain[0]!;
    const chosenAt = chain.indexOf(chosen);
    chain.forEach(({ c, level }, position) => {
      if (position === chosenAt) return;
      if (position < chosenAt) {
        c.verdict = `matches (${levelNames[level]}) but unhealthy: falls back to a larger area`;
        explanation.push(`${describeGeoLocation(c.record.geoLocation)} matches but is unhealthy (${c.health}); Route 53 looks at the larger area.`);
      } else c.verdict = `matches (${levelNames[level]}), less specific`;
    });
    chosen.c.probability = 1;
    if (anyHealthy) {
      chosen.c.verdict = `most specific healthy match (${levelNames[chosen.level]} ${describeGeoLocation(chosen.c.record.geoLocation)})`;
      explanation.push(`Answer: ${chosen.c.record.setIdentifier}, the most specific healthy match (${levelNames[chosen.level]} ${describeGeoLocation(chosen.c.record.geoLocation)}).`);
    } else {
      chosen.c.verdict = `most specific match; every match is unhealthy, so all are treated as healthy`;
      explanation.push(`Every matching record set is unhealthy, so Route 53 treats them as healthy and answers with the most specific: ${chosen.c.record.setIdentifier}.`);
    }
    return { decision: { kind: 'one', choices: [{ index: candidates.indexOf(chosen.c), probability: 1 }] }, anyHealthy };
  }

  private failover(label: string, candidates: Candidate[], explanation: string[]): Pick<GroupPlan, 'decision' | 'anyHealthy'> {
    const primary = candidates.find((c) => c.record.failover === 'PRIMARY');
    const secondary = candidates.find((c) => c.record.failover === 'SECONDARY');
    const describe = (c: Candidate | undefined, role: string) => (c ? `${role} ${c.record.setIdentifier} is ${c.healthy ? 'healthy' : 'unhealthy'} (${c.health})` : `there is no ${role}`);
    explanation.push(`${label} uses failover routing: ${describe(primary, 'primary')}; ${describe(secondary, 'secondary')}.`);
    let chosen: Candidate;
    let anyHealthy = true;
    if (primary?.healthy) {
      chosen = primary;
      explanation.push('The primary is healthy, so it answers regardless of the secondary.');
    } else if (secondary?.healthy) {
      chosen = secondary;
      explanation.push(primary ? 'The primary is unhealthy and the secondary is healthy, so the secondary answers.' : 'Only a secondary exists and it is healthy.');
    } else {
      anyHealthy = false;
      chosen = (primary ?? secondary)!;
      explanation.push(primary ? 'Both are unhealthy, so Route 53 answers with the primary.' : 'The only record set is unhealthy; Route 53 answers with it anyway.');
    }
    for (const c of candidates) {
      const role = c.record.failover === 'PRIMARY' ? 'primary' : 'secondary';
      if (c === chosen) {
        c.probability = 1;
        c.verdict = c === primary ? (c.healthy ? 'healthy primary' : 'primary: both unhealthy, so the primary answers') : 'healthy secondary: the primary is unhealthy';
      } else c.verdict = c.healthy ? `${role}: not needed` : `${role}: unhealthy`;
    }
    return { decision: { kind: 'one', choices: [{ index: candidates.indexOf(chosen), probability: 1 }] }, anyHealthy };
  }

  private multivalue(label: string, candidates: Candidate[], explanation: string[]): Pick<GroupPlan, 'decision' | 'anyHealthy'> {
    const healthy = candidates.filter((c) => c.healthy);
    const anyHealthy = healthy.length > 0;
    const pool = anyHealthy ? healthy : candidates;
    const size = Math.min(MULTIVALUE_MAX_ANSWERS, pool.length);
    explanation.push(`${label} uses multivalue answer routing: ${healthy.length} of ${candidates.length} record sets are healthy.`);
    if (!anyHealthy) explanation.push(`None is healthy, so Route 53 answers with up to ${MULTIVALUE_MAX_ANSWERS} unhealthy ones.`);
    explanation.push(
      pool.length > MULTIVALUE_MAX_ANSWERS
        ? `More than ${MULTIVALUE_MAX_ANSWERS}: each answer holds a random ${MULTIVALUE_MAX_ANSWERS} of the ${pool.length}, so each record set is in ${percent(size / pool.length)} of answers.`
        : `Every answer holds all ${pool.length}.`,
    );
    for (const c of candidates) {
      if (pool.includes(c)) {
        c.probability = size / pool.length;
        c.verdict = c.healthy ? 'healthy: returned' : 'unhealthy, but none is healthy: returned';
      } else c.verdict = 'unhealthy: left out';
    }
    return { decision: { kind: 'subset', pool: pool.map((c) => candidates.indexOf(c)), size }, anyHealthy };
  }

  // ---- turning a chosen record set into values --------------------------------------------------

  /** Every outcome of a plan, with its probability (for the distribution). */
  outcomes(plan: Plan): { outcomes: Partial<Walk>[]; exact: boolean } {
    if (plan.kind === 'empty') return { outcomes: [{ probability: 1, values: [], responseCode: plan.responseCode, records: [], path: [], targets: [], aliasHops: [] }], exact: true };
    const decision = plan.decision;
    if (decision.kind === 'none') return { outcomes: [{ probability: 1, values: [], responseCode: 'NOERROR', records: [], path: [], targets: [], aliasHops: [] }], exact: true };
    if (decision.kind === 'subset') {
      const { subsets, exact } = enumerateSubsets(decision.pool, decision.size);
      const probability = 1 / subsets.length;
      return {
        exact,
        outcomes: subsets.map((subset) => {
          const parts = subset.map((index) => this.plainValues(plan, plan.candidates[index]!.record));
          return { probability, values: parts.flatMap((p) => p.values), responseCode: 'NOERROR', ttl: parts[0]?.ttl, records: parts.flatMap((p) => p.records), path: subset.map((i) => plan.candidates[i]!.record), targets: [], aliasHops: [] };
        }),
      };
    }
    const all: Partial<Walk>[] = [];
    let exact = true;
    for (const choice of decision.choices) {
      const sub = this.recordOutcomes(plan, plan.candidates[choice.index]!.record, undefined);
      exact &&= sub.exact;
      for (const outcome of sub.outcomes) all.push({ ...outcome, probability: choice.probability * (outcome.probability ?? 1) });
    }
    return { outcomes: all, exact };
  }

  /** One sampled outcome of a plan, collecting explanations and candidates along the way. */
  sample(plan: Plan, random: RandomSource, walk: Walk): void {
    walk.explanation.push(...plan.explanation);
    walk.decision = plan.explanation[plan.explanation.length - 1] ?? walk.decision;
    if (plan.kind === 'empty') {
      walk.responseCode = plan.responseCode;
      return;
    }
    walk.groups.push(plan);
    const decision = plan.decision;
    if (decision.kind === 'none') {
      walk.responseCode = 'NOERROR';
      walk.chosen.set(plan, new Set());
      return;
    }
    if (decision.kind === 'subset') {
      const picked = drawSubset(decision.pool, decision.size, random);
      walk.chosen.set(plan, new Set(picked));
      for (const index of picked) {
        const part = this.plainValues(plan, plan.candidates[index]!.record);
        walk.values.push(...part.values);
        walk.records.push(...part.records);
        walk.ttl ??= part.ttl;
        walk.path.push(plan.candidates[index]!.record);
      }
      if (decision.pool.length > decision.size) {
        walk.decision = `Drew ${picked.map((i) => plan.candidates[i]!.record.setIdentifier).join(', ')}.`;
        walk.explanation.push(walk.decision);
      }
      walk.responseCode = 'NOERROR';
      return;
    }
    let index = decision.choices[0]!.index;
    if (decision.choices.length > 1) {
      const draw = random.next();
      let cumulative = 0;
      index = decision.choices[decision.choices.length - 1]!.index;
      for (const choice of decision.choices) {
        cumulative += choice.probability;
        if (draw < cumulative) {
          index = choice.index;
          break;
        }
      }
      const chosen = plan.candidates[index]!;
      walk.decision = `Drew ${chosen.record.setIdentifier ?? chosen.record.region} (${percent(chosen.probability ?? 0)} of answers).`;
      walk.explanation.push(walk.decision);
    }
    walk.chosen.set(plan, new Set([index]));
    this.recordOutcomes(plan, plan.candidates[index]!.record, { random, walk });
  }

  private plainValues(plan: GroupPlan, record: ResourceRecordSet): { values: string[]; records: string[]; ttl?: number } {
    return { values: [...record.resourceRecords], records: record.resourceRecords.map((value) => recordLine(plan.name, record.ttl, plan.type, value)), ttl: record.ttl };
  }

  /**
   * The values one record set leads to: its own, a CNAME's target (followed inside the zone), an
   * in-zone alias's target group, or an outside alias target's. With `sampling`, walks one path;
   * without, returns every outcome.
   */
  private recordOutcomes(plan: GroupPlan, record: ResourceRecordSet, sampling: { random: RandomSource; walk: Walk } | undefined): { outcomes: Partial<Walk>[]; exact: boolean } {
    const single = (outcome: Partial<Walk>) => {
      if (sampling) mergeInto(sampling.walk, outcome);
      return { outcomes: [outcome], exact: true };
    };
    const who = record.setIdentifier ?? plan.name;

    if (plan.cname) {
      const target = normalizeName(record.resourceRecords[0] ?? '');
      const line = recordLine(plan.name, record.ttl, 'CNAME', target);
      if (!isInZone(target, this.zoneName)) {
        sampling?.walk.explanation.push(`The CNAME points to ${target}, outside ${this.zoneName}; the resolver continues the lookup there.`);
        return single({ probability: 1, values: [target], responseCode: 'NOERROR', ttl: record.ttl, records: [line], path: [record], targets: [target], aliasHops: [] });
      }
      sampling?.walk.explanation.push(`Following the CNAME to ${target} within the zone.`);
      return this.follow(target, plan.queryType, plan.trail, { records: [line], path: [record] }, sampling);
    }

    const alias = record.aliasTarget;
    if (!alias) return single({ probability: 1, ...this.plainValues(plan, record), responseCode: 'NOERROR', path: [record], targets: [], aliasHops: [] });

    if (this.isInZoneAlias(alias)) {
      const target = normalizeName(alias.dnsName);
      sampling?.walk.explanation.push(`${who} is an alias to ${target} in this zone; following it.`);
      return this.follow(target, plan.type, plan.trail, { records: [], path: [record] }, sampling);
    }

    const state = this.ctx.health.aliasTarget?.(alias, plan.type);
    const hop: AliasHop = {
      recordName: plan.name,
      ...(record.setIdentifier ? { setIdentifier: record.setIdentifier } : {}),
      target: alias,
      description: state?.description ?? normalizeName(alias.dnsName),
      values: state?.values ?? [],
      ...(state?.ttl !== undefined ? { ttl: state.ttl } : {}),
      ...(state ? { healthy: state.healthy } : {}),
      ...(state?.reason ? { reason: state.reason } : {}),
    };
    if (!state) sampling?.walk.explanation.push(`${who} is an alias to ${normalizeName(alias.dnsName)}, which is not known here: no values.`);
    else sampling?.walk.explanation.push(`${who} is an alias to ${state.description}, which answers ${state.values.join(', ') || 'nothing'}.`);
    const values = state?.values ?? [];
    return single({
      probability: 1,
      values,
      responseCode: 'NOERROR',
      ...(state?.ttl !== undefined ? { ttl: state.ttl } : {}),
      records: values.map((value) => recordLine(plan.name, state?.ttl, plan.type, value)),
      path: [record],
      targets: [withoutDualstack(alias.dnsName)],
      aliasHops: [hop],
    });
  }

  private follow(target: string, type: string, trail: readonly string[], prefix: { records: string[]; path: ResourceRecordSet[] }, sampling: { random: RandomSource; walk: Walk } | undefined): { outcomes: Partial<Walk>[]; exact: boolean } {
    const plan = this.plan(target, type, trail);
    if (sampling) {
      sampling.walk.records.push(...prefix.records);
      sampling.walk.path.push(...prefix.path);
      this.sample(plan, sampling.random, sampling.walk);
      return { outcomes: [], exact: true };
    }
    const sub = this.outcomes(plan);
    return {
      exact: sub.exact,
      outcomes: sub.outcomes.map((o) => ({ ...o, records: [...prefix.records, ...(o.records ?? [])], path: [...prefix.path, ...(o.path ?? [])] })),
    };
  }
}

/** A zone-file line: `www.example.com. 60 IN A 192.0.2.10`. */
function recordLine(name: string, ttl: number | undefined, type: string, value: string): string {
  return ttl === undefined ? `${name} IN ${type} ${value}` : `${name} ${ttl} IN ${type} ${value}`;
}

interface Walk {
  probability: number;
  values: string[];
  responseCode: ResponseCode;
  ttl?: number;
  records: string[];
  path: ResourceRecordSet[];
  targets: string[];
  aliasHops: AliasHop[];
  explanation: string[];
  decision: string;
  groups: GroupPlan[];
  chosen: Map<GroupPlan, Set<number>>;
}

function mergeInto(walk: Walk, outcome: Partial<Walk>): void {
  walk.values.push(...(outcome.values ?? []));
  walk.records.push(...(outcome.records ?? []));
  walk.path.push(...(outcome.path ?? []));
  walk.targets.push(...(outcome.targets ?? []));
  walk.aliasHops.push(...(outcome.aliasHops ?? []));
  if (outcome.responseCode) walk.responseCode = outcome.responseCode;
  walk.ttl ??= outcome.ttl;
}

function binomial(n: number, k: number): number {
  let result = 1;
  for (let i = 1; i <= k; i++) result = (result * (n - k + i)) / i;
  return Math.round(result);
}

/** Every k-subset of `pool` in lexicographic order, or n rotating windows when there are too many. */
export function enumerateSubsets(pool: readonly number[], k: number): { subsets: number[][]; exact: boolean } {
  const n = pool.length;
  if (k >= n) return { subsets: [[...pool]], exact: true };
  if (binomial(n, k) > MAX_ENUMERATED_SUBSETS) {
    const subsets = pool.map((_, start) => Array.from({ length: k }, (_, offset) => pool[(start + offset) % n]!).sort((a, b) => pool.indexOf(a) - pool.indexOf(b)));
    return { subsets, exact: false };
  }
  const subsets: number[][] = [];
  const pick: number[] = [];
  const visit = (from: number) => {
    if (pick.length === k) {
      subsets.push(pick.map((i) => pool[i]!));
      return;
    }
    for (let i = from; i <= n - (k - pick.length); i++) {
      pick.push(i);
      visit(i + 1);
      pick.pop();
    }
  };
  visit(0);
  return { subsets, exact: true };
}

/** A uniform random k-subset (partial Fisher–Yates), listed in pool order. */
function drawSubset(pool: readonly number[], k: number, random: RandomSource): number[] {
  if (k >= pool.length) return [...pool];
  const items = [...pool];
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(random.next() * (items.length - i));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  const picked = new Set(items.slice(0, k));
  return pool.filter((index) => picked.has(index));
}

function toCandidate(c: Candidate, chosen: boolean, policy: RoutingPolicy): DnsCandidate {
  const r = c.record;
  return {
    ...(r.setIdentifier !== undefined ? { setIdentifier: r.setIdentifier } : {}),
    values: r.aliasTarget ? [`ALIAS ${normalizeName(r.aliasTarget.dnsName)}`] : [...r.resourceRecords],
    ...(r.weight !== undefined ? { weight: r.weight } : {}),
    ...(r.region !== undefined ? { region: r.region } : {}),
    ...(r.geoLocation ? { geoLocation: describeGeoLocation(r.geoLocation) } : {}),
    ...(r.failover ? { failover: r.failover } : {}),
    ...(r.healthCheckId ? { healthCheckId: r.healthCheckId } : {}),
    healthy: c.healthy,
    verdict: !chosen && c.probability !== undefined && (policy === 'weighted' || policy === 'latency') ? `not drawn this time (${c.verdict})` : c.verdict,
    ...(c.probability !== undefined ? { probability: c.probability } : {}),
    ...(c.latencyMs !== undefined ? { latencyMs: c.latencyMs } : {}),
    chosen,
  };
}

// ---- public API ---------------------------------------------------------------------------------

/**
 * Resolves `query` once, as one of Route 53's name servers for the zone would, drawing from
 * `random` where the routing policy is random (weighted, multivalue beyond 8, latency ties).
 */
export function resolveDns(query: DnsQuery, ctx: ResolverContext, random: RandomSource): Resolution {
  const resolver = new ZoneResolver(ctx);
  const type = query.type.toUpperCase();
  const walk: Walk = { probability: 1, values: [], responseCode: 'NOERROR', records: [], path: [], targets: [], aliasHops: [], explanation: [], decision: '', groups: [], chosen: new Map() };
  resolver.sample(resolver.plan(query.name, type, []), random, walk);
  const policies = walk.groups.map((g) => g.policy);
  const routingPolicy = [...policies].reverse().find((p) => p !== 'simple') ?? policies[0];
  const answer: DnsAnswer = {
    values: walk.values,
    type,
    ...(walk.ttl !== undefined ? { ttl: walk.ttl } : {}),
    ...(routingPolicy ? { routingPolicy } : {}),
    responseCode: walk.responseCode,
    explanation: walk.explanation,
    candidates: walk.groups.flatMap((group) => group.candidates.map((c, index) => toCandidate(c, walk.chosen.get(group)?.has(index) ?? false, group.policy))),
  };
  return { answer, records: walk.records, aliasHops: walk.aliasHops, path: walk.path, targets: walk.targets, decision: walk.decision };
}

/**
 * Every answer `query` can get from this zone in its current state, with its probability; the
 * probabilities sum to 1. The simulator splits fluid traffic by it instead of sampling.
 */
export function answerDistribution(query: DnsQuery, ctx: ResolverContext): AnswerDistribution {
  const resolver = new ZoneResolver(ctx);
  const type = query.type.toUpperCase();
  const { outcomes, exact } = resolver.outcomes(resolver.plan(query.name, type, []));
  const merged = new Map<string, AnswerOutcome>();
  for (const o of outcomes) {
    const values = o.values ?? [];
    const path = o.path ?? [];
    const id = `${o.responseCode}|${values.join(',')}|${path.map((r) => `${r.name}/${r.type}/${r.setIdentifier ?? ''}`).join(';')}`;
    const existing = merged.get(id);
    if (existing) existing.probability += o.probability ?? 0;
    else
      merged.set(id, {
        key: values.join(','),
        values,
        responseCode: o.responseCode ?? 'NOERROR',
        probability: o.probability ?? 0,
        ...(o.ttl !== undefined ? { ttl: o.ttl } : {}),
        path,
        targets: o.targets ?? [],
      });
  }
  return { outcomes: [...merged.values()], exact };
}
