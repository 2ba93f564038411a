/** route53: hosted zones (name servers are settings), record sets and health checks with their status. */
import { discoverRoute53, nameServersOf } from '../route53/discover-route53';
import type { DatasetPoller, DatasetResult, PollContext } from './dataset-poller';

export const route53Poller: DatasetPoller = {
  async poll({ clients, reuseSettings, held }: PollContext): Promise<DatasetResult> {
    const found = await discoverRoute53(clients.route53, reuseSettings ? nameServersOf(held().hostedZones) : undefined);
    return { part: { hostedZones: found.hostedZones, recordSets: found.recordSets, healthChecks: found.healthChecks } };
  },
};
