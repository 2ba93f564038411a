/**
 * The resolver's vocabulary: what callers give it (context, health, latency, randomness), what it
 * answers (a resolution, a distribution), and the plan it makes for one group of record sets on the
 * way. Split from resolver.ts so the policies (routing-policies.ts) and the walk share the types.
 */
import type { ClientLocation, DnsAnswer, DnsList, DnsParam, DnsText } from '../contract/model-dns';
import type { ResourceRecordSet, RoutingPolicy } from '../contract/model-route53';

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
  /** Names the target in explanations: a DNS name, or a phrase such as `ALB shop-eu`. */
  description: DnsParam;
  reason?: DnsText;
  /** Why `values` is empty, when the caller knows (an AAAA query to an IPv4-only load balancer, LBA-5). */
  emptyReason?: DnsText;
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
  description: DnsParam;
  values: string[];
  ttl?: number;
  healthy?: boolean;
  reason?: DnsText;
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
  decision: DnsText | undefined;
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

export interface Candidate {
  record: ResourceRecordSet;
  healthy: boolean;
  /** What decided its health, one phrase per check (health check, alias target). */
  health: DnsList;
  probability?: number;
  latencyMs?: number;
  verdict: DnsText;
}

export type Decision =
  | { kind: 'one'; choices: { index: number; probability: number }[] }
  | { kind: 'subset'; pool: number[]; size: number }
  | { kind: 'none' };

export interface GroupPlan {
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
  explanation: DnsText[];
}

export interface EmptyPlan {
  kind: 'empty';
  name: string;
  responseCode: ResponseCode;
  explanation: DnsText[];
}

export type Plan = GroupPlan | EmptyPlan;


/** A zone-file line: `www.example.com. 60 IN A 192.0.2.10`. */
export function recordLine(name: string, ttl: number | undefined, type: string, value: string): string {
  return ttl === undefined ? `${name} IN ${type} ${value}` : `${name} ${ttl} IN ${type} ${value}`;
}
