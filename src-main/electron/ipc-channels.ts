/**
 * The two IPC channel names shared by ipc.ts (main) and preload.ts. Every contract request travels
 * over one invoke channel and every pushed event over one send channel, so the IPC surface stays
 * two names wide whatever the contract grows to; the contract channel is an argument.
 */
export const IPC_REQUEST = 'flightdeck:request';
export const IPC_EVENT = 'flightdeck:event';
