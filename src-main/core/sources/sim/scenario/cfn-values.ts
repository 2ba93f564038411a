/**
 * CloudFormation value shapes. Templates often write numbers as strings (AWS::AutoScaling::
 * AutoScalingGroup MinSize is documented as a String), so numeric properties accept both.
 */
import { z } from 'zod';

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
