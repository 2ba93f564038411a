/**
 * The health thresholds an operator set in Settings, in their own small file next to settings.json
 * (`health-thresholds.json`): core evaluates health for every window and client, so the thresholds
 * live in main, and a file of their own keeps them independent of the per-profile settings.
 * An unreadable or invalid file is moved aside and the defaults apply (as settings-store does).
 */
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_HEALTH_THRESHOLDS, HealthThresholds } from '../contract/model-health';
import { writeFileAtomic } from './atomic-file';
import { CoreError } from '../core-error';

export const HEALTH_THRESHOLDS_FILE = 'health-thresholds.json';

export class HealthThresholdStore {
  private current: HealthThresholds;
  readonly path: string | undefined;
  /** Set when the file could not be used and the defaults were loaded. */
  readonly loadMessage: string | undefined;

  /** Without a directory the thresholds live in memory only (tests, CLI). */
  constructor(directory?: string, now: () => number = Date.now) {
    this.path = directory ? join(directory, HEALTH_THRESHOLDS_FILE) : undefined;
    this.current = { ...DEFAULT_HEALTH_THRESHOLDS };
    if (!this.path || !existsSync(this.path)) return;
    try {
      const parsed = HealthThresholds.safeParse(JSON.parse(readFileSync(this.path, 'utf8')));
      if (parsed.success) {
        this.current = parsed.data;
        return;
      }
      this.loadMessage = `${this.path}: ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? 'invalid'}; defaults are in use`;
    } catch (error) {
      this.loadMessage = `${this.path}: ${error instanceof Error ? error.message : String(error)}; defaults are in use`;
    }
    try {
      renameSync(this.path, `${this.path}.corrupt-${new Date(now()).toISOString().replace(/[:.]/g, '-')}`);
    } catch {
      // Left in place; the next save overwrites it with valid content.
    }
  }

  get(): HealthThresholds {
    return { ...this.current };
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
    return this.get();
  }
}
