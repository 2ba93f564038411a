/**
 * Recurrence of scheduled actions: the five-field Unix cron format (minute hour day-of-month month
 * day-of-week), in UTC unless the action names a TimeZone (ASG-7).
 * docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-scheduled-scaling.html#scheduled-scaling-recurring-schedules
 */

export interface CronSchedule {
  minutes: Set<number>;
  hours: Set<number>;
  daysOfMonth: Set<number>;
  months: Set<number>;
  daysOfWeek: Set<number>;
  /** Cron's rule: when both day fields are restricted, a day matching either one runs. */
  dayOfMonthRestricted: boolean;
  dayOfWeekRestricted: boolean;
}

/**
 * Why a Recurrence is refused, as data (issue 9: the window words it): which field, what is wrong with
 * which part, and the field's bounds. The message is the CLI's English.
 */
export class CronError extends Error {
  constructor(
    message: string,
    readonly problem: 'fieldCount' | 'notANumber' | 'badStep' | 'outOfRange',
    readonly part: string,
    readonly field?: CronField,
    readonly bounds?: { min: number; max: number },
  ) {
    super(message);
    this.name = 'CronError';
  }
}
export type CronField = 'minute' | 'hour' | 'day-of-month' | 'month' | 'day-of-week';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

function parseField(text: string, min: number, max: number, names: string[] = [], nameBase = 0): Set<number> {
  const values = new Set<number>();
  const value = (token: string): number => {
    const lower = token.toLowerCase();
    const named = names.indexOf(lower);
    const number = named >= 0 ? named + nameBase : Number(token);
    if (!Number.isInteger(number)) throw new CronError(`"${token}" is not a number`, 'notANumber', token);
    return number;
  };
  for (const part of text.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new CronError(`"${part}" has an invalid step`, 'badStep', part);
    let from: number;
    let to: number;
    if (range === '*') [from, to] = [min, max];
    else if (range!.includes('-')) {
      const [a, b] = range!.split('-');
      [from, to] = [value(a!), value(b!)];
    } else {
      from = value(range!);
      to = stepText === undefined ? from : max;
    }
    if (from < min || to > max || from > to) throw new CronError(`"${part}" is outside ${min}-${max}`, 'outOfRange', part, undefined, { min, max });
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return values;
}

/** Parses `0 15 * * FRI`; throws a CronError naming the bad field. */
export function parseCron(expression: string): CronSchedule {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) throw new CronError(`"${expression}" must have 5 fields: minute hour day-of-month month day-of-week`, 'fieldCount', expression);
  const [minute, hour, dom, month, dow] = fields as [string, string, string, string, string];
  const field = <T>(name: CronField, parse: () => T): T => {
    try {
      return parse();
    } catch (error) {
      if (!(error instanceof CronError)) throw error;
      throw new CronError(`${name} field: ${error.message}`, error.problem, error.part, name, error.bounds);
    }
  };
  const daysOfWeek = field('day-of-week', () => parseField(dow, 0, 7, DAYS));
  if (daysOfWeek.has(7)) daysOfWeek.add(0); // both 0 and 7 are Sunday
  return {
    minutes: field('minute', () => parseField(minute, 0, 59)),
    hours: field('hour', () => parseField(hour, 0, 23)),
    daysOfMonth: field('day-of-month', () => parseField(dom, 1, 31)),
    months: field('month', () => parseField(month, 1, 12, MONTHS, 1)),
    daysOfWeek,
    dayOfMonthRestricted: dom !== '*',
    dayOfWeekRestricted: dow !== '*',
  };
}

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Wall-clock fields of an instant in a time zone (IANA name); UTC without one. */
function wallTime(epochMs: number, timeZone?: string): WallTime {
  if (!timeZone || timeZone === 'UTC' || timeZone === 'Etc/UTC') {
    const d = new Date(epochMs);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), weekday: d.getUTCDay() };
  }
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', weekday: 'short' });
    formatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(epochMs).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: DAYS.indexOf(String(parts.weekday).toLowerCase().slice(0, 3)),
  };
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

function dayMatches(schedule: CronSchedule, t: WallTime): boolean {
  const dom = schedule.daysOfMonth.has(t.day);
  const dow = schedule.daysOfWeek.has(t.weekday);
  if (schedule.dayOfMonthRestricted && schedule.dayOfWeekRestricted) return dom || dow;
  return dom && dow;
}

/**
 * The first minute strictly after `afterMs` that matches, or undefined within a year. Steps a minute
 * at a time but skips whole hours and days that cannot match, so a yearly schedule costs little.
 */
export function nextCronTime(schedule: CronSchedule, afterMs: number, timeZone?: string): number | undefined {
  let t = Math.floor(afterMs / 60_000) * 60_000 + 60_000;
  const limit = afterMs + 366 * 86_400_000;
  while (t <= limit) {
    const wall = wallTime(t, timeZone);
    if (!schedule.months.has(wall.month) || !dayMatches(schedule, wall)) {
      t += ((23 - wall.hour) * 60 + (60 - wall.minute)) * 60_000; // to the next local midnight
      continue;
    }
    if (!schedule.hours.has(wall.hour)) {
      t += (60 - wall.minute) * 60_000;
      continue;
    }
    if (schedule.minutes.has(wall.minute)) return t;
    t += 60_000;
  }
  return undefined;
}
