/** How the CLI reports problems: one clear line per problem on stderr, and an exit code. */
import { errorHeadline, formatDiagnostic, ScenarioError } from '../core/sources/sim/scenario/diagnostics';

export class UsageError extends Error {}

export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

export function reportError(error: unknown): number {
  if (error instanceof UsageError) {
    process.stderr.write(`flightdeck: ${error.message}\nRun \`flightdeck help\` for usage.\n`);
    return EXIT.usage;
  }
  if (error instanceof ScenarioError) {
    process.stderr.write(`flightdeck: ${errorHeadline(error)}:\n`);
    for (const diagnostic of error.diagnostics) process.stderr.write(`  ${formatDiagnostic(error.file, diagnostic)}\n`);
    return EXIT.failure;
  }
  process.stderr.write(`flightdeck: ${error instanceof Error ? error.message : String(error)}\n`);
  return EXIT.failure;
}

export function printWarnings(file: string, warnings: Parameters<typeof formatDiagnostic>[1][]): void {
  for (const warning of warnings) process.stderr.write(`${formatDiagnostic(file, warning)}\n`);
}
