import { describe, expect, it } from 'vitest';
import { estimatePeriod, fillZeros, gapTimes, missingMeansZero, withBreaks, type Point } from '@/utils/missing-data';

const MIN = 60_000;
const at = (minute: number, value: number): Point => [minute * MIN, value];

describe('missing CloudWatch periods are never interpolated', () => {
  it('knows which counts CloudWatch omits when zero (ALB HTTPCode_*_Count, RequestCount; Sum only)', () => {
    expect(missingMeansZero({ namespace: 'AWS/ApplicationELB', metricName: 'HTTPCode_ELB_5XX_Count', stat: 'Sum', dimensions: {} })).toBe(true);
    expect(missingMeansZero({ namespace: 'AWS/ApplicationELB', metricName: 'RequestCount', stat: 'Sum', dimensions: {} })).toBe(true);
    expect(missingMeansZero({ namespace: 'AWS/ApplicationELB', metricName: 'TargetResponseTime', stat: 'p99', dimensions: {} })).toBe(false);
    expect(missingMeansZero({ namespace: 'AWS/EC2', metricName: 'CPUUtilization', stat: 'Average', dimensions: {} })).toBe(false);
  });

  it('draws a 5XX spike at start-up and an outage 30 minutes later as two spikes with zero between, not a diagonal', () => {
    const points = [at(0, 13_000), at(1, 200), at(31, 500), at(32, 900)];
    expect(fillZeros(points, MIN, 40 * MIN)).toEqual([at(0, 13_000), at(1, 200), at(2, 0), at(30, 0), at(31, 500), at(32, 900), at(33, 0), at(40, 0)]);
  });

  it('adds nothing where no period is missing, and nothing past the newest data of the chart', () => {
    const points = [at(0, 1), at(1, 2), at(2, 3)];
    expect(fillZeros(points, MIN, 2 * MIN)).toEqual(points);
    expect(fillZeros(points, MIN)).toEqual(points);
  });

  it('breaks other metrics at a gap, also after downsampling', () => {
    const raw = [at(0, 50), at(1, 55), at(20, 40), at(21, 45)];
    expect(estimatePeriod(raw)).toBe(MIN);
    const gaps = gapTimes(raw, MIN);
    expect(gaps).toEqual([1.5 * MIN]);
    expect(withBreaks(raw, gaps)).toEqual([at(0, 50), at(1, 55), [1.5 * MIN, null], at(20, 40), at(21, 45)]);
    // A downsampled list that kept only the ends of each stretch still breaks between them.
    expect(withBreaks([at(0, 50), at(21, 45)], gaps)).toEqual([at(0, 50), [1.5 * MIN, null], at(21, 45)]);
  });
});
