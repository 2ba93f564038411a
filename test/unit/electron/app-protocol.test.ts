import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { electron, resetFakeElectron } from './fake-electron';
import { createAppRequestHandler, registerAppScheme, serveRendererOverAppScheme } from '@main/electron/app-protocol';
import { CONTENT_SECURITY_POLICY } from '@main/electron/security-policy';

vi.mock('electron', async () => (await import('./fake-electron')).electron);

// <tmp>/out/renderer holds the app; <tmp>/out/secret.txt sits right outside it.
let base: string;
let rendererDir: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'flightdeck-app-protocol-'));
  rendererDir = join(base, 'out', 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Flightdeck</title>');
  writeFileSync(join(rendererDir, 'assets', 'index-abc.js'), 'export {};');
  writeFileSync(join(rendererDir, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(join(rendererDir, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(rendererDir, 'assets', 'inter.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  writeFileSync(join(rendererDir, 'assets', 'data.json'), '{}');
  writeFileSync(join(rendererDir, 'assets', 'blob.bin'), Buffer.from([1, 2, 3]));
  writeFileSync(join(base, 'out', 'secret.txt'), 'credentials');
  symlinkSync(join(base, 'out', 'secret.txt'), join(rendererDir, 'assets', 'link.txt'));
  handler = createAppRequestHandler(rendererDir);
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string, init?: RequestInit): Promise<Response> => handler(new Request(url, init));

describe('app:// scheme registration', () => {
  beforeEach(resetFakeElectron);

  it('registers app as a standard, secure, fetch-capable scheme and nothing more', () => {
    registerAppScheme();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('routes app:// to the renderer folder', async () => {
    serveRendererOverAppScheme(rendererDir);
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    const registered = electron.protocol.handle.mock.calls[0]?.[1] as (request: Request) => Promise<Response>;
    expect((await registered(new Request('app://flightdeck/index.html'))).status).toBe(200);
  });
});

describe('app:// handler', () => {
  it('serves index.html with the strict CSP', async () => {
    const response = await get('app://flightdeck/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Flightdeck</title>');
  });

  it('serves index.html for the bare origin', async () => {
    const response = await get('app://flightdeck/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it.each([
    ['assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['assets/index-abc.css', 'text/css; charset=utf-8'],
    ['assets/logo.svg', 'image/svg+xml'],
    ['assets/inter.woff2', 'font/woff2'],
    ['assets/data.json', 'application/json; charset=utf-8'],
    ['assets/blob.bin', 'application/octet-stream'],
  ])('serves %s as %s, without a CSP header', async (path, type) => {
    const response = await get(`app://flightdeck/${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('content-security-policy')).toBeNull();
  });

  it.each([
    'app://flightdeck/../../etc/passwd',
    'app://flightdeck/../secret.txt',
    'app://flightdeck/%2e%2e/secret.txt',
    'app://flightdeck/..%2fsecret.txt',
    'app://flightdeck/..%2f..%2f..%2fetc%2fpasswd',
    'app://flightdeck/assets/..%2f..%2fsecret.txt',
    'app://flightdeck/..%5csecret.txt',
    'app://flightdeck/%2fetc%2fpasswd',
    'app://flightdeck/index.html%00.js',
    'app://flightdeck/%E0%A4%A',
  ])('refuses %s with 404', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('credentials');
  });

  it('refuses a symlink that points outside the renderer folder', async () => {
    expect((await get('app://flightdeck/assets/link.txt')).status).toBe(404);
  });

  it('answers 404 for missing files, folders and other hosts', async () => {
    expect((await get('app://flightdeck/missing.js')).status).toBe(404);
    expect((await get('app://flightdeck/assets')).status).toBe(404);
    expect((await get('app://elsewhere/index.html')).status).toBe(404);
  });

  it('accepts only GET and HEAD', async () => {
    expect((await get('app://flightdeck/index.html', { method: 'POST', body: 'x' })).status).toBe(405);
    const head = await get('app://flightdeck/index.html', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
