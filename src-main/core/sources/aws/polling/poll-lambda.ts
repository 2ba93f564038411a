/** lambda: functions (reserved concurrency and triggers are settings) and the account's concurrency. */
import { concurrencyOf, discoverLambdaAccount, discoverLambdaFunctions, triggersOf } from '../lambda/discover-lambda';
import type { DatasetPoller, DatasetResult, PollContext } from './dataset-poller';

export const lambdaPoller: DatasetPoller = {
  async poll({ clients, reuseSettings, held, optional }: PollContext): Promise<DatasetResult> {
    const heldFunctions = reuseSettings ? held().lambdaFunctions : undefined;
    const lambdaFunctions = await discoverLambdaFunctions(clients.lambda, heldFunctions && concurrencyOf(heldFunctions), heldFunctions && triggersOf(heldFunctions), optional);
    // GetAccountSettings failing leaves the account unknown (not last poll's figures).
    const lambdaAccount = await optional(() => discoverLambdaAccount(clients.lambda));
    return { part: { lambdaFunctions, lambdaAccount } };
  },
};
