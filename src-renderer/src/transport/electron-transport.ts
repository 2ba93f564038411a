/** Electron: the preload's `window.flightdeck` already speaks the contract; IPC is always "open". */
import type { FlightdeckBridge } from '@contract/bridge';
import { ApiError } from './api-error';
import { Listeners, type ConnectionState, type Transport } from './transport';

export function createElectronTransport(bridge: FlightdeckBridge): Transport {
  const problems = new Listeners<string>();
  return {
    kind: 'electron',
    get state(): ConnectionState {
      return 'open';
    },
    async request(channel, payload) {
      try {
        return await bridge.request(channel, payload);
      } catch (error) {
        // ipcRenderer.invoke rejects only when the main process is gone or the handler threw.
        throw new ApiError('Disconnected', error instanceof Error ? error.message : String(error));
      }
    },
    on: (channel, listener) => bridge.on(channel, listener),
    onStateChange: () => () => {},
    onProblem: (listener) => problems.add(listener),
    close: () => {},
  };
}
