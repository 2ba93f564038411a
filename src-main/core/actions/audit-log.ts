/**
 * The append-only audit log of control actions: one JSON object per line (time, profile, account,
 * region, action, target, result). Each line is fsynced before the action is reported done, so a
 * crash right after "promoted" cannot lose the record. Records are built field by field from
 * non-secret values, and every string is passed through `redactSecrets` as a second guard.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ControlAction } from '../contract/model';

export interface AuditRecord {
  time: string;
  auditId: string;
  mode: 'aws' | 'simulation';
  profile: string;
  accountId?: string;
  region: string;
  action: ControlAction['type'];
  target: string;
  parameters: Record<string, string | number | boolean>;
  result: 'refused' | 'failed' | 'accepted' | 'settled' | 'timed-out';
  message: string;
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

export class AuditLog {
  constructor(readonly path: string) {}

  /** Appends one record and fsyncs it; throws if the record could not be made durable. */
  append(record: AuditRecord): void {
    mkdirSync(dirname(this.path), { recursive: true });
    const fd = openSync(this.path, 'a', 0o600);
    try {
      writeSync(fd, `${JSON.stringify(scrub(record))}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
}
