/**
 * The health thresholds an operator set in Settings, in their own small file next to settings.json
 * (`health-thresholds.json`): core evaluates health for every window and client, so the thresholds
 * live in main, and a file of their own keeps them independent of the per-profile settings.
 * An unreadable or invalid file is moved aside, the defaults apply, and the problem is reported with
 * the settings diagnostics (`thresholds-unusable`), never silently.
 */
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_HEALTH_THRESHOLDS, HealthThresholds } from '../contract/model-health';
import type { SettingsDiagnostic } from '../contract/model-aws';
import { writeFileAtomic } from './atomic-file';
import { readBoundedRegularFile, type BoundedRead } from './bounded-file';
import { CoreError } from '../core-error';

export const HEALTH_THRESHOLDS_FILE = 'health-thresholds.json';
/** Eight numbers: a few hundred bytes; anything near this bound is not a thresholds file. */
export const MAX_HEALTH_THRESHOLDS_BYTES = 64 * 1024;

/** Why the file could not be used (defaults apply), and where it was moved: reported, never silent. */
export interface ThresholdsLoadProblem {
  file: string;
  detail: string;
  copy?: string;
}

export class HealthThresholdStore {
  private current: HealthThresholds;
  /** Thresholds were saved since the start: a load problem is no longer news. */
  private saved = false;
  readonly path: string | undefined;
  /** Set when the file could not be used and the defaults were loaded (shown as a settings diagnostic). */
  readonly loadProblem: ThresholdsLoadProblem | undefined;

  /** Without a directory the thresholds live in memory only (tests, CLI). */
  constructor(directory?: string, now: () => number = Date.now) {
    this.path = directory ? join(directory, HEALTH_THRESHOLDS_FILE) : undefined;
    this.current = { ...DEFAULT_HEALTH_THRESHOLDS };
    if (!this.path) return;
    // A regular file of bounded size only: a FIFO here would hang the host at start (settings/bounded-file.ts).
    const file = readBoundedRegularFile(this.path, MAX_HEALTH_THRESHOLDS_BYTES);
    if (file.kind === 'missing') return;
    const detail = this.problemWith(file);
    if (detail === undefined) return;
    const copy = `${this.path}.corrupt-${new Date(now()).toISOString().replace(/[:.]/g, '-')}`;
    let moved = false;
    try {
      renameSync(this.path, copy);
      moved = true;
    } catch {
      // Left in place; the next save overwrites it with valid content.
    }
    this.loadProblem = { file: this.path, detail, ...(moved ? { copy } : {}) };
  }

  /** `${file}: what was wrong; defaults are in use` (English, for logs and the CLI). */
  get loadMessage(): string | undefined {
    return this.loadProblem ? `${this.loadProblem.file}: ${this.loadProblem.detail}; defaults are in use` : undefined;
  }

  /** Adopts the file's thresholds, or says what was wrong with it. */
  private problemWith(file: Exclude<BoundedRead, { kind: 'missing' }>): string | undefined {
    if (file.kind === 'not-a-file') return 'not a regular file';
    if (file.kind === 'too-large') return `${file.size} bytes, more than ${MAX_HEALTH_THRESHOLDS_BYTES}`;
    if (file.kind === 'unreadable') return `cannot be read (${file.code})`;
    let data: unknown;
    try {
      data = JSON.parse(file.text);
    } catch (error) {
      return (error instanceof Error ? error.message : String(error)).slice(0, 200);
    }
    const parsed = HealthThresholds.safeParse(data);
    if (parsed.success) {
      this.current = parsed.data;
      return undefined;
    }
    const issue = parsed.error.issues[0];
    return `${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}`.trim().slice(0, 200);
  }

  get(): HealthThresholds {
    return { ...this.current };
  }

  /** The load problem as a settings diagnostic (until thresholds are saved again). */
  diagnostics(): SettingsDiagnostic[] {
    const problem = this.loadProblem;
    if (!problem || this.saved) return [];
    return [{ code: 'thresholds-unusable', severity: 'warning', params: { file: problem.file, detail: problem.detail, copy: problem.copy ?? problem.file } }];
  }

  /** Replace the thresholds (already validated by the contract); null restores the defaults. */
  set(next: HealthThresholds | null): HealthThresholds {
    const chosen = next ? HealthThresholds.parse(next) : { ...DEFAULT_HEALTH_THRESHOLDS };
    // Saved first: thresholds that could not be saved are not applied either (they would be lost at the next start).
    if (this.path) {
      try {
        writeFileAtomic(this.path, `${JSON.stringify(chosen, null, 2)}\n`);
      } catch (error) {
        const reason = (error as NodeJS.ErrnoException)?.code ?? (error instanceof Error ? error.message : String(error));
        throw new CoreError('StorageUnavailable', `Health thresholds could not be saved to ${this.path}: ${error instanceof Error ? error.message : String(error)}`, { path: this.path, reason }, { cause: error, problem: 'healthThresholds.notSaved' });
      }
    }
    this.current = chosen;
    this.saved = true;
    return this.get();
  }
}
