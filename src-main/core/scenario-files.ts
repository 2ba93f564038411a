/**
 * Finding and reading scenario files: the bundled ones under resources/scenarios, or any path an
 * operator gives. Read errors become ScenarioErrors that name the file.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FileRefusedError, readBoundedTextFile } from './read-bounded-file';
import { type DiagnosticCode, ScenarioError } from './sources/sim/scenario/diagnostics';
import { loadScenario, type ScenarioModel } from './sources/sim/scenario/load-scenario';
import { MAX_SCENARIO_BYTES } from './sources/sim/scenario/limits';
import { parameterFileDiagnostic, ParameterValuesError, parseParameterFile } from './sources/sim/scenario/parameter-values';

export const DEFAULT_SCENARIO = 'shop';

/**
 * The largest scenario or template file read (docs/scenario-format.md, Limits): 16 MiB is over 400
 * times the largest bundled scenario and 16 times CloudFormation's own limit for a template (1 MB
 * from S3), so no real file comes near it, while /dev/zero or a runaway file is refused at once.
 */
export const MAX_SCENARIO_FILE_BYTES = MAX_SCENARIO_BYTES;

/**
 * resources/ next to the app: FLIGHTDECK_RESOURCES when set (packaged Electron sets it to
 * process.resourcesPath), else the first `resources/scenarios` found walking up from this module.
 */
export function resourcesDir(): string {
  const fromEnv = process.env.FLIGHTDECK_RESOURCES;
  if (fromEnv && existsSync(join(fromEnv, 'scenarios'))) return fromEnv;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, 'resources', 'scenarios'))) return join(dir, 'resources');
    dir = dirname(dir);
  }
  throw new Error('cannot find the bundled resources/scenarios folder; set FLIGHTDECK_RESOURCES');
}

export function bundledScenarioNames(): string[] {
  return readdirSync(join(resourcesDir(), 'scenarios'))
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => file.replace(/\.yaml$/, ''))
    .sort();
}

/** Bundled scenarios with the Description line of each file (read cheaply, without loading them). */
export function bundledScenarios(): { name: string; description?: string }[] {
  return bundledScenarioNames().map((name) => {
    const text = readBoundedTextFile(join(resourcesDir(), 'scenarios', `${name}.yaml`), MAX_SCENARIO_FILE_BYTES);
    const description = /^Description:\s*(.+)$/m.exec(text)?.[1]?.trim().replace(/^['"]|['"]$/g, '');
    return description ? { name, description } : { name };
  });
}

/** A bundled scenario name (`shop`) or a path to a YAML file. */
export function resolveScenarioPath(nameOrPath: string): string {
  if (/^[a-z0-9-]+$/.test(nameOrPath) && !existsSync(nameOrPath)) {
    return join(resourcesDir(), 'scenarios', `${nameOrPath}.yaml`);
  }
  return resolve(nameOrPath);
}

/** How a stack is loaded: `sim run` and `serve` options (--template, --parameter(s), --stack-name). */
export interface StackOptions {
  seed?: number;
  template?: string;
  /** --parameter Key=Value values (win over the file's). */
  parameters?: Record<string, string>;
  /** --parameters FILE. */
  parametersFile?: string;
  stackName?: string;
}

export function readScenario(nameOrPath: string, options: StackOptions = {}): ScenarioModel {
  const path = resolveScenarioPath(nameOrPath);
  const bundled = /^[a-z0-9-]+$/.test(nameOrPath) ? safeBundledNames() : undefined;
  const text = readText(path, bundled !== undefined ? { text: ` (bundled scenarios: ${bundled})`, bundled } : { text: '' });
  const template = options.template ? { file: resolve(options.template), text: readText(resolve(options.template), { text: '' }, 'template') } : undefined;
  const parameters = { ...(options.parametersFile ? readParameterFile(resolve(options.parametersFile)) : {}), ...options.parameters };
  return loadScenario(text, { file: path, seed: options.seed, template, parameters, ...(options.stackName !== undefined ? { stackName: options.stackName } : {}) });
}

/** A --parameters FILE in the AWS CLI's shapes (parameter-values.ts); problems name the file. */
function readParameterFile(path: string): Record<string, string> {
  const text = readText(path, { text: '' }, 'parameters file');
  try {
    return parseParameterFile(text);
  } catch (error) {
    if (!(error instanceof ParameterValuesError)) throw error;
    throw new ScenarioError(path, [parameterFileDiagnostic(error)], 'parameters file');
  }
}

/** A scenario or template file's text; anything unreadable, not a regular file or too large becomes a ScenarioError naming the file. */
function readText(path: string, hint: { text: string; bundled?: string }, what: 'scenario' | 'template' | 'parameters file' = 'scenario'): string {
  try {
    return readBoundedTextFile(path, MAX_SCENARIO_FILE_BYTES);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? `file not found${hint.text}`
        : error instanceof FileRefusedError
          ? `refused to read this ${what.endsWith(' file') ? what : `${what} file`}: ${error.message}`
          : (error as Error).message;
    // A refusal crosses as data; the system's words (`reason`) travel with its error code (`errno`),
    // which the window words when it knows it.
    const detail: DiagnosticCode =
      code === 'ENOENT'
        ? hint.bundled !== undefined
          ? { code: 'file.notFoundBundled', params: { bundled: hint.bundled } }
          : { code: 'file.notFound' }
        : error instanceof FileRefusedError
          ? refusedCode(error, what)
          : { code: 'file.unreadable', params: { reason, ...(code !== undefined ? { errno: code } : {}) } };
    throw new ScenarioError(path, [{ severity: 'error', message: reason, path: '', line: 0, column: 0, ...detail }], what);
  }
}

function refusedCode(error: FileRefusedError, what: string): DiagnosticCode {
  const refusal = error.refusal;
  if (refusal?.kind === 'notRegular') return { code: 'file.refusedNotRegular', params: { what, fileType: refusal.fileType } };
  if (refusal?.kind === 'tooLarge') return { code: 'file.refusedTooLarge', params: { what, bytes: refusal.bytes, maxBytes: refusal.maxBytes } };
  if (refusal?.kind === 'grew') return { code: 'file.refusedGrew', params: { what, maxBytes: refusal.maxBytes } };
  return { code: 'file.refused', params: { what, reason: error.message } };
}

function safeBundledNames(): string {
  try {
    return bundledScenarioNames().join(', ');
  } catch {
    return 'none found';
  }
}
