/**
 * Loads a scenario: YAML → CloudFormation intrinsics evaluated → each resource's properties checked
 * against its type → a typed ScenarioModel. Errors (wrong types, dangling references, bad YAML) stop
 * the load with every problem listed by path and line; warnings (unsupported types or properties)
 * are returned with the model.
 */
import type { z } from 'zod';
import { createRandom } from '../kernel/random';
import { functionTargets } from '../traffic/function-targets';
import { CLASSIC_LOAD_BALANCER_TYPE, CLASSIC_LOAD_BALANCER_WARNING } from '../alb/validate';
import { parseDuration } from '../kernel/duration';
import { type Diagnostic, formatPath, type PathSegment, ScenarioError } from './diagnostics';
import { ACTION_PARAMETERS, FAULT_PARAMETERS, type ActionType, type FaultType, type TimedAction, type TimedFault } from './timed-entries';
import { evaluate, type IntrinsicContext } from './intrinsics';
import { SAFELY_IGNORED_TYPES, type ResourceIdentity } from './resource-types';
import type { LoadedResource } from './loaded-resource';
import type { ScenarioReport } from './scenario-checks';
import { RESOURCE_TYPES, SCENARIO_CHECKS } from './resource-registry';
import { SIMULATION_DEFAULTS, SimulationSchema, TrafficSchema, type SimulationSettings, type TrafficInput } from './sections';
import { diagnose, readYaml, type Diagnose } from './yaml-source';
import { MAX_DIAGNOSTICS, MAX_SCENARIO_BYTES, MAX_SCENARIO_SECONDS, MAX_TIMED_ENTRIES, MAX_TRAFFIC_POPULATIONS } from './limits';

export const ACCOUNT_ID = '123456789012';

export type { LoadedResource } from './loaded-resource';

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
}

const TOP_LEVEL_SECTIONS = new Set([
  'AWSTemplateFormatVersion',
  'Description',
  'Metadata',
  'Parameters',
  'Mappings',
  'Conditions',
  'Transform',
  'Outputs',
  'Resources',
  'Traffic',
  'Faults',
  'Actions',
  'Simulation',
]);

/** Availability zones the simulator offers per region: a, b, c (our choice; real regions have 3–6). */
export function availabilityZonesOf(region: string): string[] {
  return ['a', 'b', 'c'].map((suffix) => `${region}${suffix}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export interface LoadOptions {
  /** Shown in messages and used as the stack name (AWS::StackName). */
  file: string;
  /** Overrides Simulation.Seed. */
  seed?: number;
  /**
   * A real CloudFormation template whose Resources (with its Parameters and Mappings) replace the
   * scenario's own: the scenario then brings only Traffic, Faults, Actions and Simulation.
   */
  template?: { text: string; file: string };
}

export function loadScenario(text: string, options: LoadOptions): ScenarioModel {
  // Files are capped when read (scenario-files.ts); text that arrives otherwise (the window's "open a
  // file") is held to the same limit before parsing. A character is at least one byte in UTF-8.
  for (const [file, body, what] of [[options.file, text, 'scenario'], [options.template?.file, options.template?.text, 'template']] as const) {
    if (file !== undefined && body !== undefined && body.length > MAX_SCENARIO_BYTES) {
      throw new ScenarioError(file, [{ severity: 'error', message: `the ${what} is ${body.length} characters, more than the 16 MiB allowed`, path: '', line: 0, column: 0 }]);
    }
  }
  const source = readYaml(text);
  const diagnostics: Diagnostic[] = [...source.diagnostics];
  const report = diagnose(source, diagnostics);
  const fail = () => new ScenarioError(options.file, capDiagnostics(diagnostics));
  if (diagnostics.some((d) => d.severity === 'error')) throw fail();

  const root = source.value;
  if (!isRecord(root)) {
    report('error', [], 'a scenario is a YAML mapping with at least a Resources section');
    throw fail();
  }
  for (const key of Object.keys(root)) {
    if (!TOP_LEVEL_SECTIONS.has(key)) report('warning', [key], `section "${key}" is not supported by this version of the simulator and is ignored`);
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

  const stackName = options.file.replace(/^.*[\\/]/, '').replace(/\.(ya?ml|json)$/i, '') || 'scenario';
  // With --template, Resources (and the Parameters/Mappings they use) come from the template file,
  // and problems there are reported against that file.
  let templateRoot: Record<string, unknown> = root;
  let templateReport = report;
  if (options.template) {
    if (root.Resources !== undefined) report('error', ['Resources'], `give Resources here or a --template (${options.template.file}), not both`);
    const template = readYaml(options.template.text);
    diagnostics.push(...template.diagnostics.map((d) => ({ ...d, file: options.template!.file })));
    if (!isRecord(template.value)) {
      diagnostics.push({ severity: 'error', message: 'a CloudFormation template is a mapping with a Resources section', path: '', line: 0, column: 0, file: options.template.file });
      throw fail();
    }
    templateRoot = template.value;
    templateReport = diagnose(template, diagnostics, options.template.file);
  }
  const rawResources = templateRoot.Resources;
  if (!isRecord(rawResources) || Object.keys(rawResources).length === 0) {
    templateReport('error', ['Resources'], 'Resources is required and must map logical ids to resources');
    throw fail();
  }

  const resolver = new ResourceResolver(rawResources, templateRoot, settings, stackName, templateReport);
  const resources = resolver.loadAll();
  // Each service's rules across its resources (resource-registry.ts).
  for (const hook of SCENARIO_CHECKS) if (hook.phase === 'resources') hook.check({ resources, traffic: [], timeline: [] }, templateReport);
  // Traffic, Faults and Actions are in the scenario file: their problems are reported there.
  const scenarioContext: IntrinsicContext = { ...resolver.context, report, getAtt: (id, attribute, path) => resolver.getAtt(id, attribute, path, report) };

  const traffic: TrafficInput[] = [];
  if (root.Traffic !== undefined) {
    if (!Array.isArray(root.Traffic)) report('error', ['Traffic'], 'Traffic is a list of client populations');
    else if (root.Traffic.length > MAX_TRAFFIC_POPULATIONS) report('error', ['Traffic'], `Traffic has ${root.Traffic.length} entries; at most ${MAX_TRAFFIC_POPULATIONS} are allowed`);
    else
      root.Traffic.forEach((entry, index) => {
        const evaluated = evaluate(entry, ['Traffic', index], scenarioContext);
        const parsed = parseSection(TrafficSchema, evaluated, ['Traffic', index], report);
        if (parsed) traffic.push(parsed);
      });
  }

  checkTrafficTargets(traffic, resources, report);
  const timeline = [
    ...parseTimed(root.Faults, 'Faults', scenarioContext, settings.startTime, report),
    ...parseTimed(root.Actions, 'Actions', scenarioContext, settings.startTime, report),
  ].sort((a, b) => a.atSeconds - b.atSeconds);
  // The services' checks that involve Traffic, Faults and Actions too: each problem goes where its path points.
  const reportAt: ScenarioReport = (severity, path, message) => (path[0] === 'Resources' ? templateReport : report)(severity, path, message);
  for (const hook of SCENARIO_CHECKS) if (hook.phase === 'scenario') hook.check({ resources, traffic, timeline }, reportAt);
  if (diagnostics.some((d) => d.severity === 'error')) throw fail();
  return {
    name: stackName,
    file: options.file,
    description: typeof root.Description === 'string' ? root.Description : undefined,
    simulation: settings,
    resources,
    traffic,
    timeline,
    warnings: capDiagnostics(diagnostics.filter((d) => d.severity === 'warning')),
  };
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
  traffic.forEach((entry, index) => {
    if (functions.has(entry.Target.toLowerCase())) return; // LAM-8: a direct Lambda invocation
    if (entry.InvocationType !== undefined) report('error', ['Traffic', index, 'InvocationType'], 'InvocationType applies only when Target is a Lambda function (its name or !GetAtt <Function>.Arn)');
    if (!served.has(entry.Target.toLowerCase().replace(/\.$/, ''))) {
      const known = [...served].join(', ') || 'none';
      report('error', ['Traffic', index, 'Target'], `nothing in this scenario answers to "${entry.Target}" (known: ${known}); use !GetAtt <LoadBalancer>.DNSName, a Route 53 record name or a Lambda function`);
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
    if (!isRecord(entry)) return report('error', path, 'each entry is a mapping with At and Type');
    const { At, Type, Duration, ...parameters } = entry;
    const atSeconds = parseAt(At, startTime);
    if (atSeconds === undefined) return report('error', [...path, 'At'], `At must be an offset such as 10m or an ISO time not before the start (got ${JSON.stringify(At)})`);
    if (!(atSeconds <= MAX_SCENARIO_SECONDS)) return report('error', [...path, 'At'], `At must be at most ${MAX_SCENARIO_DAYS} days (${MAX_SCENARIO_SECONDS} s) after the start (got ${JSON.stringify(At)})`);
    if (typeof Type !== 'string' || !Object.hasOwn(kinds, Type)) {
      return report('error', [...path, 'Type'], `unknown ${name === 'Faults' ? 'fault' : 'action'} type ${JSON.stringify(Type)} (known: ${Object.keys(kinds).join(', ')})`);
    }
    if (name === 'Actions' && Duration !== undefined) report('warning', [...path, 'Duration'], 'actions have no Duration; ignored');
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
    out.push(name === 'Faults' ? { kind: 'fault', type: Type as FaultType, durationSeconds, ...common } : { kind: 'action', type: Type as ActionType, ...common });
  });
  return out;
}

/** Validates one section with zod and reports each issue at its own path. */
export function parseSection<S extends z.ZodType>(schema: S, value: unknown, path: PathSegment[], report: Diagnose): z.output<S> | undefined {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) reportIssue(issue, path, report);
  return undefined;
}

function reportIssue(issue: z.core.$ZodIssue, path: PathSegment[], report: Diagnose): void {
  const issuePath = [...path, ...(issue.path as PathSegment[])];
  // A value of one of several forms (Rate: a number or { Ramp: … }): when only one form fits its
  // shape, its own problems are the useful ones ("Rate must be between 0 and 1000000"), not "no form matches".
  const fitting = issue.code === 'invalid_union' ? issue.errors.filter(fitsShape) : [];
  if (fitting.length === 1) {
    for (const inner of fitting[0]!) reportIssue(inner, issuePath, report);
    return;
  }
  report('error', issuePath, describeIssue(issue));
}

/** A union branch whose errors are about values inside it, not about the value being of another form. */
function fitsShape(issues: z.core.$ZodIssue[]): boolean {
  return !issues.some((issue) => issue.path.length === 0 && (issue.code === 'invalid_type' || issue.code === 'unrecognized_keys' || issue.code === 'invalid_union'));
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  if (issue.code === 'invalid_union') return 'value does not match any accepted form (see docs/scenario-format.md)';
  return issue.message;
}

/**
 * Evaluates resources lazily so that `Ref`/`GetAtt` can reach any resource regardless of order, and
 * detects reference cycles instead of recursing forever.
 */
class ResourceResolver {
  readonly context: IntrinsicContext;
  private identities = new Map<string, ResourceIdentity>();
  private resolving = new Set<string>();

  constructor(
    private readonly raw: Record<string, unknown>,
    private readonly root: Record<string, unknown>,
    private readonly settings: SimulationSettings,
    private readonly stackName: string,
    private readonly report: Diagnose,
  ) {
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
      report,
    };
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
        return `arn:aws:cloudformation:${this.settings.region}:${ACCOUNT_ID}:stack/${this.stackName}/00000000-0000-0000-0000-000000000000`;
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
    const parameters = isRecord(this.root.Parameters) ? this.root.Parameters : {};
    const parameter = parameters[name];
    if (isRecord(parameter)) {
      if (parameter.Default === undefined) {
        this.report('error', path, `parameter "${name}" has no Default; the simulator cannot prompt for it`);
        return '';
      }
      return parameter.Default;
    }
    const resource = this.raw[name];
    if (!isRecord(resource)) return undefined;
    const identity = this.identity(name, path);
    const spec = RESOURCE_TYPES[String(resource.Type)];
    return spec ? spec.ref(identity) : genericRef(String(resource.Type), identity);
  }

  getAtt(logicalId: string, attribute: string, path: readonly PathSegment[], report: Diagnose = this.report): unknown {
    const resource = this.raw[logicalId];
    if (!isRecord(resource)) {
      report('error', path, `Fn::GetAtt: "${logicalId}" is not a resource in this file`);
      return undefined;
    }
    const type = String(resource.Type);
    const spec = RESOURCE_TYPES[type];
    const identity = this.identity(logicalId, path);
    if (!spec) return `${genericRef(type, identity)}/${attribute}`;
    const attr = spec.attributes[attribute];
    if (!attr) {
      const known = Object.keys(spec.attributes);
      report('error', path, `Fn::GetAtt: ${type} has no attribute "${attribute}"${known.length ? ` (known: ${known.join(', ')})` : ''}`);
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
      this.report('error', path, `circular reference through "${logicalId}"`);
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
    for (const [logicalId, resource] of Object.entries(this.raw)) {
      const path: PathSegment[] = ['Resources', logicalId];
      if (!/^[A-Za-z0-9]+$/.test(logicalId)) this.report('error', path, 'logical ids are alphanumeric (A-Z, a-z, 0-9)');
      if (!isRecord(resource) || typeof resource.Type !== 'string') {
        this.report('error', [...path, 'Type'], 'each resource needs a Type such as AWS::AutoScaling::AutoScalingGroup');
        continue;
      }
      const type = resource.Type;
      const spec = RESOURCE_TYPES[type];
      if (!spec) {
        if (type === CLASSIC_LOAD_BALANCER_TYPE) this.report('warning', [...path, 'Type'], CLASSIC_LOAD_BALANCER_WARNING(logicalId));
        else if (!SAFELY_IGNORED_TYPES.has(type)) this.report('warning', [...path, 'Type'], `resource type ${type} is not simulated; ${logicalId} is ignored`);
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
          this.report('warning', [...path, 'Properties', key], `property ${key} of ${type} is not supported by the simulator and is ignored`);
        } else if (Object.hasOwn(spec.properties.shape, key)) {
          kept[key] = value;
        }
      }
      const evaluated = evaluate(kept, [...path, 'Properties'], this.context);
      const properties = parseSection(spec.properties, evaluated, [...path, 'Properties'], this.report);
      if (!properties) continue;
      spec.check?.(properties as Record<string, unknown>, (property, message) => this.report('error', [...path, 'Properties', property], message));
      const identity = this.identity(logicalId, path);
      const metadata = isRecord(resource.Metadata) ? evaluate(resource.Metadata, [...path, 'Metadata'], this.context) : {};
      if (spec.metadata && isRecord(metadata)) parseSection(spec.metadata, metadata, [...path, 'Metadata'], this.report);
      loaded.push({ logicalId, type, identity, ref: spec.ref(identity), properties: properties as Record<string, unknown>, metadata: isRecord(metadata) ? metadata : {} });
    }
    return loaded;
  }
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
