/**
 * Operators compare what they see with CloudWatch and the activity history, both in UTC; the app
 * shows every time in UTC with an explicit suffix rather than the machine's zone.
 */
const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** 2024-05-01 12:34:56 (UTC implied by the caller's label). */
export function formatUtc(time: number | string | Date): string {
  const date = time instanceof Date ? time : new Date(time);
  if (Number.isNaN(date.getTime())) return String(time);
  return (
    `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`
  );
}

/** 12:34 — axis labels and tooltips, where the date is rarely needed. */
export function formatUtcTime(time: number | string | Date): string {
  const date = time instanceof Date ? time : new Date(time);
  if (Number.isNaN(date.getTime())) return String(time);
  return `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
}

/** 1 d 02:03:04 — how long the simulation has been running in virtual time. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86_400);
  const rest = `${pad(Math.floor((total % 86_400) / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
  return days > 0 ? `${days} d ${rest}` : rest;
}
