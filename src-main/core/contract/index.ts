/**
 * The one contract between the renderer and the main process. Every request and every pushed event
 * is declared here once, with a zod schema; Electron IPC (preload + ipc.ts), the WebSocket bridge
 * (web mode) and the renderer's api.ts are thin adapters over it.
 *
 * Shared with the renderer: imports nothing but zod and ./model.
 */
import { z } from 'zod';
import { AccessLogEntry, AlarmHistoryItem, AsgInstance, InstanceCpu, OlderCursor, OlderEntries, OlderRequest, TargetHealthDescription, LiveSubscription, MetricSeries, RdsEvent, RunningFault, ScalingActivity, SessionInfo, SimClock, Snapshot, TimelineEvent, Update } from './model';
// ---- AWS mode: profiles, session, settings, actions, DNS traces (imports) ----
import { ActionOutcome, ControlAction, PreparedAction } from './model-actions';
import { ActionProgress, ProfileListing, SettingsResolve, SettingsUpdate, SettingsView, SsoLoginPrompt } from './model-aws';
import { ClientLocation, DnsTrace } from './model-dns';
import { FaultKind } from './model-sim-kinds';
// ---- audit log and protection changes (imports) ----
import { AuditPage, AuditQuery, AuditRecord, PreparedProtectionChange, ProtectionChange } from './model-audit';
import { HealthThresholds } from './model-health';
import { ScenarioNotice } from './model-scenario-notice';
import { ScenarioProblem } from './model-scenario-problem';
import { RequestProblem } from './model-request-problem';
// ---- simulation: what-if backtests (imports) ----
import { BacktestProgress, BacktestRequest, BacktestResult, MAX_BACKTEST_SECONDS, MAX_CHANGE_TEXT_CHARS } from './model-backtest';
import { TwinFit, TwinProgress } from './model-twin';
import { MAX_REQUEST_DEPTH, requestDepthProblem } from './request-depth';

export * from './model';
export * from './model-aws';
export * from './model-audit';
export * from './inventory-delta';
export * from './member-counts';
export * from './frame-parts';
export * from './model-scenario-notice';
export * from './model-scenario-problem';
export * from './model-request-problem';
export * from './model-backtest';

const Empty = z.object({}).strict();

/** The history of what a subscription added: its new series, the lists it adds whole, the new groups' instance CPU. */
export const LiveHistory = z.object({
  metrics: z.array(MetricSeries),
  scalingActivities: z.array(ScalingActivity).optional(),
  alarmHistory: z.array(AlarmHistoryItem).optional(),
  rdsEvents: z.array(RdsEvent).optional(),
  timeline: z.array(TimelineEvent).optional(),
  accessLog: z.array(AccessLogEntry).optional(),
  instanceCpu: InstanceCpu.optional(),
  /**
   * The members of the groups and target groups newly listed (contract/member-counts.ts), as the
   * inventory last pushed has them: they replace what the window's inventory holds for those.
   */
  members: z
    .object({
      instances: z.record(z.string().max(255), z.array(AsgInstance)).default({}),
      targets: z.record(z.string().max(2048), z.array(TargetHealthDescription)).default({}),
    })
    .optional(),
  /** Per list bounded by `newest`: how many entries older than those sent the host holds (for `live.older`). */
  older: OlderEntries.optional(),
});
export type LiveHistory = z.infer<typeof LiveHistory>;

/** A page of `live.older`: per list its entries (oldest first, as lists travel), and where the next page starts. */
export const OlderPage = z.object({
  scalingActivities: z.array(ScalingActivity).optional(),
  alarmHistory: z.array(AlarmHistoryItem).optional(),
  rdsEvents: z.array(RdsEvent).optional(),
  timeline: z.array(TimelineEvent).optional(),
  accessLog: z.array(AccessLogEntry).optional(),
  /** Per list asked for, how many older entries are still held after this page. */
  older: OlderEntries,
  /** Absent: nothing older is held. */
  next: OlderCursor.optional(),
});
export type OlderPage = z.infer<typeof OlderPage>;

/**
 * The most scenario text a window may send (sim.scenario.load): under the WebSocket frame limit, and
 * checked in the window against the file's size before it is read. Files on disk may be larger (16 MiB).
 */
export const MAX_SCENARIO_TEXT_CHARS = 2_000_000;
/** At most this many problems cross with one load (the loader lists at most 100 and a summary). */
export const MAX_SCENARIO_PROBLEMS = 200;

/** Parameter values sent with a file (200 parameters of up to 4,096 characters fit in a JSON file of this size). */
export const MAX_PARAMETERS_TEXT_CHARS = 1_000_000;

/** What an opened scenario sends: its text, its template's and the parameter values (checked in the window too). */
export function openedTextChars(request: { yaml: string; template?: { yaml: string }; parameters?: string }): number {
  return request.yaml.length + (request.template?.yaml.length ?? 0) + (request.parameters?.length ?? 0);
}

export const requests = {
  /** Which mode (simulation / AWS profile) the core is in. */
  'session.get': { request: Empty, response: SessionInfo },
  /** The full current picture; the renderer asks once per (re)connect, then follows `update` events. */
  'snapshot.get': { request: Empty, response: Snapshot },
  /**
   * Subscriptions per visible view (model-live.ts): from now on this window gets only these series,
   * lists and groups' instance CPU; the answer carries the history of what was added.
   */
  'live.subscribe': { request: LiveSubscription, response: LiveHistory },
  /**
   * Older entries of event lists, a page at a time (model-live.ts OlderCursor): a view that answers
   * with the newest only loads the rest when the operator scrolls back to it.
   */
  'live.older': { request: OlderRequest, response: OlderPage },
  /** Drive the simulator's virtual clock. */
  'sim.control': {
    request: z.discriminatedUnion('command', [
      z.object({ command: z.literal('pause') }).strict(),
      z.object({ command: z.literal('resume') }).strict(),
      z.object({ command: z.literal('step'), seconds: z.number().int().min(1).max(86_400) }).strict(),
      z.object({ command: z.literal('setSpeed'), speed: z.number().min(1).max(3600) }).strict(),
      /** Back to the scenario's start, same seed: the same run again. */
      z.object({ command: z.literal('reset') }).strict(),
    ]),
    response: SimClock,
  },

  /** A twin's fit to the recording it copies, over what has run so far (docs/twin.md); null when the scenario is no twin. */
  'sim.twin.fit': { request: Empty, response: TwinFit.nullable() },

  // ---- AWS mode: profiles, session, settings, actions, DNS traces ----
  /**
   * "Open as twin": export the connected account and its last `hours` of history as a twin scenario
   * (the file `flightdeck aws export` writes, kept in the settings folder), then switch to the
   * simulator running it. Read-only calls; the response is the simulator session.
   */
  'aws.twin.open': { request: z.object({ hours: z.number().int().min(1).max(744).default(24) }).strict(), response: z.object({ session: SessionInfo, file: z.string().max(4096), warnings: z.array(z.string().max(2000)).max(200) }) },
  /** Profiles from the shared config and credentials files (names, kinds, regions; never secrets). */
  'profiles.list': { request: Empty, response: ProfileListing },
  /** Switch to the simulator or to an AWS profile/region: new clients, nothing from the old identity kept. */
  'session.switch': {
    request: z.discriminatedUnion('mode', [
      z.object({ mode: z.literal('simulation') }).strict(),
      z
        .object({
          mode: z.literal('aws'),
          profile: z.string().min(1).max(200),
          region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'an AWS region such as eu-west-1').optional(),
        })
        .strict(),
    ]),
    response: SessionInfo,
  },
  /** Try the credentials again (after `aws sso login`, new keys, or with an MFA code). */
  'session.retry': { request: z.object({ mfaCode: z.string().regex(/^\d{6}$/, 'six digits').optional() }).strict(), response: SessionInfo },
  /** Start SSO device authorization for the active profile; `session.changed` follows when it completes. */
  'session.ssoLogin': { request: Empty, response: SsoLoginPrompt },
  'settings.get': { request: Empty, response: SettingsView },
  'settings.update': { request: SettingsUpdate, response: SettingsView },
  /** The operator's decision about a settings file that could not be used (see SettingsResolve). */
  'settings.resolve': { request: SettingsResolve, response: SettingsView },
  /** Health thresholds (Settings): the current ones; `set` replaces them (null: back to the defaults). */
  'health.thresholds.get': { request: Empty, response: HealthThresholds },
  'health.thresholds.set': {
    request: z
      .object({ thresholds: HealthThresholds.nullable() })
      .strict()
      .superRefine((value, ctx) => {
        const t = value.thresholds;
        if (!t) return;
        for (const [degraded, failing] of [
          ['http5xxDegradedPercent', 'http5xxFailingPercent'],
          ['lambdaErrorDegradedPercent', 'lambdaErrorFailingPercent'],
          ['lambdaThrottleDegradedPercent', 'lambdaThrottleFailingPercent'],
        ] as const) {
          if (t[degraded] > t[failing]) {
            // The window's code and parameters as coded-checks.ts valueProblemParams writes them (the
            // contract cannot import core): `field` and `value` are added where the issue is read.
            const params = { scenarioProblemCode: 'value.degradedAboveFailing', scenarioProblemExtra: { other: failing, otherValue: t[failing] } };
            ctx.addIssue({ code: 'custom', path: ['thresholds', degraded], message: `must not be above ${failing} (${t[failing]})`, params });
          }
        }
      }),
    response: HealthThresholds,
  },
  /** Step 1 of a control action: pre-flight checks, consequences and a short-lived single-use nonce. */
  'action.prepare': { request: z.object({ action: ControlAction }).strict(), response: PreparedAction },
  /** Step 2: run a prepared action; `confirmation` must equal PreparedAction.typedConfirmation when set. */
  'action.execute': {
    request: z.object({ nonce: z.string().min(1).max(200), confirmation: z.string().max(255).optional() }).strict(),
    response: ActionOutcome,
  },
  /** Trace how a name resolves: delegation path, competing records, the answer and why. */
  'dns.trace': {
    request: z
      .object({
        name: z.string().min(1).max(255),
        type: z.string().regex(/^[A-Z]{1,10}$/).default('A'),
        from: ClientLocation.default({}),
        repeat: z.number().int().min(1).max(10_000).optional(),
      })
      .strict(),
    response: DnsTrace,
  },

  // ---- audit log and protection changes ----
  /** The audit log, newest first, filtered and bounded (the Activity view). */
  'audit.list': { request: AuditQuery, response: AuditPage },
  /**
   * Step 1 of loosening a profile's protection (writable, or not production): a nonce and the
   * profile name to type. A plain `settings.update` that loosens is refused with ConfirmationRequired.
   */
  'settings.protection.prepare': { request: ProtectionChange, response: PreparedProtectionChange },
  /** Step 2: apply it; `confirmation` must be exactly the profile name. */
  'settings.protection.execute': {
    request: z.object({ nonce: z.string().min(1).max(200), confirmation: z.string().max(255) }).strict(),
    response: SettingsView,
  },

  /**
   * A desktop notification shown by the host (Electron's Notification in the desktop app; web mode
   * answers NotSupported and the renderer uses the browser's Notification API instead).
   */
  'notifications.show': {
    request: z.object({ title: z.string().min(1).max(200), body: z.string().max(1000), tag: z.string().max(200).optional() }).strict(),
    response: z.object({ shown: z.boolean() }),
  },

  // ---- simulation: scenarios and fault injection ----
  /** The bundled scenarios, for the scenario picker. */
  'sim.scenarios.list': {
    request: Empty,
    response: z.object({
      current: z.string(),
      scenarios: z.array(z.object({ name: z.string(), description: z.string().optional() })),
    }),
  },
  /**
   * Switch to another scenario: a bundled one by name, or a file's text the operator opened. A
   * scenario with errors is refused with every problem (path and line) and the current one keeps running.
   */
  'sim.scenario.load': {
    request: z.union([
      z.object({ name: z.string().regex(/^[a-z0-9-]+$/).max(64) }).strict(),
      z
        .object({
          fileName: z.string().min(1).max(255),
          yaml: z.string().max(MAX_SCENARIO_TEXT_CHARS),
          /** A CloudFormation template as the stack (as `--template`): the scenario brings Traffic, Imports …. */
          template: z.object({ fileName: z.string().min(1).max(255), yaml: z.string().max(MAX_SCENARIO_TEXT_CHARS) }).strict().optional(),
          /** Parameter values as `--parameters FILE` takes them: Key=Value lines or the AWS CLI's JSON shapes. */
          parameters: z.string().max(MAX_PARAMETERS_TEXT_CHARS).optional(),
          /** AWS::StackName (as `--stack-name`); default: the template's file name. */
          stackName: z.string().regex(/^[A-Za-z][A-Za-z0-9-]{0,127}$/).optional(),
        })
        .strict()
        // Together they travel in one WebSocket frame: the scenario limit holds for the sum.
        .refine((request) => openedTextChars(request) <= MAX_SCENARIO_TEXT_CHARS, { message: `a scenario, its template and parameter values together are at most ${MAX_SCENARIO_TEXT_CHARS} characters` }),
    ]),
    response: z.object({
      session: SessionInfo,
      warnings: z.array(z.string()),
      /** The same warnings as codes and parameters (a window says them in its language); `scenario.problem` carries the English text. */
      problems: z.array(ScenarioProblem).max(MAX_SCENARIO_PROBLEMS).optional(),
      // notices: what loading did for the operator (default Traffic), translated by the window.
      notices: z.array(ScenarioNotice).max(100).default([]),
    }),
  },
  /** The fault kinds and their parameters (JSON Schema per kind, AWS parameter names), for the fault menu. */
  'sim.faultKinds': {
    request: Empty,
    response: z.array(FaultKind),
  },
  /** Inject a fault now; with durationSeconds it is reverted after that long (virtual time). */
  'sim.fault.inject': {
    request: z
      .object({
        type: z.string().min(1).max(64),
        parameters: z.record(z.string().max(64), z.unknown()),
        durationSeconds: z.number().positive().max(7 * 86_400).optional(),
      })
      .strict(),
    response: TimelineEvent,
  },
  /** Faults still in effect that can be ended (not one-shot ones), oldest first. */
  'sim.faults.running': { request: Empty, response: z.array(RunningFault) },
  /** End a running fault now, as if its duration had run out. */
  'sim.fault.stop': { request: z.object({ id: z.string().min(1).max(64) }).strict(), response: TimelineEvent },

  // ---- simulation: what-if backtests (docs/backtest.md) ----
  /** An example change for the loaded scenario (a window prefills its editor with it) and a default duration. */
  'sim.backtest.example': {
    request: Empty,
    response: z.object({ change: z.string().max(MAX_CHANGE_TEXT_CHARS), durationSeconds: z.number().int().min(60).max(MAX_BACKTEST_SECONDS) }),
  },
  /**
   * Run the loaded scenario twice headless (unchanged, then with `change`) and compare; progress as
   * `sim.backtest.progress`. One at a time per host (Busy); refused changes carry `problems`; Cancelled
   * when `sim.backtest.cancel` stopped it. The live simulation keeps running meanwhile.
   */
  'sim.backtest.run': { request: BacktestRequest, response: BacktestResult },
  /** Stop the running backtest (its run answers Cancelled). */
  'sim.backtest.cancel': { request: Empty, response: z.object({ cancelled: z.boolean() }) },
} as const;

export const events = {
  update: Update,
  'session.changed': SessionInfo,
  // ---- AWS mode (events) ----
  /** A control action's progress until the resource settles. */
  'action.progress': ActionProgress,
  /** "Open as twin": each GetMetricData call of the history read (docs/twin.md). */
  'twin.progress': TwinProgress,
  // ---- audit log (events) ----
  /** A record was appended to the audit log (intent or outcome). */
  'audit.appended': AuditRecord,
  // ---- simulation: what-if backtests (events) ----
  /** How far the running backtest is (which run, 0..1). */
  'sim.backtest.progress': BacktestProgress,
} as const;

export type RequestChannel = keyof typeof requests;
export type EventChannel = keyof typeof events;
export type RequestOf<C extends RequestChannel> = z.infer<(typeof requests)[C]['request']>;
export type ResponseOf<C extends RequestChannel> = z.infer<(typeof requests)[C]['response']>;
export type EventOf<C extends EventChannel> = z.infer<(typeof events)[C]>;

export const requestChannels = Object.keys(requests) as RequestChannel[];
export const eventChannels = Object.keys(events) as EventChannel[];

export function isRequestChannel(value: unknown): value is RequestChannel {
  return typeof value === 'string' && Object.hasOwn(requests, value);
}
export function isEventChannel(value: unknown): value is EventChannel {
  return typeof value === 'string' && Object.hasOwn(events, value);
}

/** Errors cross the boundary as values, never as thrown exceptions with stacks. */
export const ErrorCode = z.enum([
  'UnknownChannel',
  'InvalidRequest',
  'NotSupported',
  'Unauthorized',
  'Internal',
  /** Web mode: over the per-connection request rate; retry shortly (src-main/web/limits.ts). */
  'RateLimited',
  /** The audit record could not be made durable, so the change was not made. */
  'AuditUnavailable',
  /** The change loosens a protection: it needs the prepare → typed confirmation → execute steps. */
  'ConfirmationRequired',
  /** Too many prepared confirmations are waiting: run or let some expire first. */
  'TooManyPending',
  /** The AWS session is not connected (credentials, network): fix it and Retry first. */
  'NotConnected',
  /** A call to AWS failed (denied, throttled, not found, unreachable …) after retries. */
  'AwsCallFailed',
  /** A file of Flightdeck's own (settings, health thresholds, the audit log for reading) could not be read, written or locked; nothing was changed. */
  'StorageUnavailable',
  /** A long request (a backtest) was stopped by its cancel request. */
  'Cancelled',
  /** Another one of this kind is still running (one backtest at a time): wait or cancel it. */
  'Busy',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ContractError = z.object({
  code: ErrorCode,
  message: z.string().max(4000),
  /** Where in the request the problem is, e.g. `speed` — from zod issue paths. */
  path: z.string().max(500).optional(),
  /** A refused scenario load's errors as codes and parameters (issue 9), so a window lists them in its language. */
  problems: z.array(ScenarioProblem).max(MAX_SCENARIO_PROBLEMS).optional(),
  /**
   * What went wrong as a code and parameters the window translates (model-request-problem.ts); the
   * English `message` stays for the CLI and logs, and for a window that has no words for the code.
   */
  problem: RequestProblem.optional(),
});
export type ContractError = z.infer<typeof ContractError>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ContractError };

export const ResultEnvelope = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: ContractError }),
]);

/** WebSocket frames (web mode). IPC uses ipcRenderer.invoke/send with the same payloads. */
export const ClientFrame = z.object({
  type: z.literal('request'),
  id: z.number().int().nonnegative(),
  channel: z.string().max(100),
  payload: z.unknown().optional(),
});
export type ClientFrame = z.infer<typeof ClientFrame>;

export const ServerFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('response'), id: z.number().int(), result: ResultEnvelope }),
  z.object({ type: z.literal('event'), channel: z.string(), payload: z.unknown().optional() }),
]);
export type ServerFrame = z.infer<typeof ServerFrame>;

/** Turns a zod failure into the message an operator reads: which field, what was wrong. */
export function describeZodError(error: z.ZodError): { message: string; path?: string } {
  const first = error.issues[0];
  if (!first) return { message: 'invalid value' };
  const path = first.path.map(String).join('.');
  return { message: path ? `${path}: ${first.message}` : first.message, path: path || undefined };
}

/** Validates an incoming request; the result says exactly what was wrong. */
export function parseRequest<C extends RequestChannel>(
  channel: C,
  payload: unknown,
): Result<RequestOf<C>> {
  // Before zod, which recurses: a payload nested thousands of levels would exhaust the stack.
  const tooDeep = requestDepthProblem(payload);
  if (tooDeep) {
    return {
      ok: false,
      error: {
        code: 'InvalidRequest',
        message: `${channel}: the request nests deeper than ${MAX_REQUEST_DEPTH} levels${tooDeep.path ? ` (at ${tooDeep.path})` : ''}`,
        ...(tooDeep.path ? { path: tooDeep.path } : {}),
        problem: { code: 'request.tooDeep', params: { channel, limit: MAX_REQUEST_DEPTH, ...(tooDeep.path ? { field: tooDeep.path } : {}) } },
      },
    };
  }
  const parsed = requests[channel].request.safeParse(payload ?? {});
  if (parsed.success) return { ok: true, value: parsed.data as RequestOf<C> };
  const { message, path } = describeZodError(parsed.error);
  return { ok: false, error: { code: 'InvalidRequest', message: `${channel}: ${message}`, path } };
}
