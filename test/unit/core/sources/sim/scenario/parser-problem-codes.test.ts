/**
 * Issue 9 item 2: where a parser refuses the text (YAML) or a cron Recurrence, the problem carries
 * the parser's structured facts — its error code, the cron field, the part and the bounds — for the
 * window to word; the English (the CLI's) is unchanged.
 */
import { describe, expect, it } from 'vitest';
import { ScenarioError, type Diagnostic } from '@main/core/sources/sim/scenario/diagnostics';
import { loadScenario } from '@main/core/sources/sim/scenario/load-scenario';
import { readYaml } from '@main/core/sources/sim/scenario/yaml-source';
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
