/**
 * The two-step protocol every control action goes through, whatever the data source:
 *
 *   prepare(action) → pre-flight checks + consequences + a nonce (random, single-use, 2 minutes)
 *   execute(nonce, confirmation?) → refused unless the nonce is live, was prepared under this same
 *     session binding (source instance, profile, region, account or scenario, load generation), all
 *     checks passed, and the profile's policy read again NOW allows it: not read-only, and — unless the
 *     profile is now marked non-production — `confirmation` is exactly the resource identifier (a
 *     profile marked production after prepare is refused `protection-changed`: prepare again).
 *
 * Then, write-ahead: an `intent` record is fsynced to the audit log BEFORE the backend is called; if
 * it cannot be written the action is refused (AuditUnavailable) and nothing changes. The outcome is
 * appended after, and the resource is followed until it settles, with progress events.
 *
 * Loosening a profile's protection (writable, not production) goes through the same steps
 * (prepareProtection / executeProtection), always with the profile name typed.
 *
 * The renderer can neither skip a step nor replay one: it holds only the nonce, main holds the change.
 */
import { randomBytes } from 'node:crypto';
import type { ActionOutcome, ActionProgress, ControlAction, PreparedAction, PreflightCheck, Refusal } from '../contract';
import type { PreparedProtectionChange, ProtectionChange } from '../contract/model-audit';
import type { AuditTextCode } from '../contract/model-audit';
import { actionTargetId, isOutcomeUnknown, type ActionBackend, type ActionTarget, type FollowResult } from './action-executor';
import { appendAfterTheFact, auditRecord, failureWords, intentWords, newAuditId, says, type AuditSubject } from './audit-entry';
import { auditUnavailable, type AuditRecord, type AuditSink } from './audit-log';
import { CoreError, type CoreErrorParams } from '../core-error';
import { problemOf } from '../contract-error';
import { refusal, refusalCarriedBy, refusalMessage } from '../rules';

export const NONCE_TTL_MS = 2 * 60_000;

/** How a followed action ended, as the audit record's code (its `status` a parameter). */
const FOLLOW_CODES = { settled: 'settled', 'timed-out': 'timedOut', failed: 'followFailed' } as const satisfies Record<FollowResult['outcome'], AuditTextCode>;
/** Prepared confirmations waiting at once; an operator has one dialog open, a client looping on prepare is refused. */
export const MAX_PENDING_NONCES = 32;

export interface ActionPolicy {
  readOnly: boolean;
  nonProduction: boolean;
}

interface PendingAction {
  kind: 'action';
  action: ControlAction;
  backend: ActionBackend;
  target: ActionTarget;
  allowed: boolean;
  typedConfirmation?: string;
  expiresAt: number;
}

interface PendingProtection {
  kind: 'protection';
  change: ProtectionChange;
  target: ActionTarget;
  typedConfirmation: string;
  expiresAt: number;
}

type Pending = PendingAction | PendingProtection;

export interface ActionProtocolOptions {
  audit: AuditSink;
  now?: () => number;
  nonce?: () => string;
  ttlMs?: number;
  maxPending?: number;
  /** The policy in force right now for a profile (read again at execute time). */
  policy: (target: ActionTarget) => ActionPolicy;
  progress?: (event: ActionProgress) => void;
}

function parameters(action: ControlAction): AuditRecord['parameters'] {
  const { type: _type, ...rest } = action;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as AuditRecord['parameters'];
}

function protectionParameters(change: ProtectionChange): AuditRecord['parameters'] {
  return {
    ...(change.readOnly !== undefined ? { readOnly: change.readOnly } : {}),
    ...(change.nonProduction !== undefined ? { nonProduction: change.nonProduction } : {}),
  };
}

export class ActionProtocol {
  private readonly pending = new Map<string, Pending>();
  private readonly now: () => number;
  private readonly newNonce: () => string;
  private readonly ttlMs: number;
  private readonly maxPending: number;
  /** Follow-ups in flight, so callers (tests, shutdown) can wait for them. */
  readonly following = new Set<Promise<void>>();

  constructor(private readonly options: ActionProtocolOptions) {
    this.now = options.now ?? Date.now;
    this.newNonce = options.nonce ?? (() => randomBytes(24).toString('base64url'));
    this.ttlMs = options.ttlMs ?? NONCE_TTL_MS;
    this.maxPending = options.maxPending ?? MAX_PENDING_NONCES;
  }

  /** How many confirmations are waiting (after dropping the expired ones). */
  pendingCount(): number {
    this.dropExpired();
    return this.pending.size;
  }

  /** A session switch, scenario load or reset: no confirmation prepared before it may run after it. */
  dropAll(): number {
    const dropped = this.pending.size;
    this.pending.clear();
    return dropped;
  }

  private ensureRoom(): void {
    this.dropExpired();
    if (this.pending.size >= this.maxPending) {
      const seconds = Math.round(this.ttlMs / 1000);
      throw new CoreError('TooManyPending', `${this.pending.size} confirmations are already waiting (at most ${this.maxPending}): run them, or wait up to ${seconds} s for them to expire.`, { count: this.pending.size, max: this.maxPending, seconds }, { problem: 'confirmation.tooManyPending' });
    }
  }

  private issue(entry: Pending): string {
    this.ensureRoom();
    const nonce = this.newNonce();
    this.pending.set(nonce, entry);
    return nonce;
  }

  /** Single use: whatever happens next, the nonce is spent. */
  private take(nonce: string): Pending {
    this.dropExpired();
    const pending = this.pending.get(nonce);
    this.pending.delete(nonce);
    if (!pending) throw new CoreError('InvalidRequest', 'This confirmation has expired or was already used: prepare the action again.', {}, { problem: 'confirmation.expired' });
    return pending;
  }

  async prepare(action: ControlAction, backend: ActionBackend, target: ActionTarget): Promise<PreparedAction> {
    // Refuse before the (possibly remote) pre-flight calls when the cap is reached.
    this.ensureRoom();
    const policy = this.options.policy(target);
    const preflight = await backend.preflight(action);
    const checks: PreflightCheck[] = [...preflight.checks];
    if (policy.readOnly) {
      checks.unshift({ code: 'profile-writable.read-only', status: 'fail', params: { profile: target.profile } });
    }
    const allowed = checks.every((check) => check.status !== 'fail');
    const typedConfirmation = policy.nonProduction ? undefined : actionTargetId(action);
    const expiresAt = this.now() + this.ttlMs;
    const nonce = this.issue({ kind: 'action', action, backend, target, allowed, typedConfirmation, expiresAt });
    return {
      nonce,
      action,
      summary: preflight.summary,
      checks,
      consequences: preflight.consequences,
      allowed,
      ...(typedConfirmation ? { typedConfirmation } : {}),
      expiresAt: new Date(expiresAt).toISOString(),
    };
  }

  async execute(nonce: string, confirmation: string | undefined, currentSessionKey: string): Promise<ActionOutcome> {
    const pending = this.take(nonce);
    if (pending.kind !== 'action') throw new CoreError('InvalidRequest', 'This confirmation belongs to a settings change, not to a control action.', {}, { problem: 'confirmation.notForAction' });
    const { action, backend, target } = pending;
    const subject: AuditSubject = { kind: 'action', target, action: action.type, targetId: actionTargetId(action), parameters: parameters(action), nonce };
    const auditId = newAuditId(this.now());
    const refuse = (why: Refusal): ActionOutcome => {
      const message = refusalMessage(why);
      // Nothing changed: a refusal that cannot be recorded is still a refusal.
      appendAfterTheFact(this.options.audit, auditRecord(subject, auditId, this.now(), 'refused', says(message, 'refused', {}, { refusal: why })));
      return { action, accepted: false, message, refusal: why, auditId };
    };
    if (target.sessionKey !== currentSessionKey) return refuse(refusal('session-changed'));
    // The whole policy is read again: the profile may have been tightened while the dialog was open.
    const policy = this.options.policy(target);
    if (policy.readOnly) return refuse(refusal('read-only', { profile: target.profile }));
    if (!pending.allowed) return refuse(refusal('preflight-failed'));
    const required = policy.nonProduction ? undefined : actionTargetId(action);
    if (required !== undefined && confirmation !== required) {
      // Prepared without a typed confirmation and marked production since: the dialog the operator
      // saw asked for none, so say why and have it prepared again (fail closed).
      if (pending.typedConfirmation === undefined) return refuse(refusal('protection-changed', { profile: target.profile, expected: required }));
      return refuse(refusal('confirmation-mismatch', { expected: required }));
    }

    this.writeIntent(subject, auditId);
    let message: string;
    try {
      message = await backend.execute(action);
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      if (isOutcomeUnknown(error)) return this.outcomeUnknown(subject, auditId, action, backend, text, error instanceof CoreError ? problemOf(error) : undefined);
      // The simulator refuses with a code the window can translate; AWS answers in its own words.
      const carried = refusalCarriedBy(error);
      const failure = failureWords(error);
      appendAfterTheFact(this.options.audit, auditRecord(subject, auditId, this.now(), 'failed', carried ? says(failure.message, 'failed', failure.text.params, { refusal: carried }) : failure));
      // Anything else with its problem code (an AWS call denied, a service the scenario lacks), for the window to word.
      const problem = !carried && error instanceof CoreError ? problemOf(error) : undefined;
      return { action, accepted: false, message: text, ...(carried ? { refusal: carried } : {}), ...(problem ? { problem } : {}), auditId };
    }
    // The intent is durable; if the outcome cannot be appended the action still happened, and
    // saying otherwise would invite a retry.
    appendAfterTheFact(this.options.audit, auditRecord(subject, auditId, this.now(), 'accepted', says(message, 'accepted')));
    this.startFollowing(auditId, action, backend, subject, message);
    return { action, accepted: true, message, auditId };
  }

  /**
   * The call failed without saying whether it ran (a 5xx, a timeout after sending): "failed" would
   * tell the operator nothing happened — and invite a second reboot or failover — when it may have.
   * Say the outcome is unknown, and follow the resource as for an accepted action, so the window
   * shows what it actually does.
   */
  private outcomeUnknown(subject: AuditSubject, auditId: string, action: ControlAction, backend: ActionBackend, error: string, problem: ActionOutcome['problem']): ActionOutcome {
    const message = `Outcome unknown: ${error} — the request may have been carried out and was not sent again; check ${subject.targetId} (Flightdeck follows it).`;
    appendAfterTheFact(this.options.audit, auditRecord(subject, auditId, this.now(), 'outcome-unknown', says(message, 'outcomeUnknown', { error: error.slice(0, 2000) })));
    this.startFollowing(auditId, action, backend, subject, message);
    // `problem` carries the AWS error code (and operation) for the window's own words.
    return { action, accepted: false, outcomeUnknown: true, message, ...(problem ? { problem } : {}), auditId };
  }

  private startFollowing(auditId: string, action: ControlAction, backend: ActionBackend, subject: AuditSubject, message: string): void {
    this.emit(auditId, action, 'started', message, undefined, backend);
    const following = this.follow(auditId, action, backend, subject);
    this.following.add(following);
    void following.finally(() => this.following.delete(following));
  }

  /** Step 1 of loosening a profile's protection: the profile name must be typed at step 2. */
  prepareProtection(change: ProtectionChange, current: ActionPolicy, target: ActionTarget): PreparedProtectionChange {
    const expiresAt = this.now() + this.ttlMs;
    const nonce = this.issue({ kind: 'protection', change, target, typedConfirmation: change.profile, expiresAt });
    return {
      nonce,
      change,
      current: { readOnly: current.readOnly, nonProduction: current.nonProduction },
      typedConfirmation: change.profile,
      expiresAt: new Date(expiresAt).toISOString(),
    };
  }

  /**
   * Step 2: checks the binding and the typed name, writes the intent, then `apply`s the change.
   * Refusals and a failure to audit throw a CoreError (the settings view is the only answer).
   */
  async executeProtection<T>(nonce: string, confirmation: string, currentSessionKey: string, apply: (change: ProtectionChange) => T | Promise<T>): Promise<T> {
    const pending = this.take(nonce);
    if (pending.kind !== 'protection') throw new CoreError('InvalidRequest', 'This confirmation belongs to a control action, not to a settings change.', {}, { problem: 'confirmation.notForSettings' });
    const { change, target } = pending;
    const subject: AuditSubject = { kind: 'settings', target, action: 'LoosenProfileProtection', targetId: change.profile, parameters: protectionParameters(change), nonce };
    const auditId = newAuditId(this.now(), 'set');
    const refuse = (message: string, why: Refusal): never => {
      appendAfterTheFact(this.options.audit, auditRecord(subject, auditId, this.now(), 'refused', says(message, 'refused', {}, { refusal: why })));
      throw new CoreError('Unauthorized', message, why.params as CoreErrorParams, { problem: `refusal.${why.code}` });
    };
    if (target.sessionKey !== currentSessionKey) refuse('The session changed since this change was prepared: prepare it again.', refusal('session-changed'));
    if (confirmation !== pending.typedConfirmation) {
      refuse(`Type the profile name ${pending.typedConfirmation} exactly to confirm.`, refusal('confirmation-mismatch', { expected: pending.typedConfirmation }));
    }
    this.writeIntent(subject, auditId);
    let value: T;
    try {
      value = await apply(change);
    } catch (error) {
      appendAfterTheFact(this.options.audit, auditRecord(subject, auditId, this.now(), 'failed', failureWords(error)));
      throw error;
    }
    appendAfterTheFact(this.options.audit, auditRecord(subject, auditId, this.now(), 'applied', says(`protection of ${change.profile} loosened`, 'protectionLoosened', { profile: change.profile })));
    return value;
  }

  /** Waits for every follow-up in flight (tests; a clean shutdown). */
  async settled(): Promise<void> {
    while (this.following.size > 0) await Promise.all([...this.following]);
  }

  private writeIntent(subject: AuditSubject, auditId: string): void {
    try {
      this.options.audit.append(auditRecord(subject, auditId, this.now(), 'intent', intentWords(subject)));
    } catch (error) {
      throw auditUnavailable(undefined, error);
    }
  }

  private async follow(auditId: string, action: ControlAction, backend: ActionBackend, subject: AuditSubject): Promise<void> {
    try {
      const result = await backend.follow(action, (report) => this.emit(auditId, action, 'progress', report.message, report.status, backend));
      appendAfterTheFact(this.options.audit, auditRecord(subject, auditId, this.now(), result.outcome, says(result.message, FOLLOW_CODES[result.outcome], result.status ? { status: result.status } : {})));
      this.emit(auditId, action, result.outcome, result.message, result.status, backend);
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      this.emit(auditId, action, 'failed', text, undefined, backend);
    }
  }

  private emit(auditId: string, action: ControlAction, phase: ActionProgress['phase'], message: string, status: string | undefined, backend: ActionBackend): void {
    const simulated = backend.simulatedNow?.();
    this.options.progress?.({
      auditId,
      action,
      phase,
      message,
      ...(status ? { status } : {}),
      time: new Date(this.now()).toISOString(),
      ...(simulated !== undefined ? { simulatedTime: new Date(simulated).toISOString() } : {}),
    });
  }

  private dropExpired(): void {
    const now = this.now();
    for (const [nonce, pending] of this.pending) if (pending.expiresAt <= now) this.pending.delete(nonce);
  }
}
