/**
 * Route 53: health checks that fail, and the records they take out of answers — records with that
 * health check, and alias records with EvaluateTargetHealth whose load balancer has a target group
 * without a healthy target (R53-9, the same rule the resolver applies: route53/alias-health.ts).
 * A name none of whose records can answer is failing; records out while others answer are the
 * routing policy doing its job, so the service is degraded.
 * docs.aws.amazon.com/Route53/latest/DeveloperGuide/dns-failover-determining-health-of-endpoints.html
 */
import type { HealthCheck, HealthReason, ResourceHealth, ResourceRecordSet } from '../contract/model';
import { albAliasHealth } from '../route53/alias-health';
import type { HealthInput } from './input';
import { reason, resource } from './status';

/** How the request-path map and the Route 53 view name a record's verdict. */
export function recordHealthId(record: Pick<ResourceRecordSet, 'hostedZoneId' | 'name' | 'type' | 'setIdentifier'>): string {
  return `${record.hostedZoneId}|${record.name}|${record.type}|${record.setIdentifier ?? ''}`;
}

export function recordLabel(record: Pick<ResourceRecordSet, 'name' | 'setIdentifier'>): string {
  const name = record.name.replace(/\.$/, '');
  return record.setIdentifier ? `${name} ${record.setIdentifier}` : name;
}

export function healthCheckLabel(check: HealthCheck): string {
  const endpoint = check.fullyQualifiedDomainName ?? check.ipAddress;
  // The port only when it is not the protocol's usual one.
  const usual = (check.type.startsWith('HTTPS') && check.port === 443) || (check.type.startsWith('HTTP') && !check.type.startsWith('HTTPS') && check.port === 80);
  return endpoint ? `${endpoint}${check.port && !usual ? `:${check.port}` : ''}` : check.id;
}

const normalise = (name: string): string => name.toLowerCase().replace(/\.$/, '').replace(/^dualstack\./, '');

export function evaluateRoute53(input: HealthInput): { resources: ResourceHealth[]; names: HealthReason[]; counts: Record<string, number> } {
  const { inventory } = input;
  const checks = new Map(inventory.healthChecks.map((check) => [check.id, check]));
  const lbByDns = new Map(inventory.loadBalancers.map((lb) => [normalise(lb.dnsName), lb]));
  const resources: ResourceHealth[] = [];
  const outByCheck = new Map<string, string[]>();
  const groups = new Map<string, { name: string; type: string; total: number; out: number }>();

  for (const record of inventory.recordSets) {
    const label = recordLabel(record);
    const reasons: HealthReason[] = [];
    const check = record.healthCheckId ? checks.get(record.healthCheckId) : undefined;
    if (check?.status === 'Unhealthy') {
      reasons.push(reason('record.outOfAnswers', 'failing', label, { cause: 'healthCheck', healthCheck: healthCheckLabel(check) }));
      outByCheck.set(check.id, [...(outByCheck.get(check.id) ?? []), label]);
    }
    const alias = record.aliasTarget?.evaluateTargetHealth ? lbByDns.get(normalise(record.aliasTarget.dnsName)) : undefined;
    if (alias && reasons.length === 0 && !albAliasHealth(alias, inventory.targetGroups).healthy) {
      reasons.push(reason('record.outOfAnswers', 'failing', label, { cause: 'aliasTarget', target: alias.loadBalancerName }));
    }
    resources.push(resource('recordSet', recordHealthId(record), label, reasons));
    const key = `${normalise(record.name)}|${record.type}`;
    const group = groups.get(key) ?? { name: record.name.replace(/\.$/, ''), type: record.type, total: 0, out: 0 };
    group.total++;
    if (reasons.length > 0) group.out++;
    groups.set(key, group);
  }

  for (const check of inventory.healthChecks) {
    const records = outByCheck.get(check.id) ?? [];
    const subject = healthCheckLabel(check);
    const reasons: HealthReason[] = [];
    if (check.status === 'Unhealthy') reasons.push(reason('hc.unhealthy', 'failing', subject, { records: records.length, recordNames: records.slice(0, 5).join(', ') }));
    else if (check.status === 'Unknown') reasons.push(reason('hc.unknown', 'unknown', subject, {}));
    resources.push(resource('healthCheck', check.id, subject, reasons));
  }

  // Per name: every record out means no healthy answer at all.
  const names: HealthReason[] = [];
  for (const group of groups.values()) {
    if (group.out > 0 && group.out === group.total) names.push(reason('record.nameUnanswered', 'failing', group.name, { type: group.type, records: group.total }));
  }
  return {
    resources,
    names,
    counts: { zones: inventory.hostedZones.length, records: inventory.recordSets.length, unhealthy: inventory.healthChecks.filter((c) => c.status === 'Unhealthy').length, checks: inventory.healthChecks.length },
  };
}
