/**
 * A custom zod check's own problem code (issue 9: codes, not sentences, cross the contract). zod
 * passes a custom issue's `params` through untouched; these helpers write a code into them, and the
 * scenario loader (sources/sim/scenario/issue-codes.ts) reads it back instead of the English message,
 * which stays for the CLI. Here, not in the loader, so schemas outside the simulator (the twin
 * section) can say their codes too.
 */
import type { ScenarioProblemCode } from './contract/model-scenario-problem';

const PROBLEM_CODE = 'scenarioProblemCode';
const PROBLEM_PARAMS = 'scenarioProblemParams';
const PROBLEM_EXTRA = 'scenarioProblemExtra';

/**
 * `params` of a custom issue: its code, and its parameters as given. Without parameters, the problem's
 * are the refused value's `field`, `value` and `gotKind` (see codedCheck).
 */
export function problemParams(code: ScenarioProblemCode, params?: Record<string, string | number>): Record<string, unknown> {
  return params ? { [PROBLEM_CODE]: code, [PROBLEM_PARAMS]: params } : { [PROBLEM_CODE]: code };
}

/**
 * A refinement's second argument: the CLI's English, and the code the window translates. Its
 * parameters are `extra` with the value's `field`, `value` and `gotKind` added when it is refused.
 */
export function codedCheck(code: ScenarioProblemCode, message: string, extra: Record<string, string | number> = {}): { error: string; params: Record<string, unknown> } {
  return { error: message, params: valueProblemParams(code, extra) };
}

/** `params` of a custom issue about the refused value: its code, `extra`, and the value's `field`, `value` and `gotKind`. */
export function valueProblemParams(code: ScenarioProblemCode, extra: Record<string, string | number> = {}): Record<string, unknown> {
  return { [PROBLEM_CODE]: code, [PROBLEM_EXTRA]: extra };
}

/** What problemParams or codedCheck wrote into a custom issue's params; undefined for any other. */
export function readCodedParams(params: Record<string, unknown> | undefined): { code: ScenarioProblemCode; params?: Record<string, string | number>; extra: Record<string, string | number> } | undefined {
  const code = params?.[PROBLEM_CODE];
  if (typeof code !== 'string') return undefined;
  const given = params?.[PROBLEM_PARAMS];
  const extra = params?.[PROBLEM_EXTRA];
  return {
    code: code as ScenarioProblemCode,
    ...(given !== null && typeof given === 'object' ? { params: given as Record<string, string | number> } : {}),
    extra: extra !== null && typeof extra === 'object' ? (extra as Record<string, string | number>) : {},
  };
}
