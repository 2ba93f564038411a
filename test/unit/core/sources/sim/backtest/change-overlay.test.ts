/** Issue 17 item 4: a backtest's change file is a CloudFormation-shaped overlay, checked path by path. */
import { describe, expect, it } from 'vitest';
import { readScenario } from '@main/core/scenario-files';
import { applyChange, deepMerge } from '@main/core/sources/sim/backtest/change-overlay';
import { ScenarioError } from '@main/core/sources/sim/scenario/diagnostics';
import { SimulationEngine } from '@main/core/sources/sim/engine';

const shop = readScenario('shop');
const props = (scenario: typeof shop, id: string) => scenario.resources.find((r) => r.logicalId === id)!.properties as { [key: string]: unknown; TargetTrackingConfiguration: { TargetValue: number } };

function errorsOf(text: string): { path: string; code?: string; line: number; message: string }[] {
  try {
    applyChange(shop, text, 'change.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as ScenarioError).what).toBe('change file');
    return (error as ScenarioError).diagnostics.filter((d) => d.severity === 'error');
  }
  throw new Error('the change was accepted');
}

describe('deepMerge', () => {
  it('merges mappings key by key; scalars and lists replace', () => {
    expect(deepMerge({ a: { b: 1, c: 2 }, l: [1, 2] }, { a: { c: 3 }, l: [9] })).toEqual({ a: { b: 1, c: 3 }, l: [9] });
  });
});

describe('applyChange', () => {
  it('sets a target-tracking target value and keeps the rest of the policy', () => {
    const { scenario, changedPaths } = applyChange(shop, 'Resources:\n  WebCpuTargetTracking:\n    Properties:\n      TargetTrackingConfiguration:\n        TargetValue: 40\n');
    expect(changedPaths).toEqual(['Resources.WebCpuTargetTracking.Properties.TargetTrackingConfiguration.TargetValue']);
    expect(props(scenario, 'WebCpuTargetTracking').TargetTrackingConfiguration).toEqual({ TargetValue: 40, PredefinedMetricSpecification: { PredefinedMetricType: 'ASGAverageCPUUtilization' } });
    // The original is untouched: the base run replays the scenario as loaded.
    expect(props(shop, 'WebCpuTargetTracking').TargetTrackingConfiguration.TargetValue).toBe(50);
  });

  it('covers warm-up, cooldown, group bounds, a schedule, step adjustments and an instance type capacity', () => {
    const text = `
Resources:
  WebCpuTargetTracking: { Properties: { EstimatedInstanceWarmup: 120 } }
  OrdersScaleOut: { Properties: { Cooldown: 60 } }
  OrdersGroup: { Properties: { MinSize: "1", MaxSize: 14, Cooldown: "120" } }
  FridayRushStart: { Properties: { Recurrence: "30 14 * * FRI", DesiredCapacity: 8 } }
  OrdersScaleIn:
    Properties:
      PolicyType: StepScaling
      StepAdjustments: [{ MetricIntervalUpperBound: 0, ScalingAdjustment: -2 }]
Simulation:
  InstanceTypes: { c5.large: { Vcpus: 4, HourlyPrice: 0.1 } }
`;
    const { scenario, changedPaths } = applyChange(shop, text);
    expect(props(scenario, 'WebCpuTargetTracking').EstimatedInstanceWarmup).toBe(120);
    expect(props(scenario, 'OrdersScaleOut').Cooldown).toBe(60);
    expect(props(scenario, 'OrdersGroup')).toMatchObject({ MinSize: 1, MaxSize: 14, Cooldown: 120, DesiredCapacity: 2 });
    expect(props(scenario, 'FridayRushStart')).toMatchObject({ Recurrence: '30 14 * * FRI', DesiredCapacity: 8, MinSize: 4 });
    expect(props(scenario, 'OrdersScaleIn').StepAdjustments).toEqual([{ MetricIntervalUpperBound: 0, ScalingAdjustment: -2 }]);
    expect(scenario.simulation.instanceTypes).toEqual({ 'c5.large': { vcpus: 4, hourlyPrice: 0.1 } });
    expect(changedPaths).toContain('Simulation.InstanceTypes.c5.large.Vcpus');
    // The capacity reaches the simulated instances.
    const engine = new SimulationEngine(scenario, { leadInSeconds: 0, trackChanges: false });
    expect(engine.world.autoScalingGroups.get('shop-web-asg')!.vcpus).toBe(4);
    expect(new SimulationEngine(shop, { leadInSeconds: 0, trackChanges: false }).world.autoScalingGroups.get('shop-web-asg')!.vcpus).toBe(2);
  });

  it('a typo in a property is an error naming the path and its line, with the known properties', () => {
    const errors = errorsOf('Resources:\n  WebCpuTargetTracking:\n    Properties:\n      TargetTrackingConfiguration:\n        TargetValu: 40\n');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ path: 'Resources.WebCpuTargetTracking.Properties.TargetTrackingConfiguration.TargetValu', code: 'change.unknownProperty', line: 5 });
    expect(errors[0]!.message).toContain('TargetValue');
  });

  it('an unknown logical id, an unknown section and a Type change are errors', () => {
    const errors = errorsOf('Resources:\n  WebScalingTypo: { Properties: { MinSize: 1 } }\n  WebGroup: { Type: AWS::EC2::Instance }\nTraffic: []\n');
    expect(errors.map((e) => [e.path, e.code])).toEqual([
      ['Traffic', 'change.unknownSection'],
      ['Resources.WebScalingTypo', 'change.unknownResource'],
      ['Resources.WebGroup.Type', 'change.unknownKey'],
    ]);
  });

  it('a merged value the spec refuses is an error at its path (MinSize above MaxSize, a bad cron, a type)', () => {
    expect(errorsOf('Resources:\n  WebGroup: { Properties: { MinSize: 20 } }\n').map((e) => e.path)).toContain('Resources.WebGroup.Properties.MinSize');
    expect(errorsOf('Resources:\n  FridayRushStart: { Properties: { Recurrence: "every friday" } }\n')[0]!.path).toBe('Resources.FridayRushStart.Properties.Recurrence');
    expect(errorsOf('Resources:\n  WebCpuTargetTracking: { Properties: { TargetTrackingConfiguration: { TargetValue: lots } } }\n')[0]!.path).toBe('Resources.WebCpuTargetTracking.Properties.TargetTrackingConfiguration.TargetValue');
  });

  it('refuses renames, intrinsics, Simulation keys other than InstanceTypes and an empty change', () => {
    expect(errorsOf('Resources:\n  WebGroup: { Properties: { AutoScalingGroupName: other } }\n')[0]).toMatchObject({ code: 'change.notChangeable' });
    expect(errorsOf('Resources:\n  WebGroup: { Properties: { MaxSize: !Ref Size } }\n')[0]).toMatchObject({ code: 'change.intrinsic', path: 'Resources.WebGroup.Properties.MaxSize' });
    expect(errorsOf('Simulation: { Seed: 3 }\n')[0]).toMatchObject({ code: 'change.notChangeable', path: 'Simulation.Seed' });
    expect(errorsOf('Resources: {}\n')[0]).toMatchObject({ code: 'change.empty' });
    expect(errorsOf('- not a mapping\n')[0]).toMatchObject({ code: 'change.notMapping' });
    expect(errorsOf('Resources: [\n')[0]).toMatchObject({ code: 'file.invalidYaml' });
  });

  it('is bounded in what it reports: 3,000 unknown keys give 100 errors and a line counting the rest', () => {
    const text = `Resources:\n  WebGroup:\n    Properties:\n${Array.from({ length: 3000 }, (_, i) => `      X${i}: 1\n`).join('')}`;
    const errors = errorsOf(text);
    expect(errors).toHaveLength(101);
    expect(errors[0]).toMatchObject({ code: 'change.unknownProperty', path: 'Resources.WebGroup.Properties.X0' });
    expect(errors[100]!.message).toBe('… and 2900 more problems (2900 errors) not listed; only the first 100 are shown');
  });

  it('names NaN and infinities as such, not as "a number (null)"', () => {
    expect(errorsOf('Resources:\n  WebGroup: { Properties: { MaxSize: .nan } }\n')[0]!.message).toBe('MaxSize must be a number or a string; got .nan (not a finite number)');
    expect(errorsOf('Simulation:\n  InstanceTypes: { c5.large: { HourlyPrice: -.inf } }\n')[0]!.message).toBe('HourlyPrice must be a number; got -.inf (not a finite number)');
  });

  it("returns the warnings the change causes (LBA-5: A aliases answer nothing once the load balancer has no public IPv4), not the scenario's own", () => {
    const { warnings } = applyChange(shop, 'Resources:\n  ShopLoadBalancer:\n    Properties:\n      IpAddressType: dualstack-without-public-ipv4\n');
    expect(warnings.map((w) => w.path)).toContain('Resources.ShopRecords.Properties.RecordSets[0].AliasTarget.DNSName');
    expect(warnings.every((w) => w.severity === 'warning' && /dualstack-without-public-ipv4/.test(w.message))).toBe(true);
    expect(applyChange(shop, 'Resources:\n  WebGroup: { Properties: { MaxSize: 20 } }\n').warnings).toEqual([]);
  });

  it('is bounded: a change longer than 100,000 characters is refused before parsing', () => {
    expect(errorsOf(`# ${'x'.repeat(100_001)}\n`)[0]).toMatchObject({ code: 'change.tooLarge' });
  });
});
