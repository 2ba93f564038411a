/**
 * Issue 9 item 2: the common scenario diagnostics carry a code and parameters (the window translates
 * them, i18n `scenarioProblems.<code>`), while their English message, which the CLI prints, is unchanged.
 */
import { describe, expect, it } from 'vitest';
import { ScenarioError, type Diagnostic } from '@main/core/sources/sim/scenario/diagnostics';
import { loadScenario } from '@main/core/sources/sim/scenario/load-scenario';

function diagnostics(text: string): Diagnostic[] {
  try {
    return loadScenario(text, { file: 's.yaml' }).warnings;
  } catch (error) {
    if (error instanceof ScenarioError) return error.diagnostics;
    throw error;
  }
}

describe('scenario diagnostics with codes', () => {
  it('warnings: Imports without a template, a Classic Load Balancer, an action with a Duration', () => {
    const found = diagnostics(`Imports: { Exports: {} }
Resources:
  Old:
    Type: AWS::ElasticLoadBalancing::LoadBalancer
Actions:
  - At: 1m
    Type: SetDesiredCapacity
    Duration: 5m
    AutoScalingGroupName: x
    DesiredCapacity: 1
`);
    expect(found).toContainEqual(expect.objectContaining({ code: 'imports.withoutTemplate', message: 'Imports stands in for other stacks beside a --template; without one it is ignored', path: 'Imports' }));
    expect(found).toContainEqual(expect.objectContaining({ code: 'resource.classicLoadBalancer', params: { logicalId: 'Old' }, message: expect.stringMatching(/^Classic Load Balancer Old \(AWS::ElasticLoadBalancing::LoadBalancer\) is not simulated/) }));
    expect(found).toContainEqual(expect.objectContaining({ code: 'action.durationIgnored', message: 'actions have no Duration; ignored', path: 'Actions[0].Duration', line: 8 }));
  });

  it('errors: a resource without Type, a Traffic target nothing answers to, an unknown fault type', () => {
    const found = diagnostics(`Resources:
  NoType: { Properties: {} }
Traffic:
  - Name: p
    Target: nowhere.example.com
    Rate: 1
Faults:
  - At: 1m
    Type: Explode
`);
    expect(found).toContainEqual(expect.objectContaining({ code: 'resource.typeMissing', message: 'each resource needs a Type such as AWS::AutoScaling::AutoScalingGroup' }));
    expect(found).toContainEqual(expect.objectContaining({ code: 'traffic.unknownTarget', params: { target: 'nowhere.example.com', known: 'none' }, message: expect.stringMatching(/^nothing in this scenario answers to "nowhere\.example\.com" \(known: none\)/) }));
    expect(found).toContainEqual(expect.objectContaining({ code: 'fault.unknownType', params: { type: '"Explode"', known: expect.stringContaining('TerminateInstances') }, message: expect.stringMatching(/^unknown fault type "Explode" \(known: TerminateInstances/) }));
  });

  it('a repeated YAML key', () => {
    expect(diagnostics('a: 1\na: 2\n')).toEqual([{ severity: 'error', code: 'yaml.duplicateKey', params: { key: 'a' }, message: 'invalid YAML: Map keys must be unique; "a" is repeated', path: '', line: 2, column: 1 }]);
  });

  it('a misspelt key is one error (issue 14 item 7: one cause, one error), not an unknown key plus a missing field', () => {
    const found = diagnostics(`Resources:
  Zone:
    Type: AWS::Route53::HostedZone
    Properties: { Name: example.com }
Traffic:
  - Name: users
    Target: www.example.com
    RequestsPerSecond: 10
`).filter((d) => d.severity === 'error');
    expect(found).toEqual([
      expect.objectContaining({ code: 'value.unrecognized_keys', path: 'Traffic[0]', message: 'unknown key "RequestsPerSecond", and Rate is required: a misspelling?' }),
    ]);
  });
});
