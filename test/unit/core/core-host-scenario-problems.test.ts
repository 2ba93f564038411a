/** Issue 9 item 2: a refused scenario load crosses with its errors as codes and parameters, not only English. */
import { describe, expect, it } from 'vitest';
import { ContractError } from '../../../src-main/core/contract';
import { shopCore } from '../../helpers/core';

describe('sim.scenario.load refused', () => {
  it('answers InvalidRequest with each error as a code, its parameters, file, line and path (the message keeps the English for the CLI)', async () => {
    const { core } = shopCore();
    const yaml = `
Parameters:
  Size: { Type: Number }
Resources:
  Web:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties: { MinSize: "1", MaxSize: !Ref Size, AvailabilityZones: [us-east-1a] }
`;
    const result = await core.handle('sim.scenario.load', { fileName: 'stack.yaml', yaml });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(ContractError.safeParse(result.error).success).toBe(true);
    expect(result.error.code).toBe('InvalidRequest');
    expect(result.error.message).toContain('parameter "Size" has no Default');
    expect(result.error.problems).toContainEqual({
      severity: 'error',
      code: 'parameter.missing',
      params: { parameter: 'Size' },
      file: 'stack.yaml',
      path: 'Resources.Web.Properties.MaxSize',
      line: 7,
      column: expect.any(Number),
    });
  });

  it('an intrinsic function’s argument error crosses as its code and parameters (it was the scenario.problem fallback)', async () => {
    const { core } = shopCore();
    const yaml = 'Resources:\n  Lt:\n    Type: AWS::EC2::LaunchTemplate\n    Properties: { LaunchTemplateName: !Join "x" }\n';
    const result = await core.handle('sim.scenario.load', { fileName: 'bad.yaml', yaml });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.problems).toEqual([expect.objectContaining({ severity: 'error', code: 'intrinsic.expects', params: { function: 'Fn::Join', form: '[delimiter, [values]]' }, file: 'bad.yaml' })]);
  });

  it('a refusal that is not a scenario load has no problems', async () => {
    const { core } = shopCore();
    const result = await core.handle('sim.fault.stop', { id: 'no-such-fault' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.problems).toBeUndefined();
  });
});
