/**
 * Metric-math alarms (`Metrics:` on AWS::CloudWatch::Alarm): the queries compiled at load, and the
 * hook the alarm service calls to evaluate the returned expression over the metric store, period by
 * period, for the alarm's evaluation range. The language itself is in core/metrics/metric-math.ts.
 * docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Create_Metric_Math_Alarm.html
 */
import type { MetricStat } from '../../../contract/model';
import { asSingleSeries, evaluateQuery, functionsUsed, MetricMathError, parseExpression, SUPPORTED_FUNCTIONS, type MathQuery } from '../../../metrics/metric-math';
import { BAND_OPERATORS, type AlarmProperties, type MetricDataQueryInput } from './alarm-resource-type';
import type { Dimensions, MetricSeriesData, MetricStore } from './metric-store';

export interface MathMetric {
  namespace: string;
  metricName: string;
  dimensions: Dimensions;
  stat: MetricStat;
}

export interface AlarmMath {
  queries: { id: string; expression?: string; metric?: MathMetric }[];
  /** The query whose result the alarm compares with its threshold. */
  returnId: string;
  /** Why the simulator cannot evaluate it (the alarm then stays INSUFFICIENT_DATA); undefined when it can. */
  unsupported?: string;
}

const STATS: readonly string[] = ['Average', 'Sum', 'Minimum', 'Maximum', 'SampleCount', 'p50', 'p90', 'p99'];

/** Compiles an alarm's queries; never throws — what cannot be evaluated lands in `unsupported`. */
export function compileAlarmMath(queries: readonly MetricDataQueryInput[], thresholdMetricId?: string): AlarmMath {
  const compiled: AlarmMath['queries'] = [];
  const problems: string[] = [];
  for (const query of queries) {
    if (query.MetricStat) {
      const { Metric, Stat } = query.MetricStat;
      if (!STATS.includes(Stat)) problems.push(`statistic ${Stat} of ${query.Id} (the simulator has ${STATS.join(', ')})`);
      compiled.push({
        id: query.Id,
        metric: {
          namespace: Metric.Namespace,
          metricName: Metric.MetricName,
          dimensions: Object.fromEntries((Metric.Dimensions ?? []).map((d) => [d.Name, String(d.Value)])),
          stat: (STATS.includes(Stat) ? Stat : 'Average') as MetricStat,
        },
      });
    } else if (query.Expression !== undefined) {
      try {
        const unsupported = functionsUsed(parseExpression(query.Expression)).filter((name) => !SUPPORTED_FUNCTIONS.has(name));
        if (unsupported.length > 0) problems.push(`function${unsupported.length > 1 ? 's' : ''} ${unsupported.join(', ')} in ${query.Id}`);
      } catch (error) {
        if (!(error instanceof MetricMathError)) throw error;
        problems.push(`the expression of ${query.Id} (${error.message})`);
      }
      compiled.push({ id: query.Id, expression: query.Expression });
    }
  }
  // Exactly one query returns data (PutMetricAlarm; besides an anomaly band's, ThresholdMetricId); an
  // unmarked query returns data by default.
  const returning = queries.filter((q) => q.ReturnData !== false && q.Id !== thresholdMetricId);
  const returnId = returning.length === 1 ? returning[0]!.Id : (queries.find((q) => q.ReturnData === true)?.Id ?? queries[queries.length - 1]?.Id ?? '');
  if (returning.length !== 1) problems.push(`which query the alarm watches: ${returning.length} queries return data, exactly one must (set ReturnData: false on the others)`);
  const math: AlarmMath = { queries: compiled, returnId };
  if (problems.length === 0) {
    // A dry run on made-up data finds what parsing cannot: unknown ids, cycles, arity, an array result.
    try {
      asSingleSeries(evaluateQuery(toMathQueries(math), returnId, { length: 2, fetch: () => [1, 1] }), 2);
    } catch (error) {
      if (!(error instanceof MetricMathError)) throw error;
      problems.push(`the expression of ${returnId} (${error.message})`);
    }
  }
  return problems.length > 0 ? { ...math, unsupported: problems.join('; ') } : math;
}

/**
 * What the simulator cannot evaluate about an alarm as a whole, beyond its expressions: undefined when
 * it can. Anomaly-detection bands (ThresholdMetricId) are not modelled.
 */
export function compileAlarm(p: AlarmProperties): AlarmMath | undefined {
  const math = p.Metrics ? compileAlarmMath(p.Metrics, p.ThresholdMetricId) : undefined;
  if (!(BAND_OPERATORS as readonly string[]).includes(p.ComparisonOperator)) return math;
  const band = `the anomaly detection band comparison ${p.ComparisonOperator}`;
  const base = math ?? { queries: [], returnId: '' };
  return { ...base, unsupported: base.unsupported ? `${band}; ${base.unsupported}` : band };
}

function toMathQueries(math: AlarmMath): MathQuery[] {
  return math.queries.map((q) => (q.metric ? { id: q.id, metric: true } : { id: q.id, expression: q.expression }));
}

/** What evaluateAlarm reads: a stored series, or a math expression's values shaped like one. */
export type AlarmSeries = Pick<MetricSeriesData, 'aggregate' | 'aggregateRange'>;

/**
 * The hook for alarm evaluation: the returned expression's value for each of the `count` periods that
 * end at `end`, exposed like a stored series (`aggregate(start)`), so evaluateAlarm needs no change.
 * Scalar functions (AVG(m1) …) range over these periods — the alarm's evaluation range.
 */
export function mathSeries(math: AlarmMath, store: MetricStore, end: number, period: number, count: number): AlarmSeries {
  const starts = Array.from({ length: count }, (_, i) => end - (count - i) * period);
  const byId = new Map(math.queries.map((q) => [q.id, q]));
  let values: (number | undefined)[];
  try {
    const value = evaluateQuery(toMathQueries(math), math.returnId, {
      length: count,
      periodSeconds: period,
      fetch: (id) => {
        const metric = byId.get(id)?.metric;
        const series = metric ? store.get(metric.namespace, metric.metricName, metric.dimensions) : undefined;
        return starts.map((start) => series?.aggregate(start, period, metric!.stat));
      },
    });
    values = asSingleSeries(value, count);
  } catch (error) {
    if (!(error instanceof MetricMathError)) throw error;
    values = starts.map(() => undefined);
  }
  const at = (start: number) => values[starts.indexOf(start)];
  return {
    aggregate: at,
    // Newest first, as MetricSeriesData.aggregateRange gives them (evaluateAlarm reads the range at once).
    aggregateRange: (rangeEnd, rangePeriod, rangeCount) => Array.from({ length: rangeCount }, (_, k) => at(rangeEnd - (k + 1) * rangePeriod)),
  };
}
