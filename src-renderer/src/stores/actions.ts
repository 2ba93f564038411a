/**
 * Control actions through the two-step protocol: `action.prepare` returns pre-flight checks,
 * consequences, a short-lived nonce and (in AWS mode, production profiles) the identifier to type;
 * only `action.execute` with that nonce runs it. Progress arrives as `action.progress` events.
 */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { ActionOutcome, ActionProgress, ControlAction, PreparedAction } from '@contract';
import { api } from '@/api';
import { isApiError } from '@/transport/api-error';
import { requestFailure, type RequestFailure } from '@/utils/request-error';

/** Refusals the window explains in its own words (the core's message follows as detail). */
export const SAFETY_ERROR_CODES = ['AuditUnavailable', 'TooManyPending', 'ConfirmationRequired'] as const;
export type SafetyErrorCode = (typeof SAFETY_ERROR_CODES)[number];

export function safetyErrorCode(caught: unknown): SafetyErrorCode | null {
  return isApiError(caught) && (SAFETY_ERROR_CODES as readonly string[]).includes(caught.code) ? (caught.code as SafetyErrorCode) : null;
}

export type ActionPhase = 'idle' | 'preparing' | 'prepared' | 'executing' | 'done' | 'error';

/** What the typed confirmation must equal, or undefined when none is asked for. */
export function confirmationMatches(prepared: PreparedAction, typed: string): boolean {
  return prepared.typedConfirmation === undefined || typed.trim() === prepared.typedConfirmation;
}

/** The resource an action is about, for matching progress and events to the dialog. */
export function actionTarget(action: ControlAction): string {
  // The instance a restore creates is what it is about (and what is typed to confirm it).
  if (action.type === 'RestoreDBInstanceToPointInTime') return action.targetDBInstanceIdentifier;
  return 'dbInstanceIdentifier' in action ? action.dbInstanceIdentifier : action.autoScalingGroupName;
}

export const useActionsStore = defineStore('actions', () => {
  const phase = ref<ActionPhase>('idle');
  const prepared = shallowRef<PreparedAction | null>(null);
  const outcome = shallowRef<ActionOutcome | null>(null);
  const error = ref<RequestFailure | null>(null);
  /** Set when the core refused for a safety reason (audit log unwritable, too many pending). */
  const errorCode = ref<SafetyErrorCode | null>(null);
  const progress = shallowRef<readonly ActionProgress[]>([]);
  /**
   * Pre-flight checks are being run again because main just refused the action: the checks shown
   * were taken before (another window may have rebooted the instance meanwhile) and a "Pass" beside
   * main's refusal would contradict it, so they are dropped until the fresh ones arrive.
   */
  const rechecking = ref(false);
  /** The checks shown were taken again after a refusal (the dialog says so). */
  const recheckedAfterRefusal = ref(false);
  let lastAction: ControlAction | undefined;
  let unsubscribe: (() => void) | undefined;

  function follow(): void {
    unsubscribe ??= api.on('action.progress', (event) => {
      progress.value = [...progress.value, event].slice(-200);
    });
  }

  async function prepare(action: ControlAction): Promise<void> {
    follow();
    lastAction = action;
    recheckedAfterRefusal.value = false;
    phase.value = 'preparing';
    prepared.value = null;
    outcome.value = null;
    error.value = null;
    errorCode.value = null;
    try {
      prepared.value = await api.request('action.prepare', { action });
      phase.value = 'prepared';
    } catch (caught) {
      errorCode.value = safetyErrorCode(caught);
      error.value = requestFailure(caught);
      phase.value = 'error';
    }
  }

  async function execute(confirmation?: string): Promise<void> {
    const current = prepared.value;
    if (!current || !current.allowed) return;
    phase.value = 'executing';
    // A second try after a refusal starts clean: the old refusal is not this attempt's answer.
    error.value = null;
    errorCode.value = null;
    outcome.value = null;
    try {
      const payload = current.typedConfirmation === undefined ? { nonce: current.nonce } : { nonce: current.nonce, confirmation: confirmation?.trim() ?? '' };
      outcome.value = await api.request('action.execute', payload);
      // Outcome unknown: not an error to retry — the change may have happened; its progress follows.
      const followed = outcome.value.accepted || outcome.value.outcomeUnknown === true;
      phase.value = followed ? 'done' : 'error';
      if (!followed) {
        error.value = { code: 'Refused', message: outcome.value.message, ...(outcome.value.problem ? { problem: outcome.value.problem } : {}) };
        if (lastAction) await recheck(lastAction);
      }
    } catch (caught) {
      errorCode.value = safetyErrorCode(caught);
      error.value = requestFailure(caught);
      phase.value = 'error';
    }
  }

  /**
   * After main refused: the same pre-flight again, so the checks shown are main's view now (the
   * refusal stays shown above them). Allowed again, the dialog can confirm with the new nonce.
   */
  async function recheck(action: ControlAction): Promise<void> {
    prepared.value = null;
    rechecking.value = true;
    try {
      const fresh = await api.request('action.prepare', { action });
      if (lastAction !== action) return; // the dialog moved on to another action meanwhile
      prepared.value = fresh;
      recheckedAfterRefusal.value = true;
      phase.value = 'prepared';
    } catch {
      // No fresh checks (disconnected, …): none are shown rather than the outdated ones; the refusal stays.
    } finally {
      rechecking.value = false;
    }
  }

  function reset(): void {
    phase.value = 'idle';
    rechecking.value = false;
    recheckedAfterRefusal.value = false;
    prepared.value = null;
    outcome.value = null;
    error.value = null;
    errorCode.value = null;
  }

  function progressFor(action: ControlAction): ActionProgress[] {
    const target = actionTarget(action);
    return progress.value.filter((event) => event.action.type === action.type && actionTarget(event.action) === target);
  }

  return { phase, prepared, outcome, error, errorCode, progress, rechecking, recheckedAfterRefusal, prepare, execute, reset, progressFor };
});
