/**
 * What api.ts needs from a wire: send one request and get its raw Result back, receive pushed
 * events, and say whether the wire is up. Validation happens in api.ts, once, for every adapter.
 */
export type ConnectionState = 'connecting' | 'open' | 'closed';

export interface Transport {
  readonly kind: 'electron' | 'websocket';
  readonly state: ConnectionState;
  /** Resolves with the raw (unvalidated) Result envelope; rejects only with an ApiError from the wire. */
  request(channel: string, payload: unknown): Promise<unknown>;
  /** Raw payloads of one event channel; returns its own unsubscribe function. */
  on(channel: string, listener: (payload: unknown) => void): () => void;
  onStateChange(listener: (state: ConnectionState) => void): () => void;
  /** Frames that could not be understood at all (bad JSON, unknown frame type). */
  onProblem(listener: (message: string) => void): () => void;
  close(): void;
}

/** A tiny listener set: every subscription returns its own unsubscribe function. */
export class Listeners<T> {
  private readonly set = new Set<(value: T) => void>();

  add(listener: (value: T) => void): () => void {
    this.set.add(listener);
    return () => {
      this.set.delete(listener);
    };
  }

  emit(value: T): void {
    for (const listener of [...this.set]) {
      try {
        listener(value);
      } catch (error) {
        // One failing subscriber must not starve the others; the error still reaches the console.
        console.error(error);
      }
    }
  }

  get size(): number {
    return this.set.size;
  }
}
