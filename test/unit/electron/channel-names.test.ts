import { describe, expect, it } from 'vitest';
import { eventChannels, isEventChannel, isRequestChannel, requestChannels } from '@main/core/contract';
import {
  eventChannelNames,
  isEventChannelName,
  isRequestChannelName,
  requestChannelNames,
} from '@main/core/contract/channel-names';

// The preload checks channels with the zod-free lists; they must say exactly what the contract says.
describe('contract channel names (zod-free copy for the sandboxed preload)', () => {
  it('lists exactly the contract channels', () => {
    expect([...requestChannelNames].sort()).toEqual([...requestChannels].sort());
    expect([...eventChannelNames].sort()).toEqual([...eventChannels].sort());
  });

  it('agrees with the contract guards, including on prototype keys', () => {
    for (const value of [...requestChannels, ...eventChannels, 'toString', '__proto__', 'hasOwnProperty', '', 42, null, undefined]) {
      expect(isRequestChannelName(value), String(value)).toBe(isRequestChannel(value));
      expect(isEventChannelName(value), String(value)).toBe(isEventChannel(value));
    }
  });
});
