/**
 * Loads a scenario: YAML → CloudFormation intrinsics evaluated → each resource's properties checked
 * against its type → a typed ScenarioModel. Errors (wrong types, dangling references, bad YAML) stop
 * the load with every problem listed by path and line; warnings (unsupported types or properties)
 * are returned with the model.
 */
import type { z } from 'zod';
import { databaseTargets, functionTargets } from '../traffic/function-targets';
import { bucketTargets, httpApiTargets } from '../traffic/event-source-targets';
import { parseDuration } from '../kernel/duration';
import { type Diagnostic, formatPath, type PathSegment, ScenarioError } from './diagnostics';
import { ACTION_PARAMETERS, FAULT_PARAMETERS, toControlAction, type ActionType, type FaultType, type TimedAction, type TimedFault } from './timed-entries';
import { evaluate, REPORTED, type IntrinsicContext } from './intrinsics';
import { loadBalancerDnsName } from './resource-types';
import type { LoadedResource } from './loaded-resource';
import type { ScenarioReport } from './scenario-checks';
import { RESOURCE_TYPES, SCENARIO_CHECKS } from './resource-registry';
import { SIMULATION_DEFAULTS, SimulationSchema, TrafficSchema, type InstanceTypeOverrides, type SimulationSettings, type TrafficInput } from './sections';
import { diagnose, readYaml, type Diagnose } from './yaml-source';
import { MAX_DIAGNOSTICS, MAX_SCENARIO_BYTES, MAX_SCENARIO_SECONDS, MAX_TIMED_ENTRIES, MAX_TOTAL_REQUEST_CLASSES, MAX_TRAFFIC_POPULATIONS } from './limits';
import { expandServerless } from './serverless-transform';
import { defaultTraffic } from '../traffic/default-traffic';
import type { ScenarioNotice } from '../../../contract/model-scenario-notice';

export type { LoadedResource } from './loaded-resource';
export { ACCOUNT_ID, availabilityZonesOf, type StackOutput } from './stack-basics';
import { isRecord, type StackOutput } from './stack-basics';
import { parseSection } from './section-issues';
import { ResourceResolver } from './resource-resolver';
import { TwinSectionSchema, toTwinInfo, type TwinInfo } from '../../../twin/twin-section';

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
  /** The Twin section: this scenario replays a real account's recorded window (docs/twin.md). */
  twin?: TwinInfo;
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
  // A twin of a real account (flightdeck aws export, docs/twin.md): its source, window and recording.
  'Twin',
]);

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
    if (options.template) report('error', [], 'a scenario is a YAML mapping (Traffic, Faults, Simulation …)', { code: 'file.scenarioNotAMapping' });
    else report('error', [], 'a scenario is a YAML mapping with at least a Resources section', { code: 'file.scenarioWithoutResources' });
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
    ...(simulation?.InstanceTypes ? { instanceTypes: instanceTypeOverrides(simulation.InstanceTypes) } : {}),
  };
  if (settings.tickSeconds <= 0 || settings.tickSeconds > 60 || 60 % settings.tickSeconds !== 0) {
    report('error', ['Simulation', 'Tick'], 'Tick must divide 60 seconds (1s, 2s, 5s, 10s, 15s, 30s or 60s) so that metric periods line up', { code: 'simulation.tickNotDividing60' });
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
    if (root.Resources !== undefined && !isRecord(root.Resources)) report('error', ['Resources'], 'Resources must map logical ids to resources', { code: 'resources.notAMapping' });
    const template = readYaml(options.template.text, options.template.file);
    diagnostics.push(...template.diagnostics.map((d) => ({ ...d, file: options.template!.file })));
    // A template that does not parse has that one problem: nothing after it would be true.
    if (template.diagnostics.some((d) => d.severity === 'error')) throw fail();
    templateReport = diagnose(template, diagnostics, options.template.file);
    if (!isRecord(template.value)) {
      templateReport('error', [], 'a CloudFormation template is a mapping with a Resources section', { code: 'file.templateNotAMapping' });
      throw fail();
    }
    templateRoot = template.value;
  }
  // SAM: each AWS::Serverless::Function becomes the Lambda function CloudFormation would create.
  templateRoot = expandServerless(templateRoot, templateReport);
  const stackResources = templateRoot.Resources;
  if (!isRecord(stackResources) || Object.keys(stackResources).length === 0) {
    templateReport('error', ['Resources'], 'Resources is required and must map logical ids to resources', { code: 'resources.missing' });
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
  if (imports !== undefined && !isRecord(imports)) report('error', ['Imports'], 'Imports is a mapping with Exports (name: value) and Parameters (name: value)', { code: 'imports.notAMapping' });
  const importSection = (key: string): Record<string, unknown> => {
    const section = isRecord(imports) ? imports[key] : undefined;
    if (section !== undefined && !isRecord(section)) report('error', ['Imports', key], `Imports.${key} maps names to values`, { code: 'imports.sectionNotAMapping', params: { key } });
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
    if (!Array.isArray(root.Traffic)) report('error', ['Traffic'], 'Traffic is a list of client populations', { code: 'traffic.notAList' });
    else if (root.Traffic.length > MAX_TRAFFIC_POPULATIONS) report('error', ['Traffic'], `Traffic has ${root.Traffic.length} entries; at most ${MAX_TRAFFIC_POPULATIONS} are allowed`, { code: 'traffic.tooMany', params: { count: root.Traffic.length, max: MAX_TRAFFIC_POPULATIONS } });
    else
      root.Traffic.forEach((entry, index) => {
        const evaluated = evaluate(entry, ['Traffic', index], scenarioContext);
        if (evaluated === REPORTED) return;
        const parsed = parseSection(TrafficSchema, evaluated, ['Traffic', index], report);
        if (parsed) traffic.push(parsed);
      });
    const classes = requestClasses(traffic);
    if (classes > MAX_TOTAL_REQUEST_CLASSES) report('error', ['Traffic'], `Traffic has ${classes} request classes in all; at most ${MAX_TOTAL_REQUEST_CLASSES} are allowed`, { code: 'traffic.tooManyClasses', params: { count: classes, max: MAX_TOTAL_REQUEST_CLASSES } });
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
  const reportAt: ScenarioReport = (severity, path, message, detail) => (path[0] === 'Resources' ? stackReport : report)(severity, path, message, detail);
  for (const hook of SCENARIO_CHECKS) if (hook.phase === 'scenario') hook.check({ resources, traffic, timeline }, reportAt);
  const twinSection = root.Twin === undefined ? undefined : parseSection(TwinSectionSchema, root.Twin, ['Twin'], report);
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
    ...(twinSection ? { twin: toTwinInfo(twinSection) } : {}),
  };
}

/** Simulation.InstanceTypes as written (Vcpus, HourlyPrice) → the settings' shape. */
export function instanceTypeOverrides(section: Record<string, { Vcpus?: number; HourlyPrice?: number }>): InstanceTypeOverrides {
  return Object.fromEntries(
    Object.entries(section).map(([type, entry]) => [type, { ...(entry.Vcpus !== undefined ? { vcpus: entry.Vcpus } : {}), ...(entry.HourlyPrice !== undefined ? { hourlyPrice: entry.HourlyPrice } : {}) }]),
  );
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

/** The first `max` problems and a line saying how many more there are (a 16 MiB file can hold 100,000s). */
export function capDiagnostics(diagnostics: Diagnostic[], max = MAX_DIAGNOSTICS): Diagnostic[] {
  if (diagnostics.length <= max) return diagnostics;
  const rest = diagnostics.slice(max);
  const errors = rest.filter((d) => d.severity === 'error').length;
  const summary: Diagnostic = {
    severity: errors > 0 ? 'error' : 'warning',
    message: `… and ${rest.length} more problems (${errors} errors) not listed; only the first ${max} are shown`,
    code: 'diagnostics.moreNotListed',
    params: { more: rest.length, errors, shown: max },
    path: '',
    line: 0,
    column: 0,
  };
  return [...diagnostics.slice(0, max), summary];
}

/** Every Traffic Target must be a DNS name the scenario serves (an ALB's DNSName, a Route 53 record name). */
function checkTrafficTargets(traffic: TrafficInput[], resources: LoadedResource[], report: Diagnose): void {
  const served = new Set<string>();
  for (const resource of resources) {
    for (const name of RESOURCE_TYPES[resource.type]?.servedNames?.(resource.identity, resource.properties) ?? []) served.add(name.toLowerCase().replace(/\.$/, ''));
  }
  const functions = functionTargets(resources);
  const databases = databaseTargets(resources);
  const apis = httpApiTargets(resources);
  const buckets = bucketTargets(resources);
  traffic.forEach((entry, index) => {
    const target = entry.Target.toLowerCase();
    if (entry.Keys !== undefined && !buckets.has(target)) report('error', ['Traffic', index, 'Keys'], 'Keys applies only when Target is an S3 bucket (!Ref <Bucket>)', { code: 'traffic.keysWithoutBucket' });
    if (functions.has(entry.Target.toLowerCase())) return; // LAM-8: a direct Lambda invocation
    if (databases.has(entry.Target.toLowerCase())) return; // clients querying a DB instance directly
    if (apis.has(target) || buckets.has(target)) {
      // An HTTP API's clients (APIGW-1), PUTs to a bucket (S3EV-4). A bucket's PUTs take Keys, not HTTP
      // request classes, and neither target is invoked with an InvocationType: refused rather than ignored.
      if (buckets.has(target) && entry.Requests !== undefined) report('error', ['Traffic', index, 'Requests'], 'Requests applies to a load balancer or an HTTP API; PUTs to an S3 bucket take Keys ([ { Key: uploads/*.jpg, Share: 1 } ])', { code: 'traffic.requestsToBucket' });
      if (entry.InvocationType !== undefined) report('error', ['Traffic', index, 'InvocationType'], 'InvocationType applies only when Target is a Lambda function (its name or !GetAtt <Function>.Arn)', { code: 'traffic.invocationTypeWithoutFunction' });
      return;
    }
    if (entry.InvocationType !== undefined) report('error', ['Traffic', index, 'InvocationType'], 'InvocationType applies only when Target is a Lambda function (its name or !GetAtt <Function>.Arn)', { code: 'traffic.invocationTypeWithoutFunction' });
    if (!served.has(entry.Target.toLowerCase().replace(/\.$/, ''))) {
      const known = [...served].join(', ') || 'none';
      report('error', ['Traffic', index, 'Target'], `nothing in this scenario answers to "${entry.Target}" (known: ${known}); use !GetAtt <LoadBalancer>.DNSName, a Route 53 record name, a Lambda function, a DB instance (!Ref <DBInstance>), an HTTP API (!GetAtt <Api>.ApiEndpoint) or an S3 bucket (!Ref <Bucket>)`, { code: 'traffic.unknownTarget', params: { target: entry.Target, known } });
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
    report('error', [name], `${name} is a list of entries like "- At: 10m" / "Type: …"`, { code: 'timeline.notAList', params: { section: name } });
    return [];
  }
  if (section.length > MAX_TIMED_ENTRIES) {
    report('error', [name], `${name} has ${section.length} entries; at most ${MAX_TIMED_ENTRIES} are allowed`, { code: 'timeline.tooMany', params: { section: name, count: section.length, max: MAX_TIMED_ENTRIES } });
    return [];
  }
  const kinds: Record<string, z.ZodType> = name === 'Faults' ? FAULT_PARAMETERS : ACTION_PARAMETERS;
  const out: (TimedFault | TimedAction)[] = [];
  section.forEach((raw, index) => {
    const path: PathSegment[] = [name, index];
    const entry = evaluate(raw, path, context);
    if (entry === REPORTED) return;
    if (!isRecord(entry)) return report('error', path, 'each entry is a mapping with At and Type', { code: 'timeline.entryNotAMapping' });
    const { At, Type, Duration, ...parameters } = entry;
    const atSeconds = parseAt(At, startTime);
    if (atSeconds === undefined) return report('error', [...path, 'At'], `At must be an offset such as 10m or an ISO time not before the start (got ${JSON.stringify(At)})`, { code: 'timeline.invalidAt', params: { at: String(JSON.stringify(At)) } });
    if (!(atSeconds <= MAX_SCENARIO_SECONDS)) return report('error', [...path, 'At'], `At must be at most ${MAX_SCENARIO_DAYS} days (${MAX_SCENARIO_SECONDS} s) after the start (got ${JSON.stringify(At)})`, {
        code: 'timeline.atTooLate',
        params: { at: String(JSON.stringify(At)), days: MAX_SCENARIO_DAYS },
      });
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
        return report('error', [...path, 'Duration'], `Duration must be a duration such as 5m, at most ${MAX_SCENARIO_DAYS} days (got ${JSON.stringify(Duration)})`, {
          code: 'timeline.invalidDuration',
          params: { duration: String(JSON.stringify(Duration)), days: MAX_SCENARIO_DAYS },
        });
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

/** Request classes over every population: its Requests or Keys, or one for a population with neither. */
export function requestClasses(traffic: readonly TrafficInput[]): number {
  return traffic.reduce((sum, population) => sum + Math.max(1, population.Requests?.length ?? 0, population.Keys?.length ?? 0), 0);
}
