/**
 * The audit log as the contract carries it: one record per line of `audit-log.jsonl`, read back by
 * the Activity view (`audit.list`) and pushed as each record is appended (`audit.appended`).
 *
 * Every change goes in twice: an `intent` record, fsynced before anything happens (if it cannot be
 * written, nothing happens), then the outcome (`accepted`/`settled`/`failed`/… or `applied`) under the
 * same auditId. Records written before `kind` existed are actions.
 */
import { z } from 'zod';
import { Refusal } from './model-actions';
import { codedMessage } from './model-action-codes';
import { IsoTime } from './model-common';
import { TimelineText } from './model-sim-kinds';

export const AuditKind = z.enum(['action', 'settings', 'session', 'fault']);
export type AuditKind = z.infer<typeof AuditKind>;

/**
 * `outcome-unknown`: a control action's call failed in a way that does not say whether AWS carried
 * it out (a 5xx, a timeout after sending); it was not sent again, and the resource is followed.
 */
export const AuditResult = z.enum(['intent', 'refused', 'failed', 'accepted', 'settled', 'timed-out', 'applied', 'outcome-unknown']);
export type AuditResult = z.infer<typeof AuditResult>;

/** Who asked: the desktop window, the web page served by `flightdeck serve`, or a command line. */
export const AuditActor = z.enum(['desktop', 'web', 'cli']);
export type AuditActor = z.infer<typeof AuditActor>;

const text = z.string().max(4000);

/**
 * What core writes in `action` besides the control actions' own names (PromoteReadReplica …): the
 * kinds of change it audits. An injected fault is `InjectFault:<fault kind>`, one stopped by the
 * operator before its end `StopFault:<fault kind>`. `SetHealthThresholds` (target `health-thresholds`;
 * parameters the thresholds, or `reset: true`) and `ResolveSettings` (target the settings file's name;
 * parameter `action`: reload or reset) are settings changes like UpdateProfileSettings.
 */
export const AUDITED_CHANGES = ['LoosenProfileProtection', 'UpdateProfileSettings', 'SwitchSession', 'ResetSimulation', 'LoadScenario', 'InjectFault', 'StopFault', 'SetHealthThresholds', 'ResolveSettings'] as const;

/**
 * What a record says, as a code + parameters the window words (issue 9: codes, not sentences). The
 * record's `message` keeps an English sentence for people reading the file. A refusal carries its
 * code (the action dialog's words); an injected fault carries its timeline entry's code.
 */
export const AuditTextCode = z.enum([
  // Any change: its intent, then how it ended.
  'intent', 'applied', 'failed', 'refused',
  // A control action: accepted by AWS (or the simulator), then followed until it settles.
  'accepted', 'settled', 'timedOut', 'followFailed',
  // … or its call failed without saying whether it ran (`error`): check the resource.
  'outcomeUnknown',
  // Settings, protection and injected faults.
  'settingsSaved', 'protectionLoosened', 'loosensProtection', 'faultInjected', 'faultStopped',
]);
export type AuditTextCode = z.infer<typeof AuditTextCode>;

/** Params: `status`, the resource's state as last described; `error`, the error as AWS or core worded it; `profile`, `loosened`. */
export const AuditText = codedMessage(AuditTextCode).extend({
  refusal: Refusal.optional(),
  timeline: TimelineText.optional(),
});
export type AuditText = z.infer<typeof AuditText>;

export const AuditRecord = z.object({
  time: IsoTime,
  auditId: z.string().max(100),
  kind: AuditKind.optional(),
  actor: AuditActor.optional(),
  mode: z.enum(['aws', 'simulation']),
  /** The AWS profile, or `simulation`. */
  profile: z.string().max(300),
  /** The scenario, in simulation. */
  scenario: z.string().max(300).optional(),
  accountId: z.string().max(20).optional(),
  region: z.string().max(50),
  /** The API action (SetDesiredCapacity), or what changed (UpdateProfileSettings, SwitchSession, InjectFault…). */
  action: z.string().max(100),
  target: z.string().max(300),
  parameters: z.record(z.string().max(100), z.union([z.string().max(2000), z.number(), z.boolean(), z.null()])),
  /** The single-use confirmation this change was executed with (actions and protection changes). */
  nonce: z.string().max(200).optional(),
  result: AuditResult,
  /** English, for people reading the file (and records written before `text` existed). */
  message: text,
  /** The same, as a code for the window; absent in records written before it existed. */
  text: AuditText.optional(),
});
export type AuditRecord = z.infer<typeof AuditRecord>;

export const AUDIT_LIST_MAX = 1000;

export const AuditQuery = z
  .object({
    /** Newest first; at most this many records. */
    limit: z.number().int().min(1).max(AUDIT_LIST_MAX).default(200),
    kind: AuditKind.optional(),
    result: AuditResult.optional(),
    profile: z.string().min(1).max(300).optional(),
    /** Case-insensitive substring of action, target, profile, account, region or message. */
    text: z.string().min(1).max(200).optional(),
    /** Only records at or after this time (ISO-8601). */
    since: IsoTime.optional(),
  })
  .strict();
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditPage = z.object({
  records: z.array(AuditRecord),
  /** More matching records exist beyond `limit` or beyond the part of the file that was read. */
  truncated: z.boolean(),
  /** Lines that were not valid records (a torn write, a hand edit), skipped. */
  skippedLines: z.number().int().nonnegative(),
});
export type AuditPage = z.infer<typeof AuditPage>;

/**
 * Loosening a profile's protection (writable, or not production) is itself a confirmed change:
 * prepared here, executed with the nonce and the profile name typed. Tightening needs none of this.
 */
export const ProtectionChange = z
  .object({
    profile: z.string().min(1).max(200),
    readOnly: z.literal(false).optional(),
    nonProduction: z.literal(true).optional(),
  })
  .strict()
  .refine((change) => change.readOnly !== undefined || change.nonProduction !== undefined, { message: 'say what to loosen: readOnly false and/or nonProduction true' });
export type ProtectionChange = z.infer<typeof ProtectionChange>;

export const PreparedProtectionChange = z.object({
  nonce: z.string(),
  change: ProtectionChange,
  /** The profile's flags now, for the dialog to show before → after. */
  current: z.object({ readOnly: z.boolean(), nonProduction: z.boolean() }),
  /** Execute must carry exactly this text: the profile name. */
  typedConfirmation: z.string(),
  expiresAt: IsoTime,
});
export type PreparedProtectionChange = z.infer<typeof PreparedProtectionChange>;
