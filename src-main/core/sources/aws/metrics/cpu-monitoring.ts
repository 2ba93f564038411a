/**
 * At which period AWS/EC2 CPUUtilization really exists for an Auto Scaling group's instances.
 *
 * EC2 publishes instance metrics in 5-minute periods (basic monitoring, the default) unless detailed
 * monitoring is on, then in 1-minute periods
 * (docs.aws.amazon.com/AWSEC2/latest/UserGuide/manage-detailed-monitoring.html). Asking for a
 * basic-monitored group at 60 s gives one point every five minutes: a chart of gaps.
 *
 * Why CloudWatch is asked rather than the launch template: the launch template's
 * `Monitoring.Enabled` (or a launch configuration's `InstanceMonitoring`) is what new instances were
 * *asked* to have; `MonitorInstances`/`UnmonitorInstances` change it per instance afterwards, and
 * mixed-instances groups may use several templates. What CloudWatch holds is what is published,
 * and it costs no new client, no `ec2:` permission and one GetMetricData call for all groups. The
 * last 15 minutes are read at 60 s: detailed monitoring leaves points less than five minutes apart;
 * basic monitoring cannot. Fewer than two points (no running instance) says nothing, so the group
 * is taken as basic — the default — and asked again after PROBE_RETRY_MS.
 */
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { InstanceMonitoring } from '../../../contract/model';
import { getMetricDataPages, toQuery } from './get-metric-data';
import { MAX_QUERIES_PER_CALL } from './metric-batches';

/** The window read: three basic periods, fifteen detailed ones. */
export const PROBE_WINDOW_SECONDS = 15 * 60;
/** How long a decision based on data is kept before it is checked again (our choice). */
export const PROBE_KEEP_MS = 30 * 60_000;
/**
 * How long the default (no data: no running instance) is kept: the settings cadence, so that idle
 * groups cost one call per five minutes, not one per poll (our choice).
 */
export const PROBE_RETRY_MS = 5 * 60_000;

export const PERIOD_OF: Record<InstanceMonitoring, number> = { basic: 300, detailed: 60 };

interface Decision {
  monitoring: InstanceMonitoring;
  at: number;
  /** The decision rests on at least two datapoints (else it is the default and asked again). */
  seen: boolean;
}

/** Detailed when two datapoints are closer than a basic period. */
export function monitoringFromTimestamps(timestamps: readonly number[]): { monitoring: InstanceMonitoring; seen: boolean } {
  const sorted = [...timestamps].sort((a, b) => a - b);
  if (sorted.length < 2) return { monitoring: 'basic', seen: false };
  for (let i = 1; i < sorted.length; i++) if (sorted[i]! - sorted[i - 1]! < PERIOD_OF.basic) return { monitoring: 'detailed', seen: true };
  return { monitoring: 'basic', seen: true };
}

export class CpuMonitoring {
  private readonly decisions = new Map<string, Decision>();

  /** The monitoring decided for a group, if it was decided. */
  of(groupName: string): InstanceMonitoring | undefined {
    return this.decisions.get(groupName)?.monitoring;
  }

  clear(): void {
    this.decisions.clear();
  }

  /**
   * Decides the groups never decided, decided without data more than PROBE_RETRY_MS ago, or decided
   * on data more than PROBE_KEEP_MS ago;
   * forgets groups that are gone. One GetMetricData call per 500 groups, none when nothing is due.
   */
  async update(client: Pick<CloudWatchClient, 'send'>, groupNames: readonly string[], nowMs: number): Promise<void> {
    for (const name of this.decisions.keys()) if (!groupNames.includes(name)) this.decisions.delete(name);
    const due = groupNames.filter((name) => {
      const d = this.decisions.get(name);
      return !d || nowMs - d.at >= (d.seen ? PROBE_KEEP_MS : PROBE_RETRY_MS);
    });
    const end = Math.floor(nowMs / 60_000) * 60;
    for (let i = 0; i < due.length; i += MAX_QUERIES_PER_CALL) {
      const chunk = due.slice(i, i + MAX_QUERIES_PER_CALL);
      const found = new Map<string, number[]>(chunk.map((name) => [name, []]));
      const queries = chunk.map((name, j) => toQuery(`c${j}`, { namespace: 'AWS/EC2', metricName: 'CPUUtilization', dimensions: { AutoScalingGroupName: name }, period: 60, stat: 'SampleCount' }));
      await getMetricDataPages(client, { MetricDataQueries: queries, StartTime: new Date((end - PROBE_WINDOW_SECONDS) * 1000), EndTime: new Date(end * 1000) }, (results) => {
        for (const result of results) {
          const name = chunk[Number((result.Id ?? '').slice(1))];
          if (name === undefined || !(result.Id ?? '').startsWith('c')) continue;
          found.get(name)!.push(...(result.Timestamps ?? []).map((t) => Math.floor(t.getTime() / 1000)));
        }
      });
      for (const [name, timestamps] of found) this.decisions.set(name, { ...monitoringFromTimestamps(timestamps), at: nowMs });
    }
  }
}
