/**
 * The core behind every adapter (Electron IPC, WebSocket bridge, tests): validates each request
 * against the contract, dispatches it to the active data source, and fans pushed events out to
 * subscribers. Errors become typed values; nothing thrown here reaches a renderer as a stack trace.
 */
import {
  type ContractError,
  type EventChannel,
  type EventOf,
  isRequestChannel,
  parseRequest,
  type RequestChannel,
  type RequestOf,
  type ResponseOf,
  type Result,
} from './contract';
import type { DataSource } from './sources/data-source';

type Handlers = { [C in RequestChannel]: (request: RequestOf<C>) => ResponseOf<C> | Promise<ResponseOf<C>> };
export type EventListener = <C extends EventChannel>(channel: C, payload: EventOf<C>) => void;

export class CoreError extends Error {
  constructor(
    readonly code: ContractError['code'],
    message: string,
  ) {
    super(message);
  }
}

export class FlightdeckCore {
  private listeners = new Set<EventListener>();
  private unsubscribeSource: () => void;
  private readonly handlers: Handlers;

  constructor(private source: DataSource) {
    this.unsubscribeSource = this.follow(source);
    this.handlers = {
      'session.get': () => this.source.session,
      'snapshot.get': () => this.source.snapshot(),
      'sim.control': (request) => {
        const control = this.source.control;
        if (!control) throw new CoreError('NotSupported', 'the clock can only be controlled in simulation mode');
        switch (request.command) {
          case 'pause':
            control.pause();
            break;
          case 'resume':
            control.resume();
            break;
          case 'step':
            control.step(request.seconds);
            break;
          case 'setSpeed':
            control.setSpeed(request.speed);
            break;
        }
        return control.clock();
      },
    };
  }

  get dataSource(): DataSource {
    return this.source;
  }

  private follow(source: DataSource): () => void {
    return source.onUpdate((update) => this.emit('update', update));
  }

  /** Swap the data source (profile / mode switch): the old one stops, subscribers get the new session. */
  replaceSource(next: DataSource): void {
    this.unsubscribeSource();
    this.source.stop();
    this.source = next;
    this.unsubscribeSource = this.follow(next);
    next.start();
    this.emit('session.changed', next.session);
  }

  start(): void {
    this.source.start();
  }

  stop(): void {
    this.unsubscribeSource();
    this.source.stop();
    this.listeners.clear();
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit<C extends EventChannel>(channel: C, payload: EventOf<C>): void {
    for (const listener of this.listeners) {
      try {
        listener(channel, payload);
      } catch {
        // One broken subscriber (a closed socket, say) must not starve the others.
      }
    }
  }

  /** Validates and runs one request. Never throws. */
  async handle(channel: unknown, payload: unknown): Promise<Result<unknown>> {
    if (!isRequestChannel(channel)) {
      return { ok: false, error: { code: 'UnknownChannel', message: `unknown request channel ${JSON.stringify(String(channel)).slice(0, 120)}` } };
    }
    const parsed = parseRequest(channel, payload);
    if (!parsed.ok) return parsed;
    try {
      const handler = this.handlers[channel] as (request: unknown) => unknown;
      return { ok: true, value: await handler(parsed.value) };
    } catch (error) {
      if (error instanceof CoreError) return { ok: false, error: { code: error.code, message: error.message } };
      return { ok: false, error: { code: 'Internal', message: error instanceof Error ? error.message : String(error) } };
    }
  }
}
