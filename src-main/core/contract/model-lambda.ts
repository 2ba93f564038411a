/** Lambda functions and concurrency (ListFunctions, GetFunctionConcurrency, GetAccountSettings). */
import { z } from 'zod';
import { IsoTime } from './model-common';

/**
 * What invokes a function (its event sources): an API Gateway HTTP API's routes, an S3 bucket's object
 * events, a load balancer's target group, an event source mapping (queue or stream), or another
 * service named by a resource-based policy. AWS mode reads them from GetPolicy and
 * ListEventSourceMappings; the simulator from the scenario's resources. Codes and AWS values only.
 */
export const LambdaTrigger = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('apiGateway'),
    apiId: z.string().min(1),
    apiName: z.string().optional(),
    /** `GET /items/{id}`, `ANY /{proxy+}`, `$default`; `*` when the permission covers every route. */
    routeKeys: z.array(z.string()),
    /** Stages that serve the routes (`$default`, `prod`); `*` when the permission covers every stage. */
    stages: z.array(z.string()).optional(),
    sourceArn: z.string().optional(),
  }),
  z.object({
    kind: z.literal('s3'),
    bucket: z.string().min(1),
    /** `s3:ObjectCreated:*` …; unknown in AWS mode (GetPolicy names only the bucket). */
    events: z.array(z.string()).optional(),
    prefix: z.string().optional(),
    suffix: z.string().optional(),
  }),
  z.object({ kind: z.literal('loadBalancer'), targetGroupArn: z.string().min(1), targetGroupName: z.string().optional() }),
  z.object({ kind: z.literal('eventSourceMapping'), eventSourceArn: z.string().min(1), state: z.string().optional(), batchSize: z.number().int().optional() }),
  z.object({ kind: z.literal('other'), principal: z.string().min(1), sourceArn: z.string().optional() }),
]);
export type LambdaTrigger = z.infer<typeof LambdaTrigger>;

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
  /** Its event sources (LambdaTrigger); undefined when not read. */
  triggers: z.array(LambdaTrigger).optional(),
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
