/**
 * Resolves a stack's resources as CloudFormation would: Parameters, Conditions, Mappings and Imports
 * feed the intrinsics; each resource's properties are checked against its type; references between
 * resources are followed (cycles reported); Outputs are evaluated last.
 */
import { createRandom } from '../kernel/random';
import { CLASSIC_LOAD_BALANCER_TYPE, CLASSIC_LOAD_BALANCER_WARNING } from '../alb/validate';
import { type PathSegment } from './diagnostics';
import { evaluate, NO_VALUE, REPORTED, type IntrinsicContext } from './intrinsics';
import { TemplateParameters, type GivenParameter } from './template-parameters';
import { SAFELY_IGNORED_TYPES, type ResourceIdentity } from './resource-types';
import type { LoadedResource } from './loaded-resource';
import { RESOURCE_TYPES } from './resource-registry';
import { type SimulationSettings } from './sections';
import { type Diagnose } from './yaml-source';
import { ACCOUNT_ID, availabilityZonesOf, ignoredBySimulator, isRecord, type StackOutput } from './stack-basics';
import { parseSection } from './section-issues';
export interface StackInputs {
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
export class ResourceResolver {
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
    if (root.Parameters !== undefined && !isRecord(root.Parameters)) this.report('error', ['Parameters'], 'Parameters maps parameter names to declarations', { code: 'section.notAMapping', params: { section: 'Parameters' } });
    if (root.Conditions !== undefined && !isRecord(root.Conditions)) this.report('error', ['Conditions'], 'Conditions maps condition names to condition functions', { code: 'section.notAMapping', params: { section: 'Conditions' } });
    if (root.Mappings !== undefined && !isRecord(root.Mappings)) this.report('error', ['Mappings'], 'Mappings maps map names to two-level mappings', { code: 'section.notAMapping', params: { section: 'Mappings' } });
    const given: Record<string, GivenParameter> = {};
    for (const [key, value] of Object.entries(inputs.parameters)) {
      given[key] = { from: 'the scenario\'s Imports.Parameters', source: 'imports', value: () => evaluate(value, ['Imports', 'Parameters', key], { ...this.context, report: inputs.scenarioReport }) };
    }
    for (const [key, value] of Object.entries(inputs.given)) given[key] = { from: `--parameter ${key}`, source: 'option', value: () => value };
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
    else if (value !== undefined && value !== REPORTED) this.report('error', ['Conditions', name], `condition "${name}" must be a condition function (Fn::Equals, Fn::And, Fn::Or, Fn::Not or { Condition: Name })`, {
        code: 'condition.notAFunction',
        params: { condition: name },
      });
    this.conditions.set(name, result);
    return result;
  }

  /** Whether a resource (or output) is created: no Condition, or its Condition holds. */
  private created(logicalId: string, entry: Record<string, unknown>, section: 'Resources' | 'Outputs'): boolean | undefined {
    if (entry.Condition === undefined) return true;
    if (typeof entry.Condition !== 'string') {
      this.report('error', [section, logicalId, 'Condition'], 'Condition names a condition of the Conditions section', { code: 'condition.notAName' });
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
      this.report('error', ['Resources', logicalId, 'Metadata', 'Region'], `Metadata.Region must be an AWS region such as eu-west-1 (got ${JSON.stringify(region)})`, {
        code: 'resource.invalidRegion',
        params: { region: String(JSON.stringify(region)) },
      });
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
      if (!/^[A-Za-z0-9]+$/.test(logicalId)) this.report('error', path, 'logical ids are alphanumeric (A-Z, a-z, 0-9)', { code: 'resource.invalidLogicalId', params: { logicalId } });
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
        this.report('error', [...path, 'Properties'], 'Properties must be a mapping', { code: 'resource.propertiesNotAMapping' });
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
      spec.check?.(properties as Record<string, unknown>, (property, message, detail) => this.report('error', [...path, 'Properties', property], message, detail));
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
      this.report('error', ['Outputs'], 'Outputs maps output names to { Value, Description, Export }', { code: 'section.notAMapping', params: { section: 'Outputs' } });
      return [];
    }
    const out: StackOutput[] = [];
    for (const [key, entry] of Object.entries(section)) {
      const path: PathSegment[] = ['Outputs', key];
      if (!isRecord(entry) || entry.Value === undefined) {
        this.report('error', path, `output ${key} needs a Value`, { code: 'output.valueMissing', params: { output: key } });
        continue;
      }
      if (this.created(key, entry, 'Outputs') !== true) continue;
      let unavailable = false;
      const lenient: IntrinsicContext = {
        ...this.context,
        report: (severity, where, message, detail) => {
          unavailable = true;
          // The reason's code and parameters (prefixed `reason.`) let the window word the reason too.
          const reasonParams = Object.fromEntries(Object.entries(detail?.params ?? {}).map(([name, value]) => [`reason.${name}`, value]));
          this.report('warning', where, `output ${key} is not shown: ${message}`, { code: 'output.unavailable', params: { output: key, reason: message, ...(detail ? { reasonCode: detail.code, ...reasonParams } : {}) } });
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
