/**
 * CloudFormation intrinsic functions, evaluated once at load time:
 * Ref, Fn::GetAtt, Fn::Sub, Fn::Join, Fn::Select, Fn::Split, Fn::GetAZs, Fn::FindInMap, Fn::Base64.
 * (docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html)
 * Condition functions (Fn::If, …) are not supported: they are reported as warnings and the value
 * is dropped, so a pasted template still loads.
 */
import type { PathSegment } from './diagnostics';
import type { Diagnose } from './yaml-source';

/** Ref to AWS::NoValue removes the property, as in CloudFormation. */
export const NO_VALUE = Symbol('AWS::NoValue');

export interface IntrinsicContext {
  /** A parameter, pseudo parameter or logical resource id → its value; undefined if unknown. */
  ref(name: string, path: readonly PathSegment[]): unknown;
  getAtt(logicalId: string, attribute: string, path: readonly PathSegment[]): unknown;
  availabilityZones(region: string): string[];
  findInMap(map: string, topKey: string, secondKey: string): unknown;
  report: Diagnose;
}

const SUPPORTED = new Set(['Ref', 'Fn::GetAtt', 'Fn::Sub', 'Fn::Join', 'Fn::Select', 'Fn::Split', 'Fn::GetAZs', 'Fn::FindInMap', 'Fn::Base64']);

function isIntrinsic(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0]!.startsWith('Fn::') || keys[0] === 'Condition');
}

export function evaluate(value: unknown, path: readonly PathSegment[], ctx: IntrinsicContext): unknown {
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    value.forEach((item, index) => {
      const evaluated = evaluate(item, [...path, index], ctx);
      if (evaluated !== NO_VALUE && evaluated !== undefined) out.push(evaluated);
    });
    return out;
  }
  if (value === null || typeof value !== 'object') return value;
  if (isIntrinsic(value)) return evaluateFunction(value, path, ctx);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const evaluated = evaluate(item, [...path, key], ctx);
    if (evaluated !== NO_VALUE && evaluated !== undefined) out[key] = evaluated;
  }
  return out;
}

function evaluateFunction(node: Record<string, unknown>, path: readonly PathSegment[], ctx: IntrinsicContext): unknown {
  const [name, rawArgument] = Object.entries(node)[0]!;
  if (!SUPPORTED.has(name)) {
    ctx.report('warning', path, `${name} is not supported by the simulator; the value is ignored`);
    return undefined;
  }
  const argument = name === 'Ref' ? rawArgument : evaluate(rawArgument, [...path, name], ctx);
  const fail = (message: string): undefined => {
    ctx.report('error', path, `${name}: ${message}`);
    return undefined;
  };
  switch (name) {
    case 'Ref': {
      if (typeof argument !== 'string') return fail('expects the logical name of a resource or parameter');
      if (argument === 'AWS::NoValue') return NO_VALUE;
      const resolved = ctx.ref(argument, path);
      return resolved === undefined ? fail(`"${argument}" is not a resource, parameter or pseudo parameter in this file`) : resolved;
    }
    case 'Fn::GetAtt': {
      const parts = typeof argument === 'string' ? argument.split('.') : argument;
      if (!Array.isArray(parts) || parts.length < 2 || !parts.every((p) => typeof p === 'string')) {
        return fail('expects [LogicalId, Attribute] or LogicalId.Attribute');
      }
      const [logicalId, ...rest] = parts as string[];
      return ctx.getAtt(logicalId!, rest.join('.'), path);
    }
    case 'Fn::Join': {
      if (!Array.isArray(argument) || argument.length !== 2 || typeof argument[0] !== 'string' || !Array.isArray(argument[1])) {
        return fail('expects [delimiter, [values]]');
      }
      return (argument[1] as unknown[]).map(String).join(argument[0]);
    }
    case 'Fn::Select': {
      if (!Array.isArray(argument) || argument.length !== 2 || !Array.isArray(argument[1])) return fail('expects [index, [values]]');
      const index = Number(argument[0]);
      const list = argument[1] as unknown[];
      if (!Number.isInteger(index) || index < 0 || index >= list.length) return fail(`index ${String(argument[0])} is outside the list of ${list.length}`);
      return list[index];
    }
    case 'Fn::Split': {
      if (!Array.isArray(argument) || argument.length !== 2 || typeof argument[0] !== 'string' || typeof argument[1] !== 'string') {
        return fail('expects [delimiter, string]');
      }
      return argument[1].split(argument[0]);
    }
    case 'Fn::GetAZs': {
      const region = typeof argument === 'string' && argument !== '' ? argument : String(ctx.ref('AWS::Region', path));
      return ctx.availabilityZones(region);
    }
    case 'Fn::FindInMap': {
      if (!Array.isArray(argument) || argument.length < 3) return fail('expects [MapName, TopLevelKey, SecondLevelKey]');
      const found = ctx.findInMap(String(argument[0]), String(argument[1]), String(argument[2]));
      return found === undefined ? fail(`no entry ${argument.slice(0, 3).join('.')} in Mappings`) : found;
    }
    case 'Fn::Base64':
      return typeof argument === 'string' ? argument : fail('expects a string');
    case 'Fn::Sub':
      return substitute(argument, path, ctx, fail);
    default:
      return undefined;
  }
}

function substitute(argument: unknown, path: readonly PathSegment[], ctx: IntrinsicContext, fail: (m: string) => undefined): unknown {
  let template: unknown = argument;
  let variables: Record<string, unknown> = {};
  if (Array.isArray(argument)) {
    [template, variables] = [argument[0], (argument[1] as Record<string, unknown>) ?? {}];
  }
  if (typeof template !== 'string') return fail('expects a string or [string, {variables}]');
  let failed = false;
  // ${!Literal} escapes; ${Name} is a variable, parameter or resource; ${Res.Attr} is GetAtt.
  const text = template.replace(/\$\{([^}]*)\}/g, (whole, inner: string) => {
    if (inner.startsWith('!')) return `\${${inner.slice(1)}}`;
    if (Object.hasOwn(variables, inner)) return String(variables[inner]);
    const dot = inner.indexOf('.');
    const resolved = dot > 0 && !inner.startsWith('AWS::') ? ctx.getAtt(inner.slice(0, dot), inner.slice(dot + 1), path) : ctx.ref(inner, path);
    if (resolved === undefined) {
      failed = true;
      ctx.report('error', path, `Fn::Sub: \${${inner}} refers to nothing in this file`);
      return whole;
    }
    return String(resolved);
  });
  return failed ? undefined : text;
}
