/**
 * A web ACL's recent counts from AWS/WAFV2 (waf-metrics.html): per rule (its metric name), for the
 * default action (`Default_Action`) and for the whole web ACL (`ALL`), summed over the last few
 * one-minute periods the app holds. Pure: the caller passes the metric lookup.
 */
import type { WebAcl } from '@contract';
import type { MetricRingBuffer } from '@/utils/ring-buffer';
import type { MetricQuery } from '@/utils/metric-key';

export interface WafCounts {
  allowed: number;
  blocked: number;
  counted: number;
}

/** Periods summed: five minutes, the window the WAF console's overview starts from. */
export const WAF_COUNT_MINUTES = 5;
export const ALL_RULES = 'ALL';
export const DEFAULT_ACTION_RULE = 'Default_Action';

type Find = (query: MetricQuery) => MetricRingBuffer | undefined;

const WAF_METRIC_NAMES = ['AllowedRequests', 'BlockedRequests', 'CountedRequests'] as const;

const wafQuery = (acl: WebAcl, rule: string, metricName: string): MetricQuery => ({
  namespace: 'AWS/WAFV2',
  metricName,
  dimensions: { WebACL: acl.metricName, Rule: rule, Region: acl.region },
  stat: 'Sum',
});

/** The series a view showing these rules' counts reads: what it tells the host it shows (useLiveInterest). */
export function wafSeries(acl: WebAcl, rules: readonly string[]): MetricQuery[] {
  return rules.flatMap((rule) => WAF_METRIC_NAMES.map((metricName) => wafQuery(acl, rule, metricName)));
}

function buffers(find: Find, acl: WebAcl, rule: string) {
  const of = (metricName: string) => find(wafQuery(acl, rule, metricName));
  return { allowed: of('AllowedRequests'), blocked: of('BlockedRequests'), counted: of('CountedRequests') };
}

/** The newest period any of the web ACL's totals has (epoch seconds), or undefined before the first. */
export function latestPeriod(find: Find, acl: WebAcl): number | undefined {
  const times = Object.values(buffers(find, acl, ALL_RULES))
    .map((buffer) => buffer?.lastTime)
    .filter((time): time is number => time !== undefined);
  return times.length > 0 ? Math.max(...times) : undefined;
}

/** Sums of the periods from `latest - (minutes - 1) × 60` to `latest`; zero where nothing was published (WAF reports non-zero values only). */
export function wafCounts(find: Find, acl: WebAcl, rule: string, latest: number | undefined, minutes = WAF_COUNT_MINUTES): WafCounts {
  const from = latest === undefined ? Infinity : latest - (minutes - 1) * 60;
  const total = (buffer: MetricRingBuffer | undefined) => (buffer?.chartDataSince(from) ?? []).reduce((sum, [, value]) => sum + value, 0);
  const b = buffers(find, acl, rule);
  return { allowed: total(b.allowed), blocked: total(b.blocked), counted: total(b.counted) };
}

/** Blocked share of what the web ACL inspected, 0–1; undefined when it inspected nothing. */
export function blockedShare(counts: WafCounts): number | undefined {
  const inspected = counts.allowed + counts.blocked;
  return inspected > 0 ? counts.blocked / inspected : undefined;
}
