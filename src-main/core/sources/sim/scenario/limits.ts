/**
 * Every bound a scenario is held to, in one place (docs/scenario-format.md, "Limits"). A bound is
 * AWS's own limit where AWS has one (the page is named), else what the simulator runs in a moment on
 * an ordinary machine (our choice, said so). A value outside is an error that says the limit.
 */
import { z } from 'zod';
import { problemParams } from '../../../coded-checks';

/** Scenario and template files (and a scenario's text sent by the window): 16 MiB. */
export const MAX_SCENARIO_BYTES = 16 * 1024 * 1024;
/** Problems listed for one load; the rest are counted in a last line. Our choice. */
export const MAX_DIAGNOSTICS = 1_000;

/**
 * Instances one Auto Scaling group may hold (MinSize, MaxSize, DesiredCapacity, scheduled and
 * operator capacities). AWS sets no per-group maximum below the account's EC2 quotas; 10,000 is our
 * choice: a group that size loads and boots in well under a second.
 */
export const MAX_GROUP_INSTANCES = 10_000;
/** The sum over groups of the largest size each can reach (MaxSize, or a scheduled action's larger one). Our choice. */
export const MAX_SCENARIO_INSTANCES = 20_000;
/** as-account-limits.html: Auto Scaling groups per Region (default quota). */
export const MAX_AUTO_SCALING_GROUPS = 500;
/** as-account-limits.html: scaling policies per group, scheduled actions per group, step adjustments per policy, target groups per group. */
export const MAX_POLICIES_PER_GROUP = 50;
export const MAX_SCHEDULED_ACTIONS_PER_GROUP = 125;
export const MAX_STEP_ADJUSTMENTS = 20;
export const MAX_TARGET_GROUPS_PER_GROUP = 50;

/** Requests per second of one client population (and any point of its curve). Our choice. */
export const MAX_RATE = 1_000_000;
/** Points of one `Rate: { Points: … }` curve (each tick walks them). Our choice. */
export const MAX_RATE_POINTS = 1_000;
/** Values of one `Steps` curve: seven days at one minute (a twin's recorded history; each tick indexes it). */
export const MAX_RATE_STEPS = 10_080;
/** Client populations in Traffic, and request classes in one population's Requests. Our choice. */
export const MAX_TRAFFIC_POPULATIONS = 1_000;
export const MAX_REQUEST_CLASSES = 100;
/**
 * Request classes (Requests, Keys; a population without either is one) summed over Traffic. Each
 * costs about what an instance does per simulated hour; 570 populations of 100 classes (57,000,
 * each within the bounds above) held the host for 66–91 s while its lead-in ran (hostile-input
 * review). 10,000 is our choice: ten times scale-1000's traffic, a lead-in of about two seconds.
 */
export const MAX_TOTAL_REQUEST_CLASSES = 10_000;
/** CIDR blocks in one population's ClientIps. Our choice. */
export const MAX_CLIENT_IP_BLOCKS = 50;
/** Relative weight of a request class (Share). Our choice. */
export const MAX_SHARE = 1_000_000;
/** CPU time one request may cost: 60 s, the ALB's default idle timeout (our choice). */
export const MAX_CPU_PER_REQUEST_SECONDS = 60;
/** Entries in Faults, and in Actions. Our choice. */
export const MAX_TIMED_ENTRIES = 10_000;
/** Offsets and durations in a scenario (At, Duration, Ramp, Spike, Points): one year of simulated time. Our choice. */
export const MAX_SCENARIO_SECONDS = 366 * 86_400;
/** Simulation.InstanceBootTime: one hour (our choice; real boots take a minute or two). */
export const MAX_BOOT_SECONDS = 3_600;
/** Simulation.Latency values, in milliseconds: one minute (our choice; real round trips are under 500 ms). */
export const MAX_LATENCY_MS = 60_000;
/** Simulation.StartTime between these (our choice: keeps every time well inside safe integers and time zone data). */
export const MIN_START_TIME = Date.UTC(2000, 0, 1);
export const MAX_START_TIME = Date.UTC(2100, 0, 1);
/** Metric values, thresholds and step bounds: finite and at most 1e15 in size (our choice; far beyond any simulated metric). */
export const MAX_METRIC_MAGNITUDE = 1e15;
/** Seconds for cooldowns, warmups and grace periods: one day (our choice; AWS documents none for most). */
export const MAX_DAY_SECONDS = 86_400;
/** Replica lag a fault may raise: seven days in seconds (our choice). */
export const MAX_REPLICA_LAG_SECONDS = 7 * 86_400;
/** Reserved concurrency a fault may set: the largest LambdaConcurrencyLimit. */
export const MAX_LAMBDA_CONCURRENCY = 100_000;

/**
 * `what must be between min and max (why); got value` — the limit is always in the message (the CLI's
 * English). The window's text comes from the issue's own bound (issue-codes.ts: value.numberAboveMaximum …).
 */
export function rangeMessage(what: string, min: number, max: number, why?: string) {
  return (issue: { input?: unknown }): string => `${what} must be between ${min} and ${max}${why ? ` (${why})` : ''}; got ${formatInput(issue.input)}`;
}

function formatInput(value: unknown): string {
  return typeof value === 'number' ? String(value) : JSON.stringify(value) ?? String(value);
}

/** A finite number within [min, max]; `integer` also requires a whole number. */
export function numberIn(what: string, min: number, max: number, options: { integer?: boolean; why?: string } = {}) {
  const message = rangeMessage(what, min, max, options.why);
  const bounded = z.number({ error: (issue) => `${what} must be a finite number; got ${formatInput(issue.input)}` }).min(min, { error: message }).max(max, { error: message });
  return options.integer ? bounded.refine(Number.isInteger, { error: (issue) => `${what} must be a whole number; got ${formatInput(issue.input)}`, params: problemParams('value.notAWholeNumber') }) : bounded;
}

/** A list of at most `max` entries, saying the limit. */
export function listOf<T extends z.ZodType>(what: string, item: T, max: number, why?: string) {
  return z.array(item).max(max, { error: (issue) => `${what} has ${Array.isArray(issue.input) ? issue.input.length : 'too many'} entries; at most ${max} are allowed${why ? ` (${why})` : ''}` });
}
