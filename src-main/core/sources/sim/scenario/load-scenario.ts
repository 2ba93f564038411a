/**
 * Loads a scenario: YAML → CloudFormation intrinsics evaluated → each resource's properties checked
 * against its type → a typed ScenarioModel. Errors (wrong types, dangling references, bad YAML) stop
 * the load with every problem listed by path and line; warnings (unsupported types or properties)
 * are returned with the model.
 */
import type { z } from 'zod';
import { createRandom } from '../kernel/random';
import { databaseTargets, functionTargets } from '../traffic/function-targets';
import { CLASSIC_LOAD_BALANCER_TYPE, CLASSIC_LOAD_BALANCER_WARNING } from '../alb/validate';
import { parseDuration } from '../kernel/duration';
import { type Diagnostic, formatPath, type PathSegment, ScenarioError } from './diagnostics';
import { ACTION_PARAMETERS, FAULT_PARAMETERS, toControlAction, type ActionType, type FaultType, type TimedAction, type TimedFault } from './timed-entries';
import { evaluate, NO_VALUE, REPORTED, type IntrinsicContext } from './intrinsics';
import { TemplateParameters } from './template-parameters';
import { loadBalancerDnsName, SAFELY_IGNORED_TYPES, type ResourceIdentity } from './resource-types';
import type { LoadedResource } from './loaded-resource';
import type { ScenarioReport } from './scenario-checks';
import { RESOURCE_TYPES, SCENARIO_CHECKS } from './resource-registry';
import { SIMULATION_DEFAULTS, SimulationSchema, TrafficSchema, type SimulationSettings, type TrafficInput } from './sections';
import { diagnose, readYaml, type Diagnose } from './yaml-source';
import { MAX_DIAGNOSTICS, MAX_SCENARIO_BYTES, MAX_SCENARIO_SECONDS, MAX_TIMED_ENTRIES, MAX_TRAFFIC_POPULATIONS } from './limits';
import { expandServerless } from './serverless-transform';
import { defaultTraffic } from '../traffic/default-traffic';
import type { ScenarioNotice } from '../../../contract/model-scenario-notice';

export const ACCOUNT_ID = '123456789012';

export type { LoadedResource } from './loaded-resource';

/** An entry of the stack's Outputs section, evaluated as CloudFormation shows it (DescribeStacks). */
export interface StackOutput {
  key: string;
  value: string;
  description?: string;
  exportName?: string;
}

export interface ScenarioModel {
  name: string;
  file: string;
  description?: string;
  simulation: SimulationSettings;
  resources: LoadedResource[];
  traffic: TrafficInput[];
  /** Faults and actions, in the order they happen (ties: file order). */
  timeline: (TimedFault | TimedAction)[];
  warnings: Diagnostic[];
  /** The Outputs section (of the template, else of the scenario); absent when there is none. */
  outputs?: StackOutput[];
  /** What loading did on the operator's behalf (default Traffic), as codes for the window to translate. */
  notices?: ScenarioNotice[];
}

const TOP_LEVEL_SECTIONS = new Set([
  'AWSTemplateFormatVersion',
  'Description',
  'Metadata',
  'Parameters',
  'Mappings',
  'Conditions',
  'Transform',
  // SAM's Globals (Transform: AWS::Serverless-2016-10-31), applied by serverless-transform.ts.
  'Globals',
  'Outputs',
  'Resources',
  'Traffic',
  'Faults',
  'Actions',
  'Simulation',
  'Imports',
]);

/** Availability zones the simulator offers per region: a, b, c (our choice; real regions have 3–6). */
export function availabilityZonesOf(region: string): string[] {
  return ['a', 'b', 'c'].map((suffix) => `${region}${suffix}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export interface LoadOptions {
  /** Shown in messages; its base name is the stack name (AWS::StackName) when there is no template. */
  file: string;
  /** Overrides Simulation.Seed. */
  seed?: number;
  /**
   * A real CloudFormation template: its Resources (with its Parameters, Mappings, Conditions and
   * Outputs) are the stack; the scenario brings Traffic, Faults, Actions, Simulation, Imports and
   * optionally Resources of its own that stand in for other stacks (merged by logical id).
   */
  template?: { text: string; file: string };
  /** Parameter values (`--parameter Key=Value`, `--parameters FILE`); they win over Imports.Parameters and Defaults. */
  parameters?: Record<string, string>;
  /** AWS::StackName; default: the template's file name (else the scenario's), made a valid stack name. */
  stackName?: string;
}

/** CloudFormation stack names: a letter, then letters, digits and hyphens, at most 128 characters. */
export const STACK_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9-]{0,127}$/;

/** A stack name from a file name: `load.v2.yaml` → `load-v2` (dots and other characters become hyphens). */
export function stackNameFromFile(file: string): string {
  const base = file.replace(/^.*[\\/]/, '').replace(/\.(ya?ml|json|template)$/i, '');
  const cleaned = base
    .replace(/[^A-Za-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
  const named = /^[A-Za-z]/.test(cleaned) ? cleaned : `stack-${cleaned}`.replace(/-$/, '');
  return named.slice(0, 128).replace(/-+$/, '') || 'stack';
}

/**
 * Paths where the simulator keeps nothing that drives the simulation: a parameter without a value may
 * be used there (UserData, Tags, Metadata such as AWS::CloudFormation::Init, and Outputs, which show
 * `<Name>` in its place).
 */
function ignoredBySimulator(path: readonly PathSegment[]): boolean {
  return path[0] === 'Outputs' || path.some((segment) => segment === 'UserData' || segment === 'Tags' || segment === 'Metadata');
}

export function loadScenario(text: string, options: LoadOptions): ScenarioModel {
  // Files are capped when read (scenario-files.ts); text that arrives otherwise (the window's "open a
  // file") is held to the same limit before parsing. A character is at least one byte in UTF-8.
  for (const [file, body, what] of [[options.file, text, 'scenario'], [options.template?.file, options.template?.text, 'template']] as const) {
    if (file !== undefined && body !== undefined && body.length > MAX_SCENARIO_BYTES) {
      throw new ScenarioError(file, [{ severity: 'error', message: `the ${what} is ${body.length} characters, more than the 16 MiB allowed`, path: '', line: 0, column: 0, code: 'file.tooLarge', params: { what, characters: body.length } }]);
    }
  }
  const source = readYaml(text, options.file);
  const diagnostics: Diagnostic[] = [...source.diagnostics];
  const report = diagnose(source, diagnostics);
  const fail = () => new ScenarioError(options.file, foldDiagnostics(diagnostics));
  if (diagnostics.some((d) => d.severity === 'error')) throw fail();

  const root = source.value;
  if (!isRecord(root)) {
    report('error', [], options.template ? 'a scenario is a YAML mapping (Traffic, Faults, Simulation …)' : 'a scenario is a YAML mapping with at least a Resources section');
    throw fail();
  }
  for (const key of Object.keys(root)) {
    if (!TOP_LEVEL_SECTIONS.has(key)) report('warning', [key], `section "${key}" is not supported by this version of the simulator and is ignored`, { code: 'section.ignored', params: { section: key } });
  }

  const simulation = parseSection(SimulationSchema, root.Simulation ?? {}, ['Simulation'], report);
  const settings: SimulationSettings = {
    startTime: simulation?.StartTime ?? SIMULATION_DEFAULTS.startTime,
    seed: options.seed ?? simulation?.Seed ?? SIMULATION_DEFAULTS.seed,
    tickSeconds: simulation?.Tick ?? SIMULATION_DEFAULTS.tickSeconds,
    region: simulation?.Region ?? SIMULATION_DEFAULTS.region,
    instanceBootSeconds: simulation?.InstanceBootTime ?? SIMULATION_DEFAULTS.instanceBootSeconds,
    ...(simulation?.ColdStart ? { coldStart: true } : {}),
    ...(simulation?.InstanceMetrics !== undefined ? { instanceMetrics: simulation.InstanceMetrics } : {}),
    ...(simulation?.LambdaConcurrencyLimit !== undefined ? { lambdaConcurrencyLimit: simulation.LambdaConcurrencyLimit } : {}),
    ...(simulation?.Latency ? { latency: simulation.Latency } : {}),
    ...(simulation?.LeadIn !== undefined ? { leadInSeconds: simulation.LeadIn } : {}),
  };
  if (settings.tickSeconds <= 0 || settings.tickSeconds > 60 || 60 % settings.tickSeconds !== 0) {
    report('error', ['Simulation', 'Tick'], 'Tick must divide 60 seconds (1s, 2s, 5s, 10s, 15s, 30s or 60s) so that metric periods line up');
  }

  // The stack is named after the template (the file CloudFormation would deploy), not the scenario.
  const stackName = options.stackName ?? stackNameFromFile(options.template?.file ?? options.file);
  if (!STACK_NAME_PATTERN.test(stackName)) {
    report('error', [], `the stack name "${stackName}" is not valid: it must start with a letter and hold only letters, digits and hyphens (at most 128 characters)`, { code: 'stack.invalidName', params: { stackName } });
  }
  // With --template, the stack (Resources, Parameters, Mappings, Conditions, Outputs) comes from the
  // template file, and problems there are reported against that file.
  let templateRoot: Record<string, unknown> = root;
  let templateReport = report;
  const scenarioResources = options.template && isRecord(root.Resources) ? root.Resources : {};
  if (options.template) {
    if (root.Resources !== undefined && !isRecord(root.Resources)) report('error', ['Resources'], 'Resources must map logical ids to resources');
    const template = readYaml(options.template.text, options.template.file);
    diagnostics.push(...template.diagnostics.map((d) => ({ ...d, file: options.template!.file })));
    // A template that does not parse has that one problem: nothing after it would be true.
    if (template.diagnostics.some((d) => d.severity === 'error')) throw fail();
    templateReport = diagnose(template, diagnostics, options.template.file);
    if (!isRecord(template.value)) {
      templateReport('error', [], 'a CloudFormation template is a mapping with a Resources section');
      throw fail();
    }
    templateRoot = template.value;
  }
  // SAM: each AWS::Serverless::Function becomes the Lambda function CloudFormation would create.
  templateRoot = expandServerless(templateRoot, templateReport);
  const stackResources = templateRoot.Resources;
  if (!isRecord(stackResources) || Object.keys(stackResources).length === 0) {
    templateReport('error', ['Resources'], 'Resources is required and must map logical ids to resources');
    throw fail();
  }
  // Scenario Resources beside a template stand in for other stacks' resources (a shared hosted zone, a listener).
  for (const id of Object.keys(scenarioResources)) {
    if (Object.hasOwn(stackResources, id)) report('error', ['Resources', id], `"${id}" is defined both here and in the template ${options.template!.file}; rename one of them`, { code: 'resource.definedTwice', params: { logicalId: id, template: options.template!.file } });
  }
  const rawResources: Record<string, unknown> = { ...scenarioResources, ...stackResources };
  const scenarioIds = new Set(Object.keys(scenarioResources).filter((id) => !Object.hasOwn(stackResources, id)));
  // Each resource's problems are reported in the file that holds it.
  const stackReport: Diagnose = (severity, path, message, detail) => (path[0] === 'Resources' && typeof path[1] === 'string' && scenarioIds.has(path[1]) ? report : templateReport)(severity, path, message, detail);

  const imports = options.template ? root.Imports : undefined;
  if (!options.template && root.Imports !== undefined) report('warning', ['Imports'], 'Imports stands in for other stacks beside a --template; without one it is ignored', { code: 'imports.withoutTemplate' });
  if (imports !== undefined && !isRecord(imports)) report('error', ['Imports'], 'Imports is a mapping with Exports (name: value) and Parameters (name: value)');
  const importSection = (key: string): Record<string, unknown> => {
    const section = isRecord(imports) ? imports[key] : undefined;
    if (section !== undefined && !isRecord(section)) report('error', ['Imports', key], `Imports.${key} maps names to values`);
    return isRecord(section) ? section : {};
  };
  if (isRecord(imports)) {
    for (const key of Object.keys(imports)) if (key !== 'Exports' && key !== 'Parameters') report('warning', ['Imports', key], `Imports.${key} is not known and is ignored (known: Exports, Parameters)`, { code: 'imports.unknownKey', params: { key } });
  }

  const resolver = new ResourceResolver(rawResources, templateRoot, settings, stackName, stackReport, {
    exports: importSection('Exports'),
    parameters: importSection('Parameters'),
    given: options.parameters ?? {},
    scenarioReport: report,
  });
  const resources = resolver.loadAll();
  // Each service's rules across its resources (resource-registry.ts).
  for (const hook of SCENARIO_CHECKS) if (hook.phase === 'resources') hook.check({ resources, traffic: [], timeline: [] }, stackReport);
  checkListenerRuleListeners(resources, stackReport);
  const outputs = resolver.outputs();
  // Traffic, Faults and Actions are in the scenario file: their problems are reported there.
  const scenarioContext: IntrinsicContext = { ...resolver.context, report, getAtt: (id, attribute, path) => resolver.getAtt(id, attribute, path, report) };

  const traffic: TrafficInput[] = [];
  if (root.Traffic !== undefined) {
    if (!Array.isArray(root.Traffic)) report('error', ['Traffic'], 'Traffic is a list of client populations');
    else if (root.Traffic.length > MAX_TRAFFIC_POPULATIONS) report('error', ['Traffic'], `Traffic has ${root.Traffic.length} entries; at most ${MAX_TRAFFIC_POPULATIONS} are allowed`);
    else
      root.Traffic.forEach((entry, index) => {
        const evaluated = evaluate(entry, ['Traffic', index], scenarioContext);
        if (evaluated === REPORTED) return;
        const parsed = parseSection(TrafficSchema, evaluated, ['Traffic', index], report);
        if (parsed) traffic.push(parsed);
      });
  }

  // No Traffic section (an empty list means none): default populations per internet-facing load balancer and function URL.
  const defaults = root.Traffic === undefined ? defaultTraffic(resources, (lb) => loadBalancerDnsName(lb.identity)) : undefined;
  traffic.push(...(defaults?.traffic ?? []));
  checkTrafficTargets(traffic, resources, report);
  const timeline = [
    ...parseTimed(root.Faults, 'Faults', scenarioContext, settings.startTime, report),
    ...parseTimed(root.Actions, 'Actions', scenarioContext, settings.startTime, report),
  ].sort((a, b) => a.atSeconds - b.atSeconds);
  // The services' checks that involve Traffic, Faults and Actions too: each problem goes where its path points.
  const reportAt: ScenarioReport = (severity, path, message) => (path[0] === 'Resources' ? stackReport : report)(severity, path, message);
  for (const hook of SCENARIO_CHECKS) if (hook.phase === 'scenario') hook.check({ resources, traffic, timeline }, reportAt);
  if (diagnostics.some((d) => d.severity === 'error')) throw fail();
  return {
    name: stackName,
    file: options.file,
    description: typeof root.Description === 'string' ? root.Description : typeof templateRoot.Description === 'string' ? templateRoot.Description : undefined,
    simulation: settings,
    resources,
    traffic,
    timeline,
    warnings: capDiagnostics(dedupe(diagnostics.filter((d) => d.severity === 'warning'))),
    ...(outputs.length > 0 ? { outputs } : {}),
    ...(defaults ? { notices: defaults.notices } : {}),
  };
}

/**
 * A ListenerRule's listener must be in the stack or stand in for another stack's (scenario Resources
 * beside --template): otherwise its requests have nowhere to go, and saying so beats dropping the rule.
 */
function checkListenerRuleListeners(resources: LoadedResource[], report: Diagnose): void {
  const listeners = new Set(resources.filter((r) => r.type === 'AWS::ElasticLoadBalancingV2::Listener').map((r) => r.ref));
  for (const rule of resources.filter((r) => r.type === 'AWS::ElasticLoadBalancingV2::ListenerRule')) {
    const arn = rule.properties.ListenerArn;
    if (typeof arn === 'string' && !listeners.has(arn)) {
      report(
        'warning',
        ['Resources', rule.logicalId, 'Properties', 'ListenerArn'],
        `listener rule ${rule.logicalId} is attached to the listener "${arn}", which is not in this stack, so the rule carries no requests; to simulate it, declare a stand-in AWS::ElasticLoadBalancingV2::Listener (with its load balancer) under the scenario's Resources and pass its !Ref through Imports`,
        { code: 'listenerRule.externalListener', params: { rule: rule.logicalId, listener: arn } },
      );
    }
  }
}

/** The same problem reported twice at the same place is shown once. */
function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.file ?? ''}|${d.line}|${d.column}|${d.path}|${d.severity}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Errors first-cause first, without duplicates, capped; warnings after them. */
function foldDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return capDiagnostics(dedupe(diagnostics));
}

/** The first MAX_DIAGNOSTICS problems and a line saying how many more there are (a 16 MiB file can hold 100,000s). */
function capDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  if (diagnostics.length <= MAX_DIAGNOSTICS) return diagnostics;
  const rest = diagnostics.slice(MAX_DIAGNOSTICS);
  const errors = rest.filter((d) => d.severity === 'error').length;
  const summary: Diagnostic = {
    severity: errors > 0 ? 'error' : 'warning',
    message: `… and ${rest.length} more problems (${errors} errors) not listed; only the first ${MAX_DIAGNOSTICS} are shown`,
    path: '',
    line: 0,
    column: 0,
  };
  return [...diagnostics.slice(0, MAX_DIAGNOSTICS), summary];
}

/** Every Traffic Target must be a DNS name the scenario serves (an ALB's DNSName, a Route 53 record name). */
function checkTrafficTargets(traffic: TrafficInput[], resources: LoadedResource[], report: Diagnose): void {
  const served = new Set<string>();
  for (const resource of resources) {
    for (const name of RESOURCE_TYPES[resource.type]?.servedNames?.(resource.identity, resource.properties) ?? []) served.add(name.toLowerCase().replace(/\.$/, ''));
  }
  const functions = functionTargets(resources);
  const databases = databaseTargets(resources);
  traffic.forEach((entry, index) => {
    if (functions.has(entry.Target.toLowerCase())) return; // LAM-8: a direct Lambda invocation
    if (databases.has(entry.Target.toLowerCase())) return; // clients querying a DB instance directly
    if (entry.InvocationType !== undefined) report('error', ['Traffic', index, 'InvocationType'], 'InvocationType applies only when Target is a Lambda function (its name or !GetAtt <Function>.Arn)');
    if (!served.has(entry.Target.toLowerCase().replace(/\.$/, ''))) {
      const known = [...served].join(', ') || 'none';
      report('error', ['Traffic', index, 'Target'], `nothing in this scenario answers to "${entry.Target}" (known: ${known}); use !GetAtt <LoadBalancer>.DNSName, a Route 53 record name, a Lambda function or a DB instance (!Ref <DBInstance>)`, { code: 'traffic.unknownTarget', params: { target: entry.Target, known } });
    }
  });
}

/** `At: 10m` (offset from the start) or an ISO time at or after the start. */
function parseAt(value: unknown, startTime: number): number | undefined {
  if (typeof value === 'number' || (typeof value === 'string' && parseDuration(value) !== undefined)) return parseDuration(value as string | number);
  if (typeof value === 'string') {
    const time = Date.parse(value);
    if (Number.isFinite(time) && time >= startTime) return (time - startTime) / 1000;
  }
  return undefined;
}

const MAX_SCENARIO_DAYS = MAX_SCENARIO_SECONDS / 86_400;

function parseTimed(section: unknown, name: 'Faults' | 'Actions', context: IntrinsicContext, startTime: number, report: Diagnose): (TimedFault | TimedAction)[] {
  if (section === undefined) return [];
  if (!Array.isArray(section)) {
    report('error', [name], `${name} is a list of entries like "- At: 10m" / "Type: …"`);
    return [];
  }
  if (section.length > MAX_TIMED_ENTRIES) {
    report('error', [name], `${name} has ${section.length} entries; at most ${MAX_TIMED_ENTRIES} are allowed`);
    return [];
  }
  const kinds: Record<string, z.ZodType> = name === 'Faults' ? FAULT_PARAMETERS : ACTION_PARAMETERS;
  const out: (TimedFault | TimedAction)[] = [];
  section.forEach((raw, index) => {
    const path: PathSegment[] = [name, index];
    const entry = evaluate(raw, path, context);
    if (entry === REPORTED) return;
    if (!isRecord(entry)) return report('error', path, 'each entry is a mapping with At and Type');
    const { At, Type, Duration, ...parameters } = entry;
    const atSeconds = parseAt(At, startTime);
    if (atSeconds === undefined) return report('error', [...path, 'At'], `At must be an offset such as 10m or an ISO time not before the start (got ${JSON.stringify(At)})`);
    if (!(atSeconds <= MAX_SCENARIO_SECONDS)) return report('error', [...path, 'At'], `At must be at most ${MAX_SCENARIO_DAYS} days (${MAX_SCENARIO_SECONDS} s) after the start (got ${JSON.stringify(At)})`);
    if (typeof Type !== 'string' || !Object.hasOwn(kinds, Type)) {
      return report('error', [...path, 'Type'], `unknown ${name === 'Faults' ? 'fault' : 'action'} type ${JSON.stringify(Type)} (known: ${Object.keys(kinds).join(', ')})`, {
        code: name === 'Faults' ? 'fault.unknownType' : 'action.unknownType',
        params: { type: JSON.stringify(Type) ?? String(Type), known: Object.keys(kinds).join(', ') },
      });
    }
    if (name === 'Actions' && Duration !== undefined) report('warning', [...path, 'Duration'], 'actions have no Duration; ignored', { code: 'action.durationIgnored' });
    let durationSeconds: number | undefined;
    if (name === 'Faults' && Duration !== undefined) {
      durationSeconds = parseDuration(Duration as string | number);
      if (durationSeconds === undefined || durationSeconds <= 0 || durationSeconds > MAX_SCENARIO_SECONDS) {
        return report('error', [...path, 'Duration'], `Duration must be a duration such as 5m, at most ${MAX_SCENARIO_DAYS} days (got ${JSON.stringify(Duration)})`);
      }
    }
    const parsed = parseSection(kinds[Type]!, parameters, path, report);
    if (!parsed) return;
    const common = { atSeconds, parameters: parsed as Record<string, unknown>, path: formatPath(path) };
    out.push(
      name === 'Faults'
        ? { kind: 'fault', type: Type as FaultType, durationSeconds, ...common }
        : { kind: 'action', type: Type as ActionType, action: toControlAction(Type as ActionType, parsed as never), ...common },
    );
  });
  return out;
}

/** Validates one section with zod and reports each issue at its own path. */
export function parseSection<S extends z.ZodType>(schema: S, value: unknown, path: PathSegment[], report: Diagnose): z.output<S> | undefined {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const misspelt = misspeltKeys(parsed.error.issues, value);
  for (const issue of parsed.error.issues) {
    if (misspelt.folded.has(issue)) continue;
    const meant = misspelt.meant.get(issue);
    if (meant && issue.code === 'unrecognized_keys') {
      // One cause, one error: the unknown key is (probably) the required field that is missing.
      const issuePath = [...path, ...(issue.path as PathSegment[])];
      const message = `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}, and ${meant.join(', ')} ${meant.length > 1 ? 'are' : 'is'} required: a misspelling?`;
      report('error', issuePath, message, { code: 'value.unrecognized_keys', params: { field: fieldName(issuePath), message } });
      continue;
    }
    reportIssue(issue, path, report, valueAt(value, issue.path as PathSegment[]));
  }
  return undefined;
}

/**
 * A misspelt key (`RequestsPerSecond` for `Rate`) is one cause with two symptoms: an unknown key, and
 * the required field it was meant to be missing. The missing fields are folded under the unknown key.
 */
function misspeltKeys(issues: readonly z.core.$ZodIssue[], value: unknown): { folded: Set<z.core.$ZodIssue>; meant: Map<z.core.$ZodIssue, string[]> } {
  const folded = new Set<z.core.$ZodIssue>();
  const meant = new Map<z.core.$ZodIssue, string[]>();
  for (const unknown of issues) {
    if (unknown.code !== 'unrecognized_keys') continue;
    const at = JSON.stringify(unknown.path);
    for (const issue of issues) {
      const parent = issue.path.slice(0, -1);
      const missing = issue.path.length > 0 && valueAt(value, issue.path as PathSegment[]) === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_union');
      if (!missing || JSON.stringify(parent) !== at) continue;
      folded.add(issue);
      meant.set(unknown, [...(meant.get(unknown) ?? []), String(issue.path[issue.path.length - 1])]);
    }
  }
  return { folded, meant };
}

function valueAt(value: unknown, path: readonly PathSegment[]): unknown {
  let node = value;
  for (const segment of path) node = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[segment] : undefined;
  return node;
}

function reportIssue(issue: z.core.$ZodIssue, path: PathSegment[], report: Diagnose, input: unknown): void {
  const issuePath = [...path, ...(issue.path as PathSegment[])];
  // A value of one of several forms (Rate: a number or { Ramp: … }): when only one form fits its
  // shape, its own problems are the useful ones ("Rate must be between 0 and 1000000"), not "no form matches".
  const fitting = issue.code === 'invalid_union' ? issue.errors.filter(fitsShape) : [];
  if (fitting.length === 1) {
    for (const inner of fitting[0]!) reportIssue(inner, issuePath, report, valueAt(input, inner.path as PathSegment[]));
    return;
  }
  const message = describeIssue(issue, fieldName(issuePath), input);
  // The detail (bounds, expected kinds, a custom check's words) travels as the English `message` until it gets parameters of its own.
  report('error', issuePath, message, { code: `value.${issue.code}`, params: { field: fieldName(issuePath), message } });
}

/** A union branch whose errors are about values inside it, not about the value being of another form. */
function fitsShape(issues: z.core.$ZodIssue[]): boolean {
  return !issues.some((issue) => issue.path.length === 0 && (issue.code === 'invalid_type' || issue.code === 'unrecognized_keys' || issue.code === 'invalid_union'));
}

/** `Resources.G.Properties.Tags[0].Key` → `Key`; a list item → `Tags[0]`. */
function fieldName(path: readonly PathSegment[]): string {
  const last = path.length - 1;
  if (last < 0) return 'the value';
  return typeof path[last] === 'number' ? `${String(path[last - 1] ?? '')}[${path[last]}]` : String(path[last]);
}

const KIND_NAMES: Record<string, string> = { string: 'a string', number: 'a number', int: 'a whole number', boolean: 'true or false', array: 'a list', object: 'a mapping', undefined: 'nothing', null: 'null' };

function kindOf(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${KIND_NAMES[typeof value] ?? typeof value} (${JSON.stringify(value)})`;
}

/** zod's wording ("Too small: expected string to have >=1 characters") said in plain English, naming the field. */
const ZOD_DEFAULT_MESSAGE = /^(Invalid input|Invalid option|Too small|Too big|Invalid string|Invalid number|Invalid element|Invalid key|Invalid)/;

function describeIssue(issue: z.core.$ZodIssue, field: string, input: unknown): string {
  if (issue.code === 'unrecognized_keys') return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  if (issue.code === 'invalid_union') {
    const expected = issue.errors.map((branch) => (branch.length === 1 && branch[0]!.path.length === 0 && branch[0]!.code === 'invalid_type' ? branch[0]!.expected : undefined));
    if (expected.every((kind) => kind !== undefined)) {
      const names = [...new Set(expected.map((kind) => KIND_NAMES[kind!] ?? kind!))];
      return `${field} must be ${names.join(' or ')}; got ${kindOf(input)}`;
    }
    return `${field} is not in a form it accepts (got ${kindOf(input)}); see its entry in docs/scenario-format.md`;
  }
  if (!ZOD_DEFAULT_MESSAGE.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return input === undefined ? `${field} is required` : `${field} must be ${KIND_NAMES[issue.expected] ?? issue.expected}; got ${kindOf(input)}`;
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string') return minimum <= 1 ? `${field} must not be empty` : `${field} must be at least ${minimum} characters long`;
      if (issue.origin === 'array' || issue.origin === 'set') return `${field} needs at least ${minimum} ${minimum === 1 ? 'entry' : 'entries'}`;
      return `${field} must be ${issue.inclusive ? 'at least' : 'more than'} ${minimum}; got ${kindOf(input)}`;
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'string') return `${field} must be at most ${maximum} characters long`;
      if (issue.origin === 'array' || issue.origin === 'set') return `${field} takes at most ${maximum} ${maximum === 1 ? 'entry' : 'entries'}`;
      return `${field} must be ${issue.inclusive ? 'at most' : 'less than'} ${maximum}; got ${kindOf(input)}`;
    }
    case 'invalid_value':
      return `${field} must be one of ${issue.values.map((v) => String(v)).join(', ')}; got ${kindOf(input)}`;
    case 'invalid_format':
      return `${field} is not a valid ${issue.format}; got ${kindOf(input)}`;
    default:
      return `${field} is not valid (got ${kindOf(input)})`;
  }
}

interface StackInputs {
  /** Imports.Exports: Fn::ImportValue name → value (may use !Ref to the scenario's stand-in resources). */
  exports: Record<string, unknown>;
  /** Imports.Parameters: parameter values from the scenario (may use intrinsics). */
  parameters: Record<string, unknown>;
  /** --parameter / --parameters values (win over Imports.Parameters). */
  given: Record<string, string>;
  /** The scenario file's report, for problems in Imports. */
  scenarioReport: Diagnose;
}

/**
 * Evaluates resources lazily so that `Ref`/`GetAtt` can reach any resource regardless of order, and
 * detects reference cycles instead of recursing forever. Conditions are evaluated once, on first use;
 * a resource whose Condition is false is neither created nor checked, as in CloudFormation.
 */
class ResourceResolver {
  readonly context: IntrinsicContext;
  private identities = new Map<string, ResourceIdentity>();
  private resolving = new Set<string>();
  private conditions = new Map<string, boolean | undefined>();
  private conditionsResolving = new Set<string>();
  private readonly parameters: TemplateParameters;
  private errors = 0;
  private readonly report: Diagnose;

  constructor(
    private readonly raw: Record<string, unknown>,
    private readonly root: Record<string, unknown>,
    private readonly settings: SimulationSettings,
    private readonly stackName: string,
    report: Diagnose,
    private readonly inputs: StackInputs,
  ) {
    // Counted so that a resource whose intrinsics already failed is not also checked against its schema (one error per cause).
    this.report = (severity, path, message, detail) => {
      if (severity === 'error') this.errors++;
      report(severity, path, message, detail);
    };
    if (root.Parameters !== undefined && !isRecord(root.Parameters)) this.report('error', ['Parameters'], 'Parameters maps parameter names to declarations');
    if (root.Conditions !== undefined && !isRecord(root.Conditions)) this.report('error', ['Conditions'], 'Conditions maps condition names to condition functions');
    if (root.Mappings !== undefined && !isRecord(root.Mappings)) this.report('error', ['Mappings'], 'Mappings maps map names to two-level mappings');
    const given: Record<string, { from: string; value: () => unknown }> = {};
    for (const [key, value] of Object.entries(inputs.parameters)) {
      given[key] = { from: 'the scenario\'s Imports.Parameters', value: () => evaluate(value, ['Imports', 'Parameters', key], { ...this.context, report: inputs.scenarioReport }) };
    }
    for (const [key, value] of Object.entries(inputs.given)) given[key] = { from: `--parameter ${key}`, value: () => value };
    this.parameters = new TemplateParameters(isRecord(root.Parameters) ? root.Parameters : {}, given, this.report);
    this.context = {
      ref: (name, path) => this.ref(name, path),
      getAtt: (logicalId, attribute, path) => this.getAtt(logicalId, attribute, path),
      availabilityZones: availabilityZonesOf,
      findInMap: (map, top, second) => {
        const mappings = isRecord(root.Mappings) ? root.Mappings : {};
        const level1 = mappings[map];
        const level2 = isRecord(level1) ? level1[top] : undefined;
        return isRecord(level2) ? level2[second] : undefined;
      },
      condition: (name, path) => this.condition(name, path),
      importValue: (name, path) => this.importValue(name, path),
      report: this.report,
    };
  }

  private importValue(name: string, path: readonly PathSegment[]): unknown {
    if (!Object.hasOwn(this.inputs.exports, name)) {
      const known = Object.keys(this.inputs.exports);
      this.report('error', path, `Fn::ImportValue: no other stack exports "${name}" here; give it in the scenario under Imports: Exports: ${name}: <value>${known.length ? ` (given: ${known.join(', ')})` : ''}`, { code: 'import.missing', params: { exportName: name } });
      return REPORTED;
    }
    return evaluate(this.inputs.exports[name], ['Imports', 'Exports', name], { ...this.context, report: this.inputs.scenarioReport });
  }

  /** A named condition, evaluated once; a cycle or an unknown name is an error. */
  condition(name: string, path: readonly PathSegment[]): boolean | undefined {
    if (this.conditions.has(name)) return this.conditions.get(name);
    const declared = isRecord(this.root.Conditions) ? this.root.Conditions : {};
    if (!Object.hasOwn(declared, name)) {
      const known = Object.keys(declared);
      this.report('error', path, `condition "${name}" is not declared in Conditions${known.length ? ` (declared: ${known.join(', ')})` : ''}`, { code: 'condition.undeclared', params: { condition: name } });
      this.conditions.set(name, undefined);
      return undefined;
    }
    if (this.conditionsResolving.has(name)) {
      this.report('error', ['Conditions', name], `condition "${name}" refers to itself`, { code: 'condition.selfReference', params: { condition: name } });
      return undefined;
    }
    this.conditionsResolving.add(name);
    const value = evaluate(declared[name], ['Conditions', name], this.context);
    this.conditionsResolving.delete(name);
    let result: boolean | undefined;
    if (typeof value === 'boolean') result = value;
    else if (value !== undefined && value !== REPORTED) this.report('error', ['Conditions', name], `condition "${name}" must be a condition function (Fn::Equals, Fn::And, Fn::Or, Fn::Not or { Condition: Name })`);
    this.conditions.set(name, result);
    return result;
  }

  /** Whether a resource (or output) is created: no Condition, or its Condition holds. */
  private created(logicalId: string, entry: Record<string, unknown>, section: 'Resources' | 'Outputs'): boolean | undefined {
    if (entry.Condition === undefined) return true;
    if (typeof entry.Condition !== 'string') {
      this.report('error', [section, logicalId, 'Condition'], 'Condition names a condition of the Conditions section');
      return undefined;
    }
    return this.condition(entry.Condition, [section, logicalId, 'Condition']);
  }

  private pseudo(name: string): unknown {
    switch (name) {
      case 'AWS::Region':
        return this.settings.region;
      case 'AWS::AccountId':
        return ACCOUNT_ID;
      case 'AWS::StackName':
        return this.stackName;
      case 'AWS::StackId':
        return `arn:aws:cloudformation:${this.settings.region}:${ACCOUNT_ID}:stack/${this.stackName}/${uuidFrom(createRandom(0, `stack/${this.stackName}`).hex(32))}`;
      case 'AWS::Partition':
        return 'aws';
      case 'AWS::URLSuffix':
        return 'amazonaws.com';
      case 'AWS::NotificationARNs':
        return [];
      default:
        return undefined;
    }
  }

  private ref(name: string, path: readonly PathSegment[]): unknown {
    const pseudo = this.pseudo(name);
    if (pseudo !== undefined) return pseudo;
    if (this.parameters.has(name)) return this.parameters.value(name, path, ignoredBySimulator(path));
    const resource = this.raw[name];
    if (!isRecord(resource)) return undefined;
    if (this.notCreated(name, path)) return REPORTED;
    const identity = this.identity(name, path);
    const spec = RESOURCE_TYPES[String(resource.Type)];
    return spec ? spec.ref(identity) : genericRef(String(resource.Type), identity);
  }

  /** A reference to a resource whose Condition is false: CloudFormation refuses the template. */
  private notCreated(logicalId: string, path: readonly PathSegment[]): boolean {
    const resource = this.raw[logicalId];
    if (!isRecord(resource) || resource.Condition === undefined) return false;
    const created = this.created(logicalId, resource, 'Resources');
    if (created === false) {
      this.report('error', path, `"${logicalId}" is not created (its condition ${String(resource.Condition)} is false), so nothing can refer to it here; guard the reference with Fn::If [${String(resource.Condition)}, …]`, { code: 'resource.notCreated', params: { logicalId, condition: String(resource.Condition) } });
    }
    return created !== true;
  }

  getAtt(logicalId: string, attribute: string, path: readonly PathSegment[], report: Diagnose = this.report): unknown {
    const resource = this.raw[logicalId];
    if (!isRecord(resource)) {
      report('error', path, `Fn::GetAtt: "${logicalId}" is not a resource in this file`, { code: 'getAtt.notAResource', params: { logicalId } });
      return undefined;
    }
    if (this.notCreated(logicalId, path)) return undefined;
    const type = String(resource.Type);
    const spec = RESOURCE_TYPES[type];
    const identity = this.identity(logicalId, path);
    if (!spec) return `${genericRef(type, identity)}/${attribute}`;
    const attr = spec.attributes[attribute];
    if (!attr) {
      const known = Object.keys(spec.attributes);
      report('error', path, `Fn::GetAtt: ${type} has no attribute "${attribute}"${known.length ? ` (known: ${known.join(', ')})` : ''}`, { code: 'getAtt.unknownAttribute', params: { type, attribute, known: known.join(', ') } });
      return undefined;
    }
    return attr(identity, isRecord(resource.Properties) ? resource.Properties : {});
  }

  /**
   * A stack lives in one region; a scenario may place a resource elsewhere with CloudFormation's
   * Metadata attribute — `Metadata: { Region: eu-west-1 }` — to model multi-region setups.
   */
  private regionOf(logicalId: string): string {
    const resource = this.raw[logicalId];
    const metadata = isRecord(resource) && isRecord(resource.Metadata) ? resource.Metadata : undefined;
    const region = metadata?.Region;
    if (region === undefined) return this.settings.region;
    if (typeof region !== 'string' || !/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) {
      this.report('error', ['Resources', logicalId, 'Metadata', 'Region'], `Metadata.Region must be an AWS region such as eu-west-1 (got ${JSON.stringify(region)})`);
      return this.settings.region;
    }
    return region;
  }

  private identity(logicalId: string, path: readonly PathSegment[]): ResourceIdentity {
    const known = this.identities.get(logicalId);
    if (known) return known;
    const hex = createRandom(0, `${this.stackName}/${logicalId}`).hex(32);
    const fallback: ResourceIdentity = { logicalId, name: logicalId, hex, region: this.regionOf(logicalId), accountId: ACCOUNT_ID };
    if (this.resolving.has(logicalId)) {
      this.report('error', path, `circular reference through "${logicalId}"`, { code: 'resource.circularReference', params: { logicalId } });
      return fallback;
    }
    this.resolving.add(logicalId);
    const resource = this.raw[logicalId] as Record<string, unknown>;
    const spec = RESOURCE_TYPES[String(resource.Type)];
    const properties = isRecord(resource.Properties) ? resource.Properties : {};
    let name: string | undefined;
    if (spec?.nameProperty && properties[spec.nameProperty] !== undefined) {
      const evaluated = evaluate(properties[spec.nameProperty], ['Resources', logicalId, 'Properties', spec.nameProperty], this.context);
      if (typeof evaluated === 'string') name = evaluated;
    }
    if (name === undefined) {
      // CloudFormation generates <stack>-<logicalId>-<random>; keep it within the type's length limit.
      const generated = `${this.stackName}-${logicalId}-${hex.slice(0, 12).toUpperCase()}`;
      name = spec?.maxNameLength && generated.length > spec.maxNameLength ? `${this.stackName.slice(0, 8)}-${logicalId.slice(0, 8)}-${hex.slice(0, 12).toUpperCase()}`.slice(0, spec.maxNameLength) : generated;
    }
    const identity = { ...fallback, name };
    this.identities.set(logicalId, identity);
    this.resolving.delete(logicalId);
    return identity;
  }

  loadAll(): LoadedResource[] {
    const loaded: LoadedResource[] = [];
    // CloudFormation checks every parameter value against its constraints, used or not.
    this.parameters.checkAll();
    for (const [logicalId, resource] of Object.entries(this.raw)) {
      const path: PathSegment[] = ['Resources', logicalId];
      if (!/^[A-Za-z0-9]+$/.test(logicalId)) this.report('error', path, 'logical ids are alphanumeric (A-Z, a-z, 0-9)');
      if (!isRecord(resource) || typeof resource.Type !== 'string') {
        this.report('error', [...path, 'Type'], 'each resource needs a Type such as AWS::AutoScaling::AutoScalingGroup', { code: 'resource.typeMissing' });
        continue;
      }
      // A resource under a false condition is not created: not simulated, not checked.
      if (this.created(logicalId, resource, 'Resources') !== true) continue;
      const type = resource.Type;
      const spec = RESOURCE_TYPES[type];
      if (!spec) {
        if (type === CLASSIC_LOAD_BALANCER_TYPE) this.report('warning', [...path, 'Type'], CLASSIC_LOAD_BALANCER_WARNING(logicalId), { code: 'resource.classicLoadBalancer', params: { logicalId } });
        else if (!SAFELY_IGNORED_TYPES.has(type)) this.report('warning', [...path, 'Type'], `resource type ${type} is not simulated; ${logicalId} is ignored`, { code: 'resource.typeNotSimulated', params: { logicalId, type } });
        continue;
      }
      const rawProperties = resource.Properties ?? {};
      if (!isRecord(rawProperties)) {
        this.report('error', [...path, 'Properties'], 'Properties must be a mapping');
        continue;
      }
      const known = new Set([...Object.keys(spec.properties.shape), ...(spec.ignored ?? [])]);
      const kept: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(rawProperties)) {
        if (!known.has(key)) {
          this.report('warning', [...path, 'Properties', key], `property ${key} of ${type} is not supported by the simulator and is ignored`, { code: 'resource.propertyIgnored', params: { property: key, type } });
        } else if (Object.hasOwn(spec.properties.shape, key)) {
          kept[key] = value;
        }
      }
      const errorsBefore = this.errors;
      const evaluated = evaluate(kept, [...path, 'Properties'], this.context);
      // An intrinsic that failed was reported; the missing value it leaves is not a second problem.
      if (this.errors > errorsBefore || evaluated === REPORTED) continue;
      const properties = parseSection(spec.properties, evaluated, [...path, 'Properties'], this.report);
      if (!properties) continue;
      spec.check?.(properties as Record<string, unknown>, (property, message) => this.report('error', [...path, 'Properties', property], message));
      const identity = this.identity(logicalId, path);
      // Only the Metadata keys the simulator reads are evaluated (AWS::CloudFormation::Init and the like are not).
      const rawMetadata = isRecord(resource.Metadata) ? resource.Metadata : {};
      const usedMetadata = Object.fromEntries(Object.entries(rawMetadata).filter(([key]) => key === 'Region' || key === 'Simulation'));
      const metadata = evaluate(usedMetadata, [...path, 'Metadata'], this.context);
      if (spec.metadata && isRecord(metadata)) parseSection(spec.metadata, metadata, [...path, 'Metadata'], this.report);
      loaded.push({ logicalId, type, identity, ref: spec.ref(identity), properties: properties as Record<string, unknown>, metadata: isRecord(metadata) ? metadata : {} });
    }
    return loaded;
  }

  /**
   * The Outputs section, evaluated as CloudFormation shows it. A value the simulator cannot work out
   * (an attribute it does not model) is a warning naming the output, not a failed load.
   */
  outputs(): StackOutput[] {
    const section = this.root.Outputs;
    if (section === undefined) return [];
    if (!isRecord(section)) {
      this.report('error', ['Outputs'], 'Outputs maps output names to { Value, Description, Export }');
      return [];
    }
    const out: StackOutput[] = [];
    for (const [key, entry] of Object.entries(section)) {
      const path: PathSegment[] = ['Outputs', key];
      if (!isRecord(entry) || entry.Value === undefined) {
        this.report('error', path, `output ${key} needs a Value`);
        continue;
      }
      if (this.created(key, entry, 'Outputs') !== true) continue;
      let unavailable = false;
      const lenient: IntrinsicContext = {
        ...this.context,
        report: (severity, where, message, detail) => {
          unavailable = true;
          this.report('warning', where, `output ${key} is not shown: ${message}`, { code: 'output.unavailable', params: { output: key, reason: message, ...(detail ? { reasonCode: detail.code } : {}) } });
          void severity;
        },
      };
      const value = evaluate(entry.Value, [...path, 'Value'], lenient);
      const exportName = isRecord(entry.Export) ? evaluate(entry.Export.Name, [...path, 'Export', 'Name'], lenient) : undefined;
      if (unavailable || value === undefined || value === NO_VALUE || value === REPORTED) continue;
      out.push({
        key,
        value: Array.isArray(value) ? value.map(String).join(',') : typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value),
        ...(typeof entry.Description === 'string' ? { description: entry.Description } : {}),
        ...(typeof exportName === 'string' ? { exportName } : {}),
      });
    }
    return out;
  }
}

/** 32 hex digits as a UUID (8-4-4-4-12), the form of a stack id's last part. */
function uuidFrom(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** What Ref returns for types we accept but do not simulate (VPCs, subnets, roles …). */
function genericRef(type: string, identity: ResourceIdentity): string {
  const prefixes: Record<string, string> = {
    'AWS::EC2::VPC': 'vpc',
    'AWS::EC2::Subnet': 'subnet',
    'AWS::EC2::SecurityGroup': 'sg',
    'AWS::EC2::InternetGateway': 'igw',
    'AWS::EC2::RouteTable': 'rtb',
  };
  const prefix = prefixes[type];
  if (prefix) return `${prefix}-${identity.hex.slice(0, 17)}`;
  if (type === 'AWS::IAM::Role') return identity.name;
  return `${identity.logicalId}-${identity.hex.slice(0, 12)}`;
}
