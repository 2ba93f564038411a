/**
 * The one health model. Pure: the contract's model in, verdicts with codes and parameters out; the
 * same function serves the simulator and AWS mode (via health-monitor.ts in the session), the
 * `aws snapshot` CLI and tests. Thresholds and their defaults: contract/model-health.ts and
 * docs/health.md.
 */
import type { HealthReason, HealthReport, HealthService, HealthStatus, ResourceHealth, ServiceHealth } from '../contract/model';
import { evaluateAlarms } from './alarms';
import { evaluateAutoScaling } from './auto-scaling';
import type { HealthInput } from './input';
import { evaluateLambda } from './lambda';
import { evaluateLoadBalancing } from './load-balancing';
import { MetricWindow } from './metric-window';
import { evaluateRds } from './rds';
import { evaluateRoute53 } from './route53';
import { byConcern, reason, worstOf } from './status';

export type { HealthInput } from './input';
export { recordHealthId, recordLabel, healthCheckLabel } from './route53';
export { scalingAlarm } from './alarms';

/** Enough for a tile, a header and a tooltip; the resources carry the rest. */
const MAX_SERVICE_REASONS = 20;

function dataReason(service: HealthService, input: HealthInput): HealthReason | undefined {
  const state = input.datasets[service]?.state;
  if (state === 'loading' || state === 'error') return reason('data.missing', 'unknown', '', { state });
  if (state === 'stale') return reason('data.stale', 'unknown', '', {});
  return undefined;
}

/**
 * One service's verdict. `status` overrides the worst-of-resources rollup where the service reads
 * its resources differently (Route 53: a record out of answers is failover working; alarms).
 */
function serviceVerdict(service: HealthService, input: HealthInput, total: number, counts: Record<string, number>, reasons: HealthReason[], status?: HealthStatus): ServiceHealth {
  const data = dataReason(service, input);
  if (total === 0) return { service, status: data ? 'unknown' : 'ok', total, counts, reasons: data ? [data] : [] };
  // One "waiting for metrics" for the service rather than one per resource.
  const seen = new Set<string>();
  const merged: HealthReason[] = [];
  for (const r of reasons) {
    const shared = r.code === 'metrics.waiting' || r.code === 'data.stale';
    const key = shared ? r.code : `${r.code}|${r.subject}|${JSON.stringify(r.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    merged.push(shared ? { ...r, subject: '' } : r);
  }
  if (data) merged.push(data);
  let rolled = status ?? worstOf(merged.map((r) => r.status));
  // Never healthy on data that is missing or old.
  if (data && rolled === 'ok') rolled = 'unknown';
  return { service, status: rolled, total, counts, reasons: byConcern(merged).slice(0, MAX_SERVICE_REASONS) };
}

const reasonsOf = (resources: readonly ResourceHealth[]) => resources.flatMap((r) => r.reasons);

export function evaluateHealth(input: HealthInput): HealthReport {
  const window = new MetricWindow(input);
  const lb = evaluateLoadBalancing(input, window);
  const asg = evaluateAutoScaling(input);
  const dns = evaluateRoute53(input);
  const rds = evaluateRds(input);
  const fn = evaluateLambda(input, window);
  const alarms = evaluateAlarms(input);

  // Route 53 at the service level: a failing check and the records it takes out are failover doing
  // its job (degraded); a name none of whose records is healthy (answered as if all were, R53-5) is
  // failing. Records out because of their alias target have no health check to name them.
  const dnsReasons = [
    ...reasonsOf(dns.resources.filter((r) => r.kind === 'healthCheck')).map((r) => (r.status === 'failing' ? { ...r, status: 'degraded' as const } : r)),
    ...reasonsOf(dns.resources.filter((r) => r.kind === 'recordSet'))
      .filter((r) => r.code === 'record.outOfAnswers' && r.params.cause !== 'healthCheck')
      .map((r) => ({ ...r, status: 'degraded' as const })),
    ...dns.names,
  ];
  // Scaling alarms that are not in ALARM are not worth a line on the tile.
  const alarmReasons = reasonsOf(alarms.resources).filter((r) => r.code !== 'alarm.scaling' || r.params.state === 'ALARM');
  const alarmStatus: HealthStatus = alarms.counts.inAlarm! > 0 ? 'degraded' : alarms.allInsufficient ? 'unknown' : 'ok';

  const services: ServiceHealth[] = [
    serviceVerdict('elbv2', input, input.inventory.loadBalancers.length, lb.counts, reasonsOf(lb.resources)),
    serviceVerdict('autoscaling', input, input.inventory.autoScalingGroups.length, asg.counts, reasonsOf(asg.resources)),
    serviceVerdict('route53', input, input.inventory.hostedZones.length, dns.counts, dnsReasons),
    serviceVerdict('rds', input, input.inventory.dbInstances.length, rds.counts, reasonsOf(rds.resources)),
    serviceVerdict('lambda', input, input.inventory.lambdaFunctions.length, fn.counts, [...reasonsOf(fn.resources), ...fn.account]),
    serviceVerdict(
      'cloudwatch',
      input,
      input.inventory.alarms.length,
      alarms.counts,
      alarmReasons.map((r) => (r.code === 'alarm.insufficientData' ? { ...r, status: 'ok' as const } : r)),
      alarmStatus,
    ),
  ];
  return {
    evaluatedAt: new Date(input.now).toISOString(),
    services,
    resources: [...lb.resources, ...asg.resources, ...dns.resources, ...rds.resources, ...fn.resources, ...alarms.resources],
    thresholds: input.thresholds,
  };
}
