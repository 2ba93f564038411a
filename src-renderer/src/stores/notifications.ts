/**
 * Desktop notifications on alarm state changes. In the desktop app the main process shows them
 * (Electron's Notification, through `notifications.show`): the shell denies the renderer's own
 * permission requests. In web mode, the browser's Notification API, with its permission prompt.
 */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { AlarmHistoryItem } from '@contract';
import { api } from '@/api';
import { usePreferencesStore } from './preferences';

/** The desktop app's main process shows notifications itself; no browser permission is involved. */
const viaMainProcess = (): boolean => api.kind === 'electron';

export type NotificationPermissionState = 'unsupported' | 'default' | 'granted' | 'denied';

/** A burst (a reconnect, an AZ failure tripping many alarms) becomes one summary, not a wall of toasts. */
export const MAX_NOTIFICATIONS_AT_ONCE = 3;

function currentPermission(): NotificationPermissionState {
  if (viaMainProcess()) return 'granted';
  if (typeof globalThis.Notification === 'undefined') return 'unsupported';
  return globalThis.Notification.permission as NotificationPermissionState;
}

export const useNotificationsStore = defineStore('notifications', () => {
  const permission = ref<NotificationPermissionState>(currentPermission());
  const sent = ref(0);

  async function requestPermission(): Promise<NotificationPermissionState> {
    if (viaMainProcess()) return (permission.value = 'granted');
    if (typeof globalThis.Notification === 'undefined') return (permission.value = 'unsupported');
    try {
      permission.value = (await globalThis.Notification.requestPermission()) as NotificationPermissionState;
    } catch {
      permission.value = 'denied';
    }
    return permission.value;
  }

  /**
   * `format` turns an item into the translated title and body (the store has no i18n); `notListed`:
   * transitions of the same update the window did not receive (newest per frame), counted in the summary.
   */
  function notifyAlarms(items: readonly AlarmHistoryItem[], format: (item: AlarmHistoryItem) => { title: string; body: string }, summary: (count: number) => string, notListed = 0): void {
    if (items.length === 0 || !usePreferencesStore().notifications) return;
    permission.value = currentPermission();
    if (permission.value !== 'granted') return;
    const shown = items.slice(0, MAX_NOTIFICATIONS_AT_ONCE);
    if (viaMainProcess()) {
      const show = (title: string, body: string, tag: string) =>
        api.request('notifications.show', { title: title.slice(0, 200), body: body.slice(0, 1000), tag }).then(
          (result) => {
            if (result.shown) sent.value++;
          },
          () => undefined,
        );
      for (const item of shown) {
        const { title, body } = format(item);
        void show(title, body, `alarm:${item.alarmName}`);
      }
      if (items.length + notListed > shown.length) void show(summary(items.length + notListed - shown.length), '', 'alarm:summary');
      return;
    }
    try {
      for (const item of shown) {
        const { title, body } = format(item);
        new globalThis.Notification(title, { body, tag: `alarm:${item.alarmName}` });
        sent.value++;
      }
      if (items.length + notListed > shown.length) {
        new globalThis.Notification(summary(items.length + notListed - shown.length), { tag: 'alarm:summary' });
        sent.value++;
      }
    } catch {
      // Some shells expose the constructor but refuse it (service-worker-only); nothing to do.
      permission.value = 'denied';
    }
  }

  return { permission, sent, requestPermission, notifyAlarms };
});
