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

/** A number, or a string that reads as one (parsed, never trusted: the bound comes after). */
const cfnNumeric = (what: string) =>
  z.union([z.number(), z.string()]).transform((value, ctx) => {
    if (typeof value === 'number') return value;
    if (!NUMERIC_TEXT.test(value.trim())) {
      ctx.addIssue({ code: 'custom', message: `${what} must be a number; got ${JSON.stringify(value)}` });
      return z.NEVER;
    }
    return Number(value.trim());
  });

/**
 * A CloudFormation integer or number within [min, max]. Strings are parsed first and then bounded
 * like numbers ("1000000" and "1e21" are refused as 1000000 and 1e21 are), so text cannot slip past a limit.
 */
export const cfnIntegerIn = (what: string, min: number, max: number, why?: string) => cfnNumeric(what).pipe(numberIn(what, min, max, { integer: true, why }));
export const cfnNumberIn = (what: string, min: number, max: number, why?: string) => cfnNumeric(what).pipe(numberIn(what, min, max, { why }));
