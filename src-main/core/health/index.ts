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

/** The dataset each kind of resource is read in (AWS mode's freshness is per dataset). */
const DATASET_OF: Record<ResourceHealth['kind'], HealthService> = {
  loadBalancer: 'elbv2',
  targetGroup: 'elbv2',
  autoScalingGroup: 'autoscaling',
  healthCheck: 'route53',
  recordSet: 'route53',
  dbInstance: 'rds',
  lambdaFunction: 'lambda',
  alarm: 'cloudwatch',
};

/**
 * Why a dataset's verdicts cannot be trusted now, or undefined when its data is current (always in
 * simulation). `last`: the verdict its last data gave, kept as context ("last seen healthy").
 * A stale dataset with an error is one whose refresh failed (polling/dataset-book.ts); without one
 * its last good read is just too old.
 */
function dataReason(service: HealthService, input: HealthInput, last?: HealthStatus): HealthReason | undefined {
  const status = input.datasets[service];
  if (!status || status.state === 'ok') return undefined;
  const context: HealthReason['params'] = {
    // The time of the last good read, not an age: an age would be as old as the last evaluation
    // (nothing is pushed while a source is down) and would change the report every minute.
    ...(status.fetchedAt !== undefined ? { since: new Date(status.fetchedAt).toISOString() } : {}),
    ...(last !== undefined ? { last } : {}),
  };
  if (status.state === 'stale') return reason('data.stale', 'unknown', '', { cause: status.error ? 'refreshFailed' : 'tooOld', ...context });
  return reason('data.missing', 'unknown', '', { state: status.state, ...context });
}

/**
 * A resource whose dataset is stale or could not be read is Unknown, never Healthy (docs/health.md):
 * its last verdict comes after the data reason, as what it last saw, not as what is true now.
 */
function onCurrentData(resources: readonly ResourceHealth[], input: HealthInput): ResourceHealth[] {
  return resources.map((r) => {
    // Its own data reason says it all: no second line for the metrics it could not judge either,
    // and what it last showed is judged without them.
    const context = r.reasons.filter((x) => x.code !== 'data.stale' && x.code !== 'metrics.waiting');
    const data = dataReason(DATASET_OF[r.kind], input, worstOf(context.map((x) => x.status)));
    if (!data) return r;
    return { ...r, status: 'unknown', reasons: [{ ...data, subject: r.name }, ...context] };
  });
}

/**
 * One service's verdict. `status` overrides the worst-of-resources rollup where the service reads
 * its resources differently (Route 53: a record out of answers is failover working; alarms).
 */
function serviceVerdict(service: HealthService, input: HealthInput, total: number, counts: Record<string, number>, reasons: HealthReason[], status?: HealthStatus): ServiceHealth {
  if (total === 0) {
    const data = dataReason(service, input);
    return { service, status: data ? 'unknown' : 'ok', total, counts, reasons: data ? [data] : [] };
  }
  const seen = new Set<string>();
  const merged: HealthReason[] = [];
  for (const r of reasons) {
    // One "waiting for metrics" / "stale" for the service rather than one per resource.
    const shared = r.code === 'metrics.waiting' || r.code === 'data.stale' || r.code === 'data.missing';
    const key = shared ? r.code : `${r.code}|${r.subject}|${JSON.stringify(r.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    merged.push(shared ? { ...r, subject: '' } : r);
  }
  const rolled = status ?? worstOf(merged.map((r) => r.status));
  // What the service last showed: its verdict without the staleness of the metrics it is judged on.
  const data = dataReason(service, input, status ?? worstOf(merged.filter((r) => r.code !== 'data.stale').map((r) => r.status)));
  // Missing or old data: Unknown, never Healthy, and never Degraded or Failing judged on what was
  // last seen; the data reason comes first (it also says the stale CloudWatch metrics: one line),
  // the last verdict's reasons after it.
  if (data) {
    const context = byConcern(merged.filter((r) => r.code !== 'data.stale' && r.code !== 'metrics.waiting'));
    return { service, status: 'unknown', total, counts, reasons: [data, ...context].slice(0, MAX_SERVICE_REASONS) };
  }
  return { service, status: rolled, total, counts, reasons: byConcern(merged).slice(0, MAX_SERVICE_REASONS) };
}

const reasonsOf = (resources: readonly ResourceHealth[]) => resources.flatMap((r) => r.reasons);

/**
 * The metric window's "CloudWatch data is stale" (metric-window.ts) with what the CloudWatch
 * dataset says: whether its refresh failed or is only old, and since when. Marked `scope: metrics`:
 * the resource's own data may be current.
 */
function withMetricsCause(resources: readonly ResourceHealth[], input: HealthInput): ResourceHealth[] {
  const metrics = dataReason('cloudwatch', input);
  if (metrics?.code !== 'data.stale') return [...resources];
  const params = { ...metrics.params, scope: 'metrics' };
  return resources.map((r) => (r.reasons.some((x) => x.code === 'data.stale') ? { ...r, reasons: r.reasons.map((x) => (x.code === 'data.stale' ? { ...x, params } : x)) } : r));
}

export function evaluateHealth(input: HealthInput): HealthReport {
  const window = new MetricWindow(input);
  const lb = { ...evaluateLoadBalancing(input, window) };
  lb.resources = withMetricsCause(lb.resources, input);
  const asg = evaluateAutoScaling(input);
  const dns = evaluateRoute53(input);
  const rds = evaluateRds(input);
  const fn = { ...evaluateLambda(input, window) };
  fn.resources = withMetricsCause(fn.resources, input);
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
    resources: onCurrentData([...lb.resources, ...asg.resources, ...dns.resources, ...rds.resources, ...fn.resources, ...alarms.resources], input),
    thresholds: input.thresholds,
  };
}
