/**
 * What every command that opens a scenario (`sim run`, `sim backtest`, `serve`, `dns trace`) shares:
 * --seed and the stack options (--template, --parameter, --parameters, --stack-name), checked the
 * same way, and the scenario read with them, its warnings on stderr — so a scenario opens alike in
 * every command.
 */
import { readScenario, type StackOptions } from '../core/scenario-files';
import { STACK_NAME_PATTERN, type ScenarioModel } from '../core/sources/sim/scenario/load-scenario';
import { ParameterValuesError, parseParameterAssignment } from '../core/sources/sim/scenario/parameter-values';
import { parseLeadInOption } from '../core/sources/sim/lead-in';
import { printWarnings, UsageError } from './output';

/** --template, --parameter (repeatable), --parameters and --stack-name. */
export const STACK_OPTIONS = {
  template: { type: 'string' },
  parameter: { type: 'string', multiple: true },
  parameters: { type: 'string' },
  'stack-name': { type: 'string' },
} as const;

/** The `parseArgs` options of every command that opens a scenario: --seed and the stack options. */
export const SCENARIO_OPTIONS = { seed: { type: 'string' }, ...STACK_OPTIONS } as const;

interface StackOptionValues {
  template?: string;
  parameter?: string[];
  parameters?: string;
  'stack-name'?: string;
}

export function parseStackOptions(values: StackOptionValues): Omit<StackOptions, 'seed'> {
  const parameters: Record<string, string> = {};
  for (const assignment of values.parameter ?? []) {
    try {
      const [key, value] = parseParameterAssignment(assignment);
      parameters[key] = value;
    } catch (error) {
      if (error instanceof ParameterValuesError) throw new UsageError(`--parameter ${error.message}`);
      throw error;
    }
  }
  const stackName = values['stack-name'];
  if (stackName !== undefined && !STACK_NAME_PATTERN.test(stackName)) {
    throw new UsageError(`--stack-name "${stackName}" is not a stack name: a letter, then letters, digits and hyphens, at most 128 characters`);
  }
  return {
    ...(values.template !== undefined ? { template: values.template } : {}),
    ...(Object.keys(parameters).length > 0 ? { parameters } : {}),
    ...(values.parameters !== undefined ? { parametersFile: values.parameters } : {}),
    ...(stackName !== undefined ? { stackName } : {}),
  };
}

export function parseSeed(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(Number(text))) throw new UsageError(`--seed must be an integer, got "${text}"`);
  return Number(text);
}

/** SCENARIO_OPTIONS' values checked (usage errors), before anything is read. */
export function parseScenarioOptions(values: StackOptionValues & { seed?: string }): StackOptions {
  return { seed: parseSeed(values.seed), ...parseStackOptions(values) };
}

/** The scenario a command names (a bundled name or a file), read with its options; its warnings on stderr. */
export function openScenario(nameOrPath: string, options: StackOptions): ScenarioModel {
  const scenario = readScenario(nameOrPath, options);
  printWarnings(scenario.file, scenario.warnings);
  return scenario;
}

/** `--lead-in` (sim run and serve): whole minutes, 0–24 h; 0 disables. */
export function parseLeadIn(text: string | undefined): number | undefined {
  try {
    return parseLeadInOption(text);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
