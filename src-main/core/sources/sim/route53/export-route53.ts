/** Route 53 state → the contract's HostedZone[], ResourceRecordSet[] and HealthCheck[] (what AwsSource produces from ListHostedZones, ListResourceRecordSets and GetHealthCheckStatus). */
import type { HealthCheck, HostedZone, ResourceRecordSet } from '../../../contract/model-route53';
import type { HealthCheckTransition } from './health-checks';
import type { Route53State } from './build-route53';

export interface Route53Export {
  hostedZones: HostedZone[];
  recordSets: ResourceRecordSet[];
  healthChecks: HealthCheck[];
}

export function exportRoute53(state: Route53State): Route53Export {
  const hostedZones: HostedZone[] = state.zones.map((zone) => ({
    id: zone.id,
    name: zone.name,
    privateZone: zone.privateZone,
    resourceRecordSetCount: state.recordSets.filter((r) => r.hostedZoneId === zone.id).length,
    nameServers: [...zone.nameServers],
  }));
  const recordSets = state.recordSets.map((record) => structuredClone(record));
  const healthChecks: HealthCheck[] = state.healthChecks.checks.map(({ definition: d, status, checkersHealthyPercent, lastChange }) => ({
    id: d.id,
    type: d.type,
    ...(d.fullyQualifiedDomainName ? { fullyQualifiedDomainName: d.fullyQualifiedDomainName } : {}),
    ...(d.ipAddress ? { ipAddress: d.ipAddress } : {}),
    ...(d.port !== undefined ? { port: d.port } : {}),
    ...(d.resourcePath ? { resourcePath: d.resourcePath } : {}),
    ...(d.type !== 'CALCULATED' ? { requestInterval: d.requestIntervalSeconds, failureThreshold: d.failureThreshold } : {}),
    status,
    ...(checkersHealthyPercent !== undefined ? { checkersHealthyPercent } : {}),
    ...(lastChange !== undefined ? { lastChange: new Date(lastChange).toISOString() } : {}),
  }));
  return { hostedZones, recordSets, healthChecks };
}

/** A transition as the timeline shows it: ISO time, the check, old → new, why. */
export function exportTransition(t: HealthCheckTransition): { time: string; healthCheckId: string; logicalId: string; oldStatus: string; newStatus: string; reason: string } {
  return { time: new Date(t.time).toISOString(), healthCheckId: t.healthCheckId, logicalId: t.logicalId, oldStatus: t.oldStatus, newStatus: t.newStatus, reason: t.reason };
}
