/**
 * What a scenario file did wrong, and where. Every message names the YAML path (`Resources.WebGroup.
 * Properties.MaxSize`) and the line, so an operator can jump straight to it.
 */
import type { ScenarioProblemCode } from '../../../contract/model-scenario-problem';

export interface Diagnostic {
  severity: 'error' | 'warning';
  message: string;
  /** Dotted YAML path, e.g. `Resources.WebGroup.Properties.MinSize`. */
  path: string;
  /** 1-based; 0 when the location is unknown (e.g. a missing section). */
  line: number;
  column: number;
  /** Set when the problem is in another file than the scenario (a --template). */
  file?: string;
  /**
   * A stable code for the kind of problem and its parameters, so a window can say it in its own
   * language (issue 9: codes, not sentences, cross the contract). Problems without a code of their
   * own travel as `scenario.problem` with the English text.
   */
  code?: ScenarioProblemCode;
  params?: Record<string, string | number>;
}

/** A stable code for a kind of problem and its parameters (Diagnostic.code). */
export interface DiagnosticCode {
  code: ScenarioProblemCode;
  params?: Record<string, string | number>;
}

/**
 * A problem that wraps another (a parameters file's, a WAF statement's reason): the English `reason`
 * (the CLI's words), its code as `reasonCode` and its parameters prefixed `reason.`, which the window
 * words through the same section (scenario-problem-text.ts).
 */
export function wrappedReason(reason: DiagnosticCode, english: string): Record<string, string | number> {
  const params: Record<string, string | number> = { reason: english, reasonCode: reason.code };
  for (const [key, value] of Object.entries(reason.params ?? {})) params[`reason.${key}`] = value;
  return params;
}

export type PathSegment = string | number;

export function formatPath(path: readonly PathSegment[]): string {
  return path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join('');
}

export function formatDiagnostic(file: string, diagnostic: Diagnostic): string {
  const name = diagnostic.file ?? file;
  const where = diagnostic.line > 0 ? `${name}:${diagnostic.line}:${diagnostic.column}` : name;
  const at = diagnostic.path ? ` (at ${diagnostic.path})` : '';
  return `${where}: ${diagnostic.severity}: ${diagnostic.message}${at}`;
}

/** Thrown when a scenario has at least one error; carries every diagnostic, warnings included. */
export class ScenarioError extends Error {
  constructor(
    readonly file: string,
    readonly diagnostics: Diagnostic[],
    /** What `file` is, for the header a person reads ("the template has 2 errors"). */
    readonly what: 'scenario' | 'template' | 'parameters file' | 'change file' = 'scenario',
  ) {
    super(
      diagnostics
        .filter((d) => d.severity === 'error')
        .map((d) => formatDiagnostic(file, d))
        .join('\n'),
    );
    this.name = 'ScenarioError';
  }
}

/**
 * "the template (stack.yaml) has 2 errors", "the scenario and the template have 3 errors": the header
 * names the file that holds the faults, not always the scenario.
 */
export function errorHeadline(error: ScenarioError): string {
  const errors = error.diagnostics.filter((d) => d.severity === 'error');
  const inOther = errors.filter((d) => d.file !== undefined && d.file !== error.file);
  const inOwn = errors.length - inOther.length;
  const count = `${errors.length} error${errors.length === 1 ? '' : 's'}`;
  const other = inOther[0]?.file;
  if (inOther.length > 0 && inOwn === 0) return `the template (${other}) has ${count}`;
  if (inOther.length > 0) return `the ${error.what} and the template (${other}) have ${count}`;
  return `the ${error.what} has ${count}`;
}
