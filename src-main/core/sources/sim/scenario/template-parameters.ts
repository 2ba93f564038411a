/**
 * A template's Parameters section as CloudFormation resolves it at stack creation: the value given
 * (`--parameter`, `--parameters FILE`, the scenario's Imports.Parameters) or else the Default, read
 * per Type and checked against AllowedValues, AllowedPattern, MinLength/MaxLength and MinValue/MaxValue.
 * (docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html)
 *
 * A parameter with no value and no Default is an error only where its value is used: the simulator
 * evaluates only what it models, so a KeyName that only reaches UserData needs nothing.
 */
import { createRandom } from '../kernel/random';
import type { ScenarioProblemCode } from '../../../contract/model-scenario-problem';
import type { PathSegment } from './diagnostics';
import { REPORTED } from './intrinsics';
import type { Diagnose } from './yaml-source';

/** The most parameters a template may declare (CloudFormation's quota is 200). */
export const MAX_TEMPLATE_PARAMETERS = 200;

export type ParameterValue = { kind: 'value'; value: string | number | string[] } | { kind: 'missing' } | { kind: 'invalid' };

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `List<Number>`, `CommaDelimitedList`, `List<AWS::EC2::Subnet::Id>` …: a Ref gives a list of strings. */
function isListType(type: string): boolean {
  return type === 'CommaDelimitedList' || /^List<.+>$/.test(type);
}

const SSM_TYPE = /^AWS::SSM::Parameter::Value<(.+)>$/;

/** Text as given on a command line or in a file; a YAML Default may be a number or a list. */
function asText(value: unknown): string {
  return Array.isArray(value) ? value.map(String).join(',') : String(value);
}

/**
 * A stand-in for a value CloudFormation would read from Systems Manager Parameter Store (the simulator
 * has none): an AMI id for image ids, else the parameter's SSM name itself. Deterministic per name.
 */
export function ssmStandIn(innerType: string, ssmName: string): string | string[] {
  const hex = createRandom(0, `ssm:${ssmName}`).hex(17);
  const one = /Image::Id/.test(innerType) ? `ami-${hex}` : ssmName;
  return isListType(innerType) ? [one] : one;
}

/** A value given for a parameter: where it came from (for messages) and how to get it (it may use intrinsics). */
export interface GivenParameter {
  from: string;
  /** Where it came from as a name the window translates (scenarioParameterSources). */
  source: 'imports' | 'option';
  value: () => unknown;
}

export class TemplateParameters {
  private readonly values = new Map<string, ParameterValue>();
  private readonly reportedMissing = new Set<string>();
  private readonly names: string[];

  constructor(
    private readonly declared: Record<string, unknown>,
    private readonly given: Record<string, GivenParameter>,
    private readonly report: Diagnose,
  ) {
    this.names = Object.keys(declared).slice(0, MAX_TEMPLATE_PARAMETERS);
    if (Object.keys(declared).length > MAX_TEMPLATE_PARAMETERS) {
      report('error', ['Parameters'], `the template declares ${Object.keys(declared).length} parameters; CloudFormation allows at most ${MAX_TEMPLATE_PARAMETERS}`, {
        code: 'parameter.tooMany',
        params: { count: Object.keys(declared).length, max: MAX_TEMPLATE_PARAMETERS },
      });
    }
    for (const [key, { from }] of Object.entries(given)) {
      if (!Object.hasOwn(declared, key)) {
        const known = this.names.join(', ') || 'none';
        report('error', ['Parameters'], `${from} gives a value for "${key}", which the template does not declare (its parameters: ${known})`, { code: 'parameter.undeclared', params: { parameter: key } });
      }
    }
  }

  has(name: string): boolean {
    return this.names.includes(name);
  }

  /** Every parameter's value checked against its Type and constraints, as CloudFormation does at creation. */
  checkAll(): void {
    for (const name of this.names) this.resolved(name);
  }

  private resolved(name: string): ParameterValue {
    const known = this.values.get(name);
    if (known) return known;
    const declaration = this.declared[name];
    let value: ParameterValue;
    if (!isRecord(declaration) || typeof declaration.Type !== 'string') {
      this.report('error', ['Parameters', name], `parameter "${name}" needs a Type such as String, Number or CommaDelimitedList`, { code: 'parameter.typeMissing', params: { parameter: name } });
      value = { kind: 'invalid' };
    } else {
      const given = Object.hasOwn(this.given, name) ? this.given[name] : undefined;
      const raw = given ? given.value() : declaration.Default;
      value = raw === REPORTED ? { kind: 'invalid' } : raw === undefined ? { kind: 'missing' } : this.resolve(name, declaration, raw, given ? given.from : 'its Default');
    }
    this.values.set(name, value);
    return value;
  }

  /**
   * The value of a parameter where it is used. A parameter with neither a value nor a Default is an
   * error once (at its first use), naming the option that gives it.
   */
  value(name: string, path: readonly PathSegment[], usedWhereIgnored: boolean): unknown {
    if (!this.has(name)) return undefined;
    const value = this.resolved(name);
    if (value.kind === 'value') return value.value;
    if (value.kind === 'missing' && usedWhereIgnored) {
      // UserData, Tags, Metadata: the simulator keeps nothing of them; a placeholder shows where the value goes.
      const declaration = this.declared[name] as Record<string, unknown>;
      return isListType(String(declaration.Type)) ? [`<${name}>`] : `<${name}>`;
    }
    if (value.kind === 'missing' && !this.reportedMissing.has(name)) {
      this.reportedMissing.add(name);
      this.report('error', path, `parameter "${name}" has no Default and no value was given; give one with --parameter ${name}=… (or --parameters FILE)`, { code: 'parameter.missing', params: { parameter: name } });
    }
    return REPORTED;
  }

  private resolve(name: string, declaration: Record<string, unknown>, raw: unknown, from: string): ParameterValue {
    const type = String(declaration.Type);
    const path = ['Parameters', name];
    const source = Object.hasOwn(this.given, name) ? this.given[name]!.source : 'default';
    // The English for the CLI; the window words the reason from its code and `reason.`-prefixed parameters.
    const invalid = (message: string, reasonCode: ScenarioProblemCode, reason: Record<string, string | number>): ParameterValue => {
      const why = typeof declaration.ConstraintDescription === 'string' ? ` (${declaration.ConstraintDescription})` : '';
      const reasonParams = Object.fromEntries(Object.entries(reason).map(([key, value]) => [`reason.${key}`, value]));
      this.report('error', path, `parameter "${name}": ${message}${why}; the value comes from ${from}`, { code: 'parameter.invalid', params: { parameter: name, valueSource: source, reasonCode, ...reasonParams } });
      return { kind: 'invalid' };
    };
    const ssm = SSM_TYPE.exec(type);
    if (ssm) {
      const standIn = ssmStandIn(ssm[1]!, asText(raw));
      this.report('warning', path, `parameter "${name}" reads the Systems Manager parameter "${asText(raw)}", which the simulator cannot read; it uses ${JSON.stringify(standIn)} in its place`, {
        code: 'parameter.ssmStandIn',
        params: { parameter: name, ssmName: asText(raw), standIn: asText(standIn) },
      });
      return { kind: 'value', value: standIn };
    }
    const text = asText(raw);
    const items = isListType(type) ? (text === '' ? [] : text.split(',').map((item) => item.trim())) : [text];
    const numeric = type === 'Number' || type === 'List<Number>';
    for (const item of items) {
      if (numeric && !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(item)) return invalid(`${JSON.stringify(item)} is not a number`, 'parameter.valueNotANumber', { value: JSON.stringify(item) });
      if (Array.isArray(declaration.AllowedValues) && !declaration.AllowedValues.map(asText).includes(item)) {
        const allowed = declaration.AllowedValues.map(asText).join(', ');
        return invalid(`${JSON.stringify(item)} is not one of the allowed values ${allowed}`, 'parameter.valueNotAllowed', { value: JSON.stringify(item), allowed });
      }
      if (typeof declaration.AllowedPattern === 'string') {
        let pattern: RegExp | undefined;
        try {
          // The pattern must match the whole value (each item of a list).
          pattern = new RegExp(`^(?:${declaration.AllowedPattern})$`, 'u');
        } catch {
          this.report('warning', [...path, 'AllowedPattern'], `AllowedPattern of "${name}" is not a regular expression the simulator can read; it is not checked`, { code: 'parameter.patternUnchecked', params: { parameter: name } });
        }
        if (pattern && !pattern.test(item)) return invalid(`${JSON.stringify(item)} does not match the pattern ${declaration.AllowedPattern}`, 'parameter.valuePatternMismatch', { value: JSON.stringify(item), pattern: declaration.AllowedPattern });
      }
      if (!numeric && declaration.MinLength !== undefined && item.length < Number(declaration.MinLength)) return invalid(`${JSON.stringify(item)} is shorter than ${asText(declaration.MinLength)} characters`, 'parameter.valueTooShort', { value: JSON.stringify(item), minimum: asText(declaration.MinLength) });
      if (!numeric && declaration.MaxLength !== undefined && item.length > Number(declaration.MaxLength)) return invalid(`${JSON.stringify(item)} is longer than ${asText(declaration.MaxLength)} characters`, 'parameter.valueTooLong', { value: JSON.stringify(item), maximum: asText(declaration.MaxLength) });
      if (numeric && declaration.MinValue !== undefined && Number(item) < Number(declaration.MinValue)) return invalid(`${item} is less than the minimum ${asText(declaration.MinValue)}`, 'parameter.valueBelowMinimum', { value: item, minimum: asText(declaration.MinValue) });
      if (numeric && declaration.MaxValue !== undefined && Number(item) > Number(declaration.MaxValue)) return invalid(`${item} is more than the maximum ${asText(declaration.MaxValue)}`, 'parameter.valueAboveMaximum', { value: item, maximum: asText(declaration.MaxValue) });
    }
    if (isListType(type)) return { kind: 'value', value: items };
    // CloudFormation hands a Number to Ref as a string; a number here serves the simulator's own sections
    // too (Traffic Rate: !Ref Rate), and template properties that take numbers accept both.
    return { kind: 'value', value: type === 'Number' ? Number(text) : text };
  }
}
