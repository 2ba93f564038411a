/**
 * Thousands of malformed requests through the Electron IPC handler (electron mocked) to the real
 * core: each gets a typed error, nothing throws, and the simulation's state does not change.
 */
import fc from 'fast-check';
import type { BrowserWindow } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { Result } from '@main/core/contract';
import { registerIpc, type CoreEndpoint } from '@main/electron/ipc';
import { shopCore } from '../../helpers/core';
import { electron, FakeBrowserWindow, resetFakeElectron } from '../electron/fake-electron';
import { ERROR_CODES, invalidRequest } from './malformed-messages';
import { recordTrustFigures } from '../../helpers/trust-figures';

vi.mock('electron', async () => (await import('../electron/fake-electron')).electron);

export const FUZZ_RUNS = 2500;

describe('fuzz: malformed messages over IPC', () => {
  it(`answers ${FUZZ_RUNS} invalid requests with typed errors and changes nothing`, async () => {
    resetFakeElectron();
    const { core, source } = shopCore();
    await core.handle('sim.control', { command: 'step', seconds: 300 });
    const before = JSON.stringify(source.snapshot());
    const window = new FakeBrowserWindow({});
    registerIpc(core as unknown as CoreEndpoint, window as unknown as BrowserWindow, { allowedOrigins: ['app://flightdeck'] });
    const handler = electron.ipcMain.handlers.get('flightdeck:request')!;
    let tried = 0;
    await fc.assert(
      fc.asyncProperty(invalidRequest, async ([channel, payload]) => {
        tried++;
        const result = (await handler({ sender: window.webContents, senderFrame: window.webContents.mainFrame }, channel, payload)) as Result<unknown>;
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(ERROR_CODES.has(result.error.code)).toBe(true);
          expect(typeof result.error.message).toBe('string');
          expect(result.error.message.length).toBeLessThanOrEqual(4000);
        }
      }),
      { numRuns: FUZZ_RUNS },
    );
    expect(tried).toBe(FUZZ_RUNS);
    const unchanged = JSON.stringify(source.snapshot()) === before;
    recordTrustFigures('fuzz-ipc', [
      { figure: 'malformed requests tried over IPC (mocked)', value: tried, goal: '≥ 2,000', ok: tried >= 2000 },
      { figure: 'IPC: crashes / untyped answers / state changes', value: unchanged ? 0 : 1, goal: '0', ok: unchanged },
    ]);
    expect(unchanged).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
