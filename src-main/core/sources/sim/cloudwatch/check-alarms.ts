/**
 * Load-time warnings for alarms the simulator would leave INSUFFICIENT_DATA for ever: metric-math
 * alarms with a function or form it does not evaluate (named), and alarms on metrics it never
 * publishes (namespace, name and dimensions named; docs/metrics.md lists what it publishes). Warnings,
 * not errors: the alarm exists and the rest of the stack runs (issue: a template must not fail for it).
 */
import type { LoadedResource } from '../scenario/loaded-resource';
import type { PathSegment } from '../scenario/diagnostics';
import type { AlarmProperties } from './alarm-resource-type';
import { compileAlarm } from './math-alarm';
import { unpublishedReason } from './published-metrics';

type Warn = (severity: 'warning', path: PathSegment[], message: string) => void;

function describeMetric(namespace: string, metricName: string, dimensions: readonly { Name: string; Value: unknown }[] = []): string {
  const dims = dimensions.map((d) => `${d.Name}=${String(d.Value)}`).join(', ');
  return `${namespace} ${metricName}${dims ? ` {${dims}}` : ''}`;
}

export function checkAlarmResources(resources: readonly LoadedResource[], report: Warn): void {
  for (const resource of resources) {
    if (resource.type !== 'AWS::CloudWatch::Alarm') continue;
    const p = resource.properties as unknown as AlarmProperties;
    const path: PathSegment[] = ['Resources', resource.logicalId, 'Properties'];
    const name = resource.identity.name;
    const stays = `alarm ${name} stays INSUFFICIENT_DATA in the simulator`;
    const math = compileAlarm(p);
    if (math?.unsupported && !p.Metrics) report('warning', [...path, 'ComparisonOperator'], `${stays}: it cannot evaluate ${math.unsupported}`);
    if (p.Metrics) {
      if (math?.unsupported) report('warning', [...path, 'Metrics'], `${stays}: it cannot evaluate ${math.unsupported} (supported: arithmetic, comparisons, AND/OR/NOT, SUM, AVG, MIN, MAX, METRICS(), IF, FILL, ABS, CEIL, FLOOR, PERIOD)`);
      p.Metrics.forEach((query, index) => {
        const metric = query.MetricStat?.Metric;
        if (!metric) return;
        const why = unpublishedReason(metric.Namespace, metric.MetricName, (metric.Dimensions ?? []).map((d) => d.Name));
        if (why) report('warning', [...path, 'Metrics', index, 'MetricStat', 'Metric'], `alarm ${name} reads ${describeMetric(metric.Namespace, metric.MetricName, metric.Dimensions)}: ${why}; that query has no datapoints (docs/metrics.md)`);
      });
    } else if (p.Namespace !== undefined && p.MetricName !== undefined) {
      const why = unpublishedReason(p.Namespace, p.MetricName, (p.Dimensions ?? []).map((d) => d.Name));
      if (why) report('warning', [...path, 'MetricName'], `${stays}: it watches ${describeMetric(p.Namespace, p.MetricName, p.Dimensions)}, and ${why} (docs/metrics.md)`);
    }
  }
}
