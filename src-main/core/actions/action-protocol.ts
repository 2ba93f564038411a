/**
 * The two-step protocol every control action goes through, whatever the data source:
 *
 *   prepare(action) → pre-flight checks + consequences + a nonce (random, single-use, 2 minutes)
 *   execute(nonce, confirmation?) → refused unless the nonce is live, was prepared in this same
 *     session, all checks passed, the profile is not read-only (checked again now), and — unless
 *     the profile is marked non-production — `confirmation` is exactly the resource identifier.
 *
 * Then the action runs, its outcome is fsynced to the audit log before it is reported, and the
 * resource is followed until it settles, with progress events along the way. The renderer can
 * neither skip a step nor replay one: it holds only the nonce, and main holds the action.
 */
import { randomBytes } from 'node:crypto';
import type { ActionOutcome, ActionProgress, ControlAction, PreparedAction, PreflightCheck } from '../contract';
import { actionTargetId, type ActionBackend, type ActionTarget } from './action-executor';
import type { AuditLog, AuditRecord } from './audit-log';

export const NONCE_TTL_MS = 2 * 60_000;

export class ActionProtocolError extends Error {
  constructor(
    readonly code: 'InvalidRequest' | 'NotSupported' | 'Unauthorized',
    message: string,
  ) {
    super(message);
  }
}

export interface ActionPolicy {
  readOnly: boolean;
  nonProduction: boolean;
}

interface PendingAction {
  action: ControlAction;
  backend: ActionBackend;
  target: ActionTarget;
  allowed: boolean;
  typedConfirmation?: string;
  expiresAt: number;
}

export interface ActionProtocolOptions {
  audit: AuditLog;
  now?: () => number;
  nonce?: () => string;
  ttlMs?: number;
  /** The policy in force right now for a profile (read again at execute time). */
  policy: (target: ActionTarget) => ActionPolicy;
  progress?: (event: ActionProgress) => void;
}

function parameters(action: ControlAction): AuditRecord['parameters'] {
  const { type: _type, ...rest } = action;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as AuditRecord['parameters'];
}

export class ActionProtocol {
  private readonly pending = new Map<string, PendingAction>();
  private readonly now: () => number;
  private readonly newNonce: () => string;
  private readonly ttlMs: number;
  private sequence = 0;
  /** Follow-ups in flight, so callers (tests, shutdown) can wait for them. */
  readonly following = new Set<Promise<void>>();

  constructor(private readonly options: ActionProtocolOptions) {
    this.now = options.now ?? Date.now;
    this.newNonce = options.nonce ?? (() => randomBytes(24).toString('base64url'));
    this.ttlMs = options.ttlMs ?? NONCE_TTL_MS;
  }

  async prepare(action: ControlAction, backend: ActionBackend, target: ActionTarget): Promise<PreparedAction> {
    this.dropExpired();
    const policy = this.options.policy(target);
    const preflight = await backend.preflight(action);
    const checks: PreflightCheck[] = [...preflight.checks];
    if (policy.readOnly) {
      checks.unshift({ id: 'read-only', label: 'Profile allows changes', status: 'fail', detail: `Profile ${target.profile} is marked read-only in Flightdeck's settings.` });
    }
    const allowed = checks.every((check) => check.status !== 'fail');
    const typedConfirmation = policy.nonProduction ? undefined : actionTargetId(action);
    const nonce = this.newNonce();
    const expiresAt = this.now() + this.ttlMs;
    this.pending.set(nonce, { action, backend, target, allowed, typedConfirmation, expiresAt });
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
    this.dropExpired();
    const pending = this.pending.get(nonce);
    // Single use: whatever happens next, this nonce is spent.
    this.pending.delete(nonce);
    if (!pending) throw new ActionProtocolError('InvalidRequest', 'This confirmation has expired or was already used: prepare the action again.');
    const { action, backend, target } = pending;
    const auditId = this.auditId();
    const refuse = (message: string): ActionOutcome => {
      this.record(auditId, action, target, 'refused', message);
      return { action, accepted: false, message, auditId };
    };
    if (target.sessionKey !== currentSessionKey) return refuse('The session changed since this action was prepared (another profile, region or mode): prepare it again.');
    if (this.options.policy(target).readOnly) return refuse(`Profile ${target.profile} is read-only: change it in settings to run actions.`);
    if (!pending.allowed) return refuse('A pre-flight check failed: the action was not run.');
    if (pending.typedConfirmation !== undefined && confirmation !== pending.typedConfirmation) {
      return refuse(`Type ${pending.typedConfirmation} exactly to confirm (this profile is not marked non-production).`);
    }

    let message: string;
    try {
      message = await backend.execute(action);
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      this.record(auditId, action, target, 'failed', text);
      return { action, accepted: false, message: text, auditId };
    }
    // Durable before reported: if this throws, the caller sees the failure to audit.
    this.record(auditId, action, target, 'accepted', message);
    this.emit(auditId, action, 'started', message, undefined, backend);
    const following = this.follow(auditId, action, backend, target);
    this.following.add(following);
    void following.finally(() => this.following.delete(following));
    return { action, accepted: true, message, auditId };
  }

  /** Waits for every follow-up in flight (tests; a clean shutdown). */
  async settled(): Promise<void> {
    while (this.following.size > 0) await Promise.all([...this.following]);
  }

  private async follow(auditId: string, action: ControlAction, backend: ActionBackend, target: ActionTarget): Promise<void> {
    try {
      const result = await backend.follow(action, (report) => this.emit(auditId, action, 'progress', report.message, report.status, backend));
      const phase = result.outcome === 'settled' ? 'settled' : result.outcome === 'failed' ? 'failed' : 'timed-out';
      this.record(auditId, action, target, result.outcome === 'settled' ? 'settled' : result.outcome === 'failed' ? 'failed' : 'timed-out', result.message);
      this.emit(auditId, action, phase, result.message, result.status, backend);
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      this.emit(auditId, action, 'failed', text, undefined, backend);
    }
  }

  private auditId(): string {
    return `act-${this.now().toString(36)}-${(++this.sequence).toString(36)}-${randomBytes(3).toString('hex')}`;
  }

  private record(auditId: string, action: ControlAction, target: ActionTarget, result: AuditRecord['result'], message: string): void {
    this.options.audit.append({
      time: new Date(this.now()).toISOString(),
      auditId,
      mode: target.mode,
      profile: target.profile,
      ...(target.accountId ? { accountId: target.accountId } : {}),
      region: target.region,
      action: action.type,
      target: actionTargetId(action),
      parameters: parameters(action),
      result,
      message,
    });
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
