/**
 * What the capacity chart draws for one Auto Scaling group, as CloudWatch names it:
 * AWS/AutoScaling GroupDesiredCapacity and GroupInServiceInstances (group metrics, Average), and
 * AWS/EC2 CPUUtilization aggregated by AutoScalingGroupName (Average) — the metric the target
 * tracking policy follows. docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-metrics.html
 */
import type { ECOption, ChartTheme } from '@/composables/use-chart';
import type { MetricQuery } from '@/utils/metric-key';
import { formatUtc } from '@/utils/time';

export const CAPACITY_SERIES = ['desired', 'inService', 'cpu'] as const;
export type CapacitySeriesId = (typeof CAPACITY_SERIES)[number];

export function capacityQueries(groupName: string): Record<CapacitySeriesId, MetricQuery> {
  const dimensions = { AutoScalingGroupName: groupName };
  return {
    desired: { namespace: 'AWS/AutoScaling', metricName: 'GroupDesiredCapacity', dimensions, stat: 'Average' },
    inService: { namespace: 'AWS/AutoScaling', metricName: 'GroupInServiceInstances', dimensions, stat: 'Average' },
    cpu: { namespace: 'AWS/EC2', metricName: 'CPUUtilization', dimensions, stat: 'Average' },
  };
}

export interface CapacityLabels {
  desired: string;
  inService: string;
  cpu: string;
  capacityAxis: string;
  cpuAxis: string;
}

export type CapacityData = Record<CapacitySeriesId, [number, number][]>;

const PALETTES: Record<ChartTheme, Record<CapacitySeriesId | 'text' | 'grid', string>> = {
  light: { desired: '#1f6feb', inService: '#1a7f37', cpu: '#d1660f', text: '#57606a', grid: '#e4e7eb' },
  dark: { desired: '#58a6ff', inService: '#3fb950', cpu: '#f0883e', text: '#9aa4af', grid: '#2d333b' },
};

export function buildCapacityOption(labels: CapacityLabels, data: CapacityData, theme: ChartTheme): ECOption {
  const colors = PALETTES[theme];
  const axisLabel = { color: colors.text };
  const splitLine = { lineStyle: { color: colors.grid } };
  return {
    // Operators read these next to CloudWatch and activity times, which are UTC.
    useUTC: true,
    animation: false,
    backgroundColor: 'transparent',
    color: [colors.desired, colors.inService, colors.cpu],
    grid: { left: 44, right: 48, top: 44, bottom: 28 },
    // Centred, so it clears the axis names at the top corners.
    legend: { top: 0, left: 'center', icon: 'roundRect', itemWidth: 14, itemHeight: 4, textStyle: { color: colors.text } },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'line' },
      valueFormatter: (value) => (typeof value === 'number' ? String(Math.round(value * 10) / 10) : String(value ?? '')),
    },
    dataZoom: [{ type: 'inside', filterMode: 'none' }],
    xAxis: {
      type: 'time',
      axisLabel: { ...axisLabel, hideOverlap: true },
      axisPointer: { label: { formatter: ({ value }) => `${formatUtc(Number(value))} UTC` } },
      splitLine: { show: false },
    },
    yAxis: [
      {
        type: 'value',
        name: labels.capacityAxis,
        min: 0,
        // One instance of headroom, so a group at its peak is not drawn on the frame.
        max: (extent: { max: number }) => Math.max(1, Math.ceil(extent.max) + 1),
        minInterval: 1,
        axisLabel,
        nameTextStyle: axisLabel,
        splitLine,
      },
      {
        type: 'value',
        name: labels.cpuAxis,
        min: 0,
        max: 100,
        interval: 25,
        axisLabel: { ...axisLabel, formatter: '{value} %' },
        nameTextStyle: axisLabel,
        splitLine: { show: false },
      },
    ],
    series: [
      // A datapoint is the period's start and holds for the period, hence steps that end at the next point.
      { id: 'desired', name: labels.desired, type: 'line', step: 'end', yAxisIndex: 0, showSymbol: false, lineStyle: { width: 2 }, data: data.desired },
      { id: 'inService', name: labels.inService, type: 'line', step: 'end', yAxisIndex: 0, showSymbol: false, lineStyle: { width: 2, type: 'dashed' }, data: data.inService },
      { id: 'cpu', name: labels.cpu, type: 'line', yAxisIndex: 1, showSymbol: false, lineStyle: { width: 1 }, areaStyle: { opacity: 0.12 }, data: data.cpu },
    ],
  };
}
