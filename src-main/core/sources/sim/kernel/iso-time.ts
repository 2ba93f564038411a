/**
 * `new Date(epochMs).toISOString()`, the same characters, for the simulator's hot paths: every timeline
 * entry (thousands of target-health changes per simulated hour at 10,000 instances), every exported
 * scaling activity and every sampled access-log entry (one per target group and minute) wrote its time
 * through a Date object and its formatter (issue 15 item 6: ~2.5 % of a 10,000-instance run). Most times repeat (the entries of one tick share its instant; a run spans a few
 * days), so the last time and the last day's date part are remembered, and the time of day is written
 * from tables. Anything that is not a whole millisecond between 1970 and 9999 goes to Date itself.
 */

const DAY_MS = 86_400_000;
/** 10000-01-01T00:00:00.000Z: from there on toISOString writes an expanded year (+010000-…). */
const YEAR_10000_MS = 253_402_300_800_000;

/** '00' … '59' and '000' … '999'. */
const TWO_DIGITS: readonly string[] = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));
const THREE_DIGITS: readonly string[] = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));

let lastMs = NaN;
let lastText = '';
let lastDay = NaN;
/** `YYYY-MM-DDT` of lastDay. */
let lastDayText = '';

export function isoTime(epochMs: number): string {
  if (epochMs === lastMs) return lastText;
  if (!Number.isInteger(epochMs) || epochMs < 0 || epochMs >= YEAR_10000_MS) return new Date(epochMs).toISOString();
  const day = Math.floor(epochMs / DAY_MS);
  if (day !== lastDay) {
    lastDayText = new Date(day * DAY_MS).toISOString().slice(0, 11);
    lastDay = day;
  }
  const msOfDay = epochMs - day * DAY_MS;
  const seconds = Math.floor(msOfDay / 1000);
  const text = `${lastDayText}${TWO_DIGITS[Math.floor(seconds / 3600)]}:${TWO_DIGITS[Math.floor(seconds / 60) % 60]}:${TWO_DIGITS[seconds % 60]}.${THREE_DIGITS[msOfDay % 1000]}Z`;
  lastMs = epochMs;
  lastText = text;
  return text;
}
