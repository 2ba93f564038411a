/**
 * Bounds of the web host. Web mode serves one operator's browser on 127.0.0.1: a handful of tabs, a
 * few requests a second. Every limit below is far above that and far below what would let one
 * runaway tab (or a page that got hold of the token) starve the core. docs/security.md lists them
 * with the reasons; the numbers here are the only source.
 */

export interface WebHostLimits {
  /** Open WebSocket connections at once; the next upgrade is answered 503. */
  maxConnections: number;
  /** ws `maxPayload`: a frame above this closes the socket (1009) before it is buffered whole. */
  hardFrameBytes: number;
  /** A frame above this (and within hardFrameBytes) is answered with a typed InvalidRequest error. */
  maxFrameBytes: number;
  /** Frame budget: each frame costs 1 unit per started 4 KiB; the bucket holds `frameBurst` units. */
  frameBurst: number;
  frameUnitsPerSecond: number;
  /** Requests handed to the core (well-formed frames): burst and sustained rate per connection. */
  requestBurst: number;
  requestsPerSecond: number;
  /** Refused frames a connection may collect (refilling `strikesPerSecond`) before it is closed (1008). */
  strikeBurst: number;
  strikesPerSecond: number;
  /** Ping interval; a connection that has not answered the previous ping by the next one is dropped. */
  heartbeatMs: number;
  /**
   * Above this many bytes waiting in a client's socket, its update frames are merged into one
   * (latest state, new datapoints kept) and sent when the buffer has drained (update-coalescer.ts).
   */
  coalesceAboveBytes: number;
  /** How often a waiting update looks whether the buffer has drained. */
  coalesceCheckMs: number;
  /** A client this far behind on reading the frames that cannot merge is disconnected; it reconnects and reloads the snapshot. */
  maxBufferedBytes: number;
  /** HTTP: total size of the request line and headers (Node answers 431 above it). */
  maxHeaderBytes: number;
  /** HTTP: time to receive the headers, and the whole request. */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  /** HTTP sockets at once, WebSocket connections included; more are dropped at accept. */
  maxSockets: number;
}

export const WEB_HOST_LIMITS: Readonly<WebHostLimits> = Object.freeze({
  maxConnections: 16,
  // The largest contract request is a scenario file's text (up to 2 MiB) plus its JSON framing.
  maxFrameBytes: 2 * 1024 * 1024 + 64 * 1024,
  hardFrameBytes: 8 * 1024 * 1024,
  frameBurst: 20_000,
  frameUnitsPerSecond: 2_000,
  requestBurst: 100,
  requestsPerSecond: 50,
  strikeBurst: 200,
  strikesPerSecond: 10,
  heartbeatMs: 30_000,
  // A few frames of a large inventory snapshot: a client that keeps up never waits.
  coalesceAboveBytes: 1024 * 1024,
  coalesceCheckMs: 100,
  maxBufferedBytes: 16 * 1024 * 1024,
  maxHeaderBytes: 16 * 1024,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  maxSockets: 64,
});

/** Bytes per frame-budget unit: small frames cost 1, a 2 MiB frame costs 513. */
export const FRAME_UNIT_BYTES = 4096;

/**
 * A token bucket: holds up to `capacity` tokens, refilled continuously at `perSecond`. `take(n)`
 * succeeds (and spends) only when n tokens are there. The clock is injectable for tests.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = capacity;
    this.last = now();
  }

  take(count = 1): boolean {
    const now = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < count) return false;
    this.tokens -= count;
    return true;
  }
}

export function frameUnits(bytes: number): number {
  return 1 + Math.floor(bytes / FRAME_UNIT_BYTES);
}
