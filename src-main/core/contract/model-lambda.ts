/** Lambda functions and concurrency (ListFunctions, GetFunctionConcurrency, GetAccountSettings). */
import { z } from 'zod';
import { IsoTime } from './model-common';

export const LambdaFunction = z.object({
  functionName: z.string().min(1),
  functionArn: z.string().min(1),
  runtime: z.string().optional(),
  handler: z.string().optional(),
  memorySize: z.number().int(),
  timeout: z.number().int(),
  architectures: z.array(z.string()).optional(),
  /** Undefined: uses the unreserved pool. 0: every invocation throttles (LAM-1). */
  reservedConcurrentExecutions: z.number().int().optional(),
  state: z.string().optional(),
  lastModified: IsoTime.optional(),
});
export type LambdaFunction = z.infer<typeof LambdaFunction>;

export const LambdaAccount = z.object({
  concurrentExecutionsLimit: z.number().int(),
  unreservedConcurrentExecutions: z.number().int(),
});
export type LambdaAccount = z.infer<typeof LambdaAccount>;

/** Estimated cost over a window, LAM-6: $0.20 per million requests + $0.0000166667 per GB-second. */
export const LambdaCostEstimate = z.object({
  functionName: z.string(),
  windowSeconds: z.number(),
  requests: z.number(),
  gbSeconds: z.number(),
  usd: z.number(),
});
export type LambdaCostEstimate = z.infer<typeof LambdaCostEstimate>;
