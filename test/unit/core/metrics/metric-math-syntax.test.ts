/**
 * The syntax of metric math as the CloudWatch User Guide's "Using metric math" page describes it
 * (docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/using-metric-math.html, "Metric math syntax and
 * functions"): what an expression calls and refers to, and syntax errors that say what and where.
 * Operator precedence is tested through evaluation (metric-math.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { functionsUsed, idsUsed, MetricMathError, parseExpression } from '@main/core/metrics/metric-math-syntax';

describe('metric math parser (using-metric-math.html, syntax)', () => {
  it('names the functions used, upper-cased, and reports syntax errors with where', () => {
    expect(functionsUsed(parseExpression('IF(m1 > 0, 100 * m2 / m1, 0) + anomaly_detection_band(m1)'))).toEqual(['IF', 'ANOMALY_DETECTION_BAND']);
    expect(() => parseExpression('m1 +')).toThrow(MetricMathError);
    expect(() => parseExpression('(m1 + m2')).toThrow(/expected "\)" at the end/);
    expect(() => parseExpression('m1 $ 2')).toThrow(/unexpected character "\$" at character 4/);
    expect(() => parseExpression('x'.repeat(1025))).toThrow(/at most 1024/);
  });

  it('names the query ids an expression refers to, once each, in order of first use', () => {
    expect(idsUsed(parseExpression('SUM([m1, m2]) / m1 + FILL(e2, REPEAT)'))).toEqual(['m1', 'm2', 'e2']);
  });
});
