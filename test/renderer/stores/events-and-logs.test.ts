// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AlarmHistoryItem } from '@contract';
import { setApi } from '@/api';
import { MAX_ACCESS_LOG, useAccessLogStore } from '@/stores/access-log';
import { useEventsStore } from '@/stores/events';
import { useLiveStore } from '@/stores/live';
import { useNotificationsStore } from '@/stores/notifications';
import { usePreferencesStore } from '@/stores/preferences';
import { useSessionStore } from '@/stores/session';
import { installFakeCore } from '../support/fake-api';
import { START, awsSession, snapshot, update } from '../support/fixtures';

const alarm = (minute: number, newState: AlarmHistoryItem['newState']): AlarmHistoryItem => ({
  alarmName: 'high-cpu',
  timestamp: new Date(START + minute * 60_000).toISOString(),
  oldState: newState === 'ALARM' ? 'OK' : 'ALARM',
  newState,
  reason: 'Threshold Crossed',
});

beforeEach(() => setActivePinia(createPinia()));
afterEach(() => {
  setApi(undefined);
  vi.unstubAllGlobals();
});

describe('events store', () => {
  it('keeps alarm history, RDS events and the timeline newest first without duplicates', () => {
    const events = useEventsStore();
    events.load({ alarmHistory: [alarm(1, 'ALARM')], rdsEvents: [], timeline: [] });
    const fresh = events.append({ alarmHistory: [alarm(1, 'ALARM'), alarm(3, 'OK')], rdsEvents: [], timeline: [] });
    expect(fresh).toEqual([alarm(3, 'OK')]);
    expect(events.alarmHistory.map((a) => a.newState)).toEqual(['OK', 'ALARM']);
    expect(events.freshAlarms.items).toEqual([alarm(3, 'OK')]);
  });
});

describe('access log store', () => {
  it('shows the newest entry first and keeps at most what the table is built for', () => {
    const log = useAccessLogStore();
    const entry = (i: number) => ({ time: new Date(START + i).toISOString(), loadBalancerName: 'alb', request: 'GET /', elbStatusCode: 200, targetProcessingTimeSeconds: 0.01, traceId: `t${i}` });
    log.load([entry(0), entry(1)]);
    log.append(Array.from({ length: MAX_ACCESS_LOG }, (_, i) => entry(i + 2)));
    expect(log.entries).toHaveLength(MAX_ACCESS_LOG);
    expect(log.entries[0]!.traceId).toBe(`t${MAX_ACCESS_LOG + 1}`);
  });
});

describe('live store', () => {
  it('feeds events, the access log and dataset freshness from the snapshot and updates', async () => {
    const core = installFakeCore();
    core.answer('snapshot.get', snapshot({ session: awsSession, alarmHistory: [alarm(1, 'ALARM')], datasets: { elbv2: { state: 'ok', fetchedAt: 5 } } }));
    useLiveStore().start();
    await flushPromises();
    expect(useEventsStore().alarmHistory).toHaveLength(1);
    expect(useSessionStore().datasets.elbv2?.fetchedAt).toBe(5);
    core.emit('update', update({ alarmHistory: [alarm(2, 'OK')], datasets: { elbv2: { state: 'stale', fetchedAt: 5 } } }));
    // Updates are applied on the next animation frame.
    await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    expect(useEventsStore().alarmHistory).toHaveLength(2);
    expect(useSessionStore().datasets.elbv2?.state).toBe('stale');
    useLiveStore().stop();
  });
});

describe('notifications', () => {
  it('notify on alarm changes when enabled and granted, summarising bursts', () => {
    const shown: { title: string; tag?: string }[] = [];
    class FakeNotification {
      static permission = 'granted';
      static requestPermission = vi.fn(async () => 'granted');
      constructor(title: string, options?: { tag?: string }) {
        shown.push({ title, tag: options?.tag });
      }
    }
    vi.stubGlobal('Notification', FakeNotification);
    const notifications = useNotificationsStore();
    const format = (item: AlarmHistoryItem) => ({ title: `${item.alarmName} ${item.newState}`, body: item.reason });
    notifications.notifyAlarms([alarm(1, 'ALARM')], format, (n) => `${n} more`);
    expect(shown).toEqual([]); // off by default
    usePreferencesStore().setNotifications(true);
    notifications.notifyAlarms([1, 2, 3, 4, 5].map((m) => alarm(m, 'ALARM')), format, (n) => `${n} more`);
    expect(shown.map((s) => s.title)).toEqual(['high-cpu ALARM', 'high-cpu ALARM', 'high-cpu ALARM', '2 more']);
    // Transitions of the same update the window did not receive (the newest per frame only) are counted too.
    shown.length = 0;
    notifications.notifyAlarms([1, 2].map((m) => alarm(m, 'ALARM')), format, (n) => `${n} more`, 40);
    expect(shown.map((s) => s.title)).toEqual(['high-cpu ALARM', 'high-cpu ALARM', '40 more']);
  });

  it('in the desktop app, ask the main process to show them (no browser permission involved)', async () => {
    const core = installFakeCore('electron');
    core.answer('notifications.show', { shown: true });
    vi.stubGlobal('Notification', undefined);
    const notifications = useNotificationsStore();
    expect(await notifications.requestPermission()).toBe('granted');
    usePreferencesStore().setNotifications(true);
    notifications.notifyAlarms([alarm(1, 'ALARM')], (item) => ({ title: `${item.alarmName} ${item.newState}`, body: item.reason }), (n) => `${n} more`);
    await flushPromises();
    expect(core.requests.filter((r) => r.channel === 'notifications.show').map((r) => r.payload)).toEqual([{ title: 'high-cpu ALARM', body: 'Threshold Crossed', tag: 'alarm:high-cpu' }]);
    expect(notifications.sent).toBe(1);
  });

  it('end in "denied" without throwing where a browser refuses', async () => {
    vi.stubGlobal('Notification', { permission: 'default', requestPermission: vi.fn(async () => 'denied') });
    expect(await useNotificationsStore().requestPermission()).toBe('denied');
    vi.stubGlobal('Notification', undefined);
    expect(await useNotificationsStore().requestPermission()).toBe('unsupported');
  });
});
