/** route53: hosted zones (name servers are settings), record sets and health checks with their status. */
import type { HealthCheck } from '../../../contract/model';
import { discoverRoute53, nameServersOf } from '../route53/discover-route53';
import type { DatasetPoller, DatasetResult, PollContext } from './dataset-poller';

/**
 * GetHealthCheckStatus gives each checker's last CheckedTime, not when the status changed: that
 * time moves on every poll. So a check's `lastChange` is kept here: the newest CheckedTime of the
 * poll that first saw its current status, unknown (absent) for the status it had when first read
 * (AWS-mode review: "Last change" moved on every poll and never showed a change).
 */
export class Route53Poller implements DatasetPoller {
  private readonly seen = new Map<string, { status: HealthCheck['status']; lastChange?: string }>();

  async poll({ clients, reuseSettings, held }: PollContext): Promise<DatasetResult> {
    const found = await discoverRoute53(clients.route53, reuseSettings ? nameServersOf(held().hostedZones) : undefined);
    const healthChecks = found.healthChecks.map((check) => this.withLastChange(check));
    for (const id of [...this.seen.keys()]) if (!found.healthChecks.some((check) => check.id === id)) this.seen.delete(id);
    return { part: { hostedZones: found.hostedZones, recordSets: found.recordSets, healthChecks } };
  }

  forget(): void {
    this.seen.clear();
  }

  private withLastChange(check: HealthCheck): HealthCheck {
    const { lastChange: checkedAt, ...rest } = check;
    const before = this.seen.get(check.id);
    const kept = !before ? { status: check.status } : before.status === check.status ? before : { status: check.status, ...(checkedAt ? { lastChange: checkedAt } : {}) };
    this.seen.set(check.id, kept);
    return kept.lastChange ? { ...rest, lastChange: kept.lastChange } : rest;
  }
}
