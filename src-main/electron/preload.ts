/**
 * The renderer's only door to the main process: `window.flightdeck`, exactly { kind, request, on }.
 * Security checklist #3 "Enable Context Isolation" and #20 "Do not expose Electron APIs to untrusted
 * web content" (electronjs.org/docs/latest/tutorial/security): ipcRenderer itself is never exposed,
 * channels are checked against the contract here before anything crosses, the IpcRendererEvent
 * (which carries `sender`) never reaches page code, and every subscription has its own unsubscribe.
 *
 * Runs sandboxed, so it may import only `electron` and bundled code — channel names come from the
 * zod-free channel-names.ts (see there why).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Result } from '../core/contract';
import type { FlightdeckBridge } from '../core/contract/bridge';
import { isEventChannelName, isRequestChannelName } from '../core/contract/channel-names';
import { IPC_EVENT, IPC_REQUEST } from './ipc-channels';

function quoted(channel: unknown): string {
  return JSON.stringify(String(channel)).slice(0, 120);
}

const api: FlightdeckBridge = {
  kind: 'electron',

  async request(channel: string, payload?: unknown): Promise<Result<unknown>> {
    if (!isRequestChannelName(channel)) {
      // Same typed error the core would answer with, without a round trip.
      return { ok: false, error: { code: 'UnknownChannel', message: `unknown request channel ${quoted(channel)}` } };
    }
    // Contract errors come back as values; invoke itself rejects only when IPC fails (main process
    // gone, handler removed, uncloneable payload), which the renderer reports as "Disconnected".
    return (await ipcRenderer.invoke(IPC_REQUEST, channel, payload)) as Result<unknown>;
  },

  on(channel: string, listener: (payload: unknown) => void): () => void {
    if (!isEventChannelName(channel)) throw new TypeError(`unknown event channel ${quoted(channel)}`);
    if (typeof listener !== 'function') throw new TypeError('listener must be a function');
    const handler = (_event: IpcRendererEvent, eventChannel: unknown, payload: unknown): void => {
      if (eventChannel === channel) listener(payload);
    };
    ipcRenderer.on(IPC_EVENT, handler);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT, handler);
    };
  },
};

contextBridge.exposeInMainWorld('flightdeck', Object.freeze(api));
