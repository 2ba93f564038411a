/**
 * The health report the clients hold, with its version (issue 15 item 5): pushes carry only what
 * changed since the version before (contract/health-delta.ts), snapshots the report whole with its
 * version. The version counts up and never restarts, so a delta can never be taken for one that
 * applies to another report (a new session's first report is a new version too; clients reload).
 */
import { diffHealth, type HealthDelta } from '../contract/health-delta';
import type { HealthReport } from '../contract/model';

export class PublishedHealth {
  private held: HealthReport | undefined;
  private at = 0;

  get report(): HealthReport | undefined {
    return this.held;
  }

  get version(): number {
    return this.at;
  }

  /** A new report to publish: the delta from the one held. */
  publish(next: HealthReport): HealthDelta {
    const delta = diffHealth(this.held ?? { evaluatedAt: next.evaluatedAt, services: [], resources: [], thresholds: next.thresholds }, next, { from: this.at, to: this.at + 1 });
    this.held = next;
    this.at = delta.to;
    return delta;
  }

  /** Starts over from `report` (session start, switch, reset, load): clients reload the snapshot. */
  reset(report: HealthReport): void {
    this.held = report;
    this.at++;
  }
}
