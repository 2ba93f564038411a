/**
 * Parameter values as the AWS CLI takes them, so an operator can reuse the files they deploy with:
 * - `Key=Value` (one `--parameter`, or a line / space-separated list in a file, as
 *   `aws cloudformation deploy --parameter-overrides Key1=Value1 Key2=Value2`);
 * - JSON `["Key1=Value1", "Key2=Value2"]` (deploy --parameter-overrides file://…);
 * - JSON `[{ "ParameterKey": "Key1", "ParameterValue": "Value1" }, …]` (create-stack --parameters);
 * - JSON `{ "Parameters": { "Key1": "Value1" } }` (the CodePipeline template configuration file,
 *   also accepted by deploy since AWS CLI 2.0.39, aws-cli PR 5443).
 */

import { type Diagnostic, type DiagnosticCode, wrappedReason } from './diagnostics';
import { jsonSyntaxError } from './yaml-source';

/** The most parameter values one file or command line may give (CloudFormation allows 200 parameters). */
export const MAX_PARAMETER_VALUES = 200;
/** The longest parameter value (CloudFormation's limit for a parameter value is 4,096 bytes). */
export const MAX_PARAMETER_VALUE_CHARS = 4096;

/** A parameter values file (or value) not in one of the shapes above: the English for the CLI, a code for the window. */
export class ParameterValuesError extends Error {
  constructor(
    message: string,
    readonly reason: DiagnosticCode,
  ) {
    super(message);
    this.name = 'ParameterValuesError';
  }
}

/**
 * The refusal as the loader's diagnostic: `parameter.fileInvalid` wrapping the reason's code
 * (`reasonCode`, its parameters prefixed `reason.`), as a window words a wrapped reason.
 */
export function parameterFileDiagnostic(error: ParameterValuesError): Diagnostic {
  const where = error.reason.params ?? {};
  const line = typeof where.line === 'number' ? where.line : 0;
  const column = typeof where.column === 'number' ? where.column : 0;
  return { severity: 'error', message: error.message, path: '', line, column, code: 'parameter.fileInvalid', params: wrappedReason(error.reason, error.message) };
}

/** `Key=Value`; the value may contain `=` and be empty (`Key=`). */
export function parseParameterAssignment(text: string): [string, string] {
  const equals = text.indexOf('=');
  if (equals <= 0) throw new ParameterValuesError(`"${text}" is not Key=Value`, { code: 'parameterFile.notKeyValue', params: { text: text.slice(0, 200) } });
  const key = text.slice(0, equals);
  const value = text.slice(equals + 1);
  if (!/^[A-Za-z0-9]+$/.test(key)) throw new ParameterValuesError(`parameter names are alphanumeric; "${key}" is not`, { code: 'parameterFile.nameNotAlphanumeric', params: { key: key.slice(0, 200) } });
  if (value.length > MAX_PARAMETER_VALUE_CHARS) throw new ParameterValuesError(`the value of ${key} is ${value.length} characters; at most ${MAX_PARAMETER_VALUE_CHARS} are allowed`, { code: 'parameterFile.valueTooLong', params: { key, length: value.length, maximum: MAX_PARAMETER_VALUE_CHARS } });
  return [key, value];
}

function scalar(value: unknown, key: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number')) return value.join(',');
  throw new ParameterValuesError(`the value of ${key} must be a string`, { code: 'parameterFile.valueNotAString', params: { key: key.slice(0, 200) } });
}

/** The contents of a `--parameters FILE` in any of the shapes above. */
export function parseParameterFile(text: string): Record<string, string> {
  const entries: [string, string][] = [];
  const trimmed = text.trim();
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    let data: unknown;
    try {
      data = JSON.parse(trimmed);
    } catch (error) {
      // The parser's own words inside a translated sentence, with the line and column it points at.
      const { reason, line, column } = jsonSyntaxError(trimmed, error);
      throw new ParameterValuesError(`invalid JSON: ${(error as Error).message}`, { code: 'parameterFile.invalidJson', params: { reason, line, column } });
    }
    if (Array.isArray(data)) {
      for (const item of data) {
        if (typeof item === 'string') entries.push(parseParameterAssignment(item));
        else if (item !== null && typeof item === 'object' && typeof (item as Record<string, unknown>).ParameterKey === 'string') {
          const { ParameterKey, ParameterValue, UsePreviousValue } = item as Record<string, unknown>;
          // UsePreviousValue has no previous stack to read here: the template's Default applies.
          if (UsePreviousValue === true && ParameterValue === undefined) continue;
          entries.push(parseParameterAssignment(`${ParameterKey as string}=${scalar(ParameterValue, ParameterKey as string)}`));
        } else {
          throw new ParameterValuesError('each element is "Key=Value" or { "ParameterKey": …, "ParameterValue": … }', { code: 'parameterFile.elementForm' });
        }
      }
    } else if (data !== null && typeof data === 'object' && typeof (data as Record<string, unknown>).Parameters === 'object' && (data as Record<string, unknown>).Parameters !== null) {
      for (const [key, value] of Object.entries((data as { Parameters: Record<string, unknown> }).Parameters)) entries.push(parseParameterAssignment(`${key}=${scalar(value, key)}`));
    } else {
      throw new ParameterValuesError('expected a list (["Key=Value"] or [{ "ParameterKey", "ParameterValue" }]) or { "Parameters": { "Key": "Value" } }', { code: 'parameterFile.shape' });
    }
  } else {
    // Key=Value separated by spaces or lines (values with spaces need the JSON shapes).
    for (const word of trimmed.split(/\s+/).filter(Boolean)) entries.push(parseParameterAssignment(word));
  }
  if (entries.length > MAX_PARAMETER_VALUES) throw new ParameterValuesError(`${entries.length} parameter values; at most ${MAX_PARAMETER_VALUES} are allowed`, { code: 'parameterFile.tooMany', params: { count: entries.length, maximum: MAX_PARAMETER_VALUES } });
  return Object.fromEntries(entries);
}
