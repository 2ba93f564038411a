/**
 * A DNS resolution trace: root → TLD → the zone's Route 53 name server → answer, with the routing
 * decision explained (R53-1 … R53-9). Both sources produce it with the same resolver; in AWS mode it
 * also carries what TestDNSAnswer said and whether the two agree.
 */
import { z } from 'zod';
import { RoutingPolicy } from './model-route53';

export const ClientLocation = z.object({
  continentCode: z.string().optional(),
  countryCode: z.string().optional(),
  subdivisionCode: z.string().optional(),
  /** An AWS region the resolver is near (for latency routing), e.g. eu-central-1. */
  region: z.string().optional(),
  /** Resolver IP, when known (TestDNSAnswer's ResolverIP). */
  resolverIp: z.string().optional(),
});
export type ClientLocation = z.infer<typeof ClientLocation>;

export const DnsTraceStep = z.object({
  kind: z.enum(['root', 'tld', 'authoritative', 'alias']),
  /** The server asked, e.g. a.root-servers.net., a.gtld-servers.net., ns-123.awsdns-45.com. */
  server: z.string(),
  /** The zone that server is authoritative for: `.`, `com.`, `example.com.`. */
  zone: z.string(),
  /** What came back: a referral to the next servers, or the answer. */
  result: z.enum(['referral', 'answer', 'nxdomain', 'nodata']),
  records: z.array(z.string()),
  note: z.string().optional(),
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
  verdict: z.string(),
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
  explanation: z.array(z.string()),
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
  disagreement: z.string().optional(),
});
export type DnsTrace = z.infer<typeof DnsTrace>;
