/**
 * Record sets grouped the way Route 53 groups them: by name and type. A group uses one routing
 * policy, derived from which routing field its record sets carry (Weight → weighted, Region →
 * latency, GeoLocation → geolocation, Failover → failover, MultiValueAnswer → multivalue, none →
 * simple), and Route 53 refuses a change batch that breaks the group rules; `validateRecordSets`
 * reports the same problems so a scenario fails at load time, not at resolution time.
 * docs.aws.amazon.com/Route53/latest/APIReference/API_ResourceRecordSet.html
 * docs.aws.amazon.com/Route53/latest/DeveloperGuide/routing-policy.html
 */
import { isIPv4, isIPv6 } from 'node:net';
import type { ResourceRecordSet, RoutingPolicy } from '../contract/model-route53';
import type { ScenarioProblemCode } from '../contract/model-scenario-problem';
import { isInZone, normalizeName } from './names';

export type RoutingFields = Pick<ResourceRecordSet, 'weight' | 'region' | 'geoLocation' | 'failover' | 'multiValueAnswer'>;

/** The routing fields a record set carries, in the order they decide its policy. */
export function routingFieldsOf(record: RoutingFields): { field: string; policy: RoutingPolicy }[] {
  const fields: { field: string; policy: RoutingPolicy }[] = [];
  if (record.weight !== undefined) fields.push({ field: 'Weight', policy: 'weighted' });
  if (record.region !== undefined) fields.push({ field: 'Region', policy: 'latency' });
  if (record.geoLocation !== undefined) fields.push({ field: 'GeoLocation', policy: 'geolocation' });
  if (record.failover !== undefined) fields.push({ field: 'Failover', policy: 'failover' });
  if (record.multiValueAnswer === true) fields.push({ field: 'MultiValueAnswer', policy: 'multivalue' });
  return fields;
}

/** weighted, latency, geolocation, failover, multivalue or simple, from the fields that are set. */
export function routingPolicyOf(record: RoutingFields): RoutingPolicy {
  return routingFieldsOf(record)[0]?.policy ?? 'simple';
}

export function groupKey(name: string, type: string): string {
  return `${normalizeName(name)} ${type.toUpperCase()}`;
}

/** Record sets by name and type, in their original order. */
export function groupRecordSets<R extends Pick<ResourceRecordSet, 'name' | 'type'>>(records: readonly R[]): Map<string, R[]> {
  const groups = new Map<string, R[]>();
  for (const record of records) {
    const key = groupKey(record.name, record.type);
    const group = groups.get(key);
    if (group) group.push(record);
    else groups.set(key, [record]);
  }
  return groups;
}

/** `DE`, `EU`, `US-CA` or `*` (the default location), as Route 53's console shows a location. */
export function describeGeoLocation(geo: ResourceRecordSet['geoLocation']): string {
  if (!geo) return '';
  if (geo.countryCode === '*') return '*';
  if (geo.subdivisionCode) return `${geo.countryCode ?? ''}-${geo.subdivisionCode}`;
  return geo.countryCode ?? geo.continentCode ?? '';
}

/** Record types multivalue answer records may have (MultiValueAnswer in API_ResourceRecordSet). */
export const MULTIVALUE_TYPES = new Set(['A', 'AAAA', 'MX', 'NAPTR', 'PTR', 'SPF', 'SRV', 'TXT', 'CAA', 'TLSA', 'SSHFP', 'SVCB', 'HTTPS']);

/** Route 53 accepts at most 100 weighted record sets with the same name and type. */
export const MAX_WEIGHTED_RECORD_SETS = 100;

export interface RecordSetProblem {
  /** Index of the offending record set in the list that was validated. */
  index: number;
  /** The CloudFormation property the problem is about (`Weight`, `SetIdentifier` …), if one. */
  field?: string;
  message: string;
  /** The problem as a code and parameters (issue 9), for the window to word; `message` is the English. */
  code: ScenarioProblemCode;
  params: Record<string, string | number>;
}

type Detail = { code: ScenarioProblemCode; params?: Record<string, string | number> };

type Validated = Omit<ResourceRecordSet, 'routingPolicy' | 'hostedZoneId'> & { routingPolicy?: RoutingPolicy };

/** Problems of one record set on its own (its fields, not its neighbours); `index` is 0. */
export function validateRecordSet(record: Validated): RecordSetProblem[] {
  const problems: RecordSetProblem[] = [];
  const report = (message: string, field: string | undefined, detail: Detail) => problems.push({ index: 0, message, ...(field ? { field } : {}), code: detail.code, params: detail.params ?? {} });
  const name = normalizeName(record.name);
  const type = record.type.toUpperCase();
  const fields = routingFieldsOf(record);
  if (fields.length > 1) report(`a record set has one routing policy, but this one sets ${fields.map((f) => f.field).join(' and ')}`, fields[1]!.field, { code: 'route53.routingPolicies', params: { fields: fields.map((f) => f.field).join(', ') } });
  const policy = fields[0]?.policy ?? 'simple';
  if (policy !== 'simple' && !record.setIdentifier) report(`a ${policy} record set needs a SetIdentifier that is unique among the ${name} ${type} record sets`, 'SetIdentifier', { code: 'route53.setIdentifierMissing', params: { policy, name, type } });
  if (policy === 'simple' && record.setIdentifier) report('SetIdentifier is only for record sets with a routing policy (Weight, Region, GeoLocation, Failover or MultiValueAnswer)', 'SetIdentifier', { code: 'route53.setIdentifierWithoutPolicy' });
  if (record.weight !== undefined && (!Number.isInteger(record.weight) || record.weight < 0 || record.weight > 255)) report(`Weight ${record.weight} is outside 0–255`, 'Weight', { code: 'route53.weightOutOfRange', params: { weight: record.weight } });
  const hasValues = record.resourceRecords.length > 0;
  if (record.aliasTarget && hasValues) report('an alias record set has an AliasTarget and no ResourceRecords', 'ResourceRecords', { code: 'route53.aliasWithRecords' });
  if (!record.aliasTarget && !hasValues) report('a record set needs ResourceRecords, or an AliasTarget for an alias record', 'ResourceRecords', { code: 'route53.recordsMissing' });
  if (!record.aliasTarget && hasValues && record.ttl === undefined) report('a non-alias record set needs a TTL', 'TTL', { code: 'route53.ttlMissing' });
  // LBA-8: Route 53 refuses an A value that is not dotted-decimal IPv4 and an AAAA value that is not
  // colon-separated IPv6 (ResourceRecordTypes.html; its InvalidChangeBatch says ARRDATAIllegalIPv4Address /
  // AAAARRDATAIllegalIPv6Address). Without this an IPv4 address was served as an AAAA answer.
  if (type === 'A' || type === 'AAAA') {
    for (const value of record.resourceRecords) {
      if (type === 'A' && !isIPv4(value)) report(`A record value "${value.slice(0, 100)}" is not an IPv4 address in dotted decimal (e.g. 192.0.2.1)`, 'ResourceRecords', { code: 'route53.notIpv4', params: { value: value.slice(0, 100) } });
      // A zone index (fe80::1%eth0) is an address of one host's link, not a DNS value.
      if (type === 'AAAA' && (!isIPv6(value) || value.includes('%'))) report(`AAAA record value "${value.slice(0, 100)}" is not an IPv6 address in colon-separated hexadecimal (e.g. 2001:db8::1)`, 'ResourceRecords', { code: 'route53.notIpv6', params: { value: value.slice(0, 100) } });
    }
  }
  if (record.aliasTarget && record.ttl !== undefined) report('an alias record set takes its TTL from the alias target; omit TTL', 'TTL', { code: 'route53.aliasWithTtl' });
  if (policy === 'multivalue') {
    if (record.aliasTarget) report("You can't create multivalue answer alias records", 'AliasTarget', { code: 'route53.multivalueAlias' });
    if (!MULTIVALUE_TYPES.has(type)) report(`multivalue answer record sets cannot have type ${type} (allowed: ${[...MULTIVALUE_TYPES].join(', ')})`, 'Type', { code: 'route53.multivalueType', params: { type, allowed: [...MULTIVALUE_TYPES].join(', ') } });
  }
  if (policy === 'failover' && record.aliasTarget && !record.aliasTarget.evaluateTargetHealth) {
    report('a failover alias record set must set EvaluateTargetHealth to true', 'AliasTarget', { code: 'route53.failoverAliasHealth' });
  }
  const geo = record.geoLocation;
  if (geo) {
    if (geo.continentCode && geo.countryCode) report('GeoLocation takes a ContinentCode or a CountryCode, not both', 'GeoLocation', { code: 'route53.geoContinentAndCountry' });
    if (geo.subdivisionCode && !geo.countryCode) report('GeoLocation SubdivisionCode needs the CountryCode it belongs to', 'GeoLocation', { code: 'route53.geoSubdivisionWithoutCountry' });
    if (!geo.continentCode && !geo.countryCode) report('GeoLocation needs a ContinentCode, a CountryCode, or CountryCode "*" for the default location', 'GeoLocation', { code: 'route53.geoLocationMissing' });
    if (geo.countryCode === '*' && geo.subdivisionCode) report('the default location (CountryCode "*") takes no SubdivisionCode', 'GeoLocation', { code: 'route53.geoDefaultWithSubdivision' });
  }
  return problems;
}

/**
 * The problems Route 53 would refuse the record sets of one hosted zone for (InvalidChangeBatch),
 * worded after its own messages where we know them: each record set's own (validateRecordSet)
 * and those of the zone as a whole (validateZoneRecordSets).
 */
export function validateRecordSets(records: readonly Validated[], zoneName: string): RecordSetProblem[] {
  const own = records.flatMap((record, index) => validateRecordSet(record).map((problem) => ({ ...problem, index })));
  return [...own, ...validateZoneRecordSets(records, zoneName)].sort((a, b) => a.index - b.index);
}

/** Rules across record sets: names in the zone, one policy per name and type, unique identifiers and locations, CNAME alone at its name. */
export function validateZoneRecordSets(records: readonly Validated[], zoneName: string): RecordSetProblem[] {
  const problems: RecordSetProblem[] = [];
  const zone = normalizeName(zoneName);
  const report = (index: number, message: string, field: string | undefined, detail: Detail) => problems.push({ index, message, ...(field ? { field } : {}), code: detail.code, params: detail.params ?? {} });
  records.forEach((record, index) => {
    const name = normalizeName(record.name);
    if (!isInZone(name, zone)) report(index, `RRSet with DNS name ${name} is not permitted in zone ${zone}`, 'Name', { code: 'route53.nameNotInZone', params: { name, zone } });
    if (record.type.toUpperCase() === 'CNAME' && name === zone) report(index, `RRSet of type CNAME with DNS name ${name} is not permitted at apex in zone ${zone}`, 'Type', { code: 'route53.cnameAtApex', params: { name, zone } });
  });

  // Rules across the record sets of one name and type, and across types at one name (CNAME).
  const groups = groupRecordSets(records.map((record, index) => ({ ...record, index })));
  const typesByName = new Map<string, Set<string>>();
  for (const group of groups.values()) {
    const first = group[0]!;
    const name = normalizeName(first.name);
    const type = first.type.toUpperCase();
    (typesByName.get(name) ?? typesByName.set(name, new Set()).get(name)!).add(type);
    const policy = routingPolicyOf(first);
    const ids = new Map<string, number>();
    let weighted = 0;
    const seen = new Map<string, number>();
    for (const record of group) {
      const own = routingPolicyOf(record);
      if (own !== policy) {
        report(record.index, `${name} ${type} mixes ${policy} and ${own} record sets; all record sets with one name and type use the same routing policy`, routingFieldsOf(record)[0]?.field ?? 'Name', { code: 'route53.policiesMixed', params: { name, type, policy, other: own } });
        continue;
      }
      if (record.setIdentifier !== undefined) {
        if (ids.has(record.setIdentifier)) report(record.index, `SetIdentifier "${record.setIdentifier}" is already used by another ${name} ${type} record set`, 'SetIdentifier', { code: 'route53.setIdentifierRepeated', params: { setIdentifier: record.setIdentifier, name, type } });
        else ids.set(record.setIdentifier, record.index);
      }
      const claim = (key: string, message: string, field: string, detail: Detail) => {
        if (seen.has(key)) report(record.index, message, field, detail);
        else seen.set(key, record.index);
      };
      switch (policy) {
        case 'simple':
          claim('simple', `${name} ${type} already has a simple record set; put several values in one record set instead`, 'Name', { code: 'route53.simpleRepeated', params: { name, type } });
          break;
        case 'weighted':
          weighted++;
          if (weighted === MAX_WEIGHTED_RECORD_SETS + 1) report(record.index, `at most ${MAX_WEIGHTED_RECORD_SETS} weighted record sets can share ${name} ${type}`, 'Weight', { code: 'route53.tooManyWeighted', params: { max: MAX_WEIGHTED_RECORD_SETS, name, type } });
          break;
        case 'latency':
          claim(`region ${record.region}`, `${name} ${type} already has a latency record set for ${record.region}; Route 53 allows one per region`, 'Region', { code: 'route53.latencyRegionRepeated', params: { name, type, region: String(record.region) } });
          break;
        case 'geolocation':
          claim(`geo ${describeGeoLocation(record.geoLocation)}`, `${name} ${type} already has a geolocation record set for ${describeGeoLocation(record.geoLocation) || 'this location'}`, 'GeoLocation', { code: 'route53.geolocationRepeated', params: { name, type, location: describeGeoLocation(record.geoLocation) || '—' } });
          break;
        case 'failover':
          claim(`failover ${record.failover}`, `${name} ${type} already has a ${record.failover} failover record set`, 'Failover', { code: 'route53.failoverRepeated', params: { name, type, failover: String(record.failover) } });
          break;
        case 'multivalue':
          break;
      }
    }
  }
  for (const [name, types] of typesByName) {
    if (types.has('CNAME') && types.size > 1) {
      records.forEach((record, index) => {
        if (normalizeName(record.name) === name && record.type.toUpperCase() === 'CNAME') {
          report(index, `RRSet of type CNAME with DNS name ${name} is not permitted as it conflicts with other records (${[...types].filter((t) => t !== 'CNAME').join(', ')}) with the same DNS name in zone ${zone}`, 'Type', { code: 'route53.cnameConflict', params: { name, others: [...types].filter((t) => t !== 'CNAME').join(', '), zone } });
        }
      });
    }
  }
  return problems;
}
