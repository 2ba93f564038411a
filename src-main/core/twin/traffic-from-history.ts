/**
 * Traffic from history (docs/twin.md): the recorded requests become the twin's `Traffic`, period by
 * period (`Rate: { Steps: … }`), so the twin replays what happened. Per load balancer, each listener
 * rule that forwards gets a population whose requests match that rule and whose rate is the
 * RequestCount of the target groups it forwards to (ALB publishes RequestCount per target group, not
 * per rule: a target group reached by several rules is shared equally among them). What the load
 * balancer counted beyond its target groups (fixed responses, redirects) goes to a rule that answers
 * itself. Lambda functions invoked other than through a load balancer get their Invocations; DB
 * instances their DatabaseConnections, read as one query per second per open connection (our
 * assumption: CloudWatch records connections, not queries).
 */
import type { Inventory } from '../contract/model-inventory';
import type { ListenerRule, LoadBalancer } from '../contract/model-alb';
import { loadBalancerDimension } from '../metric-catalog';
import { ObservedIndex, targetGroupRequests } from './calibrate';
import type { ExportedResources } from './export-resources';
import type { CpuCalibration, ObservedSeries } from './twin-section';

/** The simulator's ceiling for one population's rate (scenario limits). */
const MAX_RATE = 1_000_000;
/** Requests the load balancer answered itself below this share of its total are left out (our choice). */
const REMAINDER_SHARE = 0.005;

export type TrafficEntry = Record<string, unknown>;

function steps(counts: (number | null)[], periodSeconds: number, perSecond = true): { Steps: { Every: number; Values: number[] } } {
  return { Steps: { Every: periodSeconds, Values: counts.map((v) => Math.min(MAX_RATE, round((v ?? 0) / (perSecond ? periodSeconds : 1)))) } };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

const fill = (pattern: string, filler: string) => pattern.replace(/\*/g, filler).replace(/\?/g, 'x');

/** A request that meets the rule's conditions, or undefined when no request of a population can (query strings, source IPs). */
function requestFor(rule: ListenerRule): Record<string, unknown> | undefined {
  const request: Record<string, unknown> = { Path: '/' };
  for (const condition of rule.conditions) {
    const value = condition.values[0];
    if (value === undefined) return undefined;
    if (condition.field === 'path-pattern') request.Path = fill(value, 'x');
    else if (condition.field === 'host-header') request.Host = fill(value, 'www');
    else if (condition.field === 'http-request-method') request.Method = value.toUpperCase();
    else return undefined;
  }
  return request;
}

function globMatches(pattern: string, text: string): boolean {
  const regex = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
  return regex.test(text);
}

/** A path for the default rule that no other rule of the listener takes (a rule without a path condition takes every path). */
function defaultPath(rules: ListenerRule[]): string | undefined {
  const others = rules.filter((r) => !r.isDefault);
  for (const path of ['/', '/index.html', '/twin-default']) {
    const taken = others.some((rule) => rule.conditions.every((c) => (c.field === 'path-pattern' ? c.values.some((p) => globMatches(p, path)) : c.field !== 'host-header' && c.field !== 'http-request-method')));
    if (!taken) return path;
  }
  return undefined;
}

export interface TrafficOptions {
  inventory: Inventory;
  exported: ExportedResources;
  observed: ObservedSeries[];
  periodSeconds: number;
  cpu: CpuCalibration[];
}

export function trafficFromHistory(options: TrafficOptions): { traffic: TrafficEntry[]; skipped: string[] } {
  const { inventory, exported, observed, periodSeconds } = options;
  const index = new ObservedIndex(observed);
  const traffic: TrafficEntry[] = [];
  const skipped: string[] = [];
  const cpuOf = (tgName: string) => options.cpu.find((c) => c.targetGroupName === tgName && c.cpuPerRequestSeconds !== null)?.cpuPerRequestSeconds ?? undefined;

  for (const lb of inventory.loadBalancers) {
    const lbId = exported.ids.loadBalancers.get(lb.loadBalancerName)!;
    const total = index.get('AWS/ApplicationELB', 'RequestCount', 'Sum', { LoadBalancer: loadBalancerDimension(lb.loadBalancerArn) });
    traffic.push(...loadBalancerTraffic(lb, lbId, total, options, index, cpuOf, skipped));
  }

  const behindLoadBalancer = new Set(inventory.targetGroups.filter((t) => t.targetType === 'lambda').flatMap((t) => t.targets.map((target) => target.targetId)));
  for (const fn of inventory.lambdaFunctions) {
    if (behindLoadBalancer.has(fn.functionArn)) continue; // its requests are the target group's
    const invocations = index.get('AWS/Lambda', 'Invocations', 'Sum', { FunctionName: fn.functionName });
    if (!invocations || invocations.values.every((v) => !v)) continue;
    traffic.push({ Name: `invocations-${fn.functionName}`, Target: { 'Fn::GetAtt': [exported.ids.functions.get(fn.functionName)!, 'Arn'] }, Rate: steps(invocations.values, periodSeconds) });
  }

  for (const db of inventory.dbInstances) {
    const connections = index.get('AWS/RDS', 'DatabaseConnections', 'Average', { DBInstanceIdentifier: db.dbInstanceIdentifier });
    if (!connections || connections.values.every((v) => !v)) continue;
    traffic.push({
      Name: `connections-${db.dbInstanceIdentifier}`,
      Target: { Ref: exported.ids.databases.get(db.dbInstanceIdentifier)! },
      // One query per second per open connection: the assumption of the module header.
      Rate: steps(connections.values, periodSeconds, false),
      Database: { DBInstanceIdentifier: db.dbInstanceIdentifier, WriteShare: db.readReplicaSourceDBInstanceIdentifier ? 0 : 0.2 },
    });
  }
  return { traffic, skipped };
}

function loadBalancerTraffic(
  lb: LoadBalancer,
  lbId: string,
  total: ObservedSeries | undefined,
  options: TrafficOptions,
  index: ObservedIndex,
  cpuOf: (tgName: string) => number | undefined,
  skipped: string[],
): TrafficEntry[] {
  const { inventory, periodSeconds } = options;
  const target = { 'Fn::GetAtt': [lbId, 'DNSName'] };
  const out: TrafficEntry[] = [];
  const periods = total?.values.length ?? 0;
  const forwarded = new Array<number>(periods).fill(0);
  // How many rules forward to each target group (its RequestCount is shared among them).
  const rulesPerGroup = new Map<string, number>();
  for (const listener of lb.listeners) for (const rule of listener.rules) for (const action of rule.actions) for (const tg of action.targetGroups ?? []) rulesPerGroup.set(tg.targetGroupArn, (rulesPerGroup.get(tg.targetGroupArn) ?? 0) + 1);
  let answering: { path: Record<string, unknown> } | undefined;
  for (const listener of lb.listeners) {
    for (const rule of listener.rules) {
      const request = rule.isDefault ? (defaultPath(listener.rules) ? { Path: defaultPath(listener.rules) } : undefined) : requestFor(rule);
      const groups = rule.actions.flatMap((a) => (a.type === 'forward' ? (a.targetGroups ?? []) : []));
      if (groups.length === 0) {
        if (request && !answering) answering = { path: request };
        continue;
      }
      const counts = new Array<number | null>(periods).fill(null);
      for (const group of groups) {
        const series = targetGroupRequests({ ...inventory, targetGroups: inventory.targetGroups.map((t) => (t.targetGroupArn === group.targetGroupArn ? { ...t, loadBalancerArns: [lb.loadBalancerArn] } : t)) }, index, group.targetGroupArn);
        const share = rulesPerGroup.get(group.targetGroupArn) ?? 1;
        series?.forEach((v, i) => {
          if (i >= periods || v === null) return;
          counts[i] = (counts[i] ?? 0) + v / share;
          forwarded[i]! += v / share;
        });
      }
      if (counts.every((v) => !v)) continue;
      if (!request) {
        skipped.push(`requests of listener rule ${rule.priority} of ${lb.loadBalancerName} (no request can be built for its conditions: ${rule.conditions.map((c) => c.field).join(', ')})`);
        continue;
      }
      const tgName = inventory.targetGroups.find((t) => t.targetGroupArn === groups[0]!.targetGroupArn)?.targetGroupName;
      const cpu = tgName ? cpuOf(tgName) : undefined;
      out.push({
        Name: `${lb.loadBalancerName}-${listener.port}-${rule.isDefault ? 'default' : rule.priority}`,
        Target: target,
        Rate: steps(counts, periodSeconds),
        ...(cpu !== undefined ? { CpuPerRequest: cpu } : {}),
        Requests: [{ ...request, Share: 1 }],
      });
    }
  }
  if (total) {
    const remainder = total.values.map((v, i) => Math.max(0, (v ?? 0) - forwarded[i]!));
    const all = total.values.reduce<number>((a, v) => a + (v ?? 0), 0);
    const rest = remainder.reduce((a, v) => a + v, 0);
    if (all > 0 && rest / all > REMAINDER_SHARE) {
      if (answering) out.push({ Name: `${lb.loadBalancerName}-answered`, Target: target, Rate: steps(remainder, periodSeconds), Requests: [{ ...answering.path, Share: 1 }] });
      else skipped.push(`${Math.round(rest)} requests of ${lb.loadBalancerName} that reached no target group`);
    }
  }
  return out;
}
