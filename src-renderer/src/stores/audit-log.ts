/**
 * The audit log for the Activity view: the newest records from `audit.list`, then each one pushed
 * by `audit.appended` as it is written. Records of one change (intent, then its outcome) share an
 * auditId; the view shows one row per change with its latest outcome, so an intent without an
 * outcome (a crash mid-action) stays visible as such. Bounded: at most MAX_RECORDS kept.
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { AuditKind, AuditRecord, AuditResult } from '@contract';
import { api } from '@/api';
import { requestFailure, type RequestFailure } from '@/utils/request-error';

export const MAX_RECORDS = 1000;

/** One audited change: its first record's time and who/where, its latest record's outcome. */
export interface AuditChange {
  auditId: string;
  time: string;
  kind: AuditKind;
  record: AuditRecord;
  outcome: AuditResult;
  message: string;
  /** Every record of this change, oldest first. */
  records: AuditRecord[];
}

/** Records (newest first) → changes (newest first by their start), one per auditId. */
export function changesFromRecords(records: readonly AuditRecord[]): AuditChange[] {
  const byId = new Map<string, AuditChange>();
  for (const record of records) {
    const existing = byId.get(record.auditId);
    if (!existing) {
      byId.set(record.auditId, { auditId: record.auditId, time: record.time, kind: record.kind ?? 'action', record, outcome: record.result, message: record.message, records: [record] });
    } else {
      // Walking newest → oldest: what comes later is older, so it gives the start time.
      existing.time = record.time;
      existing.record = record;
      existing.records.unshift(record);
    }
  }
  // Newest first by the time each row shows (its start): in record order, a change that settled
  // late sat above later ones (23:18:28 above 23:18:31).
  return [...byId.values()].sort((a, b) => Date.parse(b.time) - Date.parse(a.time));
}

export interface AuditFilter {
  text: string;
  kind: AuditKind | '';
  outcome: AuditResult | '';
}

export function matchesFilter(change: AuditChange, filter: AuditFilter): boolean {
  if (filter.kind && change.kind !== filter.kind) return false;
  if (filter.outcome && change.outcome !== filter.outcome) return false;
  const text = filter.text.trim().toLowerCase();
  if (!text) return true;
  const { record } = change;
  return [record.action, record.target, record.profile, record.scenario, record.accountId, record.region, record.actor, change.message, change.outcome]
    .filter(Boolean)
    .join('\n')
    .toLowerCase()
    .includes(text);
}

function quote(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** RFC 4180 CSV of the listed changes (the columns the view shows, plus parameters and message). */
export function changesToCsv(changes: readonly AuditChange[]): string {
  const header = ['time_utc', 'audit_id', 'kind', 'actor', 'mode', 'profile', 'scenario', 'account', 'region', 'action', 'target', 'outcome', 'parameters', 'message'];
  const rows = changes.map((c) => [
    c.time,
    c.auditId,
    c.kind,
    c.record.actor ?? '',
    c.record.mode,
    c.record.profile,
    c.record.scenario ?? '',
    c.record.accountId ?? '',
    c.record.region,
    c.record.action,
    c.record.target,
    c.outcome,
    JSON.stringify(c.record.parameters),
    c.message,
  ]);
  return `${[header, ...rows].map((row) => row.map(quote).join(',')).join('\r\n')}\r\n`;
}

/** Every record of the listed changes, as the file holds them (oldest first). */
export function changesToJson(changes: readonly AuditChange[]): string {
  return `${JSON.stringify(
    changes.flatMap((c) => c.records).sort((a, b) => a.time.localeCompare(b.time)),
    null,
    2,
  )}\n`;
}

/** One line of the log: a change's records differ by result (and time). */
function recordKey(record: AuditRecord): string {
  return `${record.auditId}|${record.result}|${record.time}`;
}

export const useAuditLogStore = defineStore('auditLog', () => {
  /** Newest first. */
  const records = shallowRef<readonly AuditRecord[]>([]);
  const loading = ref(false);
  const error = ref<RequestFailure | null>(null);
  const truncated = ref(false);
  const skippedLines = ref(0);
  const filter = ref<AuditFilter>({ text: '', kind: '', outcome: '' });
  let unsubscribe: (() => void) | undefined;

  const changes = computed(() => changesFromRecords(records.value));
  const visible = computed(() => changes.value.filter((change) => matchesFilter(change, filter.value)));

  /** Pushed while a page is in flight: merged after it, so none is lost or doubled. */
  let pushedDuringLoad: AuditRecord[] | null = null;

  function append(record: AuditRecord): void {
    pushedDuringLoad?.push(record);
    records.value = [record, ...records.value].slice(0, MAX_RECORDS);
  }

  async function load(): Promise<void> {
    loading.value = true;
    error.value = null;
    pushedDuringLoad = [];
    try {
      const page = await api.request('audit.list', { limit: MAX_RECORDS });
      const inPage = new Set(page.records.map(recordKey));
      const newer = pushedDuringLoad.filter((record) => !inPage.has(recordKey(record))).reverse();
      records.value = [...newer, ...page.records].slice(0, MAX_RECORDS);
      truncated.value = page.truncated;
      skippedLines.value = page.skippedLines;
    } catch (caught) {
      error.value = requestFailure(caught);
    } finally {
      pushedDuringLoad = null;
      loading.value = false;
    }
  }

  /** Live: subscribe first, then load, so a record written in between is neither lost nor doubled. */
  async function start(): Promise<void> {
    unsubscribe ??= api.on('audit.appended', append);
    await load();
  }

  function stop(): void {
    unsubscribe?.();
    unsubscribe = undefined;
  }

  return { records, loading, error, truncated, skippedLines, filter, changes, visible, append, load, start, stop };
});
