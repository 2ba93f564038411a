/**
 * A what-if change (docs/backtest.md): a CloudFormation-shaped overlay deep-merged over a loaded
 * scenario's resources by logical id —
 *
 *   Resources:
 *     WebCpuTargetTracking: { Properties: { TargetTrackingConfiguration: { TargetValue: 40 } } }
 *   Simulation:
 *     InstanceTypes: { c5.large: { Vcpus: 4 } }
 *
 * Mappings merge key by key; a scalar or a list replaces what was there (a list of StepAdjustments is
 * the new list). Every path must name a resource of the scenario and a property its type's spec
 * declares (resource-registry.ts), or one the scenario already has: a typo is an error naming the
 * path and the line in the change file, never a silent no-op. The merged properties are checked again
 * by the same schema and cross-property checks as at load, and by each service's cross-resource checks.
 */
import type { z } from 'zod';
import { MAX_CHANGE_TEXT_CHARS } from '../../../contract/model-backtest';
import { type Diagnostic, type DiagnosticCode, formatPath, type PathSegment, ScenarioError } from '../scenario/diagnostics';
import type { LoadedResource, ScenarioModel } from '../scenario/load-scenario';
import { capDiagnostics, instanceTypeOverrides } from '../scenario/load-scenario';
import { RESOURCE_TYPES, SCENARIO_CHECKS } from '../scenario/resource-registry';
import { SimulationSchema } from '../scenario/sections';
import { parseSection } from '../scenario/section-issues';
import { isRecord } from '../scenario/stack-basics';
import { diagnose, readYaml } from '../scenario/yaml-source';

/** The sections a change may hold. Simulation only for InstanceTypes: a change never alters seed, start or traffic. */
const CHANGE_SECTIONS = new Set(['Resources', 'Simulation', 'Description']);
/** At most this many leaf values set by one change (a change is a few edits, not a new stack). */
export const MAX_CHANGED_PATHS = 500;
/** Nesting deeper than this is no CloudFormation property. */
const MAX_DEPTH = 12;
/** At most this many problems are reported (a 100,000-character change can hold thousands of typos). */
const MAX_CHANGE_DIAGNOSTICS = 100;

export interface AppliedChange {
  scenario: ScenarioModel;
  /** Each value the change set, as a dotted path (`Resources.WebScaling.Properties.TargetTrackingConfiguration.TargetValue`). */
  changedPaths: string[];
  /**
   * Warnings the changed stack gets that the scenario did not (an A alias that answers nothing once
   * the load balancer has no public IPv4 …): the change is valid, but says something the operator
   * should read before trusting the figures.
   */
  warnings: Diagnostic[];
}

/**
 * The scenario with the change applied; throws a ScenarioError (what: 'change file') listing every
 * problem by path and line when a path does not exist or a merged value is invalid.
 */
export function applyChange(scenario: ScenarioModel, text: string, file = 'change.yaml'): AppliedChange {
  const diagnostics: Diagnostic[] = [];
  const fail = () => new ScenarioError(file, capDiagnostics(diagnostics, MAX_CHANGE_DIAGNOSTICS), 'change file');
  if (text.length > MAX_CHANGE_TEXT_CHARS) {
    diagnostics.push({ severity: 'error', message: `the change is ${text.length} characters, more than the ${MAX_CHANGE_TEXT_CHARS} allowed`, path: '', line: 0, column: 0, code: 'change.tooLarge', params: { characters: text.length, max: MAX_CHANGE_TEXT_CHARS } });
    throw fail();
  }
  const source = readYaml(text, file);
  diagnostics.push(...source.diagnostics);
  if (diagnostics.some((d) => d.severity === 'error')) throw fail();
  const report = diagnose(source, diagnostics);
  const root = source.value;
  if (!isRecord(root)) {
    report('error', [], 'a change is a YAML mapping with a Resources section (logical id → Properties to change)', { code: 'change.notMapping' });
    throw fail();
  }
  for (const key of Object.keys(root)) {
    if (!CHANGE_SECTIONS.has(key)) report('error', [key], `a change holds Resources and Simulation.InstanceTypes; "${key}" is not one of them`, { code: 'change.unknownSection', params: { section: key, known: 'Resources, Simulation' } });
  }
  const changedPaths: string[] = [];
  const byId = new Map(scenario.resources.map((resource) => [resource.logicalId, resource]));
  const replaced = new Map<string, LoadedResource>();

  const resources = root.Resources ?? {};
  if (!isRecord(resources)) report('error', ['Resources'], 'Resources maps logical ids to { Properties: … }', { code: 'change.notMapping' });
  else {
    for (const [logicalId, entry] of Object.entries(resources)) {
      const path: PathSegment[] = ['Resources', logicalId];
      const resource = byId.get(logicalId);
      if (!resource) {
        const known = [...byId.keys()].join(', ');
        report('error', path, `the scenario has no resource "${logicalId}" (known: ${known})`, { code: 'change.unknownResource', params: { logicalId, known } });
        continue;
      }
      if (!isRecord(entry)) {
        report('error', path, `${logicalId} is a mapping with Properties`, { code: 'change.notMapping' });
        continue;
      }
      for (const key of Object.keys(entry)) {
        if (key !== 'Properties') report('error', [...path, key], `only Properties of ${logicalId} can change (not ${key}; a change never replaces a resource's Type)`, { code: 'change.unknownKey', params: { key, known: 'Properties' } });
      }
      if (entry.Properties === undefined) continue;
      const spec = RESOURCE_TYPES[resource.type]!;
      const propertiesPath = [...path, 'Properties'];
      const errorsBefore = countErrors(diagnostics);
      checkOverlay(entry.Properties, resource.properties, spec.properties, propertiesPath, resource.type, report, changedPaths, 0);
      if (spec.nameProperty && isRecord(entry.Properties) && Object.hasOwn(entry.Properties, spec.nameProperty)) {
        report('error', [...propertiesPath, spec.nameProperty], `${spec.nameProperty} names ${logicalId}; other resources and metrics refer to it, so a change cannot rename it`, { code: 'change.notChangeable', params: { property: spec.nameProperty } });
      }
      if (countErrors(diagnostics) > errorsBefore) continue;
      const merged = deepMerge(resource.properties, entry.Properties) as Record<string, unknown>;
      const properties = parseSection(spec.properties, merged, propertiesPath, report);
      if (!properties) continue;
      spec.check?.(properties as Record<string, unknown>, (property, message, detail) => report('error', [...propertiesPath, property], message, detail));
      replaced.set(logicalId, { ...resource, properties: properties as Record<string, unknown> });
    }
  }

  let simulation = scenario.simulation;
  if (root.Simulation !== undefined) {
    const section = root.Simulation;
    if (!isRecord(section)) report('error', ['Simulation'], 'Simulation in a change holds InstanceTypes only', { code: 'change.notMapping' });
    else {
      for (const key of Object.keys(section)) {
        if (key !== 'InstanceTypes') report('error', ['Simulation', key], `a change may set Simulation.InstanceTypes only (the seed, start and traffic stay the scenario's, so both runs replay the same); not ${key}`, { code: 'change.notChangeable', params: { property: key } });
      }
      if (section.InstanceTypes !== undefined) {
        const parsed = parseSection(SimulationSchema.pick({ InstanceTypes: true }), { InstanceTypes: section.InstanceTypes }, ['Simulation'], report);
        if (parsed?.InstanceTypes) {
          const overrides = instanceTypeOverrides(parsed.InstanceTypes);
          for (const [type, entry] of Object.entries(overrides)) for (const key of Object.keys(entry)) changedPaths.push(`Simulation.InstanceTypes.${type}.${key === 'vcpus' ? 'Vcpus' : 'HourlyPrice'}`);
          const merged = { ...scenario.simulation.instanceTypes };
          for (const [type, entry] of Object.entries(overrides)) merged[type] = { ...merged[type], ...entry };
          simulation = { ...scenario.simulation, instanceTypes: merged };
        }
      }
    }
  }
  if (changedPaths.length > MAX_CHANGED_PATHS) report('error', [], `the change sets ${changedPaths.length} values; at most ${MAX_CHANGED_PATHS} are allowed`, { code: 'change.tooManyValues', params: { count: changedPaths.length, max: MAX_CHANGED_PATHS } });
  if (countErrors(diagnostics) === 0 && changedPaths.length === 0) report('error', [], 'the change sets nothing: give at least one Resources.<LogicalId>.Properties value or Simulation.InstanceTypes entry', { code: 'change.empty' });
  if (countErrors(diagnostics) > 0) throw fail();

  const changed: ScenarioModel = { ...scenario, simulation, resources: scenario.resources.map((resource) => replaced.get(resource.logicalId) ?? resource) };
  // The services' rules across resources (a group's policies, its target groups …) hold for the changed
  // stack too. Their warnings are kept when the scenario as loaded did not have them already.
  const known = new Set<string>();
  runScenarioChecks(scenario, (severity, path, message) => severity === 'warning' && known.add(`${formatPath(path)}|${message}`));
  runScenarioChecks(changed, (severity, path, message, detail) => {
    if (severity === 'error' || !known.has(`${formatPath(path)}|${message}`)) report(severity, path, message, detail);
  });
  if (countErrors(diagnostics) > 0) throw fail();
  return { scenario: changed, changedPaths, warnings: capDiagnostics(diagnostics.filter((d) => d.severity === 'warning'), MAX_CHANGE_DIAGNOSTICS) };
}

function runScenarioChecks(scenario: ScenarioModel, sink: (severity: Diagnostic['severity'], path: readonly PathSegment[], message: string, detail?: DiagnosticCode) => void): void {
  for (const hook of SCENARIO_CHECKS) {
    if (hook.phase === 'resources') hook.check({ resources: scenario.resources, traffic: [], timeline: [] }, sink);
    else hook.check({ resources: scenario.resources, traffic: scenario.traffic, timeline: scenario.timeline }, sink);
  }
}

function countErrors(diagnostics: readonly Diagnostic[]): number {
  return diagnostics.filter((d) => d.severity === 'error').length;
}

/** CloudFormation intrinsics are not evaluated in a change: values are literal. */
function isIntrinsic(value: Record<string, unknown>): boolean {
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0]!.startsWith('Fn::') || keys[0] === 'Condition');
}

/**
 * Walks the overlay beside the spec's schema and the resource's current value: each key must be a
 * property the schema declares at that place, or one already present in the value (records, loose
 * objects). Leaves are collected as changed paths.
 */
function checkOverlay(overlay: unknown, current: unknown, schema: z.ZodType | undefined, path: PathSegment[], type: string, report: ReturnType<typeof diagnose>, changed: string[], depth: number): void {
  if (!isRecord(overlay)) {
    changed.push(formatPath(path));
    return;
  }
  if (isIntrinsic(overlay)) {
    report('error', path, `${Object.keys(overlay)[0]} is not evaluated in a change: write the value itself`, { code: 'change.intrinsic', params: { function: Object.keys(overlay)[0]! } });
    return;
  }
  if (depth > MAX_DEPTH) {
    report('error', path, `the change nests deeper than ${MAX_DEPTH} levels`, { code: 'change.tooDeep', params: { max: MAX_DEPTH } });
    return;
  }
  const here = isRecord(current) ? current : {};
  for (const [key, value] of Object.entries(overlay)) {
    const child = childSchema(schema, key);
    if (child === undefined && !Object.hasOwn(here, key)) {
      const known = knownKeys(schema, here);
      report('error', [...path, key], `${key} is not a property of ${type} at ${formatPath(path)} (known: ${known.join(', ') || 'none'})`, { code: 'change.unknownProperty', params: { property: key, type, known: known.join(', ') } });
      continue;
    }
    checkOverlay(value, here[key], child === 'any' ? undefined : child, [...path, key], type, report, changed, depth + 1);
  }
}

/** The zod definition behind wrappers (optional, nullable, default, pipes and transforms). */
function unwrap(schema: z.ZodType | undefined): z.ZodType[] {
  if (!schema) return [];
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return unwrap(def.innerType as z.ZodType);
    case 'pipe':
      return [...unwrap(def.in as z.ZodType), ...unwrap(def.out as z.ZodType)];
    case 'lazy':
      return unwrap((def.getter as () => z.ZodType)());
    case 'union':
      return (def.options as z.ZodType[]).flatMap((option) => unwrap(option));
    default:
      return [schema];
  }
}

/** The schema of `key` below `schema`: a declared property's, 'any' under a record, undefined when not declared. */
function childSchema(schema: z.ZodType | undefined, key: string): z.ZodType | 'any' | undefined {
  for (const inner of unwrap(schema)) {
    const def = (inner as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
    if (def.type === 'object') {
      const shape = def.shape as Record<string, z.ZodType>;
      if (Object.hasOwn(shape, key)) return shape[key];
    }
    if (def.type === 'record') return (def.valueType as z.ZodType | undefined) ?? 'any';
    if (def.type === 'unknown' || def.type === 'any') return 'any';
  }
  return undefined;
}

function knownKeys(schema: z.ZodType | undefined, current: Record<string, unknown>): string[] {
  const keys = new Set(Object.keys(current));
  for (const inner of unwrap(schema)) {
    const def = (inner as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
    if (def.type === 'object') for (const key of Object.keys(def.shape as object)) keys.add(key);
  }
  return [...keys].sort();
}

/** Mappings merge key by key; anything else (scalars, lists) replaces. */
export function deepMerge(base: unknown, overlay: unknown): unknown {
  if (!isRecord(overlay) || !isRecord(base)) return overlay;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overlay)) out[key] = deepMerge(base[key], value);
  return out;
}
