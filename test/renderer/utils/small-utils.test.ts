import { describe, expect, it } from 'vitest';
import { isSparse, markerOption } from '@/components/charts/metric-option';
import { seriesToCsv, safeFileName } from '@/utils/csv';
import { loadBalancerDimension, targetGroupDimension } from '@/utils/dimensions';
import { formatAge, staleness } from '@/utils/staleness';
import { fromUtcInput, presetLabel, resolveRange, toUtcInput } from '@/utils/time-range';

describe('time ranges', () => {
  it('end presets at the newest data and keep custom windows fixed', () => {
    expect(resolveRange({ kind: 'preset', minutes: 15 }, 1_000_000)).toEqual({ from: 100_000, to: 1_000_000 });
    expect(resolveRange({ kind: 'custom', from: 5, to: 2 }, 99)).toEqual({ from: 2, to: 5 });
    expect([15, 60, 1440].map((m) => presetLabel(m as 15))).toEqual(['15 m', '1 h', '24 h']);
    expect(fromUtcInput(toUtcInput(Date.UTC(2024, 0, 2, 3, 4)))).toBe(Date.UTC(2024, 0, 2, 3, 4));
  });
});

describe('CSV export', () => {
  it('writes one row per timestamp and one column per series, quoting where needed', () => {
    const csv = seriesToCsv([
      { name: 'Desired', points: [[0, 2], [60_000, 3]] },
      { name: 'CPU, average', points: [[60_000, 41.5]] },
    ]);
    expect(csv).toBe('time_utc,Desired,"CPU, average"\r\n1970-01-01 00:00:00,2,\r\n1970-01-01 00:01:00,3,41.5\r\n');
    expect(safeFileName('TargetResponseTime · ms')).toBe('TargetResponseTime-ms');
  });
});

describe('CloudWatch dimensions from ARNs', () => {
  it('match what AWS/ApplicationELB publishes', () => {
    expect(loadBalancerDimension('arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/shop-alb/50dc6c495c0c9188')).toBe('app/shop-alb/50dc6c495c0c9188');
    expect(targetGroupDimension('arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/web/73e2d6bc24d8a067')).toBe('targetgroup/web/73e2d6bc24d8a067');
  });
});

describe('staleness', () => {
  it('is stale past two refresh intervals, or when the source says so; never without ages', () => {
    const now = 1_000_000;
    expect(staleness({}, now).stale).toBe(false);
    // Core's limit per dataset (three of its intervals): Lambda, refreshed every 2 min, is fresh at
    // 3 min; with the window's old guess (two intervals of a 60 s preference) it turned stale at 2 min.
    expect(staleness({ lambda: { state: 'ok', fetchedAt: now - 180_000, intervalMs: 120_000, staleAfterMs: 360_000 } }, now).stale).toBe(false);
    expect(staleness({ elbv2: { state: 'ok', fetchedAt: now - 89_000, intervalMs: 30_000, staleAfterMs: 90_000 } }, now).stale).toBe(false);
    // No status reached the window for longer than core's limit: stale by age.
    expect(staleness({ elbv2: { state: 'ok', fetchedAt: now - 91_000, intervalMs: 30_000, staleAfterMs: 90_000 } }, now)).toMatchObject({ stale: true, services: ['elbv2'] });
    expect(staleness({ rds: { state: 'stale' } }, now).services).toEqual(['rds']);
    expect(staleness({ elbv2: { state: 'ok', fetchedAt: now - 500_000, staleAfterMs: 90_000 } }, now, ['rds']).stale).toBe(false);
    expect(formatAge(90_000)).toEqual({ value: 90, unit: 's' });
    expect(formatAge(600_000)).toEqual({ value: 10, unit: 'min' });
  });
});

describe('chart helpers', () => {
  it('call a series sparse when most periods between its points are missing', () => {
    expect(isSparse([])).toBe(false);
    expect(isSparse([[0, 1]])).toBe(true);
    expect(isSparse(Array.from({ length: 10 }, (_, i) => [i * 60, 1] as [number, number]))).toBe(false);
    expect(isSparse([[0, 1], [60, 1], [3600, 1], [7200, 1]])).toBe(true);
  });

  it('draw only the markers inside the window', () => {
    const option = markerOption(
      [
        { time: 10, kind: 'activity', label: 'in' },
        { time: 1000, kind: 'alarm', label: 'out' },
      ],
      'light',
      { from: 0, to: 100 },
    );
    expect(option.markLine.data.map((d) => d.xAxis)).toEqual([10]);
  });
});
