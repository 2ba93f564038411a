/**
 * Lambda functions with their reserved concurrency, and the account's concurrency limits.
 * ListFunctions does not return reserved concurrency, hence one GetFunctionConcurrency per function
 * (docs.aws.amazon.com/lambda/latest/api/API_GetFunctionConcurrency.html); GetAccountSettings gives
 * the account limit and the unreserved pool (API_GetAccountSettings.html).
 */
import { GetAccountSettingsCommand, GetFunctionConcurrencyCommand, paginateListFunctions, type LambdaClient } from '@aws-sdk/client-lambda';
import type { LambdaAccount, LambdaFunction } from '../../../contract/model';
import { compact, iso } from '../iso';

/**
 * Reserved concurrency already read, per function name (`undefined` value: none reserved). It is
 * a setting that rarely changes, so it is read on the slow settings cadence (poll-plan.ts) and for
 * functions not held yet, instead of one GetFunctionConcurrency per function on every poll.
 */
export type HeldConcurrency = ReadonlyMap<string, number | undefined>;

export function concurrencyOf(functions: readonly LambdaFunction[]): HeldConcurrency {
  return new Map(functions.map((fn) => [fn.functionName, fn.reservedConcurrentExecutions]));
}

export async function discoverLambdaFunctions(client: LambdaClient, held?: HeldConcurrency): Promise<LambdaFunction[]> {
  const lambdaFunctions: LambdaFunction[] = [];
  for await (const page of paginateListFunctions({ client }, {})) {
    for (const fn of page.Functions ?? []) {
      const name = fn.FunctionName ?? '';
      const reserved = held?.has(name)
        ? held.get(name)
        : (await client.send(new GetFunctionConcurrencyCommand({ FunctionName: fn.FunctionName }))).ReservedConcurrentExecutions;
      lambdaFunctions.push(
        compact({
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
