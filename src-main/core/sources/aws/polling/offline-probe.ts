/**
 * One dataset could not reach its service: is the network gone, or only that endpoint? STS is
 * asked once (GetCallerIdentity needs no permission); if it cannot be reached either, the session
 * is offline now, within the failing dataset's poll interval, instead of after every dataset (the
 * slowest polls every two minutes) has failed in turn. Concurrent failures share one probe.
 */
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { isAwsCallError, isNetworkError, NETWORK_CODES } from '../aws-errors';
import type { AwsClients } from '../clients';

export class OfflineProbe {
  private running: Promise<void> | undefined;

  /** Resolves when the probe is done; `offline` is called only if STS could not be reached either. */
  probe(sts: AwsClients['sts'], offline: () => void): Promise<void> {
    this.running ??= (async () => {
      try {
        await sts.send(new GetCallerIdentityCommand({}));
      } catch (error) {
        if (isNetworkError(error) || (isAwsCallError(error) && NETWORK_CODES.has(error.params.awsCode))) offline();
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }
}
