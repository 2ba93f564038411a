/**
 * Lambda functions with their reserved concurrency, and the account's concurrency limits.
 * ListFunctions does not return reserved concurrency, hence one GetFunctionConcurrency per function
 * (docs.aws.amazon.com/lambda/latest/api/API_GetFunctionConcurrency.html); GetAccountSettings gives
 * the account limit and the unreserved pool (API_GetAccountSettings.html). Each function's triggers come
 * from discover-triggers.ts (GetPolicy per function, ListEventSourceMappings once), read like reserved
 * concurrency: on the settings cadence and for functions not held yet.
 */
import { GetAccountSettingsCommand, GetFunctionConcurrencyCommand, paginateListFunctions, type LambdaClient } from '@aws-sdk/client-lambda';
import type { LambdaAccount, LambdaFunction, LambdaTrigger } from '../../../contract/model';
import { discoverEventSourceMappings, discoverFunctionTriggers } from './discover-triggers';
import { definedFields } from '../../../defined-fields';
import { iso } from '../iso';

/**
 * Reserved concurrency already read, per function name (`undefined` value: none reserved). It is
 * a setting that rarely changes, so it is read on the slow settings cadence (poll-plan.ts) and for
 * functions not held yet, instead of one GetFunctionConcurrency per function on every poll.
 */
export type HeldConcurrency = ReadonlyMap<string, number | undefined>;
/** Triggers already read, per function name: settings too (GetPolicy and ListEventSourceMappings on the slow cadence). */
export type HeldTriggers = ReadonlyMap<string, LambdaTrigger[] | undefined>;

export function concurrencyOf(functions: readonly LambdaFunction[]): HeldConcurrency {
  return new Map(functions.map((fn) => [fn.functionName, fn.reservedConcurrentExecutions]));
}

export function triggersOf(functions: readonly LambdaFunction[]): HeldTriggers {
  return new Map(functions.filter((fn) => fn.triggers !== undefined).map((fn) => [fn.functionName, fn.triggers]));
}

/** Reads a secondary figure: a failure leaves it unknown and is reported as a partial dataset (PollContext.optional). */
type Optional = <T>(read: () => Promise<T>) => Promise<T | undefined>;
const strict: Optional = (read) => read();

export async function discoverLambdaFunctions(client: LambdaClient, held?: HeldConcurrency, heldTriggers?: HeldTriggers, optional: Optional = strict): Promise<LambdaFunction[]> {
  const lambdaFunctions: LambdaFunction[] = [];
  // Read once per poll that reads any function's triggers (none when every function's are held).
  let mappings: Map<string, LambdaTrigger[]> | undefined;
  for await (const page of paginateListFunctions({ client }, {})) {
    for (const fn of page.Functions ?? []) {
      const name = fn.FunctionName ?? '';
      const reserved = held?.has(name)
        ? held.get(name)
        : (await client.send(new GetFunctionConcurrencyCommand({ FunctionName: fn.FunctionName }))).ReservedConcurrentExecutions;
      let triggers = heldTriggers?.get(name);
      if (triggers === undefined) {
        // Triggers are secondary: without lambda:GetPolicy the functions are still listed, their triggers unknown.
        mappings ??= (await optional(() => discoverEventSourceMappings(client))) ?? new Map();
        triggers = await optional(() => discoverFunctionTriggers(client, name, mappings!));
      }
      lambdaFunctions.push(
        definedFields({
          functionName: fn.FunctionName ?? '',
          functionArn: fn.FunctionArn ?? '',
          runtime: fn.Runtime,
          handler: fn.Handler,
          memorySize: fn.MemorySize ?? 128,
          timeout: fn.Timeout ?? 3,
          architectures: fn.Architectures,
          reservedConcurrentExecutions: reserved,
          state: fn.State,
          lastModified: fn.LastModified ? iso(fn.LastModified) : undefined,
          triggers,
        }),
      );
    }
  }
  return lambdaFunctions;
}

export async function discoverLambdaAccount(client: LambdaClient): Promise<LambdaAccount | undefined> {
  const settings = await client.send(new GetAccountSettingsCommand({}));
  const limit = settings.AccountLimit;
  if (limit?.ConcurrentExecutions === undefined) return undefined;
  return { concurrentExecutionsLimit: limit.ConcurrentExecutions, unreservedConcurrentExecutions: limit.UnreservedConcurrentExecutions ?? limit.ConcurrentExecutions };
}
