/**
 * Pure helpers of the backup panel and its dialogs: snapshots of one instance (newest first),
 * a default snapshot name, and the restore time as a `datetime-local` value read as UTC (the input
 * has no time zone; the window shows every time in UTC).
 */
import { isValidRdsIdentifier, type DbInstance, type DbSnapshot } from '@contract';

/** At most this many snapshot rows per instance (a 35-day retention gives 36 automated ones). */
export const MAX_SNAPSHOT_ROWS = 200;

export function snapshotsOf(snapshots: readonly DbSnapshot[], instance: string): DbSnapshot[] {
  return snapshots
    .filter((s) => s.dbInstanceIdentifier === instance)
    .sort((a, b) => Date.parse(b.snapshotCreateTime ?? '') - Date.parse(a.snapshotCreateTime ?? '') || a.dbSnapshotIdentifier.localeCompare(b.dbSnapshotIdentifier))
    .slice(0, MAX_SNAPSHOT_ROWS);
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** `<instance>-yyyymmdd-hhmm` at `nowMs` (UTC), shortened so that it stays a valid snapshot name. */
export function defaultSnapshotName(instance: string, nowMs: number): string {
  const d = new Date(nowMs);
  const stamp = `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}-${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}`;
  const name = `${instance.slice(0, 255 - stamp.length - 1)}-${stamp}`;
  return isValidRdsIdentifier(name, 255) ? name : `snapshot-${stamp}`;
}

/** An ISO instant as a `datetime-local` value in UTC, to the second. */
export function toLocalInput(iso: string | undefined): string {
  if (!iso || Number.isNaN(Date.parse(iso))) return '';
  return new Date(iso).toISOString().slice(0, 19);
}

/** A `datetime-local` value read as UTC, as an ISO instant (undefined when it cannot be read). */
export function fromLocalInput(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return undefined;
  const ms = Date.parse(`${value.length === 16 ? `${value}:00` : value}Z`);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** Whether `iso` lies in the instance's restorable window (what the rules check again in main). */
export function insideRestorableWindow(db: DbInstance, iso: string | undefined): boolean {
  if (!iso || !db.latestRestorableTime) return false;
  const at = Date.parse(iso);
  return at <= Date.parse(db.latestRestorableTime) && (!db.earliestRestorableTime || at >= Date.parse(db.earliestRestorableTime));
}

/** The name a restored instance gets by default: `<source>-restored`, shortened to 63 characters. */
export function defaultRestoreName(source: string): string {
  const name = `${source.slice(0, 63 - '-restored'.length)}-restored`;
  return isValidRdsIdentifier(name, 63) ? name : 'restored-db';
}
