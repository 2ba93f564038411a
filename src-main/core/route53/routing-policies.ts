/**
 * How each routing policy picks among the healthy record sets of one name and type, and why — the
 * rules of R53-1 … R53-6 as listed at the top of resolver.ts, with their AWS pages. Each function
 * sets every candidate's verdict, appends its sentences to `explanation`, and returns the decision.
 */
import type { ClientLocation, DnsText } from '../contract/model-dns';
import { list, locationParam, percent, say } from './explain';
import { describeGeoLocation } from './record-groups';
import { MULTIVALUE_MAX_ANSWERS, type Candidate, type GroupPlan, type LatencyTable } from './resolver-model';

export type PolicyDecision = Pick<GroupPlan, 'decision' | 'anyHealthy'>;

export interface PolicyEnv {
  latency: LatencyTable;
  client: ClientLocation;
}

const setId = (c: Candidate) => c.record.setIdentifier ?? '?';

export function simple(label: DnsText, candidates: Candidate[], explanation: DnsText[]): PolicyDecision {
  const only = candidates[0]!;
  only.verdict = say(candidates.length > 1 ? 'simple.verdictFirst' : 'simple.verdictOnly');
  candidates.slice(1).forEach((c) => (c.verdict = say('simple.verdictIgnored')));
  explanation.push(say('simple.uses', { label, health: only.health }));
  return { decision: { kind: 'one', choices: [{ index: 0, probability: 1 }] }, anyHealthy: candidates.some((c) => c.healthy) };
}

export function weighted(label: DnsText, candidates: Candidate[], explanation: DnsText[]): PolicyDecision {
  const weightOf = (c: Candidate) => c.record.weight ?? 0;
  const nonZero = candidates.filter((c) => weightOf(c) > 0);
  const zero = candidates.filter((c) => weightOf(c) === 0);
  const total = nonZero.reduce((sum, c) => sum + weightOf(c), 0);
  explanation.push(say('weighted.uses', { label, count: candidates.length, weights: candidates.map((c) => `${setId(c)}=${weightOf(c)}`).join(', '), sum: total }));
  let considered: Candidate[];
  let byWeight: boolean;
  let anyHealthy = true;
  const healthyNonZero = nonZero.filter((c) => c.healthy);
  const healthyZero = zero.filter((c) => c.healthy);
  if (healthyNonZero.length > 0) {
    [considered, byWeight] = [healthyNonZero, true];
    if (healthyNonZero.length < nonZero.length) {
      const left = nonZero.filter((c) => !c.healthy).map((c) => say('weighted.setHealth', { set: setId(c), health: c.health }));
      explanation.push(say('weighted.unhealthyLeftOut', { sets: list(left) }));
    }
    if (zero.length > 0) explanation.push(say('weighted.zeroReserve', { sets: zero.map(setId).join(', ') }));
  } else if (healthyZero.length > 0) {
    [considered, byWeight] = [healthyZero, false];
    explanation.push(nonZero.length > 0 ? say('weighted.zeroConsidered', { sets: healthyZero.map(setId).join(', ') }) : say('weighted.allZero'));
  } else {
    anyHealthy = false;
    [considered, byWeight] = nonZero.length > 0 ? [nonZero, true] : [zero, false];
    explanation.push(say(byWeight ? 'weighted.noneHealthyWeights' : 'weighted.noneHealthyEqual'));
  }
  const sum = byWeight ? considered.reduce((s, c) => s + weightOf(c), 0) : considered.length;
  const choices = considered.map((c) => ({ index: candidates.indexOf(c), probability: byWeight ? weightOf(c) / sum : 1 / sum }));
  for (const choice of choices) {
    const c = candidates[choice.index]!;
    c.probability = choice.probability;
    const share = { set: setId(c), sum, percent: percent(choice.probability), health: c.health };
    explanation.push(byWeight ? say('weighted.share', { ...share, weight: weightOf(c) }) : say('weighted.shareEqual', share));
  }
  for (const c of candidates) {
    if (c.probability !== undefined) c.verdict = say('weighted.verdictShare', { percent: percent(c.probability) });
    else if (!c.healthy && anyHealthy) c.verdict = say('weighted.verdictLeftOut');
    else c.verdict = say('weighted.verdictZero');
  }
  return { decision: { kind: 'one', choices }, anyHealthy };
}

export function latency(label: DnsText, candidates: Candidate[], explanation: DnsText[], env: PolicyEnv): PolicyDecision {
  for (const c of candidates) {
    const ms = c.record.region ? env.latency[c.record.region] : undefined;
    if (ms !== undefined) c.latencyMs = ms;
  }
  const from = locationParam(env.client);
  const known = candidates.filter((c) => c.latencyMs !== undefined).sort((a, b) => a.latencyMs! - b.latencyMs!);
  explanation.push(
    known.length > 0
      ? say('latency.uses', { label, from, figures: known.map((c) => `${c.record.region} ${c.latencyMs} ms`).join(', ') })
      : say('latency.usesNoFigures', { label, from, regions: candidates.map((c) => c.record.region ?? '?').join(', ') }),
  );
  const healthy = candidates.filter((c) => c.healthy);
  const anyHealthy = healthy.length > 0;
  for (const c of candidates.filter((c) => !c.healthy)) explanation.push(say('latency.unhealthy', { region: c.record.region ?? '?', set: setId(c), health: c.health }));
  if (!anyHealthy) explanation.push(say('latency.noneHealthy'));
  const pool = anyHealthy ? healthy : candidates;
  const measured = pool.filter((c) => c.latencyMs !== undefined);
  let chosen: Candidate[];
  if (measured.length === 0) {
    chosen = pool;
    explanation.push(say(anyHealthy ? 'latency.equalHealthy' : 'latency.equalAll'));
  } else {
    const best = Math.min(...measured.map((c) => c.latencyMs!));
    chosen = measured.filter((c) => c.latencyMs === best);
    explanation.push(
      chosen.length === 1
        ? say(anyHealthy ? 'latency.lowestHealthy' : 'latency.lowest', { region: chosen[0]!.record.region ?? '?', ms: best })
        : say(anyHealthy ? 'latency.tieHealthy' : 'latency.tie', { ms: best, regions: chosen.map((c) => c.record.region ?? '?').join(', ') }),
    );
  }
  const choices = chosen.map((c) => ({ index: candidates.indexOf(c), probability: 1 / chosen.length }));
  for (const c of candidates) {
    const figure = c.latencyMs !== undefined ? say('latency.milliseconds', { ms: c.latencyMs }) : say('latency.noFigure');
    if (chosen.includes(c)) {
      c.probability = 1 / chosen.length;
      c.verdict = say(anyHealthy ? 'latency.verdictLowestHealthy' : 'latency.verdictLowest', { latency: figure });
    } else if (!c.healthy && anyHealthy) c.verdict = say('latency.verdictSkipped', { latency: figure });
    else c.verdict = say('latency.verdictHigher', { latency: figure });
  }
  return { decision: { kind: 'one', choices }, anyHealthy };
}

const GEO_LEVELS = ['geo.level.subdivision', 'geo.level.country', 'geo.level.continent', 'geo.level.default'] as const;

export function geolocation(label: DnsText, candidates: Candidate[], explanation: DnsText[], env: PolicyEnv): PolicyDecision {
  const client = env.client;
  const from = locationParam(client);
  const levelOf = (c: Candidate): number | undefined => {
    const geo = c.record.geoLocation;
    if (!geo) return undefined;
    if (geo.countryCode === '*') return 3;
    if (geo.subdivisionCode) return geo.countryCode === client.countryCode && geo.subdivisionCode === client.subdivisionCode ? 0 : undefined;
    if (geo.countryCode) return geo.countryCode === client.countryCode ? 1 : undefined;
    if (geo.continentCode) return geo.continentCode === client.continentCode ? 2 : undefined;
    return undefined;
  };
  const level = (index: number) => say(GEO_LEVELS[index]!);
  const where = (c: Candidate) => describeGeoLocation(c.record.geoLocation);
  const chain = candidates
    .map((c) => ({ c, level: levelOf(c) }))
    .filter((m): m is { c: Candidate; level: number } => m.level !== undefined)
    .sort((a, b) => a.level - b.level);
  explanation.push(say('geo.uses', { label, from, sets: candidates.map((c) => `${setId(c)} (${where(c)})`).join(', ') }));
  for (const c of candidates) c.verdict = say('geo.verdictNoMatch', { from });
  if (chain.length === 0) {
    explanation.push(say('geo.noMatch', { from }));
    return { decision: { kind: 'none' }, anyHealthy: false };
  }
  explanation.push(say('geo.matching', { chain: list(chain.map(({ c, level: l }) => say('geo.match', { location: where(c), level: level(l) })), ' → ') }));
  const firstHealthy = chain.find(({ c }) => c.healthy);
  const anyHealthy = firstHealthy !== undefined;
  const chosen = firstHealthy ?? chain[0]!;
  const chosenAt = chain.indexOf(chosen);
  chain.forEach(({ c, level: l }, position) => {
    if (position === chosenAt) return;
    if (position < chosenAt) {
      c.verdict = say('geo.verdictFallback', { level: level(l) });
      explanation.push(say('geo.unhealthyMatch', { location: where(c), health: c.health }));
    } else c.verdict = say('geo.verdictLessSpecific', { level: level(l) });
  });
  chosen.c.probability = 1;
  if (anyHealthy) {
    const best = { level: level(chosen.level), location: where(chosen.c) };
    chosen.c.verdict = say('geo.verdictBest', best);
    explanation.push(say('geo.answer', { set: setId(chosen.c), ...best }));
  } else {
    chosen.c.verdict = say('geo.verdictAllUnhealthy');
    explanation.push(say('geo.allUnhealthy', { set: setId(chosen.c) }));
  }
  return { decision: { kind: 'one', choices: [{ index: candidates.indexOf(chosen.c), probability: 1 }] }, anyHealthy };
}

export function failover(label: DnsText, candidates: Candidate[], explanation: DnsText[]): PolicyDecision {
  const primary = candidates.find((c) => c.record.failover === 'PRIMARY');
  const secondary = candidates.find((c) => c.record.failover === 'SECONDARY');
  const describe = (c: Candidate | undefined, role: 'primary' | 'secondary') =>
    c ? say(`failover.${role}${c.healthy ? 'Healthy' : 'Unhealthy'}`, { set: setId(c), health: c.health }) : say(role === 'primary' ? 'failover.noPrimary' : 'failover.noSecondary');
  explanation.push(say('failover.uses', { label, primary: describe(primary, 'primary'), secondary: describe(secondary, 'secondary') }));
  let chosen: Candidate;
  let anyHealthy = true;
  if (primary?.healthy) {
    chosen = primary;
    explanation.push(say('failover.primaryAnswers'));
  } else if (secondary?.healthy) {
    chosen = secondary;
    explanation.push(say(primary ? 'failover.secondaryAnswers' : 'failover.onlySecondary'));
  } else {
    anyHealthy = false;
    chosen = (primary ?? secondary)!;
    explanation.push(say(primary ? 'failover.bothUnhealthy' : 'failover.onlyUnhealthy'));
  }
  for (const c of candidates) {
    const isPrimary = c.record.failover === 'PRIMARY';
    if (c === chosen) {
      c.probability = 1;
      c.verdict = say(c === primary ? (c.healthy ? 'failover.verdictPrimary' : 'failover.verdictPrimaryBothUnhealthy') : 'failover.verdictSecondary');
    } else if (c.healthy) c.verdict = say(isPrimary ? 'failover.verdictPrimaryNotNeeded' : 'failover.verdictSecondaryNotNeeded');
    else c.verdict = say(isPrimary ? 'failover.verdictPrimaryUnhealthy' : 'failover.verdictSecondaryUnhealthy');
  }
  return { decision: { kind: 'one', choices: [{ index: candidates.indexOf(chosen), probability: 1 }] }, anyHealthy };
}

export function multivalue(label: DnsText, candidates: Candidate[], explanation: DnsText[]): PolicyDecision {
  const healthy = candidates.filter((c) => c.healthy);
  const anyHealthy = healthy.length > 0;
  const pool = anyHealthy ? healthy : candidates;
  const size = Math.min(MULTIVALUE_MAX_ANSWERS, pool.length);
  explanation.push(say('multivalue.uses', { label, healthy: healthy.length, count: candidates.length }));
  if (!anyHealthy) explanation.push(say('multivalue.noneHealthy', { max: MULTIVALUE_MAX_ANSWERS }));
  explanation.push(
    pool.length > MULTIVALUE_MAX_ANSWERS ? say('multivalue.random', { max: MULTIVALUE_MAX_ANSWERS, pool: pool.length, percent: percent(size / pool.length) }) : say('multivalue.all', { pool: pool.length }),
  );
  for (const c of candidates) {
    if (pool.includes(c)) {
      c.probability = size / pool.length;
      c.verdict = say(c.healthy ? 'multivalue.verdictReturned' : 'multivalue.verdictReturnedUnhealthy');
    } else c.verdict = say('multivalue.verdictLeftOut');
  }
  return { decision: { kind: 'subset', pool: pool.map((c) => candidates.indexOf(c)), size }, anyHealthy };
}
