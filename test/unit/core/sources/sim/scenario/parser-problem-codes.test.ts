/**
 * Issue 9 item 2: where a parser refuses the text (YAML) or a cron Recurrence, the problem carries
 * the parser's structured facts — its error code, the cron field, the part and the bounds — for the
 * window to word; the English (the CLI's) is unchanged.
 */
import { describe, expect, it } from 'vitest';
import { ScenarioError, type Diagnostic } from '@main/core/sources/sim/scenario/diagnostics';
import { loadScenario } from '@main/core/sources/sim/scenario/load-scenario';
import { readYaml } from '@main/core/sources/sim/scenario/yaml-source';
import { parameterFileDiagnostic, ParameterValuesError, parseParameterFile } from '@main/core/sources/sim/scenario/parameter-values';
import { LambdaSimulationMetadata } from '@main/core/sources/sim/lambda/resource-types';
import { parametersRefused } from '@main/core/sources/sim/sim-refusals';
import { webTier } from '../../../../../helpers/scenarios';

function diagnostics(text: string): Diagnostic[] {
  try {
    return loadScenario(text, { file: 's.yaml' }).warnings;
  } catch (error) {
    if (error instanceof ScenarioError) return error.diagnostics;
    throw error;
  }
}

const scheduled = (recurrence: string) =>
  webTier().replace('\nResources:\n', `\nResources:\n  Rush:\n    Type: AWS::AutoScaling::ScheduledAction\n    Properties: { AutoScalingGroupName: !Ref Asg, Recurrence: "${recurrence}", DesiredCapacity: 4 }\n`);

describe('parser problems as data', () => {
  it('a YAML syntax error carries the parser’s code (the window translates it) beside its English', () => {
    const [problem] = readYaml('Resources: [\n').diagnostics;
    expect(problem).toMatchObject({ code: 'file.invalidYaml', params: { yamlCode: expect.stringMatching(/^[A-Z_]+$/) } });
    expect(problem!.message).toMatch(/^invalid YAML: /);
  });

  it.each([
    ['0 25 * * *', 'autoScaling.recurrenceOutOfRange', { part: '25', cronField: 'hour', min: 0, max: 23 }, 'hour field: "25" is outside 0-23'],
    ['0 9 * * FUNDAY', 'autoScaling.recurrenceNotANumber', { part: 'FUNDAY', cronField: 'day-of-week' }, 'day-of-week field: "FUNDAY" is not a number'],
    ['*/0 9 * * *', 'autoScaling.recurrenceBadStep', { part: '*/0', cronField: 'minute' }, 'minute field: "*/0" has an invalid step'],
    ['0 9 * *', 'autoScaling.recurrenceFieldCount', { part: '0 9 * *' }, 'must have 5 fields'],
  ])('Recurrence %s: %s with the field, the part and the bounds', (recurrence, code, params, english) => {
    const found = diagnostics(scheduled(recurrence)).filter((d) => d.path.endsWith('Recurrence'));
    expect(found, JSON.stringify(found)).toHaveLength(1);
    expect(found[0]).toMatchObject({ code, params: { recurrence, ...params } });
    expect(found[0]!.params).not.toHaveProperty('reason');
    expect(found[0]!.message).toContain(english);
  });
});

describe('diagnostics that carried English now carry codes (issue 9 item 2)', () => {
  it('invalid JSON: JSON.parse’s own words as `reason`, with the line and column it points at', () => {
    const [problem] = readYaml('{\n  "Resources": {\n    "A": 1\n    "B": 2\n  }\n}\n', 's.json').diagnostics;
    expect(problem).toMatchObject({ code: 'file.invalidJson', line: 4, params: { line: 4, column: problem!.column, reason: expect.stringMatching(/^Expected ',' or '\}'/) } });
    expect(problem!.column).toBeGreaterThan(0);
  });

  it('after parsing: an alias bomb and an alias inside itself have codes of their own', () => {
    const bomb = ['a: &a [1]', ...Array.from({ length: 120 }, (_, i) => `b${i}: *a`)].join('\n');
    expect(readYaml(bomb).diagnostics).toEqual([expect.objectContaining({ code: 'yaml.tooManyAliases', params: { max: 100 }, message: expect.stringMatching(/^invalid YAML: /) })]);
    expect(readYaml('a: &x\n  b: *x\n').diagnostics).toEqual([expect.objectContaining({ code: 'yaml.aliasSelfReference', params: { alias: 'x' }, line: 2 })]);
  });

  it.each([
    ['Size', 'parameterFile.notKeyValue', { text: 'Size' }],
    ['Bad-Key=1', 'parameterFile.nameNotAlphanumeric', { key: 'Bad-Key' }],
    ['[1, 2]', 'parameterFile.elementForm', {}],
    ['{ "Other": 1 }', 'parameterFile.shape', {}],
    ['{ "Parameters": { "A": { "x": 1 } } }', 'parameterFile.valueNotAString', { key: 'A' }],
    [`A=${'x'.repeat(4097)}`, 'parameterFile.valueTooLong', { key: 'A', length: 4097, maximum: 4096 }],
    [Array.from({ length: 201 }, (_, i) => `P${i}=1`).join(' '), 'parameterFile.tooMany', { count: 201, maximum: 200 }],
  ])('a parameter values file %#: parameter.fileInvalid wrapping %s', (text, reasonCode, reason) => {
    let caught: unknown;
    try {
      parseParameterFile(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ParameterValuesError);
    const diagnostic = parameterFileDiagnostic(caught as ParameterValuesError);
    expect(diagnostic.code).toBe('parameter.fileInvalid');
    expect(diagnostic.params).toEqual({ reason: (caught as Error).message, reasonCode, ...Object.fromEntries(Object.entries(reason).map(([key, value]) => [`reason.${key}`, value])) });
  });

  it('a parameter values file that is not JSON: the parser’s words wrapped, and the diagnostic at its line and column', () => {
    let caught: unknown;
    try {
      parseParameterFile('[\n  "A=1"\n  "B=2"\n]');
    } catch (error) {
      caught = error;
    }
    const diagnostic = parameterFileDiagnostic(caught as ParameterValuesError);
    expect(diagnostic).toMatchObject({ code: 'parameter.fileInvalid', line: 3, params: { reasonCode: 'parameterFile.invalidJson', 'reason.line': 3, 'reason.reason': expect.stringMatching(/^Expected ',' or ']'/) } });
  });

  it('Lambda Metadata.Simulation the engine refuses (a model built without the loader): the loader’s value code, wrapped', () => {
    const refusal = parametersRefused('lambda.metadataInvalid', 'Fn', LambdaSimulationMetadata, { ErrorRate: 3 }, 'Fn: Metadata.Simulation: ErrorRate …');
    expect(refusal).toMatchObject({ code: 'InvalidRequest', problem: 'lambda.metadataInvalid', params: { kind: 'Fn', parameter: 'ErrorRate', reasonCode: 'value.numberOutOfRange', 'reason.field': 'ErrorRate', 'reason.min': 0, 'reason.max': 1 } });
  });
});
