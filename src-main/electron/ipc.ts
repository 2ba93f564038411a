/**
 * The core over Electron IPC: one invoke channel for requests, one send channel for pushed events.
 * Security checklist #17 "Validate the sender of all IPC messages": a request is served only if it
 * comes from our window's main frame showing our own origin — not from an iframe, not from a page
 * the window was somehow navigated to (electronjs.org/docs/latest/tutorial/security).
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { Result } from '../core/contract';
import type { FlightdeckCore } from '../core/core-host';
import { originOf } from './app-origin';
import { IPC_EVENT, IPC_REQUEST } from './ipc-channels';

/** What IPC needs from the core; the real FlightdeckCore, or a stand-in when it could not start. */
export type CoreEndpoint = Pick<FlightdeckCore, 'handle' | 'subscribe'> & Partial<Pick<FlightdeckCore, 'newInterest'>>;

export interface IpcOptions {
  /** `app://flightdeck`, plus the dev server origin in development. */
  allowedOrigins: readonly string[];
}

/** Why the sender is refused, or null when it is our window's main frame on an allowed origin. */
function refusal(event: IpcMainInvokeEvent, contents: WebContents, allowed: ReadonlySet<string>): string | null {
  if (contents.isDestroyed() || event.sender.id !== contents.id) return 'sender is not the Flightdeck window';
  const frame = event.senderFrame;
  if (!frame) return 'sender frame is gone';
  const main = contents.mainFrame;
  if (frame.parent !== null || frame.processId !== main.processId || frame.routingId !== main.routingId) {
    return 'sender is not the main frame';
  }
  const origin = originOf(frame.url);
  if (origin === null || !allowed.has(origin)) return `origin ${origin ?? 'unknown'} is not allowed`;
  return null;
}

/**
 * Serves `window`'s requests from `core` and forwards core events to it. Disposes itself when the
 * window closes; the returned function disposes earlier (idempotent).
 */
export function registerIpc(core: CoreEndpoint, window: BrowserWindow, { allowedOrigins }: IpcOptions): () => void {
  const contents = window.webContents;
  const allowed = new Set(allowedOrigins.map((origin) => origin.toLowerCase()));
  // The window's subscriptions (live.subscribe), as one WebSocket's in web mode: the same core path.
  const interest = core.newInterest?.();

  ipcMain.handle(IPC_REQUEST, async (event, channel: unknown, payload: unknown): Promise<Result<unknown>> => {
    const reason = refusal(event, contents, allowed);
    if (reason) {
      console.warn(`flightdeck: refused IPC request: ${reason}`);
      return { ok: false, error: { code: 'Unauthorized', message: `request refused: ${reason}` } };
    }
    return core.handle(channel, payload, interest);
  });

  // webContents.send targets this window only; other webContents never see core events.
  const unsubscribe = core.subscribe((channel, payload) => {
    if (!contents.isDestroyed()) contents.send(IPC_EVENT, channel, payload);
  }, interest);

  let disposed = false;
  const dispose = (): void => {
    if (disposed) return;
    disposed = true;
    unsubscribe();
    ipcMain.removeHandler(IPC_REQUEST);
    window.removeListener('closed', dispose);
  };
  window.on('closed', dispose);
  return dispose;
}
