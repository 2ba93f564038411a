/**
 * CloudFormation intrinsic functions, evaluated once at load time as CloudFormation evaluates them:
 * Ref, Fn::GetAtt, Fn::Sub, Fn::Join, Fn::Select, Fn::Split, Fn::GetAZs, Fn::FindInMap (with the
 * AWS::LanguageExtensions DefaultValue form), Fn::Base64, Fn::Cidr, Fn::ImportValue, Fn::Length,
 * Fn::ToJsonString and the condition functions Fn::If, Fn::Equals, Fn::And, Fn::Or, Fn::Not and
 * { Condition: Name }. (docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference.html)
 * Fn::If evaluates only the branch its condition picks, so a parameter used only in the other branch
 * needs no value, as in CloudFormation.
 */
import type { ScenarioProblemCode } from '../../../contract/model-scenario-problem';
import type { PathSegment } from './diagnostics';
import type { Diagnose } from './yaml-source';

/** Ref to AWS::NoValue removes the property, as in CloudFormation. */
export const NO_VALUE = Symbol('AWS::NoValue');
/** A value that could not be worked out and whose cause was already reported: no second message. */
export const REPORTED = Symbol('reported');

export interface IntrinsicContext {
  /** A parameter, pseudo parameter or logical resource id → its value; undefined if unknown. */
  ref(name: string, path: readonly PathSegment[]): unknown;
  getAtt(logicalId: string, attribute: string, path: readonly PathSegment[]): unknown;
  availabilityZones(region: string): string[];
  findInMap(map: string, topKey: string, secondKey: string): unknown;
  /** A named condition of the Conditions section; undefined (after reporting) when it is not declared. */
  condition?(name: string, path: readonly PathSegment[]): boolean | undefined;
  /** An export of another stack (Fn::ImportValue), from the scenario's Imports section. */
  importValue?(name: string, path: readonly PathSegment[]): unknown;
  report: Diagnose;
}

const SUPPORTED = new Set([
  'Ref',
  'Fn::GetAtt',
  'Fn::Sub',
  'Fn::Join',
  'Fn::Select',
  'Fn::Split',
  'Fn::GetAZs',
  'Fn::FindInMap',
  'Fn::Base64',
  'Fn::Cidr',
  'Fn::ImportValue',
  'Fn::Length',
  'Fn::ToJsonString',
  'Fn::If',
  'Fn::Equals',
  'Fn::And',
  'Fn::Or',
  'Fn::Not',
  'Condition',
]);

function isIntrinsic(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  // { Condition: Name } is a condition reference only with a name; an IAM statement's Condition is a mapping.
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0]!.startsWith('Fn::') || (keys[0] === 'Condition' && typeof (value as Record<string, unknown>).Condition === 'string'));
}

export function evaluate(value: unknown, path: readonly PathSegment[], ctx: IntrinsicContext): unknown {
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    let reported = false;
    value.forEach((item, index) => {
      const evaluated = evaluate(item, [...path, index], ctx);
      if (evaluated === REPORTED) reported = true;
      else if (evaluated !== NO_VALUE && evaluated !== undefined) out.push(evaluated);
    });
    // A value whose cause was reported spoils its container: checking what is left would only echo it.
    return reported ? REPORTED : out;
  }
  if (value === null || typeof value !== 'object') return value;
  if (isIntrinsic(value)) return evaluateFunction(value, path, ctx);
  const out: Record<string, unknown> = {};
  let reported = false;
  for (const [key, item] of Object.entries(value)) {
    const evaluated = evaluate(item, [...path, key], ctx);
    if (evaluated === REPORTED) reported = true;
    else if (evaluated !== NO_VALUE && evaluated !== undefined) out[key] = evaluated;
  }
  return reported ? REPORTED : out;
}

/** An intrinsic function's complaint about its argument: the English for the CLI, and its code (issue 9). */
type Fail = (message: string, code: ScenarioProblemCode, params?: Record<string, string | number>) => typeof REPORTED;

/** An argument not of the function's form, which is written as in a template (`[delimiter, [values]]`). */
function expects(fail: Fail, form: string): typeof REPORTED {
  return fail(`expects ${form}`, 'intrinsic.expects', { form });
}

function evaluateFunction(node: Record<string, unknown>, path: readonly PathSegment[], ctx: IntrinsicContext): unknown {
  const [name, rawArgument] = Object.entries(node)[0]!;
  if (!SUPPORTED.has(name)) {
    ctx.report('warning', path, `${name} is not supported by the simulator; the value is ignored`, { code: 'intrinsic.unsupported', params: { function: name } });
    return undefined;
  }
  const fail: Fail = (message, code, params = {}) => {
    ctx.report('error', path, `${name}: ${message}`, { code, params: { function: name, ...params } });
    return REPORTED;
  };
  // Condition functions decide before their arguments are evaluated: Fn::If evaluates one branch only.
  if (name === 'Fn::If' || name === 'Condition') return evaluateCondition(name, rawArgument, path, ctx, fail);
  // A problem inside the argument was reported where it is; this function's own complaint about the
  // hole it leaves would be a second message for one cause.
  let argumentFailed = false;
  const inner: IntrinsicContext = {
    ...ctx,
    report: (severity, where, message, detail) => {
      if (severity === 'error') argumentFailed = true;
      ctx.report(severity, where, message, detail);
    },
  };
  const argument = name === 'Ref' ? rawArgument : evaluate(rawArgument, [...path, name], inner);
  if (argumentFailed || argument === REPORTED) return REPORTED;
  switch (name) {
    case 'Ref': {
      if (typeof argument !== 'string') return fail('expects the logical name of a resource or parameter', 'intrinsic.refNotAName');
      if (argument === 'AWS::NoValue') return NO_VALUE;
      const resolved = ctx.ref(argument, path);
      if (resolved === REPORTED) return REPORTED;
      return resolved === undefined ? fail(`"${argument}" is not a resource, parameter or pseudo parameter in this file`, 'intrinsic.refUnknown', { name: argument }) : resolved;
    }
    case 'Fn::GetAtt': {
      const parts = typeof argument === 'string' ? argument.split('.') : argument;
      if (!Array.isArray(parts) || parts.length < 2 || !parts.every((p) => typeof p === 'string')) {
        return fail('expects [LogicalId, Attribute] or LogicalId.Attribute', 'intrinsic.getAttForm');
      }
      const [logicalId, ...rest] = parts as string[];
      // getAtt reports what it cannot resolve.
      return ctx.getAtt(logicalId!, rest.join('.'), path) ?? REPORTED;
    }
    case 'Fn::Join': {
      if (!Array.isArray(argument) || argument.length !== 2 || typeof argument[0] !== 'string' || !Array.isArray(argument[1])) {
        return expects(fail, '[delimiter, [values]]');
      }
      return (argument[1] as unknown[]).map(String).join(argument[0]);
    }
    case 'Fn::Select': {
      if (!Array.isArray(argument) || argument.length !== 2 || !Array.isArray(argument[1])) return expects(fail, '[index, [values]]');
      const index = Number(argument[0]);
      const list = argument[1] as unknown[];
      if (!Number.isInteger(index) || index < 0 || index >= list.length) return fail(`index ${String(argument[0])} is outside the list of ${list.length}`, 'intrinsic.selectIndexOutOfRange', { index: String(argument[0]), length: list.length });
      return list[index];
    }
    case 'Fn::Split': {
      if (!Array.isArray(argument) || argument.length !== 2 || typeof argument[0] !== 'string' || typeof argument[1] !== 'string') {
        return expects(fail, '[delimiter, string]');
      }
      return argument[1].split(argument[0]);
    }
    case 'Fn::GetAZs': {
      const region = typeof argument === 'string' && argument !== '' ? argument : String(ctx.ref('AWS::Region', path));
      return ctx.availabilityZones(region);
    }
    case 'Fn::FindInMap': {
      // The fourth element { DefaultValue: v } is the AWS::LanguageExtensions form: v when a key is missing.
      if (!Array.isArray(argument) || argument.length < 3 || argument.length > 4) return fail('expects [MapName, TopLevelKey, SecondLevelKey] or [MapName, TopLevelKey, SecondLevelKey, {DefaultValue: value}]', 'intrinsic.findInMapForm');
      const fallback = argument[3] as Record<string, unknown> | undefined;
      if (fallback !== undefined && (fallback === null || typeof fallback !== 'object' || !Object.hasOwn(fallback, 'DefaultValue'))) return fail('the fourth element must be {DefaultValue: value}', 'intrinsic.findInMapDefaultForm');
      const found = ctx.findInMap(String(argument[0]), String(argument[1]), String(argument[2]));
      if (found !== undefined) return found;
      if (fallback !== undefined) return fallback.DefaultValue;
      return fail(`no entry ${argument.slice(0, 3).join('.')} in Mappings`, 'intrinsic.findInMapNoEntry', { entry: argument.slice(0, 3).join('.') });
    }
    case 'Fn::Base64':
      // Base64 of the UTF-8 text, as CloudFormation passes it (UserData); the simulator never decodes it.
      return typeof argument === 'string' ? base64(argument) : fail('expects a string', 'intrinsic.expectsString');
    case 'Fn::Sub':
      return substitute(argument, path, ctx, fail);
    case 'Fn::Cidr':
      return cidr(argument, fail);
    case 'Fn::ImportValue': {
      if (typeof argument !== 'string') return fail('expects the name of an export', 'intrinsic.importValueNotAName');
      if (!ctx.importValue) return fail(`there is no export named "${argument}"; exports of other stacks are given in the scenario's Imports section`, 'intrinsic.importValueUnavailable', { name: argument });
      return ctx.importValue(argument, path);
    }
    case 'Fn::Length':
      // AWS::LanguageExtensions: the number of elements of a list.
      return Array.isArray(argument) ? argument.length : fail('expects a list', 'intrinsic.expectsList');
    case 'Fn::ToJsonString':
      // AWS::LanguageExtensions: an object or list as a JSON string.
      return argument !== null && typeof argument === 'object' ? JSON.stringify(argument) : fail('expects an object or a list', 'intrinsic.expectsObjectOrList');
    case 'Fn::Equals': {
      if (!Array.isArray(argument) || argument.length !== 2) return expects(fail, '[value1, value2]');
      return sameValue(argument[0], argument[1]);
    }
    case 'Fn::And':
    case 'Fn::Or': {
      if (!Array.isArray(argument) || argument.length < 2 || argument.length > 10) return fail('expects a list of 2 to 10 conditions', 'intrinsic.conditionCount');
      if (!argument.every((item) => typeof item === 'boolean')) return fail('each element must be a condition (Fn::Equals, Fn::Not, { Condition: Name } …)', 'intrinsic.conditionElements');
      return name === 'Fn::And' ? argument.every(Boolean) : argument.some(Boolean);
    }
    case 'Fn::Not': {
      if (!Array.isArray(argument) || argument.length !== 1 || typeof argument[0] !== 'boolean') return expects(fail, '[condition]');
      return !argument[0];
    }
    default:
      return undefined;
  }
}

/** Fn::If [Condition, ValueIfTrue, ValueIfFalse] and { Condition: Name }. */
function evaluateCondition(name: string, rawArgument: unknown, path: readonly PathSegment[], ctx: IntrinsicContext, fail: Fail): unknown {
  if (!ctx.condition) return fail('conditions are not available here', 'intrinsic.conditionsUnavailable');
  if (name === 'Condition') return typeof rawArgument === 'string' ? (ctx.condition(rawArgument, path) ?? REPORTED) : fail('expects the name of a condition', 'intrinsic.conditionNotAName');
  if (!Array.isArray(rawArgument) || rawArgument.length !== 3 || typeof rawArgument[0] !== 'string') return expects(fail, '[ConditionName, ValueIfTrue, ValueIfFalse]');
  const holds = ctx.condition(rawArgument[0], [...path, name, 0]);
  if (holds === undefined) return REPORTED;
  const branch = holds ? 1 : 2;
  return evaluate(rawArgument[branch], [...path, name, branch], ctx);
}

/** Fn::Equals compares values; CloudFormation reads numbers and booleans in a template as strings. */
function sameValue(a: unknown, b: unknown): boolean {
  const normal = (value: unknown): unknown => (typeof value === 'number' || typeof value === 'boolean' ? String(value) : Array.isArray(value) ? value.map(normal) : value);
  return JSON.stringify(normal(a)) === JSON.stringify(normal(b));
}

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * Fn::Cidr [ipBlock, count, cidrBits]: `count` consecutive IPv4 blocks of `cidrBits` host bits from
 * the start of ipBlock — !Cidr ["192.168.0.0/24", 6, 5] gives 192.168.0.0/27 … 192.168.0.160/27.
 * IPv6 blocks are not simulated.
 */
function cidr(argument: unknown, fail: Fail): unknown {
  if (!Array.isArray(argument) || argument.length !== 3) return expects(fail, '[ipBlock, count, cidrBits]');
  const [block, countText, bitsText] = argument as unknown[];
  const match = typeof block === 'string' ? /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(block) : null;
  if (!match) return fail(`ipBlock must be an IPv4 CIDR block such as 10.0.0.0/16 (got ${JSON.stringify(block)})`, 'intrinsic.cidrBlockForm', { got: String(JSON.stringify(block)) });
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return fail(`ipBlock ${String(block)} is not a valid IPv4 CIDR block`, 'intrinsic.cidrBlockInvalid', { block: String(block) });
  const count = Number(countText);
  const bits = Number(bitsText);
  if (!Number.isInteger(count) || count < 1 || count > 256) return fail(`count must be 1 to 256 (got ${JSON.stringify(countText)})`, 'intrinsic.cidrCountOutOfRange', { got: String(JSON.stringify(countText)) });
  const newPrefix = 32 - bits;
  if (!Number.isInteger(bits) || bits < 0 || newPrefix < prefix) return fail(`cidrBits ${JSON.stringify(bitsText)} does not fit in a /${prefix} block`, 'intrinsic.cidrBitsDoNotFit', { bits: String(JSON.stringify(bitsText)), prefix });
  if (count > 2 ** (newPrefix - prefix)) return fail(`a /${prefix} block holds only ${2 ** (newPrefix - prefix)} blocks of /${newPrefix}, not ${count}`, 'intrinsic.cidrTooManyBlocks', { prefix, holds: 2 ** (newPrefix - prefix), newPrefix, count });
  const base = (((octets[0]! << 24) >>> 0) + (octets[1]! << 16) + (octets[2]! << 8) + octets[3]!) & (prefix === 0 ? 0 : ~0 << (32 - prefix));
  const size = 2 ** bits;
  return Array.from({ length: count }, (_, index) => {
    const address = (base >>> 0) + index * size;
    return `${[24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256).join('.')}/${newPrefix}`;
  });
}

function substitute(argument: unknown, path: readonly PathSegment[], ctx: IntrinsicContext, fail: Fail): unknown {
  let template: unknown = argument;
  let variables: Record<string, unknown> = {};
  if (Array.isArray(argument)) {
    [template, variables] = [argument[0], (argument[1] as Record<string, unknown>) ?? {}];
  }
  if (typeof template !== 'string') return fail('expects a string or [string, {variables}]', 'intrinsic.subForm');
  let failed = false;
  // ${!Literal} escapes; ${Name} is a variable, parameter or resource; ${Res.Attr} is GetAtt.
  const text = template.replace(/\$\{([^}]*)\}/g, (whole, inner: string) => {
    if (inner.startsWith('!')) return `\${${inner.slice(1)}}`;
    if (Object.hasOwn(variables, inner)) return String(variables[inner]);
    const dot = inner.indexOf('.');
    const resolved = dot > 0 && !inner.startsWith('AWS::') ? ctx.getAtt(inner.slice(0, dot), inner.slice(dot + 1), path) : ctx.ref(inner, path);
    if (resolved === REPORTED) {
      failed = true;
      return whole;
    }
    if (resolved === undefined) {
      failed = true;
      ctx.report('error', path, `Fn::Sub: \${${inner}} refers to nothing in this file`, { code: 'sub.unresolved', params: { name: inner } });
      return whole;
    }
    return String(resolved);
  });
  return failed ? REPORTED : text;
}
