/**
 * `flightdeck aws export` and the window's "Open as twin" (docs/twin.md): the connected account's
 * inventory and its recorded last hours → a twin scenario (YAML). The mapping itself is pure
 * (core/twin); this reads what it needs, read-only.
 */
import type { Inventory } from '../../../contract/model-inventory';
import { buildTwin, twinYaml, type BuiltTwin } from '../../../twin/build-twin';
import { historyQueries, periodFor } from '../../../twin/history-queries';
import type { HistoryProgress, HistoryWindow } from './read-history';
import type { HistoryQuery } from '../../../twin/history-queries';
import type { ObservedSeries } from '../../../twin/twin-section';

/** Hours of history a twin may replay: up to 31 days (twin-section.ts MAX_WINDOW_SECONDS). */
export const MAX_EXPORT_HOURS = 744;
export const DEFAULT_EXPORT_HOURS = 24;

/** What the export needs of an AWS session (AwsSource): tests give a fake. */
export interface TwinReader {
  readonly region: string;
  readonly profile: string;
  snapshot(): { inventory: Inventory; session: { mode: string; accountId?: string } };
  readTwinInputs(queries: HistoryQuery[], window: HistoryWindow, onProgress?: (progress: HistoryProgress) => void): Promise<{ observed: ObservedSeries[]; environmentNames: Record<string, string[]> }>;
}

export interface ExportOptions {
  hours?: number;
  /** Epoch ms: the window ends at the last whole period before it. */
  now: number;
  /** Written to the Twin section unless it is the standard credential chain. */
  profile?: string;
  onProgress?: (progress: HistoryProgress) => void;
}

export interface ExportedTwin {
  yaml: string;
  built: BuiltTwin;
  window: { start: string; end: string };
  periodSeconds: number;
  series: number;
}

export async function exportTwin(reader: TwinReader, options: ExportOptions): Promise<ExportedTwin> {
  const hours = options.hours ?? DEFAULT_EXPORT_HOURS;
  if (!(hours > 0 && hours <= MAX_EXPORT_HOURS)) throw new RangeError(`hours must be between 1 and ${MAX_EXPORT_HOURS} (31 days), got ${hours}`);
  const snapshot = reader.snapshot();
  const account = snapshot.session.accountId ?? '000000000000';
  const windowSeconds = Math.round(hours * 3600);
  const periodSeconds = periodFor(windowSeconds);
  const endSeconds = Math.floor(options.now / 1000 / periodSeconds) * periodSeconds;
  const startSeconds = endSeconds - Math.ceil(windowSeconds / periodSeconds) * periodSeconds;
  const queries = historyQueries(snapshot.inventory);
  const { observed, environmentNames } = await reader.readTwinInputs(queries, { startSeconds, endSeconds, periodSeconds }, options.onProgress);
  const window = { start: new Date(startSeconds * 1000).toISOString(), end: new Date(endSeconds * 1000).toISOString() };
  const built = buildTwin({
    inventory: snapshot.inventory,
    environmentNames,
    source: { account, region: reader.region, ...(options.profile ? { profile: options.profile } : {}) },
    window,
    periodSeconds,
    observed,
  });
  return { yaml: twinYaml(built), built, window, periodSeconds, series: observed.length };
}
