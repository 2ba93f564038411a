/**
 * Which failed calls may be sent again. The SDKs retry 5xx answers, timeouts and dropped connections
 * for every operation (docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html): for a
 * read that only costs a request, but a write that failed that way may well have been carried out —
 * a 500 can come after RDS started the reboot, a timeout or a reset after the request left. None of
 * the RDS and Auto Scaling actions Flightdeck sends takes a client token (API_RebootDBInstance.html,
 * API_ExecutePolicy.html: no ClientToken parameter), so AWS cannot tell a retry from a second request.
 *
 * So a write is sent again only when the error proves it was not processed:
 * - throttling: AWS refused the request before running it (the SDKs' "throttling errors");
 * - the connection was never made (refused, no route, DNS failure, or the connect timeout): nothing
 *   was sent.
 * Any other transient failure leaves its outcome unknown: the caller says so and follows the resource.
 */
import { classifyAwsError } from '../aws-errors';

/** Reads: sending them twice changes nothing (Describe*, List*, Get*, Route 53's TestDNSAnswer). */
const READ = /^(Describe|List|Get|Test)/;

/**
 * Writes whose repetition has the effect of one: SetDesiredCapacity sets an absolute value
 * (API_SetDesiredCapacity.html), so a second identical request leaves the group where the first did.
 * Every other write — RebootDBInstance (a second reboot or failover), PromoteReadReplica and
 * RestoreDBInstanceToPointInTime and CreateDBSnapshot (a second answers InvalidDBInstanceState /
 * DBInstanceAlreadyExists / DBSnapshotAlreadyExists and would hide that the first succeeded),
 * ExecutePolicy (a simple or step policy adds its adjustment again) — is sent at most once.
 */
const IDEMPOTENT_WRITES = new Set(['SetDesiredCapacity']);

/** Whether `operation` only reads. */
export function isRead(operation: string): boolean {
  return READ.test(operation);
}

/** Whether a failed call of `operation` may be retried whatever the (transient) error. */
export function isSafeToRepeat(operation: string): boolean {
  return isRead(operation) || IDEMPOTENT_WRITES.has(operation);
}

/** Errors raised before a connection existed: the request never left this machine. */
const NOT_CONNECTED_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN']);
/** @smithy/node-http-handler's connectionTimeout: "the request socket did not establish a connection …". */
const CONNECT_TIMEOUT = /did not establish a connection/;

interface ErrorLike {
  name?: string;
  code?: string;
  message?: string;
  cause?: unknown;
}

function neverConnected(error: unknown, depth = 0): boolean {
  if (error === null || typeof error !== 'object' || depth > 4) return false;
  const e = error as ErrorLike;
  if ((e.code && NOT_CONNECTED_CODES.has(e.code)) || (e.name && NOT_CONNECTED_CODES.has(e.name))) return true;
  if (e.name === 'TimeoutError' && CONNECT_TIMEOUT.test(e.message ?? '')) return true;
  return e.cause !== undefined && e.cause !== error && neverConnected(e.cause, depth + 1);
}

/** Whether the error proves AWS did not carry the request out: throttled, or never sent. */
export function provesNotProcessed(error: unknown): boolean {
  return classifyAwsError(error) === 'throttled' || neverConnected(error);
}

/**
 * Whether a failed write may nevertheless have been carried out: a transient failure (5xx, timeout,
 * dropped connection) that does not prove the request was refused or never sent. Errors AWS answered
 * with a reason (4xx: invalid state, denied, not found) mean it was not carried out.
 */
export function outcomeUnknownAfter(error: unknown): boolean {
  return classifyAwsError(error) === 'transient' && !provesNotProcessed(error);
}
