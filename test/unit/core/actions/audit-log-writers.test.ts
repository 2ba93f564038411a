/**
 * The audit file stays append-only JSON lines with two writers at once (two desktop windows, or the
 * app and `flightdeck serve` sharing a config directory): each record is one O_APPEND write, so the
 * processes interleave whole lines and every line parses.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditLog } from '@main/core/actions/audit-log';
import { AuditRecord } from '@main/core/contract';
import { recordTrustFigures } from '../../../helpers/trust-figures';

const TSX = resolve(__dirname, '../../../../node_modules/.bin/tsx');
const CHILD = resolve(__dirname, 'fixtures/append-records.ts');
const PER_WRITER = 300;

function writer(path: string, name: string): Promise<number> {
  return new Promise((done, fail) => {
    const child = spawn(TSX, [CHILD, path, name, String(PER_WRITER)], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? done(code) : fail(new Error(`writer ${name} exited ${code}: ${stderr}`))));
  });
}

describe('audit log with two writers', () => {
  it(`two processes appending ${PER_WRITER} records each: every line parses, none lost, each writer's order kept`, { timeout: 180_000 }, async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'fd-audit-writers-')), 'audit-log.jsonl');
    await Promise.all([writer(path, 'a'), writer(path, 'b')]);
    const all = readFileSync(path, 'utf8').split('\n');
    expect(all.pop()).toBe('');
    // A writer that reads the last byte while the other's line is being written starts its own on a
    // new line (appendLineDurably's torn-line guard): an empty line, which readers pass over.
    const lines = all.filter((line) => line !== '');
    const parsing = lines.filter((line) => {
      try {
        return AuditRecord.safeParse(JSON.parse(line)).success;
      } catch {
        return false;
      }
    });
    recordTrustFigures('audit-writers', [
      { figure: `audit log, 2 processes × ${PER_WRITER} records at once: whole lines that parse`, value: `${parsing.length}`, goal: `${2 * PER_WRITER}`, ok: parsing.length === 2 * PER_WRITER && lines.length === parsing.length },
    ]);
    const records = lines.map((line) => AuditRecord.parse(JSON.parse(line)));
    expect(records).toHaveLength(2 * PER_WRITER);
    for (const name of ['a', 'b']) {
      expect(records.filter((r) => r.parameters.writer === name).map((r) => r.parameters.index)).toEqual([...Array(PER_WRITER).keys()]);
    }
    // And the reader sees them newest first, skipping nothing.
    const page = new AuditLog(path).list({ limit: 1000 });
    expect(page).toMatchObject({ skippedLines: 0, truncated: false });
    expect(page.records.map((r) => r.auditId)).toEqual(records.map((r) => r.auditId).reverse());
  });

  it('skips a torn or hand-edited line when reading, and counts it', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'fd-audit-torn-')), 'audit-log.jsonl');
    const log = new AuditLog(path);
    const record = { time: '2026-01-01T00:00:00.000Z', auditId: 'a', mode: 'simulation', profile: 'simulation', region: 'eu-west-1', action: 'X', target: 't', parameters: {}, result: 'intent', message: 'm' } as const;
    log.append(record);
    appendFileSync(path, '{"time": "trunc\nnot json\n');
    log.append({ ...record, auditId: 'b' });
    expect(log.list({ limit: 10 })).toMatchObject({ records: [{ auditId: 'b' }, { auditId: 'a' }], skippedLines: 2 });
  });
});

describe('audit records stay within the contract', () => {
  it('bounds every field, so a record this process wrote is always read back', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'fd-audit-bounds-')), 'audit-log.jsonl');
    const log = new AuditLog(path);
    const long = 'x'.repeat(10_000);
    log.append({ time: '2026-01-01T00:00:00.000Z', auditId: 'a', kind: 'fault', mode: 'simulation', profile: long, scenario: long, region: long, action: long, target: long, parameters: { [long]: long }, result: 'intent', message: long });
    const page = log.list({ limit: 10 });
    expect(page.skippedLines).toBe(0);
    expect(page.records[0]).toMatchObject({ action: 'x'.repeat(100), target: 'x'.repeat(300), message: 'x'.repeat(4000) });
  });
});
