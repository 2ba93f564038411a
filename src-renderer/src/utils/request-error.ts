/**
 * A refused or failed request as the operator reads it (issue 9: codes, not sentences, cross the
 * contract). Stores keep what was caught as a RequestFailure; views word it with requestErrorText in
 * the window's language, so a language switch rewords it too:
 * - the core's `problem` through `requestProblems.<code>` (a control action's refusal,
 *   `refusal.<code>`, through `actionRules.refusal`), a wrapped reason (`reasonCode` with `reason.`
 *   parameters, as scenario problems carry them) through `scenarioProblems`;
 * - the window's own transport failures (Disconnected, Timeout …) through `requestProblems.transport`;
 * - only a code this window has no words for (a newer core) shows the core's English message.
 */
import { useI18n } from 'vue-i18n';
import type { RequestProblem } from '@contract';
import { isApiError } from '@/transport/api-error';
import { scenarioProblemMessage } from '@/views/simulator/scenario-problem-text';

type Translate = (key: string, params?: Record<string, unknown>) => string;
type HasKey = (key: string) => boolean;

export interface RequestFailure {
  /** The contract's error code (InvalidRequest, NotSupported …), a transport code, or `Error`. */
  code: string;
  /** The core's English, for a code this window cannot word. */
  message: string;
  problem?: RequestProblem;
}

/** What a store keeps of a caught error. */
export function requestFailure(caught: unknown): RequestFailure {
  if (isApiError(caught)) return { code: caught.code, message: caught.message, ...(caught.problem ? { problem: caught.problem } : {}) };
  return { code: 'Error', message: caught instanceof Error ? caught.message : String(caught) };
}

/** The failure in the window's language (its English message only when there are no words for its code). */
export function requestErrorText(failure: RequestFailure, t: Translate, te: HasKey): string {
  const problem = failure.problem;
  if (problem) {
    const text = requestProblemText(problem, t, te);
    if (text !== undefined) return text;
  }
  const transport = `requestProblems.transport.${failure.code}`;
  if (!problem && te(transport)) return t(transport);
  return failure.message;
}

/** A request problem in the window's language; undefined for a code it has no words for. */
export function requestProblemText(problem: RequestProblem, t: Translate, te: HasKey): string | undefined {
  const key = problem.code.startsWith('refusal.') ? `actionRules.refusal.${problem.code.slice('refusal.'.length)}` : `requestProblems.${problem.code}`;
  if (!te(key)) return undefined;
  // A parameter's value code (fault.parameterInvalid) wraps the loader's wording of it; unknown, its English `reason` stays.
  const reason = wrappedReason(problem, t, te);
  return t(key, { ...problem.params, ...(reason !== undefined ? { reason } : {}) });
}

/** The wrapped reason (`reasonCode`, `reason.*` parameters) worded as the scenario loader's problems are. */
function wrappedReason(problem: RequestProblem, t: Translate, te: HasKey): string | undefined {
  const code = problem.params.reasonCode;
  if (typeof code !== 'string') return undefined;
  const params = Object.fromEntries(Object.entries(problem.params).flatMap(([name, value]) => (name.startsWith('reason.') ? [[name.slice('reason.'.length), value]] : [])));
  return scenarioProblemMessage({ code, params }, t, te);
}

/** For a component: `errorText(failure)` in the window's language (reactive to a language switch when used in a template). */
export function useRequestErrorText(): (failure: RequestFailure) => string {
  const { t, te } = useI18n();
  return (failure) => requestErrorText(failure, (key, params) => t(key, params ?? {}), (key) => te(key));
}
