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
import type { ClientLocation, DnsAnswer, DnsCandidate, DnsList, DnsParam, DnsText } from '../contract/model-dns';
import type { ResourceRecordSet, RoutingPolicy } from '../contract/model-route53';
import { drawSubset, enumerateSubsets } from './answer-subsets';
import { list, optional, percent, say } from './explain';
import { completeLocation } from './geography';
import { isInZone, normalizeName, parentName, withoutDualstack } from './names';
import { describeGeoLocation, groupKey, groupRecordSets, routingPolicyOf } from './record-groups';
import {
  MAX_CHAIN,
  recordLine,
  type AliasHop,
  type AliasTarget,
  type AnswerDistribution,
  type AnswerOutcome,
  type Candidate,
  type DnsQuery,
  type EmptyPlan,
  type GroupPlan,
  type Plan,
  type RandomSource,
  type Resolution,
  type ResolverContext,
  type ResponseCode,
} from './resolver-model';
import * as policies from './routing-policies';

export { enumerateSubsets } from './answer-subsets';
export { MAX_CHAIN, MAX_ENUMERATED_SUBSETS, MULTIVALUE_MAX_ANSWERS } from './resolver-model';
export type {
  AliasHop,
  AliasTarget,
  AliasTargetState,
  AnswerDistribution,
  AnswerOutcome,
  DnsQuery,
  HealthLookup,
  LatencyTable,
  RandomSource,
  Resolution,
  ResolverContext,
  ResponseCode,
} from './resolver-model';

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
    const empty = (responseCode: ResponseCode, line: DnsText): EmptyPlan => ({ kind: 'empty', name, responseCode, explanation: [line] });
    if (!isInZone(name, this.zoneName)) return empty('REFUSED', say('zone.refused', { name, zone: this.zoneName }));
    const key = groupKey(name, qtype);
    if (trail.includes(key)) return empty('SERVFAIL', say('zone.loop', { name, type: qtype, trail: trail.join(' → ') }));
    if (trail.length >= MAX_CHAIN) return empty('SERVFAIL', say('zone.tooManyHops', { max: MAX_CHAIN, trail: trail.join(' → ') }));
    const found = this.recordsAt(name);
    if (!found) return empty('NXDOMAIN', say('zone.nxdomain', { name, zone: this.zoneName }));
    const ofType = found.records.filter((r) => r.type.toUpperCase() === qtype);
    const via = optional(found.wildcard ? say('zone.viaWildcard', { wildcard: found.wildcard }) : undefined);
    if (ofType.length > 0) return this.decide(name, qtype, qtype, ofType, [...trail, key], via);
    const cnames = found.records.filter((r) => r.type.toUpperCase() === 'CNAME');
    if (cnames.length > 0 && qtype !== 'CNAME') return this.decide(name, 'CNAME', qtype, cnames, [...trail, key], via);
    const types = [...new Set(found.records.map((r) => r.type.toUpperCase()))];
    return empty('NOERROR', say('zone.noData', { name, via, type: qtype, types: optional(types.length ? say('zone.hasTypes', { types: types.join(', ') }) : undefined) }));
  }

  private healthOf(record: ResourceRecordSet, qtype: string, trail: readonly string[]): { healthy: boolean; health: DnsList } {
    const notes: DnsText[] = [];
    let healthy = true;
    if (record.healthCheckId) {
      const id = record.healthCheckId;
      const status = this.ctx.health.healthCheck(id);
      if (status === undefined) notes.push(say('health.checkUnknown', { id }));
      else {
        notes.push(say(status ? 'health.checkHealthy' : 'health.checkUnhealthy', { id }));
        healthy &&= status;
      }
    }
    const alias = record.aliasTarget;
    if (alias?.evaluateTargetHealth) {
      if (this.isInZoneAlias(alias)) {
        const target = this.plan(alias.dnsName, qtype, trail);
        const ok = target.kind === 'group' && target.anyHealthy;
        notes.push(say(ok ? 'health.aliasInZoneHealthy' : 'health.aliasInZoneUnhealthy', { target: normalizeName(alias.dnsName) }));
        healthy &&= ok;
      } else {
        const state = this.ctx.health.aliasTarget?.(alias, qtype);
        if (!state) notes.push(say('health.aliasUnknown', { target: normalizeName(alias.dnsName) }));
        else {
          const reason = optional(state.reason ? say('health.inParentheses', { reason: state.reason }) : undefined);
          notes.push(say(state.healthy ? 'health.aliasHealthy' : 'health.aliasUnhealthy', { target: state.description, reason }));
          healthy &&= state.healthy;
        }
      }
    }
    if (notes.length === 0) notes.push(say(alias ? 'health.aliasNoEvaluation' : 'health.noCheck'));
    return { healthy, health: list(notes, '; ') };
  }

  private decide(name: string, type: string, queryType: string, records: ResourceRecordSet[], trail: string[], via: DnsParam): GroupPlan {
    const cname = type !== queryType;
    const policy = routingPolicyOf(records[0]!);
    const same = records.filter((r) => routingPolicyOf(r) === policy);
    const explanation: DnsText[] = [];
    const label = say('zone.label', { name, type, via });
    if (cname) explanation.push(say('group.cname', { name, via }));
    const ignored = records.length - same.length;
    if (ignored > 0) explanation.push(ignored === 1 ? say('group.otherPolicyOne', { name, type, policy }) : say('group.otherPolicyMany', { count: ignored, name, type, policy }));
    const candidates: Candidate[] = same.map((record) => ({ record, ...this.healthOf(record, type, trail), verdict: say('simple.verdictOnly') }));
    const group = { kind: 'group' as const, name, type, queryType, trail, cname, policy, candidates, explanation };
    const env = { latency: this.ctx.latency, client: this.client };
    switch (policy) {
      case 'weighted':
        return { ...group, ...policies.weighted(label, candidates, explanation) };
      case 'latency':
        return { ...group, ...policies.latency(label, candidates, explanation, env) };
      case 'geolocation':
        return { ...group, ...policies.geolocation(label, candidates, explanation, env) };
      case 'failover':
        return { ...group, ...policies.failover(label, candidates, explanation) };
      case 'multivalue':
        return { ...group, ...policies.multivalue(label, candidates, explanation) };
      case 'simple':
        return { ...group, ...policies.simple(label, candidates, explanation) };
    }
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
        walk.decision = say('draw.sets', { sets: picked.map((i) => plan.candidates[i]!.record.setIdentifier ?? '?').join(', ') });
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
      walk.decision = say('draw.one', { set: chosen.record.setIdentifier ?? chosen.record.region ?? '?', percent: percent(chosen.probability ?? 0) });
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
        sampling?.walk.explanation.push(say('follow.cnameOutside', { target, zone: this.zoneName }));
        return single({ probability: 1, values: [target], responseCode: 'NOERROR', ttl: record.ttl, records: [line], path: [record], targets: [target], aliasHops: [] });
      }
      sampling?.walk.explanation.push(say('follow.cnameInZone', { target }));
      return this.follow(target, plan.queryType, plan.trail, { records: [line], path: [record] }, sampling);
    }

    const alias = record.aliasTarget;
    if (!alias) return single({ probability: 1, ...this.plainValues(plan, record), responseCode: 'NOERROR', path: [record], targets: [], aliasHops: [] });

    if (this.isInZoneAlias(alias)) {
      const target = normalizeName(alias.dnsName);
      sampling?.walk.explanation.push(say('follow.aliasInZone', { record: who, target }));
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
    if (!state) sampling?.walk.explanation.push(say('follow.aliasUnknown', { record: who, target: normalizeName(alias.dnsName) }));
    else sampling?.walk.explanation.push(say('follow.aliasAnswers', { record: who, target: state.description, values: state.values.join(', ') || (state.emptyReason ?? say('follow.nothing')) }));
    const values = state?.values ?? [];
    return single({
      probability: 1,
      values,
      responseCode: 'NOERROR',
      // An empty answer (an AAAA alias to an IPv4-only load balancer, LBA-5) has no record and so no TTL.
      ...(state?.ttl !== undefined && values.length > 0 ? { ttl: state.ttl } : {}),
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

interface Walk {
  probability: number;
  values: string[];
  responseCode: ResponseCode;
  ttl?: number;
  records: string[];
  path: ResourceRecordSet[];
  targets: string[];
  aliasHops: AliasHop[];
  explanation: DnsText[];
  decision: DnsText | undefined;
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
    verdict: !chosen && c.probability !== undefined && (policy === 'weighted' || policy === 'latency') ? say('draw.notDrawn', { verdict: c.verdict }) : c.verdict,
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
  const walk: Walk = { probability: 1, values: [], responseCode: 'NOERROR', records: [], path: [], targets: [], aliasHops: [], explanation: [], decision: undefined, groups: [], chosen: new Map() };
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

/** One name-and-type group of record sets, judged the way the resolver judges them when it answers. */
export interface RecordGroupHealth {
  name: string;
  type: string;
  policy: RoutingPolicy;
  /** Each record set of the group's policy with its health: health check, EvaluateTargetHealth (R53-9, in-zone aliases). */
  records: { record: ResourceRecordSet; healthy: boolean }[];
  /**
   * R53-4/R53-5: false when no record set of the group is healthy — Route 53 then answers as if all
   * were (failover: the primary; weighted: by weight; latency: the lowest latency; multivalue: up to
   * eight), it never goes silent for health. For geolocation the trace decides per client among the
   * locations that match it; here the group as a whole: no record set healthy.
   */
  anyHealthy: boolean;
}

/**
 * Every group of record sets in `ctx.recordSets` with the health the resolver gives it: the health
 * verdicts read this (core/health/route53.ts), so a verdict and `dns trace` never disagree on which
 * record sets are healthy or on whether Route 53 still answers. Client and latency play no part in
 * health; they are ignored.
 */
export function recordGroupHealth(ctx: Pick<ResolverContext, 'zone' | 'recordSets' | 'health'>): RecordGroupHealth[] {
  const resolver = new ZoneResolver({ ...ctx, client: {}, latency: {} });
  const groups: RecordGroupHealth[] = [];
  for (const records of groupRecordSets(ctx.recordSets).values()) {
    const plan = resolver.plan(records[0]!.name, records[0]!.type, []);
    if (plan.kind !== 'group') continue;
    const anyHealthy = plan.policy === 'geolocation' ? plan.candidates.some((c) => c.healthy) : plan.anyHealthy;
    groups.push({ name: plan.name, type: plan.type, policy: plan.policy, records: plan.candidates.map((c) => ({ record: c.record, healthy: c.healthy })), anyHealthy });
  }
  return groups;
}
