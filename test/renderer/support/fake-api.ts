/**
 * A controllable Transport behind the real createApi, so store and view tests exercise the real
 * validation path while deciding what the "core" answers and when events arrive.
 */
import { createApi, setApi, type Api, type ConnectionState, type Transport } from '@/api';
import { Listeners } from '@/transport/transport';

type Handler = (payload: unknown) => unknown;

export interface FakeCore {
  api: Api;
  /** Requests seen, in order (live.subscribe apart: see subscriptions). */
  requests: { channel: string; payload: unknown }[];
  /** The live.subscribe requests seen (what the mounted views told the host they show), in order. */
  subscriptions: unknown[];
  /** Sets what a channel answers (the `value` of an ok Result); a function sees the payload. */
  answer(channel: string, handler: Handler | unknown): void;
  /** Makes a channel answer {ok:false} with this contract error, as the real core refuses (`extra`: e.g. a refused load's problems). */
  refuse(channel: string, code: string, message: string, extra?: Record<string, unknown>): void;
  emit(channel: string, payload: unknown): void;
  setState(state: ConnectionState): void;
  problem(message: string): void;
}

export function installFakeCore(kind: Transport['kind'] = 'websocket'): FakeCore {
  const handlers = new Map<string, Handler>();
  const refusals = new Map<string, Record<string, unknown>>();
  const events = new Map<string, Listeners<unknown>>();
  const states = new Listeners<ConnectionState>();
  const problems = new Listeners<string>();
  let state: ConnectionState = 'open';
  const requests: FakeCore['requests'] = [];
  const subscriptions: unknown[] = [];

  const transport: Transport = {
    kind,
    get state() {
      return state;
    },
    async request(channel, payload) {
      // Every view subscribes what it shows; answered with no history unless a test says otherwise.
      if (channel === 'live.subscribe') {
        subscriptions.push(payload);
        const handler = handlers.get(channel);
        return { ok: true, value: handler ? await handler(payload) : { metrics: [] } };
      }
      requests.push({ channel, payload });
      const refusal = refusals.get(channel);
      if (refusal) return { ok: false, error: refusal };
      const handler = handlers.get(channel);
      if (!handler) return { ok: false, error: { code: 'UnknownChannel', message: `no fake for ${channel}` } };
      return { ok: true, value: await handler(payload) };
    },
    on(channel, listener) {
      let set = events.get(channel);
      if (!set) events.set(channel, (set = new Listeners()));
      return set.add(listener);
    },
    onStateChange: (listener) => states.add(listener),
    onProblem: (listener) => problems.add(listener),
    close: () => {},
  };
  const api = createApi(transport);
  setApi(api);
  return {
    api,
    requests,
    subscriptions,
    answer(channel, handler) {
      handlers.set(channel, typeof handler === 'function' ? (handler as Handler) : () => handler);
    },
    refuse(channel, code, message, extra = {}) {
      refusals.set(channel, { code, message, ...extra });
    },
    emit(channel, payload) {
      events.get(channel)?.emit(payload);
    },
    setState(next) {
      state = next;
      states.emit(next);
    },
    problem: (message) => problems.emit(message),
  };
}
