/**
 * Why a request was refused or failed, as a code and parameters (issue 9: codes, not sentences,
 * cross the contract): the contract error's `problem`. Core's one error type carries the code
 * (core-error.ts, `options.problem`); the host turns it and the error's params into this, in one place
 * (core/contract-error.ts). The renderer translates `requestProblems.<code>` (utils/request-error.ts;
 * test/renderer/i18n-codes.test.ts checks every code has en and ko) and shows the English `message`
 * only for a code it has no words for. A control action's refusal travels as `refusal.<RefusalCode>`
 * with the refusal's parameters, worded by the window's `actionRules.refusal` section.
 */
import { z } from 'zod';
import type { RefusalCode } from './model-action-codes';
import { TextParams } from './model-common';

export const RequestProblemCode = z.enum([
  // A request the contract's schema refused: `field` the path, the reason a wrapped value code (`reasonCode`, `reason.*`).
  'request.invalidValue',
  // A request nested deeper than `limit` levels of arrays and objects (contract/request-depth.ts); `field` where.
  'request.tooDeep',
  // Where the request does not apply: a host, a mode, a session.
  'host.noNotifications',
  'host.noSimulator',
  'host.noAwsMode',
  'host.noProfiles',
  'host.noSettings',
  'host.noAuditLog',
  'host.actionsNeedAuditLog',
  'host.loosenNeedsAuditLog',
  'simulation.only',
  'simulation.clockOnly',
  'simulation.backtestOnly',
  'simulation.noHostedZone',
  'aws.retryOnly',
  'aws.notConnected',
  'aws.twinNeedsSession',
  'actions.notInMode',
  'dns.traceNotInMode',
  'dns.nameNotInPublicZone',
  // Profiles, SSO sign-in and settings.
  'profile.unknown',
  'sso.notSsoProfile',
  'sso.profileNotInConfig',
  'sso.sessionUndefined',
  'settings.profileNameLength',
  'settings.fileBlocked',
  'settings.tooManyProfiles',
  'settings.unknownProfile',
  'settings.notSaved',
  'settings.loosensProtection',
  'settings.alreadyLoose',
  'healthThresholds.notSaved',
  // Confirmations (prepare → typed confirmation → execute).
  'confirmation.tooManyPending',
  'confirmation.expired',
  'confirmation.notForAction',
  'confirmation.notForSettings',
  // The audit log.
  'audit.notWritable',
  'audit.unreadable',
  // A call to AWS that failed after retries (`kind` in the code; `awsCode`, `service`, `operation`, `permission`).
  'awsCall.throttled',
  'awsCall.transient',
  'awsCall.accessDenied',
  'awsCall.credentials',
  'awsCall.notFound',
  'awsCall.other',
  // The simulated AWS APIs: an error AWS would answer with; `awsCode` and `detail` in the API's (English) words, as AWS gives them.
  'simulatedApi.refused',
  // Simulator faults: injecting one now, stopping one.
  'fault.unknownType',
  // `reasonCode` a scenario value code (value.*) with its parameters prefixed `reason.`; `parameter` the fault's field.
  'fault.parameterInvalid',
  'fault.serviceMissing',
  'fault.notRunning',
  'fault.targetGroupNotFound',
  'fault.targetGroupHealthChecksOff',
  'fault.groupNotFound',
  'fault.functionNotFound',
  'fault.healthCheckNotFound',
  'fault.trafficNotFound',
  'fault.webAclNotFound',
  'fault.noAssociatedWebAcl',
  'fault.wafPriorityTaken',
  // A control action in a scenario's words (timed-entries.ts parseScenarioAction).
  'action.unknownType',
  'action.parameterInvalid',
  'action.serviceMissing',
  // Backtests.
  'backtest.busy',
  'backtest.cancelled',
  'backtest.durationOutOfRange',
  // A scenario load (or a backtest's change) refused: the errors themselves are the error's `problems`.
  'scenario.refused',
  // A Lambda function's Metadata.Simulation the engine cannot use (`reasonCode` as for fault.parameterInvalid).
  'lambda.metadataInvalid',
]);
export type RequestProblemCode = z.infer<typeof RequestProblemCode>;

/** What core's error may carry: one of its own codes, or a control action's refusal. */
export type CoreProblemCode = RequestProblemCode | `refusal.${RefusalCode}`;

/** A refused or failed request's problem as it crosses: a plain-string code so a newer core's code still crosses. */
export const RequestProblem = z.object({
  code: z.string().max(80),
  params: TextParams.default({}),
});
export type RequestProblem = z.infer<typeof RequestProblem>;
