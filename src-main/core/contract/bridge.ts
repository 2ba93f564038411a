/**
 * The narrow API the preload script exposes as `window.flightdeck` (Electron), and that the
 * renderer's WebSocket adapter mimics in web mode. Plain types only: no runtime code.
 */
import type { Result } from './index';

export interface FlightdeckBridge {
  readonly kind: 'electron';
  /** Sends one contract request; resolves with a Result, never rejects for domain errors. */
  request(channel: string, payload?: unknown): Promise<Result<unknown>>;
  /** Subscribes to one pushed event channel; returns its own unsubscribe function. */
  on(channel: string, listener: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    flightdeck?: FlightdeckBridge;
  }
}
