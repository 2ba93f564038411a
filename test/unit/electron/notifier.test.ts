import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FlightdeckCore } from '@main/core/core-host';
import { readScenario } from '@main/core/scenario-files';
import { SimSource } from '@main/core/sources/sim/sim-source';
import { showDesktopNotification } from '@main/electron/notifier';
import { manualWallClock } from '../../helpers/core';
import { FakeNotification, resetFakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electron);

const source = () => new SimSource(readScenario('shop'), { wallClock: manualWallClock(), paused: true });

describe('desktop notifications through the main process', () => {
  beforeEach(() => resetFakeElectron());

  it('shows an Electron Notification for notifications.show, text only', async () => {
    const core = new FlightdeckCore(source(), { notifier: showDesktopNotification });
    expect(await core.handle('notifications.show', { title: 'cpu-high is ALARM', body: 'Threshold Crossed' })).toEqual({ ok: true, value: { shown: true } });
    expect(FakeNotification.shown).toEqual([{ title: 'cpu-high is ALARM', body: 'Threshold Crossed' }]);
  });

  it('answers shown: false where the OS has no notifications, and NotSupported in web mode', async () => {
    FakeNotification.supported = false;
    const desktop = new FlightdeckCore(source(), { notifier: showDesktopNotification });
    expect(await desktop.handle('notifications.show', { title: 't', body: '' })).toEqual({ ok: true, value: { shown: false } });
    const web = new FlightdeckCore(source());
    expect(await web.handle('notifications.show', { title: 't', body: '' })).toMatchObject({ ok: false, error: { code: 'NotSupported' } });
  });
});
