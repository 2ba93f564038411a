/**
 * What an AWS session tells the window about itself (profile, region, account, credential state and
 * its problem): held here, with every text redacted of the shared files' secrets before it leaves
 * (an SDK message can quote a credential_process command line or an endpoint with a password), and
 * announced only when it really changed and the session was not stopped.
 */
import type { SessionInfo } from '../../contract/model';
import { redactText } from '../../redact';

export type AwsSession = Extract<SessionInfo, { mode: 'aws' }>;

export class AwsSessionState {
  private state: AwsSession;
  private readonly listeners = new Set<(session: SessionInfo) => void>();
  private stopped = false;

  constructor(
    initial: AwsSession,
    /** The shared files' secret values (core/redact.ts). */
    private readonly secrets: string[],
  ) {
    this.state = this.redacted(initial);
  }

  /** The state as held (read-only use); `copy()` for handing out. */
  get current(): Readonly<AwsSession> {
    return this.state;
  }

  copy(): SessionInfo {
    return { ...this.state };
  }

  onChanged(listener: (session: SessionInfo) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Merges `change` (an undefined field is removed) and tells the listeners if anything changed. */
  set(change: Partial<AwsSession>): void {
    const next = this.redacted({ ...this.state, ...change });
    for (const key of Object.keys(next) as (keyof AwsSession)[]) if (next[key] === undefined) delete next[key];
    const unchanged = JSON.stringify(next) === JSON.stringify(this.state);
    this.state = next;
    if (this.stopped || unchanged) return;
    for (const listener of this.listeners) listener(this.copy());
  }

  /** No announcement after this: nothing read under one identity may appear after a switch to another. */
  stop(): void {
    this.stopped = true;
    this.listeners.clear();
  }

  private redacted(session: AwsSession): AwsSession {
    const next = { ...session };
    for (const key of ['credentialMessage', 'credentialHint', 'customEndpoint'] as const) {
      const text = next[key];
      if (text !== undefined) next[key] = redactText(text, this.secrets);
    }
    // The problem's parameters are shown too (a credential_process's stderr, an endpoint).
    if (next.problem) next.problem = { ...next.problem, params: Object.fromEntries(Object.entries(next.problem.params).map(([key, value]) => [key, typeof value === 'string' ? redactText(value, this.secrets) : value])) };
    return next;
  }
}
