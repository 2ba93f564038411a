/**
 * The window's "Open a file" takes a CloudFormation template with parameter values and a stack name,
 * as `sim run --template … --parameters … --stack-name …` does (issue 14, item 2).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FlightdeckCore } from '@main/core/core-host';
import { readScenario } from '@main/core/scenario-files';
import { createSessionManager } from '@main/core/session/create-session-manager';
import { SimSource } from '@main/core/sources/sim/sim-source';
import { manualWallClock } from '../../helpers/core';

function host() {
  const wallClock = manualWallClock();
  const simulation = () => new SimSource(readScenario('shop'), { wallClock, speed: 60 });
  const sessions = createSessionManager({ initial: simulation(), createSimulation: simulation, configDirectory: join(mkdtempSync(join(tmpdir(), 'fd-open-template-')), 'flightdeck'), env: {}, actor: 'web' });
  const core = new FlightdeckCore(sessions);
  core.start();
  return core;
}

const TEMPLATE = `Parameters:
  Max: { Type: Number, MaxValue: 6 }
Resources:
  Lt:
    Type: AWS::EC2::LaunchTemplate
    Properties: { LaunchTemplateData: { InstanceType: t3.micro, ImageId: ami-12345678 } }
  G:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: 1
      MaxSize: !Ref Max
      LaunchTemplate: { LaunchTemplateId: !Ref Lt, Version: "1" }
      AvailabilityZones: !GetAZs ""
`;

describe('sim.scenario.load with a template, parameters and a stack name', () => {
  it('loads the stack under the given name with the given parameter values', async () => {
    const core = host();
    const result = await core.handle('sim.scenario.load', { fileName: 'load.yaml', yaml: 'Simulation:\n  Seed: 4\n', template: { fileName: 'web.yaml', yaml: TEMPLATE }, parameters: '[{"ParameterKey":"Max","ParameterValue":"5"}]', stackName: 'web-prod' });
    expect(result).toMatchObject({ ok: true });
    const group = core.dataSource.snapshot().inventory.autoScalingGroups[0]!;
    expect(group.autoScalingGroupName).toMatch(/^web-prod-G-/);
    expect(group.maxSize).toBe(5);
    core.stop();
  });

  it('warnings cross the contract as codes and parameters too', async () => {
    const core = host();
    const template = `${TEMPLATE}  Topic:\n    Type: AWS::SNS::Topic\n`;
    const result = await core.handle('sim.scenario.load', { fileName: 'load.yaml', yaml: '{}', template: { fileName: 'web.yaml', yaml: template }, parameters: 'Max=2' });
    expect(result).toMatchObject({ ok: true });
    const problems = (result as { value: { problems: unknown[] } }).value.problems;
    expect(problems).toContainEqual({ severity: 'warning', code: 'resource.typeNotSimulated', params: { logicalId: 'Topic', type: 'AWS::SNS::Topic' }, file: 'web.yaml', path: 'Resources.Topic.Type', line: 15, column: 11 });
    core.stop();
  });

  it('refuses bad parameter values with a message naming the parameter; the running scenario stays', async () => {
    const core = host();
    const refused = await core.handle('sim.scenario.load', { fileName: 'load.yaml', yaml: '{}', template: { fileName: 'web.yaml', yaml: TEMPLATE }, parameters: 'Max=9' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'InvalidRequest', message: expect.stringContaining('parameter "Max": 9 is more than the maximum 6') } });
    const malformed = await core.handle('sim.scenario.load', { fileName: 'load.yaml', yaml: '{}', template: { fileName: 'web.yaml', yaml: TEMPLATE }, parameters: 'Max' });
    // Refused like a parameters file: the window words its code, the CLI and logs read the message.
    expect(malformed).toMatchObject({ ok: false, error: { code: 'InvalidRequest', message: expect.stringContaining('"Max" is not Key=Value'), problem: { code: 'scenario.refused' }, problems: [{ code: 'parameter.fileInvalid', params: expect.objectContaining({ reasonCode: 'parameterFile.notKeyValue' }) }] } });
    expect(core.dataSource.snapshot().inventory.autoScalingGroups.some((g) => g.autoScalingGroupName === 'shop-web-asg')).toBe(true);
    core.stop();
  });
});
