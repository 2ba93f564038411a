/**
 * zod's issues as a person reads them: each at its own path and line, in plain English naming the
 * field, with one error per cause (a misspelt key is not also "X is required"; of a value's several
 * forms, only the one it fits is discussed).
 */
import type { z } from 'zod';
import type { PathSegment } from './diagnostics';
import { codeOfIssue } from './issue-codes';
import type { Diagnose } from './yaml-source';

export { codedCheck, problemParams, valueProblemParams } from '../../../coded-checks';

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
      report('error', issuePath, message, { code: 'value.unknownKeysMeantRequired', params: { field: fieldName(issuePath), keys: issue.keys.join(', '), count: issue.keys.length, required: meant.join(', ') } });
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
  // The CLI's English (describeIssue) and the window's code (codeOfIssue) are worded apart.
  report('error', issuePath, describeIssue(issue, fieldName(issuePath), input), codeOfIssue(issue, fieldName(issuePath), fieldName(issuePath.slice(0, -1)), input));
}

/** A union branch whose errors are about values inside it, not about the value being of another form. */
function fitsShape(issues: z.core.$ZodIssue[]): boolean {
  return !issues.some((issue) => issue.path.length === 0 && (issue.code === 'invalid_type' || issue.code === 'unrecognized_keys' || issue.code === 'invalid_union'));
}

/** `Resources.G.Properties.Tags[0].Key` → `Key`; a list item → `Tags[0]`, an item of an item → `Points[0][1]`. */
function fieldName(path: readonly PathSegment[]): string {
  if (path.length === 0) return 'the value';
  let named = path.length - 1;
  while (named > 0 && typeof path[named] === 'number') named--;
  return `${String(path[named])}${path.slice(named + 1).map((index) => `[${String(index)}]`).join('')}`;
}

const KIND_NAMES: Record<string, string> = { string: 'a string', number: 'a number', int: 'a whole number', boolean: 'true or false', array: 'a list', object: 'a mapping', record: 'a mapping', undefined: 'nothing', null: 'null' };

function kindOf(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  // JSON.stringify says null for these: name them as YAML spells them (.nan, .inf, -.inf).
  if (typeof value === 'number' && !Number.isFinite(value)) return `${Number.isNaN(value) ? '.nan' : value > 0 ? '.inf' : '-.inf'} (not a finite number)`;
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
