/**
 * The time-range picker's model, shared by a view's charts: a preset ending at the newest data
 * ("last 1 h"), or a fixed custom window. The presets match CloudWatch's console; 24 h is also
 * what the renderer keeps (1,440 one-minute points per series).
 */
export const RANGE_PRESETS = [15, 60, 180, 720, 1440] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

export type TimeRange = { kind: 'preset'; minutes: RangePreset } | { kind: 'custom'; from: number; to: number };

export const DEFAULT_RANGE: TimeRange = { kind: 'preset', minutes: 60 };

/** The window in epoch ms; `latest` is the newest data time (virtual time in simulation). */
export function resolveRange(range: TimeRange, latest: number): { from: number; to: number } {
  if (range.kind === 'custom') return { from: Math.min(range.from, range.to), to: Math.max(range.from, range.to) };
  return { from: latest - range.minutes * 60_000, to: latest };
}

/** `1 h`, `15 m`, `24 h` — short labels that read the same in both languages. */
export function presetLabel(minutes: RangePreset): string {
  return minutes < 60 ? `${minutes} m` : `${minutes / 60} h`;
}

/** <input type="datetime-local"> value in UTC (the app shows every time in UTC). */
export function toUtcInput(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16);
}

export function fromUtcInput(value: string): number | undefined {
  const ms = Date.parse(`${value}:00Z`);
  return Number.isNaN(ms) ? undefined : ms;
}
