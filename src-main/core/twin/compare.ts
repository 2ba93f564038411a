/**
 * How close a twin comes to the account it copies (docs/twin.md): each recorded CPU, capacity,
 * latency and request series against the twin's own over the same periods, as a WAPE (fit-math.ts),
 * and "not enough data" rather than a figure below MIN_FIT_POINTS paired periods. The simulator's
 * load balancers and target groups have their own ids (`app/web/<hex>`), so series are matched by
 * namespace, metric, statistic and dimensions with the ids taken off (`app/web`).
 */
import type { MetricSeries } from '../contract/model-common';
import type { SeriesFit, TwinFit } from '../contract/model-twin';
import { MIN_FIT_POINTS, wape } from './fit-math';
import type { ObservedSeries, TwinInfo } from './twin-section';

const KINDS: { namespace: string; metricName: string; stat: string; kind: SeriesFit['kind']; dimension: string }[] = [
  { namespace: 'AWS/EC2', metricName: 'CPUUtilization', stat: 'Average', kind: 'cpu', dimension: 'AutoScalingGroupName' },
  { namespace: 'AWS/AutoScaling', metricName: 'GroupInServiceInstances', stat: 'Average', kind: 'capacity', dimension: 'AutoScalingGroupName' },
  { namespace: 'AWS/ApplicationELB', metricName: 'TargetResponseTime', stat: 'Average', kind: 'latency', dimension: 'LoadBalancer' },
  { namespace: 'AWS/ApplicationELB', metricName: 'RequestCount', stat: 'Sum', kind: 'requests', dimension: 'LoadBalancer' },
];

/** `app/web/50dc6c495c0c9188` → `app/web`; `targetgroup/tg/73e2…` → `targetgroup/tg`: names, not ids. */
function withoutIds(dimensions: Record<string, string>): string {
  return Object.entries(dimensions)
    .map(([k, v]) => [k, k === 'LoadBalancer' || k === 'TargetGroup' ? v.split('/').slice(0, 2).join('/') : v] as const)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

const resourceName = (dimensions: Record<string, string>, dimension: string) => {
  const value = dimensions[dimension] ?? '';
  return dimension === 'LoadBalancer' ? (value.split('/')[1] ?? value) : value;
};

/** The twin's values per recorded period (mean of its points for an Average, their sum for a Sum), only for periods it has fully run. */
function perPeriod(series: MetricSeries, observed: ObservedSeries, untilEpochSeconds: number): (number | null)[] {
  const start = Date.parse(observed.start) / 1000;
  const sums = new Array<number>(observed.values.length).fill(0);
  const counts = new Array<number>(observed.values.length).fill(0);
  for (const [t, v] of series.points) {
    const slot = Math.floor((t - start) / observed.periodSeconds);
    if (slot < 0 || slot >= observed.values.length) continue;
    sums[slot]! += v;
    counts[slot]! += 1;
  }
  return sums.map((sum, i) => {
    if (start + (i + 1) * observed.periodSeconds > untilEpochSeconds || counts[i] === 0) return null;
    return observed.stat === 'Sum' ? sum : sum / counts[i]!;
  });
}

export function compareWithRecording(twin: TwinInfo, simulated: readonly MetricSeries[], untilEpochSeconds: number): TwinFit {
  const byKey = new Map<string, MetricSeries>();
  for (const s of simulated) byKey.set(`${s.namespace}|${s.metricName}|${s.stat}|${withoutIds(s.dimensions)}`, s);
  const rows: SeriesFit[] = [];
  for (const kind of KINDS) {
    for (const observed of twin.observed) {
      if (observed.namespace !== kind.namespace || observed.metricName !== kind.metricName || observed.stat !== kind.stat) continue;
      if (Object.keys(observed.dimensions).join() !== kind.dimension) continue;
      const row = { kind: kind.kind, resource: resourceName(observed.dimensions, kind.dimension), namespace: kind.namespace, metricName: kind.metricName, stat: kind.stat };
      const twinSeries = byKey.get(`${kind.namespace}|${kind.metricName}|${kind.stat}|${withoutIds(observed.dimensions)}`);
      if (!twinSeries) {
        // Before the twin has run enough periods, a series it has not published yet is not a verdict on it.
        const periodsRun = Math.floor((untilEpochSeconds - Date.parse(observed.start) / 1000) / observed.periodSeconds);
        rows.push({ ...row, points: 0, error: null, verdict: periodsRun < MIN_FIT_POINTS ? 'notEnoughData' : 'notSimulated' });
        continue;
      }
      const twinValues = perPeriod(twinSeries, observed, untilEpochSeconds);
      const pairs: [number, number][] = [];
      observed.values.forEach((real, i) => {
        const value = twinValues[i];
        if (real !== null && value !== null && value !== undefined) pairs.push([value, real]);
      });
      const fit = wape(pairs);
      rows.push({ ...row, points: fit.points, error: fit.error === null ? null : Math.round(fit.error * 10_000) / 10_000, verdict: fit.error === null ? 'notEnoughData' : 'measured' });
    }
  }
  // A group whose capacity was not recorded (group metrics off) is said so, not left out.
  for (const cpu of rows.filter((r) => r.kind === 'cpu')) {
    if (!rows.some((r) => r.kind === 'capacity' && r.resource === cpu.resource)) {
      rows.push({ kind: 'capacity', resource: cpu.resource, namespace: 'AWS/AutoScaling', metricName: 'GroupInServiceInstances', stat: 'Average', points: 0, error: null, verdict: 'notRecorded' });
    }
  }
  return { method: 'wape', minPoints: MIN_FIT_POINTS, series: rows.slice(0, 2_000) };
}

/** One line per series, for `sim run` and `serve` on a terminal. */
export function formatFit(fit: TwinFit): string[] {
  return fit.series.map((s) => {
    const figure = s.verdict === 'measured' ? `${(s.error! * 100).toFixed(1)} % WAPE over ${s.points} periods` : s.verdict === 'notEnoughData' ? `not enough data (${s.points} of ${fit.minPoints} periods needed)` : s.verdict === 'notRecorded' ? 'not recorded in the account' : 'not simulated by the twin';
    return `${s.kind.padEnd(8)} ${s.resource}  ${s.namespace} ${s.metricName} (${s.stat}): ${figure}`;
  });
}
