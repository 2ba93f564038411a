/** CSV export of chart data: one row per timestamp, one column per series (RFC 4180 quoting). */
import { formatUtc } from './time';

export interface CsvSeries {
  name: string;
  /** [epoch ms, value] in time order. */
  points: readonly [number, number][];
}

function quote(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function seriesToCsv(series: readonly CsvSeries[], timeHeader = 'time_utc'): string {
  const times = new Set<number>();
  for (const s of series) for (const [time] of s.points) times.add(time);
  const sorted = [...times].sort((a, b) => a - b);
  const lookups = series.map((s) => new Map(s.points.map(([time, value]) => [time, value])));
  const lines = [[timeHeader, ...series.map((s) => s.name)].map(quote).join(',')];
  for (const time of sorted) {
    lines.push([formatUtc(time), ...lookups.map((lookup) => (lookup.has(time) ? String(lookup.get(time)) : ''))].map(quote).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Saves text or a data URL as a file through a temporary link (works in Electron and browsers). */
export function downloadFile(fileName: string, content: string, type = 'text/csv'): void {
  const href = content.startsWith('data:') ? content : URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  if (!content.startsWith('data:')) setTimeout(() => URL.revokeObjectURL(href), 0);
}

/** A file name that survives every OS: letters, digits, dashes. */
export function safeFileName(name: string): string {
  // Letters and digits of any script stay (Korean chart titles must not all collapse to "chart").
  return name.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'chart';
}

/** `20261120T1400Z`: sortable, no characters file systems refuse. */
function compactUtc(time: number): string {
  return new Date(time).toISOString().slice(0, 16).replace(/[-:]/g, '') + 'Z';
}

/**
 * An exported chart's file name says which view, resource and chart, and which time range, so ten
 * exports of "Capacity" from ten groups do not overwrite each other:
 * `auto-scaling_web-asg_Capacity_20261120T1300Z-20261120T1400Z.png`.
 */
export function chartFileName(parts: { view?: string; subject?: string; title: string; from: number; to: number }, extension: 'png' | 'csv'): string {
  const words = [parts.view, parts.subject, parts.title].filter((part): part is string => Boolean(part)).map(safeFileName);
  return `${words.join('_')}_${compactUtc(parts.from)}-${compactUtc(parts.to)}.${extension}`;
}
