/** The side-by-side table `flightdeck sim backtest` prints (English; `--json` has every figure and curve). */
import type { BacktestFigures, BacktestResult } from '../core/contract/model-backtest';

const ROWS: { key: keyof BacktestFigures; label: string; format: (value: number) => string }[] = [
  { key: 'instanceHours', label: 'instance-hours', format: (v) => v.toFixed(2) },
  { key: 'costUsd', label: 'cost (USD, On-Demand, illustrative)', format: (v) => v.toFixed(2) },
  { key: 'minutesAboveTarget', label: 'minutes above CPU target', format: (v) => String(Math.round(v)) },
  // Minutes with no datapoint count as not above target: shown beside, so a change that stops the instances cannot look better.
  { key: 'minutesWithoutCpuData', label: 'minutes without CPU data', format: (v) => String(Math.round(v)) },
  // What was answered: a change that makes the service unreachable serves nothing, however cheap it is.
  { key: 'requestsServed', label: 'requests served (2XX, 3XX)', format: (v) => String(Math.round(v)) },
  { key: 'requestsFailed', label: 'requests failed (4XX, 5XX)', format: (v) => String(Math.round(v)) },
  { key: 'http5xx', label: '5XX responses', format: (v) => String(Math.round(v)) },
  { key: 'p99LatencySeconds', label: 'p99 latency (ms)', format: (v) => (v * 1000).toFixed(1) },
  { key: 'worstMinuteP99Seconds', label: 'worst-minute p99 (ms)', format: (v) => (v * 1000).toFixed(1) },
  { key: 'scalingActivities', label: 'scaling activities', format: (v) => String(Math.round(v)) },
];

const OBSERVED_KEYS: Partial<Record<keyof BacktestFigures, 'instanceHours' | 'minutesAboveTarget'>> = { instanceHours: 'instanceHours', minutesAboveTarget: 'minutesAboveTarget' };

export function formatBacktestTable(result: BacktestResult): string {
  const withObserved = result.observed !== undefined;
  const header = ['', 'base', 'change', 'Δ', 'ratio', ...(withObserved ? ['observed'] : [])];
  const rows = ROWS.map(({ key, label, format }) => {
    const base = result.base[key];
    const changed = result.changed[key];
    const { delta, ratio } = result.delta[key] ?? { delta: null, ratio: null };
    const observedKey = OBSERVED_KEYS[key];
    const observed = observedKey && result.observed ? result.observed[observedKey] : null;
    return [
      label,
      base === null ? '–' : format(base),
      changed === null ? '–' : format(changed),
      delta === null ? '–' : `${delta > 0 ? '+' : ''}${format(delta)}`,
      ratio === null ? '–' : `×${ratio.toFixed(2)}`,
      ...(withObserved ? [observed === null || observed === undefined ? '–' : format(observed)] : []),
    ];
  });
  const table = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...table.map((row) => row[column]!.length)));
  const line = (row: string[]) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  const minutes = `${Math.floor(result.minutes / 60)}h${String(result.minutes % 60).padStart(2, '0')}m`;
  const out = [
    `backtest of ${result.scenario} (seed ${result.seed}) from ${result.startTime}, ${minutes} per run`,
    `change: ${result.changedPaths.join(', ')}`,
    // The warnings themselves went to stderr before the runs (onChangeWarnings), with file and line.
    ...(result.changeWarnings.length > 0 ? [`the change has ${result.changeWarnings.length} warning${result.changeWarnings.length === 1 ? '' : 's'} (printed above): read them before trusting the figures`] : []),
    '',
    line(table[0]!),
    ...table.slice(1).map(line),
    '',
    'per group (instance-hours base → change; minutes above its CPU threshold; minutes without a CPU datapoint):',
    ...result.groups.map(
      (group) =>
        `  ${group.name} [${group.instanceType.base}${group.instanceType.changed !== group.instanceType.base ? ` → ${group.instanceType.changed}` : ''}]: ${group.base.instanceHours.toFixed(2)} → ${group.changed.instanceHours.toFixed(2)} h; above ${group.cpuThreshold} % (${group.thresholdSource === 'targetTracking' ? 'its target' : 'stated threshold'}): ${group.base.minutesAboveTarget} → ${group.changed.minutesAboveTarget} min; without CPU data: ${group.base.minutesWithoutCpuData} → ${group.changed.minutesWithoutCpuData} min`,
    ),
  ];
  return `${out.join('\n')}\n`;
}
