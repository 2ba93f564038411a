/**
 * The Lambda resource types a scenario may contain, as in a CloudFormation template:
 * AWS::Lambda::Function (docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-function.html)
 * and AWS::Lambda::EventInvokeConfig (…/aws-resource-lambda-eventinvokeconfig.html), which sets how long
 * asynchronous events may wait in the queue and how often function errors are retried.
 *
 * What a template cannot say — how long the handler runs, how long its init takes, how often it fails — goes
 * in the resource's CloudFormation `Metadata` attribute under `Simulation` (LambdaSimulationMetadata below).
 */
import { z } from 'zod';
import { codedCheck } from '../../../coded-checks';
import { cfnInteger, cfnNumber } from '../scenario/cfn-values';
import { MAX_LAMBDA_CONCURRENCY } from '../scenario/limits';
import type { ResourceIdentity, ResourceTypeSpec } from '../scenario/resource-types';

/** `arn:aws:lambda:us-east-1:123456789012:function:my-function` (Lambda API reference, FunctionArn). */
export const functionArn = (id: ResourceIdentity): string => `arn:aws:lambda:${id.region}:${id.accountId}:function:${id.name}`;

/** Memory and timeout bounds and defaults: configuration-memory.html, configuration-timeout.html. */
export const LAMBDA_LIMITS = {
  memoryMinMb: 128,
  memoryMaxMb: 10_240,
  memoryDefaultMb: 128,
  timeoutMinSeconds: 1,
  timeoutMaxSeconds: 900,
  timeoutDefaultSeconds: 3,
  /** invocation-async-configuring.html: MaximumEventAgeInSeconds 60 … 21,600 (6 h, the default). */
  maxEventAgeMinSeconds: 60,
  maxEventAgeMaxSeconds: 21_600,
  /** MaximumRetryAttempts 0 … 2 (default 2). */
  maxRetryAttemptsMax: 2,
} as const;

/**
 * `Metadata: { Simulation: { DurationMs: 120, ColdStartMs: 400, ErrorRate: 0.001, DurationSpread: 0.3 } }`.
 * DurationMs is the mean handler duration at the configured memory; without it the memory-dependent default
 * of lambda-service.ts applies. DurationSpread is the σ of the log-normal per-invocation durations.
 */
export const LambdaSimulationMetadata = z
  .object({
    // At most the longest Timeout (15 minutes): a handler cannot run longer.
    DurationMs: cfnNumber
      .refine((v) => v > 0, codedCheck('value.numberNotAboveMinimum', 'DurationMs must be positive', { bound: 0 }))
      .refine((v) => v <= 900_000, codedCheck('value.numberAboveMaximum', 'DurationMs must be at most 900000 (15 minutes, the longest Timeout)', { bound: 900_000 }))
      .optional(),
    ColdStartMs: cfnNumber.refine((v) => v >= 0 && v <= 10_000, codedCheck('value.numberOutOfRange', 'ColdStartMs is between 0 and 10000 (the Init phase is limited to 10 s)', { min: 0, max: 10_000 })).optional(),
    ErrorRate: cfnNumber.refine((v) => v >= 0 && v <= 1, codedCheck('value.numberOutOfRange', 'ErrorRate is a share between 0 and 1', { min: 0, max: 1 })).optional(),
    DurationSpread: cfnNumber.refine((v) => v >= 0 && v <= 2, codedCheck('value.numberOutOfRange', 'DurationSpread is between 0 and 2', { min: 0, max: 2 })).optional(),
  })
  .strict();
export type LambdaSimulationMetadata = z.output<typeof LambdaSimulationMetadata>;

export const LAMBDA_RESOURCE_TYPES: Record<string, ResourceTypeSpec> = {
  'AWS::Lambda::Function': {
    nameProperty: 'FunctionName',
    metadata: z.object({ Simulation: LambdaSimulationMetadata.optional() }).loose(),
    // Function names are at most 64 characters (API_CreateFunction FunctionName).
    maxNameLength: 64,
    properties: z.object({
      FunctionName: z
        .string()
        .regex(/^[a-zA-Z0-9-_]{1,64}$/, 'a function name is 1–64 letters, digits, hyphens or underscores')
        .optional(),
      Runtime: z.string().optional(),
      Handler: z.string().optional(),
      MemorySize: cfnInteger.optional(),
      Timeout: cfnInteger.optional(),
      ReservedConcurrentExecutions: cfnInteger.optional(),
      Architectures: z.array(z.enum(['x86_64', 'arm64'])).length(1, 'Architectures holds exactly one of x86_64, arm64').optional(),
    }),
    ignored: [
      'Code',
      'Role',
      'Environment',
      'Layers',
      'VpcConfig',
      'Tags',
      'Description',
      'PackageType',
      'ImageConfig',
      'TracingConfig',
      'DeadLetterConfig',
      'KmsKeyArn',
      'EphemeralStorage',
      'FileSystemConfigs',
      'LoggingConfig',
      'SnapStart',
      'RuntimeManagementConfig',
      'CodeSigningConfigArn',
      'RecursiveLoop',
    ],
    check(properties, report) {
      const { MemorySize: memory, Timeout: timeout, ReservedConcurrentExecutions: reserved } = properties as {
        MemorySize?: number;
        Timeout?: number;
        ReservedConcurrentExecutions?: number;
      };
      if (memory !== undefined && (memory < LAMBDA_LIMITS.memoryMinMb || memory > LAMBDA_LIMITS.memoryMaxMb)) {
        report('MemorySize', `MemorySize ${memory} must be between ${LAMBDA_LIMITS.memoryMinMb} and ${LAMBDA_LIMITS.memoryMaxMb} MB`, { code: 'property.betweenMegabytes', params: { property: 'MemorySize', value: memory, min: LAMBDA_LIMITS.memoryMinMb, max: LAMBDA_LIMITS.memoryMaxMb } });
      }
      if (timeout !== undefined && (timeout < LAMBDA_LIMITS.timeoutMinSeconds || timeout > LAMBDA_LIMITS.timeoutMaxSeconds)) {
        report('Timeout', `Timeout ${timeout} must be between ${LAMBDA_LIMITS.timeoutMinSeconds} and ${LAMBDA_LIMITS.timeoutMaxSeconds} seconds`, { code: 'property.betweenSeconds', params: { property: 'Timeout', value: timeout, min: LAMBDA_LIMITS.timeoutMinSeconds, max: LAMBDA_LIMITS.timeoutMaxSeconds } });
      }
      if (reserved !== undefined && reserved < 0) report('ReservedConcurrentExecutions', `ReservedConcurrentExecutions ${reserved} cannot be negative`, { code: 'property.negative', params: { property: 'ReservedConcurrentExecutions', value: reserved } });
      // Reserved concurrency cannot exceed the account's limit; the largest LambdaConcurrencyLimit the simulator takes.
      if (reserved !== undefined && reserved > MAX_LAMBDA_CONCURRENCY) report('ReservedConcurrentExecutions', `ReservedConcurrentExecutions ${reserved} must be at most ${MAX_LAMBDA_CONCURRENCY}`, { code: 'property.atMost', params: { property: 'ReservedConcurrentExecutions', value: reserved, max: MAX_LAMBDA_CONCURRENCY } });
    },
    ref: (id) => id.name,
    attributes: {
      Arn: functionArn,
    },
  },
  'AWS::Lambda::EventInvokeConfig': {
    properties: z.object({
      FunctionName: z.string(),
      Qualifier: z.string(),
      MaximumEventAgeInSeconds: cfnInteger.optional(),
      MaximumRetryAttempts: cfnInteger.optional(),
    }),
    // Destinations (OnSuccess / OnFailure) are not simulated: events that fail are counted as dropped.
    ignored: ['DestinationConfig'],
    check(properties, report) {
      const { MaximumEventAgeInSeconds: age, MaximumRetryAttempts: retries } = properties as { MaximumEventAgeInSeconds?: number; MaximumRetryAttempts?: number };
      if (age !== undefined && (age < LAMBDA_LIMITS.maxEventAgeMinSeconds || age > LAMBDA_LIMITS.maxEventAgeMaxSeconds)) {
        report('MaximumEventAgeInSeconds', `MaximumEventAgeInSeconds ${age} must be between ${LAMBDA_LIMITS.maxEventAgeMinSeconds} and ${LAMBDA_LIMITS.maxEventAgeMaxSeconds}`, { code: 'property.between', params: { property: 'MaximumEventAgeInSeconds', value: age, min: LAMBDA_LIMITS.maxEventAgeMinSeconds, max: LAMBDA_LIMITS.maxEventAgeMaxSeconds } });
      }
      if (retries !== undefined && (retries < 0 || retries > LAMBDA_LIMITS.maxRetryAttemptsMax)) {
        report('MaximumRetryAttempts', `MaximumRetryAttempts ${retries} must be between 0 and ${LAMBDA_LIMITS.maxRetryAttemptsMax}`, { code: 'property.between', params: { property: 'MaximumRetryAttempts', value: retries, min: 0, max: LAMBDA_LIMITS.maxRetryAttemptsMax } });
      }
    },
    ref: (id) => id.name,
    attributes: {},
  },
};
