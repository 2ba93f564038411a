/**
 * Route 53 hosted zones (with the four name servers of each public zone's delegation set, from
 * GetHostedZone), their record sets, and health checks with their status.
 * docs.aws.amazon.com/Route53/latest/APIReference/
 */
import {
  GetHealthCheckStatusCommand,
  GetHostedZoneCommand,
  ListResourceRecordSetsCommand,
  paginateListHealthChecks,
  paginateListHostedZones,
  type HealthCheckObservation,
  type ResourceRecordSet as SdkRecordSet,
  type Route53Client,
  type RRType,
} from '@aws-sdk/client-route-53';
import type { HealthCheck, HostedZone, ResourceRecordSet, RoutingPolicy } from '../../../contract/model';
import { definedFields } from '../../../defined-fields';

/** R53-7: "Route 53 considers an endpoint healthy when more than 18 % of health checkers report it healthy". */
export const HEALTHY_CHECKER_FRACTION = 0.18;

export interface Route53Inventory {
  hostedZones: HostedZone[];
  recordSets: ResourceRecordSet[];
  healthChecks: HealthCheck[];
}

export function stripZonePrefix(id: string): string {
  return id.replace(/^\/hostedzone\//, '');
}

/** Route 53 escapes some characters in names as octal (`\052` for `*`): docs DomainNameFormat.html. */
export function decodeDnsName(name: string): string {
  return name.replace(/\\(\d{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));
}

export function routingPolicyOf(record: Pick<SdkRecordSet, 'Weight' | 'Region' | 'GeoLocation' | 'Failover' | 'MultiValueAnswer'>): RoutingPolicy {
  if (record.Weight !== undefined) return 'weighted';
  if (record.Region !== undefined) return 'latency';
  if (record.GeoLocation !== undefined) return 'geolocation';
  if (record.Failover !== undefined) return 'failover';
  if (record.MultiValueAnswer) return 'multivalue';
  return 'simple';
}

export function toRecordSet(zoneId: string, record: SdkRecordSet): ResourceRecordSet {
  return definedFields({
    hostedZoneId: zoneId,
    name: decodeDnsName(record.Name ?? ''),
    type: record.Type ?? 'A',
    ttl: record.TTL,
    setIdentifier: record.SetIdentifier,
    weight: record.Weight,
    region: record.Region,
    geoLocation: record.GeoLocation
      ? definedFields({ continentCode: record.GeoLocation.ContinentCode, countryCode: record.GeoLocation.CountryCode, subdivisionCode: record.GeoLocation.SubdivisionCode })
      : undefined,
    failover: record.Failover === 'PRIMARY' || record.Failover === 'SECONDARY' ? record.Failover : undefined,
    multiValueAnswer: record.MultiValueAnswer,
    healthCheckId: record.HealthCheckId,
    resourceRecords: (record.ResourceRecords ?? []).map((r) => r.Value ?? ''),
    aliasTarget: record.AliasTarget
      ? { hostedZoneId: record.AliasTarget.HostedZoneId ?? '', dnsName: record.AliasTarget.DNSName ?? '', evaluateTargetHealth: record.AliasTarget.EvaluateTargetHealth ?? false }
      : undefined,
    routingPolicy: routingPolicyOf(record),
  });
}

/**
 * ListResourceRecordSets pages by (StartRecordName, StartRecordType, StartRecordIdentifier) rather
 * than a single token, which is why the SDK ships no paginator for it.
 */
export async function listRecordSets(client: Route53Client, zoneId: string): Promise<ResourceRecordSet[]> {
  const records: ResourceRecordSet[] = [];
  let start: { name?: string; type?: RRType; identifier?: string } = {};
  for (;;) {
    const page = await client.send(
      new ListResourceRecordSetsCommand({ HostedZoneId: zoneId, StartRecordName: start.name, StartRecordType: start.type, StartRecordIdentifier: start.identifier }),
    );
    records.push(...(page.ResourceRecordSets ?? []).map((r) => toRecordSet(zoneId, r)));
    if (!page.IsTruncated) return records;
    start = { name: page.NextRecordName, type: page.NextRecordType, identifier: page.NextRecordIdentifier };
  }
}

/** "Success: HTTP Status Code 200, OK" / "Failure: …" per checker region. */
/** `lastChange` here is only the newest CheckedTime (when a checker last checked); poll-route53.ts keeps the real one. */
export function healthFromObservations(observations: HealthCheckObservation[]): { status: HealthCheck['status']; checkersHealthyPercent?: number; lastChange?: string } {
  if (observations.length === 0) return { status: 'Unknown' };
  const healthy = observations.filter((o) => /^Success/i.test(o.StatusReport?.Status ?? '')).length;
  const fraction = healthy / observations.length;
  const times = observations.map((o) => o.StatusReport?.CheckedTime?.getTime()).filter((t): t is number => t !== undefined);
  return definedFields({
    status: fraction > HEALTHY_CHECKER_FRACTION ? ('Healthy' as const) : ('Unhealthy' as const),
    checkersHealthyPercent: Math.round(fraction * 1000) / 10,
    lastChange: times.length ? new Date(Math.max(...times)).toISOString() : undefined,
  });
}

/**
 * Name servers already read per public zone id: a zone's delegation set is assigned when the zone
 * is created, so GetHostedZone is asked on the slow settings cadence, not on every poll.
 */
export function nameServersOf(zones: readonly HostedZone[]): ReadonlyMap<string, string[]> {
  return new Map(zones.filter((z) => !z.privateZone && z.nameServers.length > 0).map((z) => [z.id, z.nameServers]));
}

export async function discoverRoute53(client: Route53Client, heldNameServers?: ReadonlyMap<string, string[]>): Promise<Route53Inventory> {
  const hostedZones: HostedZone[] = [];
  const recordSets: ResourceRecordSet[] = [];
  for await (const page of paginateListHostedZones({ client }, {})) {
    for (const zone of page.HostedZones ?? []) {
      const id = stripZonePrefix(zone.Id ?? '');
      const privateZone = zone.Config?.PrivateZone ?? false;
      // Private zones have no public delegation set; GetHostedZone then returns VPCs instead.
      const held = heldNameServers?.get(id);
      const nameServers = privateZone ? [] : (held ?? (await client.send(new GetHostedZoneCommand({ Id: id }))).DelegationSet?.NameServers ?? []);
      hostedZones.push(definedFields({ id, name: decodeDnsName(zone.Name ?? ''), privateZone, resourceRecordSetCount: zone.ResourceRecordSetCount, nameServers: [...nameServers] }));
      recordSets.push(...(await listRecordSets(client, id)));
    }
  }
  const healthChecks: HealthCheck[] = [];
  for await (const page of paginateListHealthChecks({ client }, {})) {
    for (const check of page.HealthChecks ?? []) {
      const config = check.HealthCheckConfig;
      // GetHealthCheckStatus does not support calculated health checks (API_GetHealthCheckStatus.html).
      const observed =
        config?.Type === 'CALCULATED'
          ? { status: 'Unknown' as const }
          : healthFromObservations((await client.send(new GetHealthCheckStatusCommand({ HealthCheckId: check.Id }))).HealthCheckObservations ?? []);
      healthChecks.push(
        definedFields({
          id: check.Id ?? '',
          type: config?.Type ?? 'HTTP',
          fullyQualifiedDomainName: config?.FullyQualifiedDomainName,
          ipAddress: config?.IPAddress,
          port: config?.Port,
          resourcePath: config?.ResourcePath,
          requestInterval: config?.RequestInterval,
          failureThreshold: config?.FailureThreshold,
          ...observed,
        }),
      );
    }
  }
  return { hostedZones, recordSets, healthChecks };
}
