/**
 * Finding and reading scenario files: the bundled ones under resources/scenarios, or any path an
 * operator gives. Read errors become ScenarioErrors that name the file.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ScenarioError } from './sources/sim/scenario/diagnostics';
import { loadScenario, type ScenarioModel } from './sources/sim/scenario/load-scenario';

export const DEFAULT_SCENARIO = 'shop';

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
    const text = readFileSync(join(resourcesDir(), 'scenarios', `${name}.yaml`), 'utf8');
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

export function readScenario(nameOrPath: string, options: { seed?: number; template?: string } = {}): ScenarioModel {
  const path = resolveScenarioPath(nameOrPath);
  const text = readText(path, /^[a-z0-9-]+$/.test(nameOrPath) ? ` (bundled scenarios: ${safeBundledNames()})` : '');
  const template = options.template ? { file: resolve(options.template), text: readText(resolve(options.template), '') } : undefined;
  return loadScenario(text, { file: path, seed: options.seed, template });
}

function readText(path: string, hint: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message;
    throw new ScenarioError(path, [{ severity: 'error', message: `${reason}${hint}`, path: '', line: 0, column: 0 }]);
  }
}

function safeBundledNames(): string {
  try {
    return bundledScenarioNames().join(', ');
  } catch {
    return 'none found';
  }
}
