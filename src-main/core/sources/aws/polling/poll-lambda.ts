/** lambda: functions (reserved concurrency is a setting) and the account's concurrency. */
import { concurrencyOf, discoverLambdaAccount, discoverLambdaFunctions } from '../lambda/discover-lambda';
import type { DatasetPoller, DatasetResult, PollContext } from './dataset-poller';

export const lambdaPoller: DatasetPoller = {
  async poll({ clients, reuseSettings, held, optional }: PollContext): Promise<DatasetResult> {
    const lambdaFunctions = await discoverLambdaFunctions(clients.lambda, reuseSettings ? concurrencyOf(held().lambdaFunctions) : undefined);
    // GetAccountSettings failing leaves the account unknown (not last poll's figures).
    const lambdaAccount = await optional(() => discoverLambdaAccount(clients.lambda));
    return { part: { lambdaFunctions, lambdaAccount } };
  },
};
