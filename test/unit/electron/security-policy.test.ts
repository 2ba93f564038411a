import type { Session } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { electron, resetFakeElectron } from './fake-electron';
import {
  CONTENT_SECURITY_POLICY,
  denyAllPermissions,
  devContentSecurityPolicy,
  installDevContentSecurityPolicy,
} from '@main/electron/security-policy';

vi.mock('electron', async () => (await import('./fake-electron')).electron);

const session = electron.session.defaultSession;
const asSession = session as unknown as Session;

describe('permissions', () => {
  beforeEach(resetFakeElectron);

  it('denies every permission request and every permission check', () => {
    denyAllPermissions(asSession);
    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0] as (wc: unknown, permission: string, cb: (granted: boolean) => void) => void;
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0] as (wc: unknown, permission: string) => boolean;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const callback = vi.fn();
      request({}, permission, callback);
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect(check({}, permission), permission).toBe(false);
    }
  });
});

describe('Content-Security-Policy', () => {
  beforeEach(resetFakeElectron);

  it('is the strict production policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; " +
        "font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
  });

  it('in development only adds the dev server HMR socket to connect-src', () => {
    const dev = devContentSecurityPolicy('http://localhost:5173/');
    expect(dev).toContain("connect-src 'self' ws://localhost:5173");
    expect(dev.replace(' ws://localhost:5173', '')).toBe(CONTENT_SECURITY_POLICY);
    expect(dev).not.toContain('unsafe-eval');
  });

  it('sets the header on dev server responses, replacing any existing one', () => {
    installDevContentSecurityPolicy(asSession, 'http://localhost:5173');
    const listener = session.webRequest.onHeadersReceived.mock.calls[0]?.[0] as (
      details: { url: string; responseHeaders?: Record<string, string[]> },
      callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
    ) => void;
    const callback = vi.fn();
    listener({ url: 'http://localhost:5173/index.html', responseHeaders: { 'content-security-policy': ['*'], 'Content-Type': ['text/html'] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [devContentSecurityPolicy('http://localhost:5173')] },
    });
    callback.mockClear();
    listener({ url: 'https://example.com/', responseHeaders: {} }, callback);
    expect(callback).toHaveBeenCalledWith({});
  });
});
