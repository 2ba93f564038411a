/**
 * A DNS resolution trace: root → TLD → the zone's Route 53 name server → answer, with the routing
 * decision explained (R53-1 … R53-9). Both sources produce it with the same resolver; in AWS mode it
 * also carries what TestDNSAnswer said and whether the two agree.
 */
import { z } from 'zod';
import { GeoLocation, RoutingPolicy } from './model-route53';

/** Where a DNS query comes from: a Route 53 GeoLocation, and what latency routing and TestDNSAnswer add to it. */
export const ClientLocation = GeoLocation.extend({
  /** An AWS region the resolver is near (for latency routing), e.g. eu-central-1. */
  region: z.string().optional(),
  /** Resolver IP, when known (TestDNSAnswer's ResolverIP). */
  resolverIp: z.string().optional(),
});
export type ClientLocation = z.infer<typeof ClientLocation>;

/**
 * Every sentence of a DNS explanation as a code: the renderer translates it (i18n `dnsText.<code>`),
 * the CLI prints the English (src-main/cli/dns-text-en.ts). Codes are grouped by the part of the
 * resolver that says them.
 */
export const DnsTextCode = z.enum([
  'trace.rootReferral',
  'trace.noZone',
  'trace.tldReferral',
  'trace.delegation',
  'trace.answerRouted',
  'trace.answerCode',
  'trace.alias',
  'trace.aliasHealthy',
  'trace.aliasUnhealthy',
  'trace.dashReason',
  'zone.refused',
  'zone.loop',
  'zone.tooManyHops',
  'zone.nxdomain',
  'zone.noData',
  'zone.viaWildcard',
  'zone.hasTypes',
  'zone.label',
  'location.unknown',
  'health.checkUnknown',
  'health.checkHealthy',
  'health.checkUnhealthy',
  'health.aliasInZoneHealthy',
  'health.aliasInZoneUnhealthy',
  'health.aliasUnknown',
  'health.aliasHealthy',
  'health.aliasUnhealthy',
  'health.inParentheses',
  'health.aliasNoEvaluation',
  'health.noCheck',
  'group.cname',
  'group.otherPolicyOne',
  'group.otherPolicyMany',
  'simple.uses',
  'simple.verdictFirst',
  'simple.verdictOnly',
  'simple.verdictIgnored',
  'weighted.uses',
  'weighted.unhealthyLeftOut',
  'weighted.setHealth',
  'weighted.zeroReserve',
  'weighted.zeroConsidered',
  'weighted.allZero',
  'weighted.noneHealthyWeights',
  'weighted.noneHealthyEqual',
  'weighted.share',
  'weighted.shareEqual',
  'weighted.verdictShare',
  'weighted.verdictLeftOut',
  'weighted.verdictZero',
  'latency.uses',
  'latency.usesNoFigures',
  'latency.unhealthy',
  'latency.noneHealthy',
  'latency.equalHealthy',
  'latency.equalAll',
  'latency.lowest',
  'latency.lowestHealthy',
  'latency.tie',
  'latency.tieHealthy',
  'latency.milliseconds',
  'latency.noFigure',
  'latency.verdictLowest',
  'latency.verdictLowestHealthy',
  'latency.verdictSkipped',
  'latency.verdictHigher',
  'geo.uses',
  'geo.verdictNoMatch',
  'geo.noMatch',
  'geo.matching',
  'geo.match',
  'geo.level.subdivision',
  'geo.level.country',
  'geo.level.continent',
  'geo.level.default',
  'geo.verdictFallback',
  'geo.unhealthyMatch',
  'geo.verdictLessSpecific',
  'geo.verdictBest',
  'geo.answer',
  'geo.verdictAllUnhealthy',
  'geo.allUnhealthy',
  'failover.uses',
  'failover.primaryHealthy',
  'failover.primaryUnhealthy',
  'failover.secondaryHealthy',
  'failover.secondaryUnhealthy',
  'failover.noPrimary',
  'failover.noSecondary',
  'failover.primaryAnswers',
  'failover.secondaryAnswers',
  'failover.onlySecondary',
  'failover.bothUnhealthy',
  'failover.onlyUnhealthy',
  'failover.verdictPrimary',
  'failover.verdictPrimaryBothUnhealthy',
  'failover.verdictSecondary',
  'failover.verdictPrimaryNotNeeded',
  'failover.verdictSecondaryNotNeeded',
  'failover.verdictPrimaryUnhealthy',
  'failover.verdictSecondaryUnhealthy',
  'multivalue.uses',
  'multivalue.noneHealthy',
  'multivalue.random',
  'multivalue.all',
  'multivalue.verdictReturned',
  'multivalue.verdictReturnedUnhealthy',
  'multivalue.verdictLeftOut',
  'draw.sets',
  'draw.one',
  'draw.notDrawn',
  'follow.cnameOutside',
  'follow.cnameInZone',
  'follow.aliasInZone',
  'follow.aliasUnknown',
  'follow.aliasAnswers',
  'follow.nothing',
  'alb.target',
  'alb.noTargetGroup',
  'alb.noRegisteredTargets',
  'alb.noHealthyTarget',
  'alb.healthy',
  'alb.groupCount',
  'alb.groupUnchecked',
  'alb.noneChecked',
  'alb.healthySomeUnchecked',
  'alb.simTarget',
  'alb.notSimulatedYet',
  'alb.noRecordsOfFamily',
  'aws.possible',
  'aws.possibleSampled',
  'aws.none',
  'aws.noData',
  'aws.noDataTimes',
  'aws.testAnswer',
  'aws.testAnswerRepeated',
  'aws.testFailed',
  'aws.lookupFailed',
  'aws.disagreement',
  'aws.disagreementNotes',
  'aws.noteAliasLookup',
  'aws.noteResolverIp',
  'aws.noteLatencyModel',
]);
export type DnsTextCode = z.infer<typeof DnsTextCode>;

/**
 * One sentence or phrase: a code and its parameters. A parameter is a value (a name, an address, a
 * number — shown as it is), another text (a phrase inside the sentence, translated too), or a list of
 * either, joined by `join` (lists of values that need no translation come pre-joined as one string).
 */
export interface DnsText {
  code: DnsTextCode;
  params: Record<string, DnsParam>;
}
export type DnsParam = string | number | DnsText | DnsList;
export interface DnsList {
  join: ', ' | '; ' | ' → ' | ' / ';
  items: DnsParam[];
}

const DnsValue = z.union([z.string().max(4096), z.number()]);
export const DnsList: z.ZodType<DnsList> = z.lazy(() => z.object({ join: z.enum([', ', '; ', ' → ', ' / ']), items: z.array(DnsParam).max(2000) }));
export const DnsParam: z.ZodType<DnsParam> = z.lazy(() => z.union([DnsValue, DnsText, DnsList]));
export const DnsText: z.ZodType<DnsText> = z.lazy(() => z.object({ code: DnsTextCode, params: z.record(z.string().max(64), DnsParam) }));

export const DnsTraceStep = z.object({
  kind: z.enum(['root', 'tld', 'authoritative', 'alias']),
  /** The server asked, e.g. a.root-servers.net., a.gtld-servers.net., ns-123.awsdns-45.com. */
  server: z.string(),
  /** The zone that server is authoritative for: `.`, `com.`, `example.com.`. */
  zone: z.string(),
  /** What came back: a referral to the next servers, or the answer. */
  result: z.enum(['referral', 'answer', 'nxdomain', 'nodata']),
  records: z.array(z.string()),
  note: DnsText.optional(),
});
export type DnsTraceStep = z.infer<typeof DnsTraceStep>;

export const DnsCandidate = z.object({
  setIdentifier: z.string().optional(),
  values: z.array(z.string()),
  weight: z.number().optional(),
  region: z.string().optional(),
  geoLocation: z.string().optional(),
  failover: z.string().optional(),
  healthCheckId: z.string().optional(),
  healthy: z.boolean(),
  /** Why it was or was not chosen, in one phrase. */
  verdict: DnsText,
  /** Weighted: weight / sum of considered weights. */
  probability: z.number().optional(),
  latencyMs: z.number().optional(),
  chosen: z.boolean(),
});
export type DnsCandidate = z.infer<typeof DnsCandidate>;

export const DnsAnswer = z.object({
  /** Record values returned; empty for no answer. */
  values: z.array(z.string()),
  type: z.string(),
  ttl: z.number().int().optional(),
  routingPolicy: RoutingPolicy.optional(),
  responseCode: z.enum(['NOERROR', 'NXDOMAIN', 'SERVFAIL', 'REFUSED']),
  explanation: z.array(DnsText),
  candidates: z.array(DnsCandidate),
});
export type DnsAnswer = z.infer<typeof DnsAnswer>;

export const DnsTrace = z.object({
  name: z.string(),
  type: z.string(),
  from: ClientLocation,
  steps: z.array(DnsTraceStep),
  answer: DnsAnswer,
  /** With repeat: each distinct answer (values joined by commas) → how many times it came back. */
  distribution: z.record(z.string(), z.number()).optional(),
  /**
   * Where `distribution` comes from: Route 53's TestDNSAnswer (AWS mode, when it could be asked) or
   * Flightdeck's own resolver drawing answers (the simulator, or AWS mode without TestDNSAnswer).
   * Absent: the resolver.
   */
  distributionSource: z.enum(['test-dns-answer', 'resolver']).optional(),
  /** AWS mode: Route 53 TestDNSAnswer's own answer, and where our explanation disagrees. */
  testDnsAnswer: z.object({ values: z.array(z.string()), responseCode: z.string() }).optional(),
  /** AWS mode: why TestDNSAnswer gave nothing — denied (no route53:TestDNSAnswer), or unavailable (the endpoint lacks it, the network). */
  testDnsAnswerProblem: z.object({ code: z.enum(['denied', 'unavailable']), message: z.string() }).optional(),
  disagreement: DnsText.optional(),
});
export type DnsTrace = z.infer<typeof DnsTrace>;
