import type { WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { electron, fakeEvent, FakeWebContents, resetFakeElectron } from './fake-electron';
import { hardenWebContents, isAllowedExternalUrl } from '@main/electron/navigation';

vi.mock('electron', async () => (await import('./fake-electron')).electron);

function hardened(allowedOrigins = ['app://flightdeck']): FakeWebContents {
  const contents = new FakeWebContents();
  hardenWebContents(contents as unknown as WebContents, { allowedOrigins });
  return contents;
}

function navigate(contents: FakeWebContents, url: string): ReturnType<typeof fakeEvent<{ url: string }>> {
  const event = fakeEvent({ url });
  contents.emit('will-navigate', event);
  return event;
}

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-scaling-target-tracking.html',
    'https://console.aws.amazon.com/ec2/home',
    'https://eu-west-1.console.aws.amazon.com/rds/home?region=eu-west-1',
    'https://github.com/flightdeck/flightdeck/issues',
  ])('allows %s', (url) => expect(isAllowedExternalUrl(url)).toBe(true));

  it.each([
    'http://docs.aws.amazon.com/',
    'https://docs.aws.amazon.com.evil.example/',
    'https://evil.example/?https://github.com',
    'https://user:pass@github.com/',
    'https://github.com:8443/',
    'https://gist.github.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'app://flightdeck/index.html',
    'not a url',
  ])('refuses %s', (url) => expect(isAllowedExternalUrl(url)).toBe(false));
});

describe('hardenWebContents', () => {
  beforeEach(resetFakeElectron);

  it('lets the page navigate within its own origin', () => {
    const contents = hardened();
    expect(navigate(contents, 'app://flightdeck/index.html#/rds').preventDefault).not.toHaveBeenCalled();
  });

  it('prevents navigation to any other origin', () => {
    const contents = hardened();
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://other/index.html', 'http://localhost:5173/', 'data:text/html,hi']) {
      expect(navigate(contents, url).preventDefault, url).toHaveBeenCalled();
    }
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('allows the dev server origin only when it is passed in', () => {
    const contents = hardened(['app://flightdeck', 'http://localhost:5173']);
    expect(navigate(contents, 'http://localhost:5173/#/asg').preventDefault).not.toHaveBeenCalled();
    expect(navigate(contents, 'http://localhost:5174/').preventDefault).toHaveBeenCalled();
  });

  it('sends a link to an allow-listed https page to the browser instead of navigating', () => {
    const contents = hardened();
    const url = 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/';
    expect(navigate(contents, url).preventDefault).toHaveBeenCalled();
    expect(electron.shell.openExternal).toHaveBeenCalledWith(url);
  });

  it('denies every window.open, opening only allow-listed https URLs externally', () => {
    const contents = hardened();
    const open = (url: string): unknown => contents.windowOpenHandler?.({ url });
    expect(open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(open('http://docs.aws.amazon.com/')).toEqual({ action: 'deny' });
    expect(open('app://flightdeck/index.html')).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
    expect(open('https://github.com/aws/aws-sdk-js-v3')).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).toHaveBeenCalledTimes(1);
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://github.com/aws/aws-sdk-js-v3');
  });

  it('refuses to attach any <webview>', () => {
    const contents = hardened();
    const event = fakeEvent({});
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('is idempotent, so the window and web-contents-created can both apply it', () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents as unknown as WebContents, { allowedOrigins: ['app://flightdeck'] });
    hardenWebContents(contents as unknown as WebContents, { allowedOrigins: ['app://flightdeck'] });
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(contents.setWindowOpenHandler).toHaveBeenCalledTimes(1);
  });
});
