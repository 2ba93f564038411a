/**
 * Desktop notifications on alarm state changes, through the web Notification API: the browser's in
 * web mode, and Chromium's inside the Electron renderer too. Electron's shell denies permission
 * requests from the renderer today, so there this ends in 'denied' and the Settings view says so;
 * routing them through main (Electron's Notification) is a contract addition for later.
 */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { AlarmHistoryItem } from '@contract';
import { usePreferencesStore } from './preferences';

export type NotificationPermissionState = 'unsupported' | 'default' | 'granted' | 'denied';

/** A burst (a reconnect, an AZ failure tripping many alarms) becomes one summary, not a wall of toasts. */
export const MAX_NOTIFICATIONS_AT_ONCE = 3;

function currentPermission(): NotificationPermissionState {
  if (typeof globalThis.Notification === 'undefined') return 'unsupported';
  return globalThis.Notification.permission as NotificationPermissionState;
}

export const useNotificationsStore = defineStore('notifications', () => {
  const permission = ref<NotificationPermissionState>(currentPermission());
  const sent = ref(0);

  async function requestPermission(): Promise<NotificationPermissionState> {
    if (typeof globalThis.Notification === 'undefined') return (permission.value = 'unsupported');
    try {
      permission.value = (await globalThis.Notification.requestPermission()) as NotificationPermissionState;
    } catch {
      permission.value = 'denied';
    }
    return permission.value;
  }

  /** `format` turns an item into the translated title and body (the store has no i18n). */
  function notifyAlarms(items: readonly AlarmHistoryItem[], format: (item: AlarmHistoryItem) => { title: string; body: string }, summary: (count: number) => string): void {
    if (items.length === 0 || !usePreferencesStore().notifications) return;
    permission.value = currentPermission();
    if (permission.value !== 'granted') return;
    const shown = items.slice(0, MAX_NOTIFICATIONS_AT_ONCE);
    try {
      for (const item of shown) {
        const { title, body } = format(item);
        new globalThis.Notification(title, { body, tag: `alarm:${item.alarmName}` });
        sent.value++;
      }
      if (items.length > shown.length) {
        new globalThis.Notification(summary(items.length - shown.length), { tag: 'alarm:summary' });
        sent.value++;
      }
    } catch {
      // Some shells expose the constructor but refuse it (service-worker-only); nothing to do.
      permission.value = 'denied';
    }
  }

  return { permission, sent, requestPermission, notifyAlarms };
});
