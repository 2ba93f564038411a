/**
 * Review-attack t10 and t11: what else may sit at audit-log.jsonl. A torn last line (a writer died
 * mid-record) must not swallow the next intent record; a FIFO in place of the file must refuse the
 * record (AuditUnavailable, fail closed) and the listing, never block the host.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditLog, type AuditRecord } from '@main/core/actions/audit-log';
import { isCoreError } from '@main/core/core-error';

const record = (auditId: string, result: AuditRecord['result']): AuditRecord => ({
  time: '2026-12-07T23:00:01.000Z',
  auditId,
  kind: 'action',
  mode: 'aws',
  profile: 'prod',
  region: 'eu-west-1',
  action: 'SetDesiredCapacity',
  target: 'prod-web',
  parameters: { desiredCapacity: 3 },
  result,
  message: 'SetDesiredCapacity prod-web',
});

describe('a torn last line in the audit log (review-attack t10)', () => {
  it('the next intent starts a line of its own and is listed; only the fragment is skipped', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'fd-audit-torn-')), 'audit-log.jsonl');
    const log = new AuditLog(path);
    log.append(record('before', 'applied'));
    appendFileSync(path, '{"time":"2026-12-07T23:00:00.000Z","auditId":"torn');
    log.append(record('act-1', 'intent'));
    log.append(record('act-1', 'accepted'));
    const page = log.list({ limit: 10 });
    expect(page.records.map((r) => `${r.auditId}:${r.result}`)).toEqual(['act-1:accepted', 'act-1:intent', 'before:applied']);
    expect(page.skippedLines).toBe(1);
    const lines = readFileSync(path, 'utf8').split('\n');
    expect(lines.filter((line) => line.includes('act-1'))).toHaveLength(2);
    expect(lines.find((line) => line.includes('torn'))).toBe('{"time":"2026-12-07T23:00:00.000Z","auditId":"torn');
  });

  it('a file that ends with a newline gets no blank line', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'fd-audit-whole-')), 'audit-log.jsonl');
    const log = new AuditLog(path);
    log.append(record('a', 'intent'));
    log.append(record('a', 'applied'));
    expect(readFileSync(path, 'utf8').split('\n')).toHaveLength(3);
  });
});

describe.skipIf(process.platform === 'win32')('a FIFO in place of the audit log (review-attack t11)', () => {
  function fifoLog(): AuditLog {
    const path = join(mkdtempSync(join(tmpdir(), 'fd-audit-fifo-')), 'audit-log.jsonl');
    execFileSync('mkfifo', [path]);
    return new AuditLog(path);
  }

  it('refuses to append with AuditUnavailable instead of blocking', () => {
    const log = fifoLog();
    let thrown: unknown;
    try {
      log.append(record('act-1', 'intent'));
    } catch (error) {
      thrown = error;
    }
    expect(isCoreError(thrown, 'AuditUnavailable')).toBe(true);
  });

  it('refuses to list (audit.unreadable, not a regular file) instead of blocking', () => {
    const log = fifoLog();
    expect(() => log.list({ limit: 10 })).toThrow(/cannot be read \(ENOTREG\)/);
  });
});
