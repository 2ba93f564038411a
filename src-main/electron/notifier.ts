/**
 * Desktop notifications from the main process (Electron's Notification): the renderer asks through
 * the contract (`notifications.show`), because the shell denies the renderer's own permission
 * requests (security checklist #5). Text only: no HTML, no icons from the page, no actions.
 */
import { Notification } from 'electron';
import type { Notifier } from '../core/core-host';

export const showDesktopNotification: Notifier = ({ title, body }) => {
  if (!Notification.isSupported()) return false;
  new Notification({ title, body, silent: false }).show();
  return true;
};
