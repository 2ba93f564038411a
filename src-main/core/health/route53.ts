/**
 * Route 53: health checks that fail, and what that does to the answers. Which record sets are
 * healthy, and whether Route 53 still answers, is the resolver's judgement (route53/resolver.ts
 * recordGroupHealth — the one `dns trace` explains), not a second one here:
 * - a record set that is unhealthy (its health check fails, or an alias with EvaluateTargetHealth
 *   whose target is unhealthy, R53-9) while another of its name and type is healthy is out of
 *   answers — the routing policy doing its job;
 * - when no record set of a name and type is healthy, Route 53 answers as if all were (R53-4,
 *   R53-5: failover answers with the primary, weighted by weight …). Nothing is out of answers
 *   then, but every endpoint behind the name fails: the name is failing, and says how it answers.
 * docs.aws.amazon.com/Route53/latest/DeveloperGuide/dns-failover-determining-health-of-endpoints.html
 * docs.aws.amazon.com/Route53/latest/DeveloperGuide/health-checks-how-route-53-chooses-records.html
 */
import type { HealthCheck, HealthReason, Inventory, ResourceHealth, ResourceRecordSet } from '../contract/model';
import { albAliasHealth } from '../route53/alias-health';
import { normalizeName, withoutDualstack } from '../route53/names';
import { recordGroupHealth, type HealthLookup } from '../route53/resolver';
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

/** The resolver's health lookup over the inventory: health-check statuses, and R53-9 for the load balancers we know. */
function inventoryHealthLookup(inventory: Inventory): HealthLookup {
  const checks = new Map(inventory.healthChecks.map((check) => [check.id, check]));
  const lbByDns = new Map(inventory.loadBalancers.map((lb) => [withoutDualstack(lb.dnsName), lb]));
  return {
    // Unknown (or a check we do not see) counts as healthy, as the resolver says: Route 53 has no failure to act on.
    healthCheck: (id) => {
      const status = checks.get(id)?.status;
      return status === 'Healthy' ? true : status === 'Unhealthy' ? false : undefined;
    },
    // Addresses play no part in health; only whether the load balancer is healthy.
    aliasTarget: (target) => {
      const lb = lbByDns.get(withoutDualstack(target.dnsName));
      return lb ? { values: [], healthy: albAliasHealth(lb, inventory.targetGroups).healthy, description: lb.loadBalancerName } : undefined;
    },
  };
}

/** Why an unhealthy record set is unhealthy, as reason parameters: its failing health check, else its alias target. */
function causeOf(record: ResourceRecordSet, checks: ReadonlyMap<string, HealthCheck>, lbNames: ReadonlyMap<string, string>): HealthReason['params'] {
  const check = record.healthCheckId ? checks.get(record.healthCheckId) : undefined;
  if (check?.status === 'Unhealthy') return { cause: 'healthCheck', healthCheck: healthCheckLabel(check) };
  const alias = record.aliasTarget;
  const lbName = alias ? lbNames.get(withoutDualstack(alias.dnsName)) : undefined;
  if (lbName) return { cause: 'aliasTarget', target: lbName };
  return { cause: 'aliasRecord', target: normalizeName(alias?.dnsName ?? '').replace(/\.$/, '') };
}

export function evaluateRoute53(input: HealthInput): { resources: ResourceHealth[]; names: HealthReason[]; counts: Record<string, number> } {
  const { inventory } = input;
  const checks = new Map(inventory.healthChecks.map((check) => [check.id, check]));
  const lbNames = new Map(inventory.loadBalancers.map((lb) => [withoutDualstack(lb.dnsName), lb.loadBalancerName]));
  const health = inventoryHealthLookup(inventory);
  const resources: ResourceHealth[] = [];
  // Per health check: the record sets it takes out of answers, and those answered anyway (all unhealthy).
  const outByCheck = new Map<string, string[]>();
  const answeredByCheck = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, id: string, label: string) => map.set(id, [...(map.get(id) ?? []), label]);
  const names: HealthReason[] = [];
  const judged = new Map<ResourceRecordSet, HealthReason[]>();

  const zoneIds = [...new Set(inventory.recordSets.map((r) => r.hostedZoneId))];
  for (const zoneId of zoneIds) {
    // A zone the inventory does not list (a partial AWS read): its record sets are judged among themselves.
    const zone = inventory.hostedZones.find((z) => z.id === zoneId || z.id.replace(/^\/hostedzone\//, '') === zoneId.replace(/^\/hostedzone\//, ''));
    const recordSets = inventory.recordSets.filter((r) => r.hostedZoneId === zoneId);
    for (const group of recordGroupHealth({ zone: { id: zoneId, name: zone?.name ?? '.' }, recordSets, health })) {
      for (const { record, healthy } of group.records) {
        if (healthy) continue;
        const label = recordLabel(record);
        const params = causeOf(record, checks, lbNames);
        const check = params.cause === 'healthCheck' ? record.healthCheckId! : undefined;
        if (group.anyHealthy) {
          judged.set(record, [reason('record.outOfAnswers', 'failing', label, params)]);
          if (check) add(outByCheck, check, label);
        } else {
          judged.set(record, [reason('record.allUnhealthy', 'failing', label, params)]);
          if (check) add(answeredByCheck, check, label);
        }
      }
      if (!group.anyHealthy && group.records.length > 0) {
        names.push(reason('record.nameAllUnhealthy', 'failing', group.name.replace(/\.$/, ''), { type: group.type, records: group.records.length, policy: group.policy }));
      }
    }
  }
  for (const record of inventory.recordSets) resources.push(resource('recordSet', recordHealthId(record), recordLabel(record), judged.get(record) ?? []));

  for (const check of inventory.healthChecks) {
    const out = outByCheck.get(check.id) ?? [];
    const answered = answeredByCheck.get(check.id) ?? [];
    const subject = healthCheckLabel(check);
    const reasons: HealthReason[] = [];
    if (check.status === 'Unhealthy') {
      reasons.push(reason('hc.unhealthy', 'failing', subject, { records: out.length, recordNames: out.slice(0, 5).join(', '), answered: answered.length, answeredNames: answered.slice(0, 5).join(', ') }));
    } else if (check.status === 'Unknown') reasons.push(reason('hc.unknown', 'unknown', subject, {}));
    resources.push(resource('healthCheck', check.id, subject, reasons));
  }

  return {
    resources,
    names,
    counts: { zones: inventory.hostedZones.length, records: inventory.recordSets.length, unhealthy: inventory.healthChecks.filter((c) => c.status === 'Unhealthy').length, checks: inventory.healthChecks.length },
  };
}
