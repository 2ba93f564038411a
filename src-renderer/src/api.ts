/**
 * The renderer's one typed client for the core. Channel names, payloads, responses and events are
 * all typed from the contract (src-main/core/contract), and every response and event is validated
 * with the contract's zod schemas here, so a malformed frame becomes a visible error, not a crash
 * three components later. The wire underneath is IPC (Electron) or a WebSocket (web mode).
 */
import {
  describeZodError,
  events,
  requests,
  ResultEnvelope,
  type EventChannel,
  type EventOf,
  type RequestChannel,
  type RequestOf,
  type ResponseOf,
} from '@contract';
import { ApiError } from './transport/api-error';
import { createElectronTransport } from './transport/electron-transport';
import { Listeners, type ConnectionState, type Transport } from './transport/transport';
import { takeLaunchToken } from './transport/launch-token';
import { createWebSocketTransport, webSocketUrl } from './transport/websocket-transport';

export { ApiError, isApiError, type ApiErrorCode } from './transport/api-error';
export type { ConnectionState, Transport } from './transport/transport';

/** Channels whose request is `{}` may be called without a payload. */
type RequestArgs<C extends RequestChannel> = Record<string, never> extends RequestOf<C> ? [payload?: RequestOf<C>] : [payload: RequestOf<C>];

export interface Api {
  readonly kind: Transport['kind'];
  readonly connection: ConnectionState;
  request<C extends RequestChannel>(channel: C, ...args: RequestArgs<C>): Promise<ResponseOf<C>>;
  on<C extends EventChannel>(channel: C, listener: (payload: EventOf<C>) => void): () => void;
  onConnectionChange(listener: (state: ConnectionState) => void): () => void;
  /** Problems nobody awaits: invalid events and unreadable frames. */
  onProblem(listener: (error: ApiError) => void): () => void;
  close(): void;
}

export function createApi(transport: Transport): Api {
  const problems = new Listeners<ApiError>();
  transport.onProblem((message) => problems.emit(new ApiError('InvalidFrame', message)));

  return {
    kind: transport.kind,
    get connection() {
      return transport.state;
    },
    async request(channel, ...[payload]) {
      const raw = await transport.request(channel, payload ?? {});
      const envelope = ResultEnvelope.safeParse(raw);
      if (!envelope.success) {
        throw new ApiError('InvalidResponse', `${channel}: the answer is not a Result (${describeZodError(envelope.error).message})`);
      }
      if (!envelope.data.ok) {
        const { code, message, path, problems, problem } = envelope.data.error;
        throw new ApiError(code, message, path, problems, problem);
      }
      const parsed = requests[channel].response.safeParse(envelope.data.value);
      if (!parsed.success) {
        const { message, path } = describeZodError(parsed.error);
        throw new ApiError('InvalidResponse', `${channel}: ${message}`, path);
      }
      return parsed.data as ResponseOf<typeof channel>;
    },
    on(channel, listener) {
      const schema = events[channel];
      return transport.on(channel, (payload) => {
        const parsed = schema.safeParse(payload);
        if (parsed.success) {
          listener(parsed.data as EventOf<typeof channel>);
        } else {
          const { message, path } = describeZodError(parsed.error);
          problems.emit(new ApiError('InvalidEvent', `ignored an invalid ${channel} event: ${message}`, path));
        }
      });
    },
    onConnectionChange: (listener) => transport.onStateChange(listener),
    onProblem: (listener) => problems.add(listener),
    close: () => transport.close(),
  };
}

/** Electron when the preload exposed its bridge, otherwise the web-mode WebSocket to our own host. */
export function createDefaultTransport(target: Window = window): Transport {
  if (target.flightdeck) return createElectronTransport(target.flightdeck);
  return createWebSocketTransport({ url: webSocketUrl(target.location, takeLaunchToken(target)) });
}

let current: Api | undefined;

/** The app-wide client, created on first use so that importing this module has no side effects. */
export function getApi(): Api {
  current ??= createApi(createDefaultTransport());
  return current;
}

/** Tests (and a future "switch backend" action) install their own client. */
export function setApi(next: Api | undefined): void {
  if (current && current !== next) current.close();
  current = next;
}

/** `api.request('snapshot.get')` — a stable facade over whichever client is installed. */
export const api: Api = {
  get kind() {
    return getApi().kind;
  },
  get connection() {
    return getApi().connection;
  },
  request: (channel, ...args) => getApi().request(channel, ...args),
  on: (channel, listener) => getApi().on(channel, listener),
  onConnectionChange: (listener) => getApi().onConnectionChange(listener),
  onProblem: (listener) => getApi().onProblem(listener),
  close: () => getApi().close(),
};
