/**
 * Route 53 health checks (R53-7), as pure state and a step function.
 * docs.aws.amazon.com/Route53/latest/DeveloperGuide/dns-failover-determining-health-of-endpoints.html
 *
 * - Health checkers in several regions (HealthCheckConfig.Regions, all eight by default) each probe
 *   the endpoint every RequestInterval seconds (30 by default, or 10), not in step with each other.
 * - A checker changes its view of the endpoint after FailureThreshold (default 3, 1–10) consecutive
 *   probes that disagree with its current view, failing or passing.
 * - "If more than 18% of health checkers report that an endpoint is healthy, Route 53 considers it
 *   healthy": 3 of 16 (18.75 %) is healthy, 2 of 16 (12.5 %) is not.
 * - Inverted flips the status; a Disabled health check is always healthy; a CALCULATED one is
 *   healthy while at least HealthThreshold of its children are (API_HealthCheckConfig.html).
 * - A new health check starts Healthy: Route 53 considers it healthy until it has data.
 *
 * AWS does not document how many checkers run per region; we use three (CHECKERS_PER_REGION), so
 * the default eight regions give 24 checkers and an endpoint needs 5 of them (20.8 %) to be healthy.
 * Each checker's first probe falls at a random moment of its first interval, counted from the first
 * step (drawn from the stream given to the step function). CLOUDWATCH_METRIC and RECOVERY_CONTROL checks are not simulated:
 * they stay Healthy, and the scenario loader warns about them.
 */
import type { TimelineText } from '../../../contract/model';
import type { Random } from '../kernel/random';
import { HEALTH_CHECKER_REGIONS } from './resource-types';

export const CHECKERS_PER_REGION = 3;
/** An endpoint is healthy when the share of checkers reporting it healthy is above this. */
export const HEALTHY_CHECKER_SHARE = 0.18;
export const DEFAULT_REQUEST_INTERVAL_SECONDS = 30;
export const DEFAULT_FAILURE_THRESHOLD = 3;
/** Transitions kept for the timeline (the newest); Route 53 itself shows recent ones only. */
export const MAX_TRANSITIONS = 5000;

export type HealthStatus = 'Healthy' | 'Unhealthy';

export interface HealthCheckDefinition {
  id: string;
  logicalId: string;
  type: 'HTTP' | 'HTTPS' | 'HTTP_STR_MATCH' | 'HTTPS_STR_MATCH' | 'TCP' | 'CALCULATED' | 'CLOUDWATCH_METRIC' | 'RECOVERY_CONTROL';
  fullyQualifiedDomainName?: string;
  ipAddress?: string;
  port?: number;
  resourcePath?: string;
  requestIntervalSeconds: number;
  failureThreshold: number;
  inverted: boolean;
  disabled: boolean;
  regions: string[];
  childHealthChecks: string[];
  healthThreshold?: number;
}

export interface Checker {
  region: string;
  /** 0 … CHECKERS_PER_REGION − 1 within its region. */
  index: number;
  healthy: boolean;
  /** Consecutive probes that disagreed with `healthy`. */
  streak: number;
  /** Undefined until the first step places the checker's first probe in its interval. */
  nextProbeAt?: number;
  /** What the last probe saw, in the words of GetHealthCheckStatus (`Success: HTTP Status Code 200, OK`). */
  lastReport?: string;
}

export interface HealthCheckState {
  definition: HealthCheckDefinition;
  status: HealthStatus;
  checkers: Checker[];
  /** Share of checkers reporting healthy, 0–100 (endpoint checks only). */
  checkersHealthyPercent?: number;
  /** Virtual time (ms) of the last status change. */
  lastChange?: number;
}

export interface HealthCheckTransition {
  /** Virtual time, epoch ms. */
  time: number;
  healthCheckId: string;
  logicalId: string;
  oldStatus: HealthStatus;
  newStatus: HealthStatus;
  reason: string;
  /** The reason as figures, for the translated timeline entry (the window words it, not core). */
  because: TransitionCause;
}

/** Why a health check changed: its checkers' share (endpoint checks) or its children (CALCULATED). */
export type TransitionCause =
  | { kind: 'checkers'; healthy: number; checkers: number; percent: number; lastFailure?: string; inverted: boolean }
  | { kind: 'children'; healthy: number; children: number; threshold: number; inverted: boolean };

/** A fault making every probe of a health check fail between two instants. */
export interface ForcedFailure {
  healthCheckId: string;
  fromMs: number;
  untilMs: number;
  reason: string;
}

export interface HealthChecksState {
  checks: HealthCheckState[];
  forced: ForcedFailure[];
  /** Oldest first, at most MAX_TRANSITIONS. */
  transitions: HealthCheckTransition[];
}

/** A failed probe with what GetHealthCheckStatus reports for it (an HTTP status, for instance). */
export interface ProbeFailure {
  report: string;
}

/**
 * Is the endpoint up as seen from this checker? The engine answers (an ALB's or an address's state);
 * false is a probe that got no answer in time (FAILURE_REPORT), a ProbeFailure one that got a failing answer.
 */
export type EndpointProbe = (check: HealthCheckDefinition, checker: { region: string; index: number }) => boolean | ProbeFailure;

export function isEndpointCheck(definition: HealthCheckDefinition): boolean {
  return definition.type !== 'CALCULATED' && definition.type !== 'CLOUDWATCH_METRIC' && definition.type !== 'RECOVERY_CONTROL';
}

/** More than 18 % of checkers must report healthy (R53-7). */
export function endpointHealthy(healthyCheckers: number, checkers: number): boolean {
  return checkers > 0 && healthyCheckers / checkers > HEALTHY_CHECKER_SHARE;
}

export function initialHealthChecks(definitions: readonly HealthCheckDefinition[]): HealthChecksState {
  return {
    checks: definitions.map((definition) => ({
      definition,
      status: 'Healthy',
      checkers: isEndpointCheck(definition) && !definition.disabled ? checkersFor(definition) : [],
      ...(isEndpointCheck(definition) && !definition.disabled ? { checkersHealthyPercent: 100 } : {}),
    })),
    forced: [],
    transitions: [],
  };
}

function checkersFor(definition: HealthCheckDefinition): Checker[] {
  const regions = definition.regions.length > 0 ? definition.regions : [...HEALTH_CHECKER_REGIONS];
  return regions.flatMap((region) => Array.from({ length: CHECKERS_PER_REGION }, (_, index) => ({ region, index, healthy: true, streak: 0 })));
}

/** Makes every probe of `healthCheckId` fail in [fromMs, untilMs) — the "fail a health check" fault. */
export function forceHealthCheckFailure(state: HealthChecksState, failure: ForcedFailure): HealthChecksState {
  return { ...state, forced: [...state.forced, failure] };
}

export function statusOf(state: HealthChecksState, healthCheckId: string): HealthStatus | undefined {
  return state.checks.find((c) => c.definition.id === healthCheckId)?.status;
}

function successReport(definition: HealthCheckDefinition): string {
  return definition.type === 'TCP' ? 'Success: TCP connection established' : 'Success: HTTP Status Code 200, OK';
}
const FAILURE_REPORT = 'Failure: Connection timed out. The endpoint or the internet connection is down, or requests are being blocked by your firewall.';

/**
 * Advances every health check to `nowMs`: runs each checker's probes that fall due, flips checkers
 * that reached FailureThreshold, recomputes statuses and records transitions. Returns a new state;
 * the input is not modified (only `random` advances).
 */
export function stepHealthChecks(state: HealthChecksState, nowMs: number, endpointUp: EndpointProbe, random: Random): { state: HealthChecksState; transitions: HealthCheckTransition[] } {
  const transitions: HealthCheckTransition[] = [];
  const forcedNow = (id: string) => state.forced.find((f) => f.healthCheckId === id && f.fromMs <= nowMs && nowMs < f.untilMs);
  const next: HealthCheckState[] = state.checks.map((check) => {
    const definition = check.definition;
    if (!isEndpointCheck(definition) || definition.disabled) return check;
    const intervalMs = definition.requestIntervalSeconds * 1000;
    const forced = forcedNow(definition.id);
    let lastFailure: string | undefined;
    const checkers = check.checkers.map((previous) => {
      const checker = { ...previous };
      // A checker's first probe falls somewhere in its first interval; checkers are not in step.
      checker.nextProbeAt ??= nowMs + Math.floor(random.next() * intervalMs);
      while (checker.nextProbeAt <= nowMs) {
        const answer = forced ? false : endpointUp(definition, { region: checker.region, index: checker.index });
        const up = answer === true;
        checker.lastReport = up ? successReport(definition) : forced ? `Failure: ${forced.reason}` : typeof answer === 'object' ? answer.report : FAILURE_REPORT;
        if (!up) lastFailure = `${checker.lastReport} (checker in ${checker.region})`;
        if (up === checker.healthy) checker.streak = 0;
        else if (++checker.streak >= definition.failureThreshold) {
          checker.healthy = up;
          checker.streak = 0;
        }
        checker.nextProbeAt += intervalMs;
      }
      return checker;
    });
    const healthyCount = checkers.filter((c) => c.healthy).length;
    const percent = Math.round((healthyCount / checkers.length) * 10_000) / 100;
    const computed: HealthStatus = endpointHealthy(healthyCount, checkers.length) ? 'Healthy' : 'Unhealthy';
    const status: HealthStatus = definition.inverted ? (computed === 'Healthy' ? 'Unhealthy' : 'Healthy') : computed;
    const updated: HealthCheckState = { ...check, checkers, checkersHealthyPercent: percent, status };
    if (status !== check.status) {
      updated.lastChange = nowMs;
      const share = `${healthyCount} of ${checkers.length} checkers (${percent}%) report the endpoint healthy, ${computed === 'Healthy' ? 'more than' : 'not more than'} 18%`;
      const why = computed === 'Unhealthy' && lastFailure ? `; last failure: ${lastFailure}` : '';
      transitions.push(
        transition(check, status, nowMs, `${share}${why}${definition.inverted ? ' (inverted)' : ''}`, {
          kind: 'checkers',
          healthy: healthyCount,
          checkers: checkers.length,
          percent,
          ...(computed === 'Unhealthy' && lastFailure ? { lastFailure } : {}),
          inverted: Boolean(definition.inverted),
        }),
      );
    }
    return updated;
  });

  // Calculated checks read their children's new statuses.
  const byId = new Map(next.map((c) => [c.definition.id, c]));
  const final = next.map((check) => {
    const definition = check.definition;
    if (definition.type !== 'CALCULATED' || definition.disabled) return check;
    const children = definition.childHealthChecks.map((id) => byId.get(id));
    const healthyChildren = children.filter((c) => c?.status === 'Healthy').length;
    const threshold = definition.healthThreshold ?? children.length;
    const computed: HealthStatus = healthyChildren >= threshold ? 'Healthy' : 'Unhealthy';
    const status: HealthStatus = definition.inverted ? (computed === 'Healthy' ? 'Unhealthy' : 'Healthy') : computed;
    if (status === check.status) return check;
    const reason = `${healthyChildren} of ${children.length} child health checks are healthy; HealthThreshold is ${threshold}${definition.inverted ? ' (inverted)' : ''}`;
    transitions.push(transition(check, status, nowMs, reason, { kind: 'children', healthy: healthyChildren, children: children.length, threshold, inverted: Boolean(definition.inverted) }));
    return { ...check, status, lastChange: nowMs };
  });

  const history = transitions.length > 0 ? [...state.transitions, ...transitions].slice(-MAX_TRANSITIONS) : state.transitions;
  const forced = state.forced.filter((f) => f.untilMs > nowMs);
  return { state: { checks: final, forced, transitions: history }, transitions };
}

/** A health check's change of status at `time`, with its reason in English and as figures. */
function transition(check: HealthCheckState, newStatus: HealthStatus, time: number, reason: string, because: TransitionCause): HealthCheckTransition {
  return { time, healthCheckId: check.definition.id, logicalId: check.definition.logicalId, oldStatus: check.status, newStatus, reason, because };
}

/** A transition as a timeline code + parameters (the message above stays, in English, for the CLI and reports). */
export function transitionText(t: HealthCheckTransition): TimelineText {
  const common = { check: t.logicalId, id: t.healthCheckId, status: t.newStatus, healthy: t.because.healthy, ...(t.because.inverted ? { inverted: 1 } : {}) };
  if (t.because.kind === 'children') return { code: 'healthCheck.children', params: { ...common, children: t.because.children, threshold: t.because.threshold } };
  return {
    code: 'healthCheck.checkers',
    params: { ...common, checkers: t.because.checkers, percent: t.because.percent, ...(t.because.lastFailure ? { lastFailure: t.because.lastFailure } : {}) },
  };
}
