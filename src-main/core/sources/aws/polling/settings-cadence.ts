/**
 * Rarely-changing settings (listeners and rules, policies, name servers, reserved concurrency) are
 * read on their own slow cadence (poll-plan.ts SETTINGS_INTERVAL_MS), and at once when asked for
 * (a followed action settled).
 */
import type { AwsDataset } from '../poll-plan';

export class SettingsCadence {
  /** When each dataset's settings were last read; a dataset in `due` reads them next poll. */
  private readonly readAt: Partial<Record<AwsDataset, number>> = {};
  private readonly due = new Set<AwsDataset>();

  constructor(private readonly intervalMs: number) {}

  /** The next poll of `dataset` reads its settings, whatever their age. */
  ask(dataset: AwsDataset): void {
    this.due.add(dataset);
  }

  /** Whether this poll may reuse the settings held for `dataset` (they are recent and not asked for). */
  mayReuse(dataset: AwsDataset, now: number): boolean {
    const readAt = this.readAt[dataset];
    return !this.due.has(dataset) && readAt !== undefined && now - readAt < this.intervalMs;
  }

  /** A poll succeeded; unless it reused them, its settings are fresh as of `now`. */
  polled(dataset: AwsDataset, reused: boolean, now: number): void {
    if (reused) return;
    this.readAt[dataset] = now;
    this.due.delete(dataset);
  }
}
