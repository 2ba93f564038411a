/**
 * Load-time warnings for alarms the simulator would leave INSUFFICIENT_DATA for ever: metric-math
 * alarms with a function or form it does not evaluate (named), and alarms on metrics it never
 * publishes (namespace, name and dimensions named; docs/metrics.md lists what it publishes). Warnings,
 * not errors: the alarm exists and the rest of the stack runs (issue: a template must not fail for it).
 */
import type { LoadedResource } from '../scenario/loaded-resource';
import type { DiagnosticCode, PathSegment } from '../scenario/diagnostics';
import type { AlarmProperties } from './alarm-resource-type';
import { compileAlarm } from './math-alarm';
import { unpublished } from './published-metrics';

type Warn = (severity: 'warning', path: PathSegment[], message: string, detail?: DiagnosticCode) => void;

/** A reason's code and parameters inside a problem's (`reasonCode`, `reason.<name>`), as output.unavailable carries them. */
function withReason(params: Record<string, string | number>, reason: DiagnosticCode): Record<string, string | number> {
  return { ...params, reasonCode: reason.code, ...Object.fromEntries(Object.entries(reason.params ?? {}).map(([name, value]) => [`reason.${name}`, value])) };
}

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
    // What cannot be evaluated (`reason`) is still the English of math-alarm.ts.
    if (math?.unsupported && !p.Metrics) report('warning', [...path, 'ComparisonOperator'], `${stays}: it cannot evaluate ${math.unsupported}`, { code: 'alarm.cannotEvaluate', params: { alarm: name, reason: math.unsupported } });
    if (p.Metrics) {
      if (math?.unsupported) report('warning', [...path, 'Metrics'], `${stays}: it cannot evaluate ${math.unsupported} (supported: arithmetic, comparisons, AND/OR/NOT, SUM, AVG, MIN, MAX, METRICS(), IF, FILL, ABS, CEIL, FLOOR, PERIOD)`, { code: 'alarm.cannotEvaluateMetrics', params: { alarm: name, reason: math.unsupported } });
      p.Metrics.forEach((query, index) => {
        const metric = query.MetricStat?.Metric;
        if (!metric) return;
        const why = unpublished(metric.Namespace, metric.MetricName, (metric.Dimensions ?? []).map((d) => d.Name));
        const described = describeMetric(metric.Namespace, metric.MetricName, metric.Dimensions);
        if (why) report('warning', [...path, 'Metrics', index, 'MetricStat', 'Metric'], `alarm ${name} reads ${described}: ${why.text}; that query has no datapoints (docs/metrics.md)`, { code: 'alarm.queryUnpublished', params: withReason({ alarm: name, metric: described, reason: why.text }, why.detail) });
      });
    } else if (p.Namespace !== undefined && p.MetricName !== undefined) {
      const why = unpublished(p.Namespace, p.MetricName, (p.Dimensions ?? []).map((d) => d.Name));
      const described = describeMetric(p.Namespace, p.MetricName, p.Dimensions);
      if (why) report('warning', [...path, 'MetricName'], `${stays}: it watches ${described}, and ${why.text} (docs/metrics.md)`, { code: 'alarm.watchesUnpublished', params: withReason({ alarm: name, metric: described, reason: why.text }, why.detail) });
    }
  }
}
