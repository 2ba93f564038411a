import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { bundledScenarioNames, resolveScenarioPath } from '@main/core/scenario-files';
import { scenarioJsonSchema } from '@main/core/sources/sim/scenario/json-schema';
import { readYaml } from '@main/core/sources/sim/scenario/yaml-source';

const schema = scenarioJsonSchema();
const validate = new Ajv2020({ strict: false, discriminator: true, allErrors: true }).compile(schema);

describe('the published JSON Schema of scenario files', () => {
  it('is the committed resources/scenario.schema.json (run `npm run generate:schema` after changing a schema)', () => {
    const committed = JSON.parse(readFileSync(new URL('../../../../../../resources/scenario.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(schema)));
  });

  it.each(bundledScenarioNames())('accepts the bundled scenario %s', (name) => {
    const { value } = readYaml(readFileSync(resolveScenarioPath(name), 'utf8'));
    const ok = validate(value);
    expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3))).toEqual([]);
    expect(ok).toBe(true);
  });

  it('rejects what the loader rejects: an unknown fault type, a wrong property type, an unknown section', () => {
    const base = { Resources: { G: { Type: 'AWS::AutoScaling::AutoScalingGroup', Properties: { MinSize: 1, MaxSize: 2 } } } };
    expect(validate(base)).toBe(true);
    expect(validate({ ...base, Faults: [{ At: '5m', Type: 'SetOnFire' }] })).toBe(false);
    expect(validate({ Resources: { G: { Type: 'AWS::AutoScaling::AutoScalingGroup', Properties: { MinSize: 'lots', MaxSize: 2 } } } })).toBe(false);
    expect(validate({ ...base, Trafic: [] })).toBe(false);
    expect(validate({ ...base, Faults: [{ At: '5m', Type: 'FailAvailabilityZone', AvailabilityZone: 'us-east-1a', Duration: '10m' }] })).toBe(true);
  });

  it('accepts long-form intrinsics where a property value is expected', () => {
    expect(validate({ Resources: { G: { Type: 'AWS::AutoScaling::AutoScalingGroup', Properties: { MinSize: { Ref: 'Min' }, MaxSize: 2 } } } })).toBe(true);
  });
});
