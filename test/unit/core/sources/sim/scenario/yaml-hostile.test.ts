/**
 * Review-attack t3/t19 on the scenario loader: a deeply nested document and a recursive alias both
 * said "invalid YAML: Maximum call stack size exceeded" (the alias with no line, under a code that
 * named the wrong cause); and templates CloudFormation deploys failed to load because a mapping
 * repeats a key. CloudFormation accepts repeated keys in YAML and JSON and uses the last value
 * (github.com/aws-cloudformation/cfn-language-discussion/issues/96; aws/aws-cli#2404): so do we, with
 * a warning naming the key and its line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_YAML_DEPTH, readYaml } from '@main/core/sources/sim/scenario/yaml-source';

const FIXTURES = join(import.meta.dirname, '../../../../../fixtures/yaml-edge');
const nestedFlow = (depth: number) => `Resources:\n  X: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;

describe('hostile YAML gets a message saying what and where', () => {
  it('a recursive alias: "alias refers to itself" with its line', () => {
    const { diagnostics, value } = readYaml('Resources: &r\n  A: *r\n');
    expect(value).toBeUndefined();
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'yaml.aliasSelfReference', params: { alias: 'r' }, line: 2 })]);
    expect(diagnostics[0]!.message).toMatch(/alias \*r refers to itself/);
    expect(diagnostics[0]!.message).not.toMatch(/call stack/);
  });

  it('an alias deeper inside the node it names, too', () => {
    expect(readYaml('a: &x\n  b:\n    - c: *x\n').diagnostics).toEqual([expect.objectContaining({ code: 'yaml.aliasSelfReference', line: 3 })]);
  });

  it.each([
    ['review-attack inputs/deep.yaml (100,000 levels)', 100_000],
    ['5,000 levels', 5_000],
    ['just past the limit', MAX_YAML_DEPTH + 1],
  ])('deep nesting (%s): a depth-limit error with its line', (_, depth) => {
    const { diagnostics, value } = readYaml(nestedFlow(depth));
    expect(value).toBeUndefined();
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'yaml.tooDeep', params: { limit: MAX_YAML_DEPTH }, line: 2 })]);
    expect(diagnostics[0]!.message).not.toMatch(/call stack/);
  });

  it('nesting within the limit loads', () => {
    const { diagnostics, value } = readYaml(nestedFlow(MAX_YAML_DEPTH - 2));
    expect(diagnostics).toEqual([]);
    expect(value).toBeDefined();
  });
});

describe('repeated keys: the last value wins, as CloudFormation does, with a warning', () => {
  it('the awslabs templates\' repeated keys load, each repeat a warning with its key and line', () => {
    const { diagnostics, value } = readYaml(readFileSync(join(FIXTURES, 'duplicate-keys.yaml'), 'utf8'), 'duplicate-keys.yaml');
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(value).toMatchObject({ Resources: { ServiceCatalogProductTagOptions: { Properties: { Key: 'Owner', Value: { 'Fn::Sub': 'Bob' } } } }, Outputs: { EC2InstanceSGID: { Value: 'second' } } });
    const warnings = diagnostics.map((d) => [d.code, d.params?.key, d.line]);
    expect(warnings).toEqual([
      ['yaml.duplicateKey', 'Key', 12],
      ['yaml.duplicateKey', 'Value', 13],
      ['yaml.duplicateKey', 'Key', 14],
      ['yaml.duplicateKey', 'Value', 15],
      ['yaml.duplicateKey', 'Key', 16],
      ['yaml.duplicateKey', 'Value', 17],
      ['yaml.duplicateKey', 'EC2InstanceSGID', 22],
    ]);
    expect(diagnostics.every((d) => d.severity === 'warning' && /the last value is used/.test(d.message))).toBe(true);
  });

  it('a JSON template with a repeated key (review-attack inputs/dup.json) loads, and is never called invalid YAML', () => {
    const { diagnostics, value } = readYaml('{"Resources": {"Q": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "a", "QueueName": "b"}}}}\n', 'dup.json');
    expect(value).toMatchObject({ Resources: { Q: { Properties: { QueueName: 'b' } } } });
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'warning', code: 'yaml.duplicateKey', params: { key: 'QueueName' }, line: 1 })]);
    expect(diagnostics[0]!.message).not.toMatch(/YAML/);
  });
});
