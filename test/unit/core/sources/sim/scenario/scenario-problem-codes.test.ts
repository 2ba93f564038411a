/**
 * Issue 9 item 2: the common scenario diagnostics carry a code and parameters (the window translates
 * them, i18n `scenarioProblems.<code>`), while their English message, which the CLI prints, is unchanged.
 */
import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import { ScenarioError, type Diagnostic } from '@main/core/sources/sim/scenario/diagnostics';
import { loadScenario } from '@main/core/sources/sim/scenario/load-scenario';

/**
 * The window's messages, to check them against the CLI's English. Loaded by path at run time: this
 * test is type-checked with core (tsconfig.node.json), whose project does not hold the renderer.
 */
async function window(locale: 'en' | 'ko') {
  const file = `${process.cwd()}/src-renderer/src/i18n/${locale}.ts`;
  const { default: tree } = (await import(/* @vite-ignore */ file)) as { default: never };
  const { global } = createI18n({ legacy: false, locale });
  global.setLocaleMessage(locale, tree);
  return global;
}
const windows = { en: await window('en'), ko: await window('ko') };

/**
 * The one diagnostic with this code: its params as given, its English (the CLI's) as given, and the
 * window's English from the code equal to the CLI's (typographic apostrophes aside); Korean has its own text.
 */
function coded(found: Diagnostic[], code: string, params: Record<string, unknown>, message: string | RegExp): Diagnostic {
  const matching = found.filter((d) => d.code === code);
  expect(matching, `${code} in ${JSON.stringify(found.map((d) => d.message))}`).toHaveLength(1);
  const diagnostic = matching[0]!;
  expect(diagnostic.params).toEqual(params);
  if (typeof message === 'string') expect(diagnostic.message).toBe(message);
  else expect(diagnostic.message).toMatch(message);
  const key = `scenarioProblems.${code}`;
  expect(windows.en.t(key, diagnostic.params ?? {}).replace(/’/g, "'")).toBe(diagnostic.message);
  expect(windows.ko.t(key, diagnostic.params ?? {})).not.toBe(diagnostic.message);
  return diagnostic;
}

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

  /** The reason an output is not shown, as the diagnostic it wraps (output.unavailable carries its code and `reason.` params). */
  function reasons(found: Diagnostic[]): Diagnostic[] {
    return found.flatMap((d) => {
      if (d.code !== 'output.unavailable' || typeof d.params?.reasonCode !== 'string') return [];
      const params = Object.fromEntries(Object.entries(d.params).flatMap(([name, value]) => (name.startsWith('reason.') ? [[name.slice(7), value]] : [])));
      return [{ ...d, code: d.params.reasonCode as Diagnostic['code'], params, message: String(d.params.reason) }];
    });
  }

  it('an intrinsic function’s argument: its function, the form it expects or what is wrong with it', () => {
    const all = diagnostics(`Mappings:
  M: { a: { b: x } }
Conditions:
  Few: { 'Fn::And': [ true ] }
Resources:
  Zone:
    Type: AWS::Route53::HostedZone
    Properties: { Name: example.com }
Outputs:
  A: { Value: !Join [ "," ] }
  B: { Value: !Select [ 3, [ a, b ] ] }
  C: { Value: !FindInMap [ M, a, c ] }
  D: { Value: !Ref Nowhere }
  E: { Value: !Cidr [ 10.0.0.0/24, 9, 6 ] }
  F: { Value: !Cidr [ 10.0.0.0, 1, 6 ] }
  G: { Value: !GetAtt [ Zone ] }
  H: { Value: !Sub [ 1 ] }
  I: { Value: { 'Fn::Length': 3 } }
  J: { Value: !Base64 [ x ] }
  K: { Value: !FindInMap [ M, a, b, { Other: 1 } ] }
  L: { Value: !Cidr [ 10.0.0.0/24, 0, 6 ] }
  N: { Value: !Cidr [ 10.0.0.0/24, 1, 9 ] }
  O: { Value: !Cidr [ 300.0.0.0/24, 1, 6 ] }
  P: { Value: { 'Fn::ToJsonString': 1 } }
  Q: { Value: !ImportValue [ x ] }
  R: { Condition: Few, Value: x }
`);
    // An output whose value cannot be worked out is a warning naming the output; its reason is the intrinsic's problem.
    const wrapped = coded(all.filter((d) => d.path === 'Outputs.A.Value'), 'output.unavailable', { output: 'A', reason: 'Fn::Join: expects [delimiter, [values]]', reasonCode: 'intrinsic.expects', 'reason.function': 'Fn::Join', 'reason.form': '[delimiter, [values]]' }, 'output A is not shown: Fn::Join: expects [delimiter, [values]]');
    expect(wrapped.severity).toBe('warning');
    // The window words the reason from its code too (test/renderer/views/simulator/scenario-problems.test.ts).
    expect(windows.ko.t('scenarioProblems.intrinsic.expects', { function: 'Fn::Join', form: '[delimiter, [values]]' })).toBe('Fn::Join: 인수는 [delimiter, [values]] 형식이어야 합니다');
    const found = reasons(all);
    coded(found, 'intrinsic.expects', { function: 'Fn::Join', form: '[delimiter, [values]]' }, 'Fn::Join: expects [delimiter, [values]]');
    coded(found, 'intrinsic.selectIndexOutOfRange', { function: 'Fn::Select', index: '3', length: 2 }, 'Fn::Select: index 3 is outside the list of 2');
    coded(found, 'intrinsic.findInMapNoEntry', { function: 'Fn::FindInMap', entry: 'M.a.c' }, 'Fn::FindInMap: no entry M.a.c in Mappings');
    coded(found, 'intrinsic.findInMapDefaultForm', { function: 'Fn::FindInMap' }, 'Fn::FindInMap: the fourth element must be {DefaultValue: value}');
    coded(found, 'intrinsic.refUnknown', { function: 'Ref', name: 'Nowhere' }, 'Ref: "Nowhere" is not a resource, parameter or pseudo parameter in this file');
    coded(found, 'intrinsic.cidrTooManyBlocks', { function: 'Fn::Cidr', prefix: 24, holds: 4, newPrefix: 26, count: 9 }, 'Fn::Cidr: a /24 block holds only 4 blocks of /26, not 9');
    coded(found, 'intrinsic.cidrBlockForm', { function: 'Fn::Cidr', got: '"10.0.0.0"' }, 'Fn::Cidr: ipBlock must be an IPv4 CIDR block such as 10.0.0.0/16 (got "10.0.0.0")');
    coded(found, 'intrinsic.cidrCountOutOfRange', { function: 'Fn::Cidr', got: '0' }, 'Fn::Cidr: count must be 1 to 256 (got 0)');
    coded(found, 'intrinsic.cidrBitsDoNotFit', { function: 'Fn::Cidr', bits: '9', prefix: 24 }, 'Fn::Cidr: cidrBits 9 does not fit in a /24 block');
    coded(found, 'intrinsic.cidrBlockInvalid', { function: 'Fn::Cidr', block: '300.0.0.0/24' }, 'Fn::Cidr: ipBlock 300.0.0.0/24 is not a valid IPv4 CIDR block');
    coded(found, 'intrinsic.getAttForm', { function: 'Fn::GetAtt' }, 'Fn::GetAtt: expects [LogicalId, Attribute] or LogicalId.Attribute');
    coded(found, 'intrinsic.subForm', { function: 'Fn::Sub' }, 'Fn::Sub: expects a string or [string, {variables}]');
    coded(found, 'intrinsic.expectsList', { function: 'Fn::Length' }, 'Fn::Length: expects a list');
    coded(found, 'intrinsic.expectsString', { function: 'Fn::Base64' }, 'Fn::Base64: expects a string');
    coded(found, 'intrinsic.expectsObjectOrList', { function: 'Fn::ToJsonString' }, 'Fn::ToJsonString: expects an object or a list');
    coded(found, 'intrinsic.importValueNotAName', { function: 'Fn::ImportValue' }, 'Fn::ImportValue: expects the name of an export');
    coded(all, 'intrinsic.conditionCount', { function: 'Fn::And' }, 'Fn::And: expects a list of 2 to 10 conditions');
    expect(found).toHaveLength(16);
  });
});
