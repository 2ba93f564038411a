/**
 * The one error type of core (issue 9). Every refusal or failure that can reach a window is a
 * CoreError: a `code` from the contract's closed union (contract/index.ts ErrorCode), so the window
 * can act on it (a safety notice, a retry), `params` that say what it was about (the AWS error
 * code, the IAM action, the file) for logs, the CLI and translations, and the English `message`
 * for the CLI and logs. Former error classes are factories over it: `auditUnavailable`
 * (actions/audit-log.ts), `awsCallError` (sources/aws/aws-errors.ts), `rdsApiError` (the simulated
 * RDS API). `problem` says what went wrong as a code the window translates, with `params` as its
 * parameters (contract/model-request-problem.ts). The host turns it into the contract's `{ code,
 * message, problem }` (contract-error.ts); anything else that escapes becomes `Internal`, which is
 * a bug to fix at its source.
 */
import type { CoreProblemCode, ErrorCode, ScenarioProblem } from './contract';

export type CoreErrorCode = ErrorCode;

/** What an error is about, flat and printable (never secrets: the host redacts messages only). */
export type CoreErrorParams = Readonly<Record<string, string | number | boolean | undefined>>;

export class CoreError<P extends CoreErrorParams = CoreErrorParams> extends Error {
  readonly params: P;
  /**
   * A refused scenario load's diagnostics as codes (the host sends them as the contract error's
   * `problems`). A field of its own, not `params`: params stay flat, and only this crosses as a list.
   */
  readonly problems?: readonly ScenarioProblem[];
  /**
   * What went wrong as a code the window translates, `params` its parameters (a window shows the
   * English message only for an error without one: a bug to fix where it is thrown).
   */
  readonly problem?: CoreProblemCode;

  constructor(
    readonly code: CoreErrorCode,
    message: string,
    params?: P,
    options?: { cause?: unknown; problems?: readonly ScenarioProblem[]; problem?: CoreProblemCode },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CoreError';
    this.params = params ?? ({} as P);
    if (options?.problems) this.problems = options.problems;
    if (options?.problem) this.problem = options.problem;
  }
}

/** Whether `error` is a CoreError (with this code, when given). */
export function isCoreError(error: unknown, code?: CoreErrorCode): error is CoreError {
  return error instanceof CoreError && (code === undefined || error.code === code);
}
