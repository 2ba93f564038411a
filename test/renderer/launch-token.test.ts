// @vitest-environment happy-dom
/**
 * Issue 10: the per-launch token stayed in the address bar and history (`/?token=…#/rds`). It is
 * taken out once the page has it, the hash route and the router's history state kept.
 */
import { describe, expect, it } from 'vitest';
import { takeLaunchToken } from '@/transport/launch-token';

function fakeWindow(href: string, state: unknown = { back: null, current: '/rds' }) {
  const calls: { state: unknown; url: string }[] = [];
  const target = {
    location: { href },
    history: {
      state,
      replaceState(next: unknown, _unused: string, url?: string | URL | null) {
        calls.push({ state: next, url: String(url) });
        target.location.href = new URL(String(url), href).href;
      },
    },
  };
  return { target, calls };
}

describe('the launch token in the address bar', () => {
  it('is removed from the URL, keeping the path, other query parameters, the hash route and history.state', () => {
    const { target, calls } = fakeWindow('http://127.0.0.1:4000/?lang=ko&token=abc-DEF_1#/rds');
    expect(takeLaunchToken(target)).toBe('abc-DEF_1');
    expect(calls).toEqual([{ state: { back: null, current: '/rds' }, url: '/?lang=ko#/rds' }]);
    expect(target.location.href).toBe('http://127.0.0.1:4000/?lang=ko#/rds');
    // Asked again (the transport asks after main.ts did): the same token, no second rewrite.
    expect(takeLaunchToken(target)).toBe('abc-DEF_1');
    expect(calls).toHaveLength(1);
  });

  it('leaves a URL without a token alone (Electron, or a reload authorised by the cookie)', () => {
    const { target, calls } = fakeWindow('app://flightdeck/index.html#/overview');
    expect(takeLaunchToken(target)).toBe('');
    expect(calls).toEqual([]);
  });

  it('works on the real window: location.search is empty afterwards and the hash stays', () => {
    window.history.replaceState(null, '', '/?token=real-token#/auto-scaling');
    expect(takeLaunchToken(window)).toBe('real-token');
    expect(window.location.search).toBe('');
    expect(window.location.hash).toBe('#/auto-scaling');
  });
});
