/**
 * Every kind of zod issue as a problem code and parameters (issue 9: codes, not sentences, cross the
 * contract). The parameters are names, values and numbers only: the window words them in its own
 * language; the CLI keeps printing section-issues.ts's English message, which is worded apart.
 *
 * Bounds are read from the issue itself (zod puts the minimum or maximum on it), so a check keeps
 * `.min()`/`.max()` — and with them the JSON schemas built from these schemas (the scenario schema,
 * the fault forms) — whatever English message it gives the CLI.
 */
import type { z } from 'zod';
import { readCodedParams } from '../../../coded-checks';
import type { DiagnosticCode } from './diagnostics';

/**
 * The code and parameters of one issue. `field` names the value (the last part of its path),
 * `parentField` the mapping or list it sits in, `input` is the value as given.
 */
export function codeOfIssue(issue: z.core.$ZodIssue, field: string, parentField: string, input: unknown): DiagnosticCode {
  const value = shown(input);
  switch (issue.code) {
    case 'custom':
      return codedCustomIssue(issue.params, field, input) ?? { code: 'value.invalid', params: { field, value } };
    case 'invalid_type':
      if (input === undefined) return { code: 'value.required', params: { field } };
      if (issue.expected === 'int' && typeof input === 'number' && Number.isFinite(input)) return { code: 'value.notAWholeNumber', params: { field, value } };
      return { code: 'value.wrongType', params: { field, expectedKind: kindName(issue.expected), gotKind: kindOf(input), value } };
    case 'invalid_union': {
      if (input === undefined) return { code: 'value.required', params: { field } };
      const expected = issue.errors.map((branch) => (branch.length === 1 && branch[0]!.path.length === 0 && branch[0]!.code === 'invalid_type' ? branch[0]!.expected : undefined));
      if (expected.length > 0 && expected.every((kind) => kind !== undefined)) {
        const kinds = [...new Set(expected.map((kind) => kindName(kind!)))];
        return { code: 'value.wrongForm', params: { field, expectedKinds: kinds.join(','), gotKind: kindOf(input), value } };
      }
      return { code: 'value.unsupportedForm', params: { field, gotKind: kindOf(input), value } };
    }
    case 'too_small':
    case 'too_big':
      return boundIssue(issue, field, input);
    case 'invalid_value': {
      const values = issue.values.map((v) => String(v)).join(', ');
      if (typeof input === 'string') return { code: 'value.notOneOf', params: { field, values, value: JSON.stringify(input) } };
      return { code: 'value.notOneOfKind', params: { field, values, gotKind: kindOf(input), value } };
    }
    case 'invalid_format':
      if (issue.format === 'regex' && issue.pattern !== undefined) return { code: 'value.patternMismatch', params: { field, value, pattern: patternSource(issue.pattern) } };
      return { code: 'value.invalidFormat', params: { field, format: issue.format, value } };
    case 'not_multiple_of':
      return { code: 'value.notMultipleOf', params: { field, divisor: Number(issue.divisor), value } };
    case 'unrecognized_keys':
      return { code: 'value.unknownKeys', params: { field, keys: issue.keys.join(', '), count: issue.keys.length } };
    case 'invalid_key':
      return { code: 'value.invalidKey', params: { field: parentField, key: field } };
    case 'invalid_element':
      return { code: 'value.invalidElement', params: { field } };
    default:
      return { code: 'value.invalid', params: { field, value } };
  }
}

/** A number, string or list outside its bounds; the bound is the one zod checked. */
function boundIssue(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig, field: string, input: unknown): DiagnosticCode {
  const small = issue.code === 'too_small';
  const bound = Number(small ? issue.minimum : issue.maximum);
  const inclusive = issue.inclusive !== false;
  if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
    const code = small ? (inclusive ? 'value.numberBelowMinimum' : 'value.numberNotAboveMinimum') : inclusive ? 'value.numberAboveMaximum' : 'value.numberNotBelowMaximum';
    return { code, params: { field, bound, value: shown(input) } };
  }
  if (issue.origin === 'string') {
    if (small) return bound <= 1 ? { code: 'value.stringEmpty', params: { field } } : { code: 'value.stringTooShort', params: { field, minimum: bound } };
    return { code: 'value.stringTooLong', params: { field, maximum: bound } };
  }
  const count = Array.isArray(input) ? input.length : input instanceof Set || input instanceof Map ? input.size : input !== null && typeof input === 'object' ? Object.keys(input).length : 0;
  if ((issue as { exact?: boolean }).exact) return { code: 'value.listLength', params: { field, length: bound, count } };
  return small ? { code: 'value.listTooShort', params: { field, minimum: bound, count } } : { code: 'value.listTooLong', params: { field, maximum: bound, count } };
}

function codedCustomIssue(params: Record<string, unknown> | undefined, field: string, input: unknown): DiagnosticCode | undefined {
  const coded = readCodedParams(params);
  if (!coded) return undefined;
  return { code: coded.code, params: coded.params ?? { field, value: shown(input), gotKind: kindOf(input), ...coded.extra } };
}

/**
 * zod's names of kinds as the window's `scenarioValueKinds.<kind>` keys (a list, a mapping, …).
 * Stable identifiers, not words to show.
 */
const KIND_NAMES: Record<string, string> = { array: 'list', tuple: 'list', set: 'list', object: 'mapping', record: 'mapping', map: 'mapping', undefined: 'nothing', int: 'int' };

function kindName(expected: string): string {
  return KIND_NAMES[expected] ?? expected;
}

/** The kind of a value as given: nothing, null, list, mapping, notFinite (YAML's .nan, .inf), string, number, boolean. */
export function kindOf(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  if (value instanceof Date) return 'date';
  if (typeof value === 'object') return 'mapping';
  if (typeof value === 'number' && !Number.isFinite(value)) return 'notFinite';
  return typeof value;
}

/** At most this many characters of a value as given (a long string or a whole mapping is cut). */
const MAX_SHOWN = 60;

/** A value as given: a finite number as is, anything else as YAML or JSON writes it, cut to MAX_SHOWN. */
function shown(value: unknown): string | number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : Number.isNaN(value) ? '.nan' : value > 0 ? '.inf' : '-.inf';
  if (value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
  const text = JSON.stringify(value) ?? String(value);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}

/** `/^[a-z]+$/` → `^[a-z]+$`: the pattern as written in a schema (zod gives it with its slashes). */
function patternSource(pattern: string): string {
  const match = /^\/(.*)\/[a-z]*$/s.exec(pattern);
  return match ? match[1]! : pattern;
}
