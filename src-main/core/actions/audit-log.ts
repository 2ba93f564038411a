/**
 * The append-only audit log: one JSON object per line in `audit-log.jsonl` (contract/model-audit.ts).
 *
 * Write-ahead: callers append an `intent` record before they change anything, and `append` returns
 * only once that line is fsynced; when it cannot be (full disk, read-only or missing directory) it
 * throws a CoreError `AuditUnavailable` (auditUnavailable) and the caller must not go on. Each record is ONE write(2) on a file
 * opened with O_APPEND, so two processes sharing the config directory interleave whole lines, never
 * bytes (Linux serialises O_APPEND writes to a regular file; a record is a few KiB at most).
 * Records are built field by field from non-secret values, and every string passes `redactSecrets`.
 */
import { closeSync, constants, fsyncSync, fstatSync, mkdirSync, readSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { AuditRecord, type AuditPage, type AuditQuery } from '../contract/model-audit';
import { CoreError, isCoreError } from '../core-error';
import { openRegularFile } from '../settings/bounded-file';

export type { AuditRecord } from '../contract/model-audit';

/** How much of the file's end `list` reads: the newest records, whatever the file's size. */
export const AUDIT_READ_TAIL_BYTES = 8 * 1024 * 1024;
const MAX_MESSAGE = 4000;
const MAX_PARAMETER = 2000;

/**
 * The record could not be made durable, so nothing may change: a CoreError `AuditUnavailable`
 * naming the file (when known) and the reason (the errno code, else the failure's message).
 */
export function auditUnavailable(path: string | undefined, failure: unknown): CoreError {
  if (isCoreError(failure, 'AuditUnavailable')) return failure;
  const reason = (failure as NodeJS.ErrnoException)?.code ?? (failure instanceof Error ? failure.message : String(failure));
  const message = path
    ? `The audit log ${path} cannot be written (${reason}), so nothing was changed. Free space or fix the config directory's permissions, then try again.`
    : `The audit log cannot be written (${reason}), so nothing was changed.`;
  return new CoreError('AuditUnavailable', message, { path, reason }, { cause: failure, problem: 'audit.notWritable' });
}

/** Where records go; the protocol needs only this (tests inject failing ones). */
export interface AuditSink {
  /** Appends one record durably; throws a CoreError `AuditUnavailable` when it cannot. */
  append(record: AuditRecord): void;
}

/** Masks anything shaped like an AWS access key id or a secret/session token assignment. */
export function redactSecrets(text: string): string {
  return text
    .replace(/\b(AKIA|ASIA|AIDA|AROA)[A-Z0-9]{12,}\b/g, '$1…(redacted)')
    .replace(/(secret[_-]?access[_-]?key|session[_-]?token|accessToken|refreshToken|clientSecret)(["']?\s*[:=]\s*["']?)[^\s"',}]+/gi, '$1$2(redacted)');
}

function scrub<T>(value: T): T {
  if (typeof value === 'string') return redactSecrets(value) as T;
  if (Array.isArray(value)) return value.map(scrub) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v)])) as T;
  return value;
}

/** Keeps every record a bounded size, so one write stays one whole line. */
function bounded(record: AuditRecord): AuditRecord {
  const parameters = Object.fromEntries(
    Object.entries(record.parameters)
      .slice(0, 50)
      .map(([k, v]) => [k.slice(0, 100), typeof v === 'string' ? v.slice(0, MAX_PARAMETER) : v]),
  );
  // Within the contract's limits, so that `list` never skips a record this process wrote.
  return {
    ...record,
    auditId: record.auditId.slice(0, 100),
    profile: record.profile.slice(0, 300),
    ...(record.scenario !== undefined ? { scenario: record.scenario.slice(0, 300) } : {}),
    ...(record.accountId !== undefined ? { accountId: record.accountId.slice(0, 20) } : {}),
    region: record.region.slice(0, 50),
    action: record.action.slice(0, 100),
    target: record.target.slice(0, 300),
    ...(record.nonce !== undefined ? { nonce: record.nonce.slice(0, 200) } : {}),
    parameters,
    message: record.message.slice(0, MAX_MESSAGE),
  };
}

/**
 * One write(2) of the whole line on an O_APPEND descriptor, then fsync. Only a regular file is
 * appended to (settings/bounded-file.ts): a FIFO in its place would block open(2) or write(2) for
 * good, so it is refused (the caller turns that into AuditUnavailable). When the file does not end
 * with a newline (a writer died mid-line), the record starts a line of its own, in the same write.
 */
export function appendLineDurably(path: string, line: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const fd = openRegularFile(path, constants.O_RDWR | constants.O_APPEND | constants.O_CREAT, 0o600);
  try {
    const bytes = Buffer.from(endsTorn(fd) ? `\n${line}` : line, 'utf8');
    const written = writeSync(fd, bytes, 0, bytes.length);
    if (written !== bytes.length) throw Object.assign(new Error(`short write: ${written} of ${bytes.length} bytes`), { code: 'EIO' });
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * True when the file's last byte is not a newline: its last line is a fragment (checked by one pread).
 * Another process's append in progress can look the same; the record then starts after an empty
 * line, which every reader passes over — never on the end of someone else's line.
 */
function endsTorn(fd: number): boolean {
  const size = fstatSync(fd).size;
  if (size === 0) return false;
  const last = Buffer.alloc(1);
  // pread(2) at an offset: O_APPEND moves only writes to the end (the descriptor is opened O_RDWR for this).
  return readSync(fd, last, 0, 1, size - 1) === 1 && last[0] !== 0x0a;
}

export interface AuditLogOptions {
  /** Writes one line durably (tests inject a failing one). */
  writeLine?: (path: string, line: string) => void;
}

export class AuditLog implements AuditSink {
  private readonly writeLine: (path: string, line: string) => void;
  private readonly listeners = new Set<(record: AuditRecord) => void>();

  constructor(
    readonly path: string,
    options: AuditLogOptions = {},
  ) {
    this.writeLine = options.writeLine ?? appendLineDurably;
  }

  append(record: AuditRecord): void {
    const safe = scrub(bounded(record));
    try {
      this.writeLine(this.path, `${JSON.stringify(safe)}\n`);
    } catch (error) {
      throw auditUnavailable(this.path, error);
    }
    for (const listener of this.listeners) {
      try {
        listener(safe);
      } catch {
        // A broken subscriber must not turn a durable record into a failure.
      }
    }
  }

  /** Called after each record is durable (the `audit.appended` event). */
  onAppend(listener: (record: AuditRecord) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The newest matching records first; reads at most the last AUDIT_READ_TAIL_BYTES of the file. */
  list(query: AuditQuery): AuditPage {
    const { lines, partial } = readTail(this.path, AUDIT_READ_TAIL_BYTES);
    const records: AuditRecord[] = [];
    let skippedLines = 0;
    let truncated = partial;
    const text = query.text?.toLowerCase();
    const since = query.since ? Date.parse(query.since) : undefined;
    for (let i = lines.length - 1; i >= 0; i--) {
      const line = lines[i]!;
      if (line.trim() === '') continue;
      let parsed;
      try {
        parsed = AuditRecord.safeParse(JSON.parse(line));
      } catch {
        skippedLines++;
        continue;
      }
      if (!parsed.success) {
        skippedLines++;
        continue;
      }
      const record = parsed.data;
      if (!matches(record, query, text, since)) continue;
      if (records.length === query.limit) {
        truncated = true;
        break;
      }
      records.push(record);
    }
    return { records, truncated, skippedLines };
  }
}

function matches(record: AuditRecord, query: AuditQuery, text: string | undefined, since: number | undefined): boolean {
  if (query.kind && (record.kind ?? 'action') !== query.kind) return false;
  if (query.result && record.result !== query.result) return false;
  if (query.profile && record.profile !== query.profile) return false;
  if (since !== undefined && !(Date.parse(record.time) >= since)) return false;
  if (text) {
    const haystack = [record.action, record.target, record.profile, record.scenario, record.accountId, record.region, record.message].join('\n').toLowerCase();
    if (!haystack.includes(text)) return false;
  }
  return true;
}

/** The file's last `maxBytes`, split into lines; `partial` when older lines were not read. */
function readTail(path: string, maxBytes: number): { lines: string[]; partial: boolean } {
  let fd: number;
  try {
    fd = openRegularFile(path, constants.O_RDONLY);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { lines: [], partial: false };
    throw unreadable(path, error);
  }
  try {
    return readOpenTail(fd, maxBytes);
  } catch (error) {
    throw unreadable(path, error);
  } finally {
    closeSync(fd);
  }
}

/** An audit log that exists but cannot be read (permissions, a directory in its place). */
function unreadable(path: string, error: unknown): CoreError {
  const reason = (error as NodeJS.ErrnoException)?.code ?? (error instanceof Error ? error.message : String(error));
  return new CoreError('StorageUnavailable', `The audit log ${path} cannot be read (${reason}).`, { path, reason }, { cause: error, problem: 'audit.unreadable' });
}

function readOpenTail(fd: number, maxBytes: number): { lines: string[]; partial: boolean } {
  const size = fstatSync(fd).size;
  const length = Math.min(size, maxBytes);
  const buffer = Buffer.alloc(length);
  let read = 0;
  while (read < length) {
    const n = readSync(fd, buffer, read, length - read, size - length + read);
    if (n === 0) break;
    read += n;
  }
  const lines = buffer.subarray(0, read).toString('utf8').split('\n');
  // Reading from the middle of the file: the first line is a fragment.
  if (size > length) lines.shift();
  return { lines, partial: size > length };
}
