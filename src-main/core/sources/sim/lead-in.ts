/**
 * Warm start: how much history a live simulation opens with. The engine simulates the lead-in before
 * the scenario's StartTime, as fast as the CPU allows, before the first frame, so every chart has data
 * in the first second. The scenario's own timeline is untouched: its clock reads StartTime when the
 * app opens, Faults and Actions fire at their offsets from StartTime, and the history precedes it.
 *
 * Precedence: `--lead-in` on the command line, then Simulation.LeadIn in the file, then a default.
 * Live sessions default to {@link LIVE_LEAD_IN_SECONDS}; `sim run` defaults to 0 (a report covers the
 * scenario from its StartTime unless asked for history), see docs/scenario-format.md.
 */
import { requestClasses, type ScenarioModel } from './scenario/load-scenario';
import { parseDuration } from './kernel/duration';
import { isValidLeadIn, LEAD_IN_RULE } from './lead-in-rule';

/**
 * The renderer's default chart range is the last hour (DEFAULT_RANGE in src-renderer/src/utils/time-range.ts);
 * 15 minutes more keep the stack's launch (instances booting, the first ELB 5XX before any target is
 * healthy, target tracking settling) off the left edge of that first chart.
 */
export const LIVE_LEAD_IN_SECONDS = 75 * 60;

/**
 * A lead-in costs CPU in proportion to simulated instances × simulated time, and it blocks the host
 * while it runs (at start, and on a reset or scenario switch). The default is capped at this many
 * instance-hours: shop (6 instances) gets the full 75 minutes, scale-1000 (1,000) 15 minutes.
 * Measured on the shared 2-core machine (load ~18): shop 75 min 0.7–1.0 s CPU, scale-1000 15 min 0.43 s, 1 h 0.83 s.
 */
export const LEAD_IN_BUDGET_INSTANCE_HOURS = 250;

/** A live lead-in is never scaled below this: enough for a 15-minute chart. */
const MIN_SCALED_LEAD_IN_SECONDS = 15 * 60;

/** Instances the scenario's groups launch at the start (DesiredCapacity, else MinSize). */
export function initialInstances(scenario: ScenarioModel): number {
  let count = 0;
  for (const resource of scenario.resources) {
    if (resource.type !== 'AWS::AutoScaling::AutoScalingGroup') continue;
    const desired = Number(resource.properties.DesiredCapacity ?? resource.properties.MinSize ?? 0);
    if (Number.isFinite(desired) && desired > 0) count += desired;
  }
  return count;
}

/**
 * What a simulated hour of the scenario costs, in instance-hours: its instances, and its traffic's
 * request classes, each of which costs about as much (570 × 100 classes for 10 minutes: 8.6 s CPU;
 * scale-1000 for an hour: 0.83 s).
 */
export function leadInUnits(scenario: ScenarioModel): number {
  return initialInstances(scenario) + (scenario.traffic.length > 0 ? requestClasses(scenario.traffic) : 0);
}

/** The default lead-in of a live session: the chart range, scaled down for large scenarios (whole minutes). */
export function defaultLiveLeadInSeconds(scenario: ScenarioModel): number {
  const instances = leadInUnits(scenario);
  if (instances === 0) return LIVE_LEAD_IN_SECONDS;
  const affordable = (LEAD_IN_BUDGET_INSTANCE_HOURS * 3600) / instances;
  if (affordable >= LIVE_LEAD_IN_SECONDS) return LIVE_LEAD_IN_SECONDS;
  return Math.max(MIN_SCALED_LEAD_IN_SECONDS, Math.floor(affordable / 60) * 60);
}

/** A live session's lead-in: the command line's, else the file's, else the scaled default. */
export function liveLeadInSeconds(scenario: ScenarioModel, override?: number): number {
  return override ?? scenario.simulation.leadInSeconds ?? defaultLiveLeadInSeconds(scenario);
}

/** `--lead-in` as typed: a duration of whole minutes, 0–24 h; throws an Error saying what is wrong. */
export function parseLeadInOption(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const seconds = parseDuration(text);
  if (seconds === undefined || !isValidLeadIn(seconds)) throw new Error(`--lead-in "${text}": ${LEAD_IN_RULE}`);
  return seconds;
}
