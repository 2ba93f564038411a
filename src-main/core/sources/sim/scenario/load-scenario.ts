/**
 * Loads a scenario: YAML → CloudFormation intrinsics evaluated → each resource's properties checked
 * against its type → a typed ScenarioModel. Errors (wrong types, dangling references, bad YAML) stop
 * the load with every problem listed by path and line; warnings (unsupported types or properties)
 * are returned with the model.
 */
import type { z } from 'zod';
import { createRandom } from '../kernel/random';
import { checkRoute53Resources, route53ServedNames } from '../route53/validate';
import { type Diagnostic, type PathSegment, ScenarioError } from './diagnostics';
import { evaluate, type IntrinsicContext } from './intrinsics';
import { loadBalancerDnsName, RESOURCE_TYPES, SAFELY_IGNORED_TYPES, type ResourceIdentity } from './resource-types';
import { SIMULATION_DEFAULTS, SimulationSchema, TrafficSchema, type SimulationSettings, type TrafficInput } from './sections';
import { diagnose, readYaml, type Diagnose } from './yaml-source';

export const ACCOUNT_ID = '123456789012';

/** us-east-1, eu-west-1, ap-southeast-2, us-gov-west-1 … */
const REGION_NAME = /^[a-z]{2}(-[a-z]+)+-\d$/;

export interface LoadedResource {
  logicalId: string;
  type: string;
  identity: ResourceIdentity;
  /** What `Ref` returns (an ARN, a name or an id, per type). */
  ref: string;
  /** Properties after intrinsics and validation; shape per type in resource-types.ts. */
  properties: Record<string, unknown>;
}

export interface ScenarioModel {
  name: string;
  file: string;
  description?: string;
  simulation: SimulationSettings;
  resources: LoadedResource[];
  traffic: TrafficInput[];
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
}

export function loadScenario(text: string, options: LoadOptions): ScenarioModel {
  const source = readYaml(text);
  const diagnostics: Diagnostic[] = [...source.diagnostics];
  const report = diagnose(source, diagnostics);
  const fail = () => new ScenarioError(options.file, diagnostics);
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
  };
  if (settings.tickSeconds <= 0 || settings.tickSeconds > 60 || 60 % settings.tickSeconds !== 0) {
    report('error', ['Simulation', 'Tick'], 'Tick must divide 60 seconds (1s, 2s, 5s, 10s, 15s, 30s or 60s) so that metric periods line up');
  }

  const stackName = options.file.replace(/^.*[\\/]/, '').replace(/\.(ya?ml|json)$/i, '') || 'scenario';
  const rawResources = root.Resources;
  if (!isRecord(rawResources) || Object.keys(rawResources).length === 0) {
    report('error', ['Resources'], 'Resources is required and must map logical ids to resources');
    throw fail();
  }

  const resolver = new ResourceResolver(rawResources, root, settings, stackName, report);
  const resources = resolver.loadAll();
  checkRoute53Resources(resources, report);

  const traffic: TrafficInput[] = [];
  if (root.Traffic !== undefined) {
    if (!Array.isArray(root.Traffic)) report('error', ['Traffic'], 'Traffic is a list of client populations');
    else
      root.Traffic.forEach((entry, index) => {
        const evaluated = evaluate(entry, ['Traffic', index], resolver.context);
        const parsed = parseSection(TrafficSchema, evaluated, ['Traffic', index], report);
        if (parsed) traffic.push(parsed);
      });
  }

  checkTrafficTargets(traffic, resources, report);
  if (diagnostics.some((d) => d.severity === 'error')) throw fail();
  return {
    name: stackName,
    file: options.file,
    description: typeof root.Description === 'string' ? root.Description : undefined,
    simulation: settings,
    resources,
    traffic,
    warnings: diagnostics.filter((d) => d.severity === 'warning'),
  };
}

/** Every Traffic Target must be a DNS name the scenario serves: an ALB's DNSName or a name in a public hosted zone. */
function checkTrafficTargets(traffic: TrafficInput[], resources: LoadedResource[], report: Diagnose): void {
  const served = new Set([
    ...resources.filter((r) => r.type === 'AWS::ElasticLoadBalancingV2::LoadBalancer').map((r) => loadBalancerDnsName(r.identity)),
    ...route53ServedNames(resources),
  ]);
  traffic.forEach((entry, index) => {
    if (!served.has(entry.Target.toLowerCase().replace(/\.$/, ''))) {
      const known = [...served].join(', ') || 'none';
      report('error', ['Traffic', index, 'Target'], `no load balancer or Route 53 record in this scenario answers to "${entry.Target}" (known: ${known}); use !GetAtt <LoadBalancer>.DNSName or a record name`);
    }
  });
}

/** Validates one section with zod and reports each issue at its own path. */
export function parseSection<S extends z.ZodType>(schema: S, value: unknown, path: PathSegment[], report: Diagnose): z.output<S> | undefined {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const issuePath = [...path, ...(issue.path as PathSegment[])];
    report('error', issuePath, describeIssue(issue));
  }
  return undefined;
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

  private getAtt(logicalId: string, attribute: string, path: readonly PathSegment[]): unknown {
    const resource = this.raw[logicalId];
    if (!isRecord(resource)) {
      this.report('error', path, `Fn::GetAtt: "${logicalId}" is not a resource in this file`);
      return undefined;
    }
    const type = String(resource.Type);
    const spec = RESOURCE_TYPES[type];
    const identity = this.identity(logicalId, path);
    if (!spec) return `${genericRef(type, identity)}/${attribute}`;
    const attr = spec.attributes[attribute];
    if (!attr) {
      const known = Object.keys(spec.attributes);
      this.report('error', path, `Fn::GetAtt: ${type} has no attribute "${attribute}"${known.length ? ` (known: ${known.join(', ')})` : ''}`);
      return undefined;
    }
    return attr(identity);
  }

  private identity(logicalId: string, path: readonly PathSegment[]): ResourceIdentity {
    const known = this.identities.get(logicalId);
    if (known) return known;
    const hex = createRandom(0, `${this.stackName}/${logicalId}`).hex(32);
    const fallback: ResourceIdentity = { logicalId, name: logicalId, hex, region: this.settings.region, accountId: ACCOUNT_ID };
    if (this.resolving.has(logicalId)) {
      this.report('error', path, `circular reference through "${logicalId}"`);
      return fallback;
    }
    this.resolving.add(logicalId);
    const resource = this.raw[logicalId] as Record<string, unknown>;
    fallback.region = this.regionOf(logicalId, resource);
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

  /**
   * A resource lives in the scenario's region unless its CloudFormation `Metadata` says
   * `Region: eu-west-1` — how one scenario spans regions (a real stack is regional; a multi-region
   * setup is several stacks, which a scenario folds into one file).
   */
  private regionOf(logicalId: string, resource: Record<string, unknown>): string {
    if (!isRecord(resource.Metadata) || resource.Metadata.Region === undefined) return this.settings.region;
    const path = ['Resources', logicalId, 'Metadata', 'Region'];
    const region = evaluate(resource.Metadata.Region, path, this.context);
    if (typeof region !== 'string' || !REGION_NAME.test(region)) {
      this.report('error', path, `Metadata.Region must be an AWS region such as eu-west-1, got ${JSON.stringify(region)}`);
      return this.settings.region;
    }
    return region;
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
        if (!SAFELY_IGNORED_TYPES.has(type)) this.report('warning', [...path, 'Type'], `resource type ${type} is not simulated; ${logicalId} is ignored`);
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
      loaded.push({ logicalId, type, identity, ref: spec.ref(identity), properties: properties as Record<string, unknown> });
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
