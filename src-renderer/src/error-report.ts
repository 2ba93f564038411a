/**
 * The last unexpected error, for the top-level error screen. Filled by app.config.errorHandler
 * (errors no boundary caught) and by TheErrorBoundary, so that the app never goes blank.
 */
import { shallowRef } from 'vue';

export interface FatalError {
  message: string;
  /** Where Vue saw it (render function, watcher callback, …) and the stack, for a bug report. */
  detail: string;
}

export const fatalError = shallowRef<FatalError | null>(null);

export function describeError(error: unknown, info?: string): FatalError {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const stack = error instanceof Error && error.stack ? error.stack : '';
  return { message, detail: [info, stack].filter(Boolean).join('\n') };
}

export function reportFatal(error: unknown, info?: string): void {
  console.error(error);
  fatalError.value = describeError(error, info);
}
