/**
 * CloudFormation value shapes. Templates often write numbers as strings (AWS::AutoScaling::
 * AutoScalingGroup MinSize is documented as a String), so numeric properties accept both.
 */
import { z } from 'zod';
import { numberIn } from './limits';

export const cfnInteger = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^-?\d+$/, 'expected an integer')
    .transform(Number),
]);
export const cfnNumber = z.union([
  z.number(),
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/, 'expected a number')
    .transform(Number),
]);
export const cfnBoolean = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);
export const cfnString = z.union([z.string(), z.number().transform(String)]);
export const cfnTags = z.array(z.object({ Key: z.string(), Value: cfnString })).optional();

/** What JavaScript's Number reads as a decimal number: `12`, `-3.5`, `1e21` (no hex, no Infinity). */
const NUMERIC_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A CloudFormation integer or number within [min, max]. Strings are parsed first and then bounded
 * like numbers ("1000000" and "1e21" are refused as 1000000 and 1e21 are), so text cannot slip past a
 * limit. The number form carries the bounds itself too, so that editors see them in the JSON Schema.
 */
function cfnBounded(what: string, min: number, max: number, options: { integer?: boolean; why?: string }) {
  const bounded = numberIn(what, min, max, options);
  const text = z.string().regex(NUMERIC_TEXT, { error: (issue) => `${what} must be a number; got ${JSON.stringify(issue.input)}` });
  return z.union([bounded, text]).transform(Number).pipe(bounded);
}
export const cfnIntegerIn = (what: string, min: number, max: number, why?: string) => cfnBounded(what, min, max, { integer: true, why });
export const cfnNumberIn = (what: string, min: number, max: number, why?: string) => cfnBounded(what, min, max, { why });
