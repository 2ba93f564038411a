/**
 * The simulator's fault and scenario-action kinds and their parameter names, as codes: the renderer
 * names them through i18n (`faultNames`, `faults`, `faultFields`, `simActions`), never through
 * English from core. The schemas that validate them live with the simulator
 * (sources/sim/scenario/timed-entries.ts) and are tied to these lists at compile time.
 */
import { z } from 'zod';
import { ACTION_TYPES } from './model-actions';
import { TextParams } from './model-common';

export const FaultKindCode = z.enum([
  'TerminateInstances',
  'FailAvailabilityZone',
  'FailTargets',
  'FailDBInstance',
  'RaiseReplicaLag',
  'RaiseFunctionErrorRate',
  'LimitFunctionConcurrency',
  'FailHealthCheck',
  'MultiplyTraffic',
  'WafBlockPath',
]);
export type FaultKindCode = z.infer<typeof FaultKindCode>;

/** Operator actions a scenario can schedule (its `Actions` section): every control action type. */
export const SimActionKindCode = z.enum(ACTION_TYPES);
export type SimActionKindCode = z.infer<typeof SimActionKindCode>;

/** Parameter names of faults, as in the AWS API where AWS has one. */
export const FaultFieldCode = z.enum([
  'AutoScalingGroupName',
  'AvailabilityZone',
  'TargetGroupName',
  'DBInstanceIdentifier',
  'FunctionName',
  'HealthCheckId',
  'Count',
  'InstanceIds',
  'Percent',
  'LagSeconds',
  'ErrorRate',
  'ReservedConcurrentExecutions',
  'Factor',
  'Name',
  'Path',
  'Priority',
  'WebACLName',
]);
export type FaultFieldCode = z.infer<typeof FaultFieldCode>;

/** One fault kind for the fault forms: its code and its parameters as JSON Schema (property names are FaultFieldCodes). */
export const FaultKind = z.object({
  type: FaultKindCode,
  parameters: z.record(z.string(), z.unknown()),
});
export type FaultKind = z.infer<typeof FaultKind>;

/**
 * What a simulator timeline entry says, as a code the renderer translates (`timelineText`); the
 * event's `message` stays English for the CLI and logs. `error` parameters carry the refusal as the
 * simulated AWS API words it (AWS does not translate its error messages either).
 */
export const TimelineTextCode = z.enum([
  'fault.injected', 'fault.injectedFor', 'fault.ended', 'fault.stopped', 'fault.failed', 'action.ran', 'action.refused',
  // A target's health changed: `state` a TargetHealth State, `reason` its reason code (Target.FailedHealthChecks).
  'target.state', 'target.stateReason',
  // A Route 53 health check changed (`status` Healthy/Unhealthy): by its checkers' share, or by its children.
  'healthCheck.checkers', 'healthCheck.children',
  // An Auto Scaling scheduled action ran: its name, the group and the sizes it set.
  'scheduledAction.ran',
  // Lambda: throttling started (`limit` reserved/account/scaling with its `value`) and stopped, asynchronous
  // events dropped (by age or after retries), an invocation of a function that does not exist.
  'lambda.throttlingStarted', 'lambda.throttlingStopped', 'lambda.eventsExpired', 'lambda.eventsRetriesExhausted',
  'lambda.invokeFunctionNotFound', 'lambda.notificationFunctionNotFound',
]);
export type TimelineTextCode = z.infer<typeof TimelineTextCode>;

export const TimelineText = z.object({
  code: TimelineTextCode,
  /**
   * `kind`: a FaultKindCode or SimActionKindCode; `seconds`: a duration; `resource`, `path`, `error`:
   * values; `errorCode` with `error.<name>` parameters: the refusal as a request problem code
   * (model-request-problem.ts), which the window words in place of `error` when it can.
   */
  params: TextParams,
});
export type TimelineText = z.infer<typeof TimelineText>;
