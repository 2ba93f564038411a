/**
 * The one error type the renderer sees from the core. Domain errors keep the contract's code
 * (InvalidRequest, NotSupported, …); the transport adds its own for what can go wrong on the way.
 */
import type { ErrorCode, RequestProblem, ScenarioProblem } from '@contract';

export type TransportErrorCode = 'Disconnected' | 'Timeout' | 'InvalidResponse' | 'InvalidEvent' | 'InvalidFrame';
export type ApiErrorCode = ErrorCode | TransportErrorCode;

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly path?: string,
    /** A refused scenario load's errors as codes and parameters, for the window to translate. */
    readonly problems?: readonly ScenarioProblem[],
    /** What went wrong as a code and parameters the window translates (utils/request-error.ts); `message` is the core's English. */
    readonly problem?: RequestProblem,
  ) {
    super(message);
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}
