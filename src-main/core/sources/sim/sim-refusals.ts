/**
 * The simulator's refusals of a request (inject a fault, stop one, run an action) as core's one
 * error type with a problem code the window translates (contract/model-request-problem.ts), the
 * English message kept for the CLI and the timeline. A parameter zod refuses is worded as the
 * scenario loader words it: its value code (value.*) wrapped as `reasonCode` with `reason.`
 * parameters, and `parameter` the path of the value.
 */
import type { z } from 'zod';
import type { RequestProblemCode } from '../../contract/model-request-problem';
import { CoreError, type CoreErrorParams } from '../../core-error';
import { type DiagnosticCode, formatPath, type PathSegment, wrappedReason } from './scenario/diagnostics';
import { parseSection } from './scenario/section-issues';

/** A request the simulator refuses because of what it asked (InvalidRequest), with its code. */
export function simRefusal(problem: RequestProblemCode, message: string, params: CoreErrorParams = {}): CoreError {
  return new CoreError('InvalidRequest', message, params, { problem });
}

/** The first problem the loader would report for `value` against `schema`: where, in English, and its code. */
export function firstParameterProblem(schema: z.ZodType, value: unknown): { path: string; message: string; detail?: DiagnosticCode } | undefined {
  let first: { path: string; message: string; detail?: DiagnosticCode } | undefined;
  parseSection(schema, value, [], (_severity: string, path: readonly PathSegment[], message: string, detail?: DiagnosticCode) => {
    first ??= { path: formatPath(path), message, ...(detail ? { detail } : {}) };
  });
  return first;
}

/**
 * Parameters zod refused: `message` stays the caller's English (all issues, for the CLI), the window
 * gets the first one's code (`fault.parameterInvalid` {kind, parameter, reasonCode, reason.*}).
 */
export function parametersRefused(problem: 'fault.parameterInvalid' | 'action.parameterInvalid' | 'lambda.metadataInvalid', kind: string, schema: z.ZodType, value: unknown, message: string): CoreError {
  const first = firstParameterProblem(schema, value);
  const reason = first?.detail ? wrappedReason(first.detail, first.message) : { reason: first?.message ?? message };
  return simRefusal(problem, message, { kind, parameter: first?.path || 'parameters', ...reason });
}
