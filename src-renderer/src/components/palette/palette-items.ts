/**
 * What the command palette can jump to: every view, every resource in the inventory (to its view,
 * focused), and a few commands. Search is "all words, anywhere", ranked by where they match.
 */
import type { HealthResourceKind, Inventory, ResourceHealth } from '@contract';
import type { AwsValueKind } from '@/utils/aws-value-text';

/** Core's verdict on a resource (stores/health), so a search result says when it is failing. */
export type PaletteHealthLookup = (kind: HealthResourceKind, id: string) => ResourceHealth | undefined;

export type PaletteKind = 'view' | 'loadBalancer' | 'targetGroup' | 'autoScalingGroup' | 'instance' | 'hostedZone' | 'record' | 'healthCheck' | 'dbInstance' | 'function' | 'alarm' | 'command';

export interface PaletteItem {
  id: string;
  kind: PaletteKind;
  /** Shown and searched. */
  label: string;
  /** Second line, searched too (ids, DNS names). */
  detail?: string;
  route?: { name: string; query?: Record<string, string> };
  command?: string;
  /** The resource's verdict, when core has one. */
  health?: ResourceHealth;
}

/** AWS enum values in the operator's words (utils/aws-value-text.ts); as the API spells them without one (tests). */
export type PaletteValueText = (kind: AwsValueKind, value: string) => string;

export function resourceItems(inventory: Inventory, healthOf: PaletteHealthLookup = () => undefined, awsValue: PaletteValueText = (_kind, value) => value): PaletteItem[] {
  const items: PaletteItem[] = [];
  const judged = (kind: HealthResourceKind, id: string) => {
    const health = healthOf(kind, id);
    return health ? { health } : {};
  };
  const to = (name: string, focus: string) => ({ name, query: { focus } });
  for (const lb of inventory.loadBalancers) items.push({ id: `lb:${lb.loadBalancerArn}`, kind: 'loadBalancer', label: lb.loadBalancerName, detail: lb.dnsName, route: to('load-balancers', lb.loadBalancerName), ...judged('loadBalancer', lb.loadBalancerArn) });
  for (const tg of inventory.targetGroups) items.push({ id: `tg:${tg.targetGroupArn}`, kind: 'targetGroup', label: tg.targetGroupName, detail: tg.targetGroupArn, route: to('load-balancers', tg.targetGroupName), ...judged('targetGroup', tg.targetGroupArn) });
  for (const group of inventory.autoScalingGroups) {
    items.push({ id: `asg:${group.autoScalingGroupName}`, kind: 'autoScalingGroup', label: group.autoScalingGroupName, detail: group.availabilityZones.join(', '), route: to('auto-scaling', group.autoScalingGroupName), ...judged('autoScalingGroup', group.autoScalingGroupName) });
    for (const instance of group.instances) items.push({ id: `i:${instance.instanceId}`, kind: 'instance', label: instance.instanceId, detail: `${group.autoScalingGroupName} · ${instance.availabilityZone}`, route: to('auto-scaling', group.autoScalingGroupName) });
  }
  for (const zone of inventory.hostedZones) items.push({ id: `zone:${zone.id}`, kind: 'hostedZone', label: zone.name, detail: zone.id, route: to('route53', zone.name) });
  const names = new Set<string>();
  for (const record of inventory.recordSets) {
    if (names.has(record.name)) continue;
    names.add(record.name);
    items.push({ id: `record:${record.name}`, kind: 'record', label: record.name, detail: record.routingPolicy, route: to('route53', record.name) });
  }
  for (const check of inventory.healthChecks) items.push({ id: `hc:${check.id}`, kind: 'healthCheck', label: check.id, detail: check.fullyQualifiedDomainName ?? check.ipAddress, route: to('route53', check.id), ...judged('healthCheck', check.id) });
  for (const db of inventory.dbInstances) items.push({ id: `db:${db.dbInstanceIdentifier}`, kind: 'dbInstance', label: db.dbInstanceIdentifier, detail: `${awsValue('dbEngine', db.engine)} · ${awsValue('dbInstanceStatus', db.dbInstanceStatus)}`, route: to('rds', db.dbInstanceIdentifier), ...judged('dbInstance', db.dbInstanceIdentifier) });
  for (const fn of inventory.lambdaFunctions) items.push({ id: `fn:${fn.functionArn}`, kind: 'function', label: fn.functionName, detail: fn.runtime, route: to('lambda', fn.functionName), ...judged('lambdaFunction', fn.functionArn) });
  for (const alarm of inventory.alarms) items.push({ id: `alarm:${alarm.alarmName}`, kind: 'alarm', label: alarm.alarmName, detail: alarm.stateValue, route: { name: 'auto-scaling' }, ...judged('alarm', alarm.alarmArn ?? alarm.alarmName) });
  return items;
}

function score(item: PaletteItem, terms: readonly string[]): number {
  const label = item.label.toLowerCase();
  const detail = (item.detail ?? '').toLowerCase();
  let total = 0;
  for (const term of terms) {
    if (label.startsWith(term)) total += 3;
    else if (label.includes(term)) total += 2;
    else if (detail.includes(term)) total += 1;
    else return 0;
  }
  // Views and commands first at equal score: they are what short queries usually mean.
  return total + (item.kind === 'view' || item.kind === 'command' ? 0.5 : 0);
}

export function searchPalette(items: readonly PaletteItem[], query: string, limit = 50): PaletteItem[] {
  const terms = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return items.slice(0, limit);
  return items
    .map((item, index) => ({ item, index, score: score(item, terms) }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, limit)
    .map((entry) => entry.item);
}
