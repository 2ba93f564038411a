/**
 * Web mode: the same contract over one WebSocket to the local `flightdeck serve` process.
 * Requests are correlated by id; requests made while the socket is down wait in a queue and go out
 * when it opens. A closed socket is reopened with exponential backoff; event listeners live here,
 * not on the socket, so they survive a reconnect without resubscribing.
 */
import { FrameJoiner, ServerFrame, type ClientFrame } from '@contract';
import { ApiError } from './api-error';
import { Listeners, type ConnectionState, type Transport } from './transport';

/** The part of the DOM WebSocket we use, so tests can pass a fake. */
export interface WebSocketLike {
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  send(data: string): void;
  close(): void;
}
export type WebSocketFactory = (url: string) => WebSocketLike;

export interface WebSocketTransportOptions {
  url: string;
  createSocket?: WebSocketFactory;
  /** First reconnect delay; doubles per failed attempt up to maxBackoffMs. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  requestTimeoutMs?: number;
}

const OPEN = 1;

/**
 * Requests that run long on purpose get their own wait: a backtest simulates two runs of up to two
 * days (bounded in the core, cancellable with sim.backtest.cancel) and answers when both are done.
 */
const SLOW_REQUEST_TIMEOUT_MS: Readonly<Record<string, number>> = { 'sim.backtest.run': 15 * 60_000 };

interface Pending {
  resolve(result: unknown): void;
  reject(error: ApiError): void;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * `ws(s)://<host>/ws?token=…` for the page's own host. The token is the one the server put in the
 * link it printed (taken from the address bar at start-up); without one, the instance's cookie
 * authorises the upgrade (a reload after the token left the address bar).
 */
export function webSocketUrl(location: Pick<Location, 'protocol' | 'host'>, token: string): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return token ? `${scheme}://${location.host}/ws?token=${encodeURIComponent(token)}` : `${scheme}://${location.host}/ws`;
}

export function createWebSocketTransport(options: WebSocketTransportOptions): Transport {
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url) as unknown as WebSocketLike);
  const initialBackoff = options.initialBackoffMs ?? 500;
  const maxBackoff = options.maxBackoffMs ?? 10_000;
  const requestTimeout = options.requestTimeoutMs ?? 30_000;

  const eventListeners = new Map<string, Listeners<unknown>>();
  const stateListeners = new Listeners<ConnectionState>();
  const problems = new Listeners<string>();
  /** Sent and awaiting a response. */
  const inFlight = new Map<number, Pending>();
  /** Not sent yet: the socket was not open. */
  const queue: { frame: ClientFrame; pending: Pending }[] = [];

  let socket: WebSocketLike | undefined;
  let state: ConnectionState = 'connecting';
  let nextId = 1;
  let attempt = 0;
  /** Parts of a message longer than one frame, joined before parsing. */
  let parts = new FrameJoiner();
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;

  function setState(next: ConnectionState): void {
    if (next === state) return;
    state = next;
    stateListeners.emit(next);
  }

  function connect(): void {
    reconnectTimer = undefined;
    setState('connecting');
    let ws: WebSocketLike;
    try {
      ws = createSocket(options.url);
    } catch (error) {
      problems.emit(`cannot open ${options.url}: ${error instanceof Error ? error.message : String(error)}`);
      scheduleReconnect();
      return;
    }
    socket = ws;
    ws.onopen = () => {
      if (socket !== ws) return;
      attempt = 0;
      setState('open');
      for (const { frame, pending } of queue.splice(0)) send(frame, pending);
    };
    // A new socket starts with no parts held (contract/frame-parts.ts).
    parts = new FrameJoiner();
    ws.onmessage = (event) => {
      if (socket === ws) receive(event.data);
    };
    // A failed connection fires error then close; close alone carries the consequence.
    ws.onerror = () => {};
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = undefined;
      for (const [id, pending] of inFlight) {
        clearTimeout(pending.timer);
        inFlight.delete(id);
        pending.reject(new ApiError('Disconnected', 'the connection to Flightdeck closed before it answered'));
      }
      if (disposed) return;
      setState('closed');
      scheduleReconnect();
    };
  }

  function scheduleReconnect(): void {
    if (disposed || reconnectTimer) return;
    const delay = Math.min(maxBackoff, initialBackoff * 2 ** attempt);
    attempt++;
    reconnectTimer = setTimeout(connect, delay);
  }

  function send(frame: ClientFrame, pending: Pending): void {
    if (!socket || socket.readyState !== OPEN) {
      queue.push({ frame, pending });
      return;
    }
    inFlight.set(frame.id, pending);
    socket.send(JSON.stringify(frame));
  }

  function receive(data: unknown): void {
    let text: string | undefined;
    try {
      text = parts.accept(String(data));
    } catch (error) {
      problems.emit(`ignored a frame part: ${(error as Error).message}`);
      return;
    }
    if (text === undefined) return;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      problems.emit(`ignored a frame that is not JSON: ${String(data).slice(0, 120)}`);
      return;
    }
    const frame = ServerFrame.safeParse(json);
    if (!frame.success) {
      problems.emit(`ignored an invalid frame: ${frame.error.issues[0]?.message ?? 'unknown shape'}`);
      return;
    }
    if (frame.data.type === 'response') {
      const pending = inFlight.get(frame.data.id);
      // A response after its timeout (or to another tab's id) has nobody waiting: drop it.
      if (!pending) return;
      inFlight.delete(frame.data.id);
      clearTimeout(pending.timer);
      pending.resolve(frame.data.result);
    } else {
      eventListeners.get(frame.data.channel)?.emit(frame.data.payload);
    }
  }

  connect();

  return {
    kind: 'websocket',
    get state() {
      return state;
    },
    request(channel, payload) {
      if (disposed) return Promise.reject(new ApiError('Disconnected', 'the transport is closed'));
      const id = nextId++;
      const timeout = Math.max(requestTimeout, SLOW_REQUEST_TIMEOUT_MS[channel] ?? 0);
      return new Promise<unknown>((resolve, reject) => {
        const pending: Pending = {
          resolve,
          reject,
          timer: setTimeout(() => {
            inFlight.delete(id);
            const queued = queue.findIndex((entry) => entry.frame.id === id);
            if (queued >= 0) queue.splice(queued, 1);
            reject(new ApiError('Timeout', `${channel}: no answer within ${Math.round(timeout / 1000)} s`));
          }, timeout),
        };
        send({ type: 'request', id, channel, payload }, pending);
      });
    },
    on(channel, listener) {
      let set = eventListeners.get(channel);
      if (!set) eventListeners.set(channel, (set = new Listeners()));
      return set.add(listener);
    },
    onStateChange: (listener) => stateListeners.add(listener),
    onProblem: (listener) => problems.add(listener),
    close() {
      disposed = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      for (const { pending } of queue.splice(0)) {
        clearTimeout(pending.timer);
        pending.reject(new ApiError('Disconnected', 'the transport is closed'));
      }
      socket?.close();
      setState('closed');
    },
  };
}
