/**
 * The JSON Schema of a scenario file, for editor completion (yaml-language-server, VS Code). Built
 * from the same zod schemas the loader validates with, so it cannot drift from the code; the
 * committed copy (resources/scenario.schema.json) is checked against this by a test.
 */
import { z } from 'zod';
import { RESOURCE_TYPES } from './resource-registry';
import { SAFELY_IGNORED_TYPES } from './resource-types';
import { SimulationSchema, TrafficSchema } from './sections';
import { TwinSectionSchema } from '../../../twin/twin-section';
import { ACTION_PARAMETERS, FAULT_DESCRIPTIONS, FAULT_PARAMETERS } from './timed-entries';

type Json = Record<string, unknown>;

const toSchema = (schema: z.ZodType): Json => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
  return rest;
};

/** Every property value may instead be a long-form intrinsic ({ Ref: … }, { 'Fn::Sub': … }). */
const INTRINSIC: Json = {
  type: 'object',
  minProperties: 1,
  maxProperties: 1,
  propertyNames: { pattern: '^(Ref|Condition|Fn::[A-Za-z]+)$' },
  description: 'A CloudFormation intrinsic function in long form; the short forms (!Ref, !GetAtt, !Sub, …) are YAML tags.',
};

/** Lets every value below `schema`'s properties (and list items) be an intrinsic instead, at any depth. */
function allowIntrinsics(schema: Json): Json {
  const out: Json = { ...schema };
  if (schema.properties) {
    out.properties = Object.fromEntries(Object.entries(schema.properties as Record<string, Json>).map(([name, value]) => [name, orIntrinsic(allowIntrinsics(value))]));
  }
  if (schema.items && typeof schema.items === 'object') out.items = orIntrinsic(allowIntrinsics(schema.items as Json));
  for (const key of ['anyOf', 'oneOf'] as const) {
    if (Array.isArray(schema[key])) out[key] = (schema[key] as Json[]).map(allowIntrinsics);
  }
  return out;
}

const orIntrinsic = (schema: Json): Json => ({ anyOf: [schema, { $ref: '#/$defs/Intrinsic' }] });

const durationOrTime = { anyOf: [{ type: 'number', minimum: 0 }, { type: 'string', description: 'an offset such as 10m or 1h30m, or an ISO date-time' }] };

function timedEntry(type: string, parameters: z.ZodType, withDuration: boolean, description?: string): Json {
  const params = toSchema(parameters);
  return {
    type: 'object',
    ...(description ? { description } : {}),
    properties: {
      At: durationOrTime,
      Type: { const: type },
      ...(withDuration ? { Duration: { anyOf: [{ type: 'number', exclusiveMinimum: 0 }, { type: 'string' }], description: 'How long the fault lasts; without it, the rest of the run.' } } : {}),
      ...(params.properties as Json),
    },
    required: ['At', 'Type', ...((params.required as string[]) ?? [])],
    additionalProperties: false,
  };
}

export function scenarioJsonSchema(): Json {
  const resourceSchemas = Object.entries(RESOURCE_TYPES).map(([type, spec]) => {
    const properties = allowIntrinsics(toSchema(spec.properties));
    // Real templates carry properties that do not change simulated behaviour: allowed, not described.
    if (spec.ignored?.length) (properties as { additionalProperties?: unknown }).additionalProperties = true;
    return {
      type: 'object',
      properties: { Type: { const: type }, Properties: properties, Metadata: { type: 'object' }, DependsOn: {}, Condition: { type: 'string' } },
      required: ['Type', ...(((properties.required as string[]) ?? []).length > 0 ? ['Properties'] : [])],
    };
  });
  const ignoredTypes = { type: 'object', properties: { Type: { enum: [...SAFELY_IGNORED_TYPES] } }, required: ['Type'] };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://flightdeck.dev/schemas/scenario.schema.json',
    title: 'Flightdeck simulator scenario',
    description: 'CloudFormation Resources plus Traffic, Faults, Actions and Simulation settings. See docs/scenario-format.md.',
    type: 'object',
    properties: {
      AWSTemplateFormatVersion: { type: 'string' },
      Description: { type: 'string' },
      Metadata: { type: 'object' },
      Parameters: { type: 'object' },
      Mappings: { type: 'object' },
      Conditions: { type: 'object' },
      Outputs: { type: 'object' },
      Resources: {
        type: 'object',
        propertyNames: { pattern: '^[A-Za-z0-9]+$' },
        additionalProperties: { oneOf: [...resourceSchemas, ignoredTypes], discriminator: { propertyName: 'Type' } },
      },
      Traffic: { type: 'array', items: allowIntrinsics(toSchema(TrafficSchema)) },
      Faults: { type: 'array', items: { oneOf: Object.entries(FAULT_PARAMETERS).map(([type, schema]) => timedEntry(type, schema, true, FAULT_DESCRIPTIONS[type as keyof typeof FAULT_DESCRIPTIONS])) } },
      Actions: { type: 'array', items: { oneOf: Object.entries(ACTION_PARAMETERS).map(([type, schema]) => timedEntry(type, schema, false)) } },
      Simulation: toSchema(SimulationSchema),
      Imports: {
        type: 'object',
        description: 'Beside a --template: exports of other stacks (Fn::ImportValue) and parameter values.',
        properties: { Exports: { type: 'object' }, Parameters: { type: 'object' } },
        additionalProperties: false,
      },
      Twin: { description: 'A twin of a real account (flightdeck aws export): its source, window, recorded series and fitted parameters. See docs/twin.md.', ...toSchema(TwinSectionSchema) },
    },
    // Resources are required unless a --template brings them (the loader checks which).
    additionalProperties: false,
    $defs: { Intrinsic: INTRINSIC },
  };
}
