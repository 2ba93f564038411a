/**
 * Records grouped the way an operator reasons about them: by name (and zone), all the record sets
 * that compete for that name together, with their routing policy. And the "resolve N times"
 * distribution next to what the weights promise.
 */
import type { DnsTrace, ResourceRecordSet } from '@contract';

export interface RecordGroup {
  key: string;
  zoneId: string;
  name: string;
  /** The policy of the group's record sets (they must share one per name and type). */
  policies: string[];
  records: ResourceRecordSet[];
}

export function groupRecords(records: readonly ResourceRecordSet[]): RecordGroup[] {
  const groups = new Map<string, RecordGroup>();
  for (const record of records) {
    const key = `${record.hostedZoneId}|${record.name}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, zoneId: record.hostedZoneId, name: record.name, policies: [], records: [] }));
    group.records.push(record);
    if (!group.policies.includes(record.routingPolicy)) group.policies.push(record.routingPolicy);
  }
  for (const group of groups.values()) {
    group.records.sort((a, b) => a.type.localeCompare(b.type) || (a.setIdentifier ?? '').localeCompare(b.setIdentifier ?? ''));
  }
  return [...groups.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** What a record answers with: its values, or the alias target (the view adds "evaluate target health", translated). */
export function recordValue(record: ResourceRecordSet): string {
  if (record.aliasTarget) return `ALIAS ${record.aliasTarget.dnsName}`;
  return record.resourceRecords.join(', ');
}

/** How many values a record row shows before folding the rest behind "+N more". */
export const VALUES_SHOWN = 3;

/**
 * A record's values one per line (an alias is one line), so an NS or TXT set with long values is
 * a short list rather than a wall of text.
 */
export function recordValueLines(record: ResourceRecordSet): string[] {
  if (record.aliasTarget) return [recordValue(record)];
  return record.resourceRecords.map((value) => (value.length > 120 ? `${value.slice(0, 117)}…` : value));
}

/** The routing attribute that matters for the record's policy. */
export function routingDetail(record: ResourceRecordSet): string {
  switch (record.routingPolicy) {
    case 'weighted':
      return `weight ${record.weight ?? 0}`;
    case 'latency':
      return record.region ?? '';
    case 'geolocation': {
      const geo = record.geoLocation;
      return [geo?.continentCode, geo?.countryCode, geo?.subdivisionCode].filter(Boolean).join('/') || '*';
    }
    case 'failover':
      return record.failover ?? '';
    case 'multivalue':
      return 'multivalue';
    default:
      return '';
  }
}

export interface DistributionRow {
  /** The answer as the distribution keys it (values joined by commas), or the record's target. */
  answer: string;
  /** The record set that gives this answer, when it can be told. */
  setIdentifier?: string;
  count: number;
  observed: number;
  /** Configured share (weight / sum of weights) when the candidates say so. */
  expected?: number;
}

/**
 * Observed shares from `distribution`, next to each record set's configured probability. An alias
 * candidate lists its target (`ALIAS …elb.amazonaws.com.`) while the distribution counts the
 * addresses it resolved to, so answers are matched to record sets by what the trace does say: a
 * plain record by its values, the chosen record by the trace's answer, and — when exactly one
 * answer and one weighted record set are left — those two by elimination. Anything still
 * unmatched is shown as it is, never guessed.
 */
export function distributionRows(trace: DnsTrace): DistributionRow[] {
  const distribution = trace.distribution ?? {};
  const total = Object.values(distribution).reduce((sum, n) => sum + n, 0);
  const weighted = trace.answer.candidates.filter((c) => c.probability !== undefined && c.probability > 0);
  const byAnswer = new Map<string, (typeof weighted)[number]>();
  const matched = new Set<(typeof weighted)[number]>();
  for (const candidate of weighted) {
    const key = candidate.chosen ? trace.answer.values.join(',') : candidate.values.join(',');
    if (key in distribution && !byAnswer.has(key)) {
      byAnswer.set(key, candidate);
      matched.add(candidate);
    }
  }
  const leftAnswers = Object.keys(distribution).filter((answer) => !byAnswer.has(answer));
  const leftCandidates = weighted.filter((candidate) => !matched.has(candidate));
  if (leftAnswers.length === 1 && leftCandidates.length === 1) {
    byAnswer.set(leftAnswers[0]!, leftCandidates[0]!);
    matched.add(leftCandidates[0]!);
  }
  const rows: DistributionRow[] = Object.entries(distribution).map(([answer, count]) => {
    const candidate = byAnswer.get(answer);
    return { answer, setIdentifier: candidate?.setIdentifier, count, observed: total ? count / total : 0, expected: candidate?.probability };
  });
  for (const candidate of weighted) {
    if (!matched.has(candidate)) rows.push({ answer: candidate.values.join(','), setIdentifier: candidate.setIdentifier, count: 0, observed: 0, expected: candidate.probability });
  }
  return rows.sort((a, b) => b.count - a.count || (b.expected ?? 0) - (a.expected ?? 0) || a.answer.localeCompare(b.answer));
}

/** Client locations an operator picks from; "custom" opens the fields. */
export const CLIENT_LOCATIONS = [
  { id: 'eu-de', from: { continentCode: 'EU', countryCode: 'DE', region: 'eu-central-1' } },
  { id: 'eu-ie', from: { continentCode: 'EU', countryCode: 'IE', region: 'eu-west-1' } },
  { id: 'na-us', from: { continentCode: 'NA', countryCode: 'US', subdivisionCode: 'VA', region: 'us-east-1' } },
  { id: 'na-us-west', from: { continentCode: 'NA', countryCode: 'US', subdivisionCode: 'CA', region: 'us-west-1' } },
  { id: 'as-kr', from: { continentCode: 'AS', countryCode: 'KR', region: 'ap-northeast-2' } },
  { id: 'as-jp', from: { continentCode: 'AS', countryCode: 'JP', region: 'ap-northeast-1' } },
  { id: 'sa-br', from: { continentCode: 'SA', countryCode: 'BR', region: 'sa-east-1' } },
] as const;
