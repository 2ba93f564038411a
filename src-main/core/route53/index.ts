/**
 * Route 53, shared by both data sources: the routing-policy resolver, the DNS trace, R53-9's alias
 * health of a load balancer, name servers, and where clients and regions are. Pure functions over
 * the contract's domain types; nothing here imports the simulator or the AWS SDK.
 */
export { albAliasHealth, type AliasHealth } from './alias-health';
export { completeLocation, continentOfCountry, defaultLatencyTable, describeLocation, locationOfRegion, parseLocation, REGIONS, LATENCY_MODEL } from './geography';
export { awsdnsName, NS_TTL, route53NameServers, SOA_TTL, soaValue } from './name-servers';
export { isInZone, normalizeName, sameName, withoutDualstack } from './names';
export { describeGeoLocation, groupRecordSets, routingPolicyOf, validateRecordSet, validateRecordSets, validateZoneRecordSets, type RecordSetProblem } from './record-groups';
export {
  answerDistribution,
  MULTIVALUE_MAX_ANSWERS,
  resolveDns,
  type AliasHop,
  type AliasTarget,
  type AliasTargetState,
  type AnswerDistribution,
  type AnswerOutcome,
  type DnsQuery,
  type HealthLookup,
  type LatencyTable,
  type RandomSource,
  recordGroupHealth,
  type RecordGroupHealth,
  type Resolution,
  type ResolverContext,
} from './resolver';
export { buildDnsTrace, findZone, ROOT_SERVERS, tldServers, type DnsTraceInput, type TraceZone } from './trace';
