/**
 * A view whose code could not be fetched (views are lazy chunks: router.ts). In web mode that is
 * what navigating does once `flightdeck serve` is gone: not a bug in the view, and not fatal — the
 * shell says the view cannot load without the connection (TheViewLoadFailure) and opens it again
 * when the connection returns. Anything else the router throws stays fatal (error-report.ts).
 */
import { shallowRef } from 'vue';

export interface FailedView {
  /** The address asked for, to navigate to again. */
  fullPath: string;
  /** Its route name (the view's title comes from its meta). */
  name: string;
  titleKey?: string;
  message: string;
}

export const failedView = shallowRef<FailedView | null>(null);

/**
 * A dynamic import or its CSS that could not be fetched, as Chromium, Firefox and Safari word it,
 * and Vite's preload helper ("Unable to preload CSS for …").
 */
const LOAD_FAILURE = /Failed to fetch dynamically imported module|error loading dynamically imported module|Importing a module script failed|Unable to preload CSS|Loading chunk .* failed/i;

export function isViewLoadFailure(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return LOAD_FAILURE.test(message);
}
