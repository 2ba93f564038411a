/**
 * Operator review of web mode: with `flightdeck serve` killed, the page kept saying "Running · ×10"
 * and green "Healthy" tiles, and opening another view said "Something went wrong… the data source
 * keeps running". Now: every verdict reads Unknown with when the connection was lost, the header says
 * so instead of Running, and a view that cannot be fetched says it needs the connection.
 * The return: a restarted `serve` has a new token, so the drop is made by a TCP proxy in front of
 * it whose sockets are cut and which then listens again (the same server, a real reconnect).
 */
import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotPath, startWebMode, type WebMode } from './support/web-mode';

let browser: Browser;
let web: WebMode;
let second: WebMode | undefined;

/**
 * 127.0.0.1:<proxy> → 127.0.0.1:<target>, rewriting the Host and Origin the server checks (it only
 * answers its own port: src-main/web/security.ts). `cut()` drops every connection and stops
 * listening; `listen()` takes the same port again.
 */
function tcpProxy(target: number) {
  let server: net.Server | undefined;
  let port = 0;
  const sockets = new Set<net.Socket>();
  const ours = () => `127.0.0.1:${port}`;
  const listen = () =>
    new Promise<number>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(target, '127.0.0.1');
        sockets.add(client).add(upstream);
        client.on('data', (data: Buffer) => upstream.write(Buffer.from(data.toString('latin1').replaceAll(ours(), `127.0.0.1:${target}`), 'latin1')));
        upstream.on('data', (data: Buffer) => client.write(data));
        const end = () => {
          client.destroy();
          upstream.destroy();
        };
        for (const socket of [client, upstream]) {
          socket.on('close', end);
          socket.on('error', end);
        }
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as net.AddressInfo).port;
        resolve(port);
      });
    });
  const cut = () =>
    new Promise<void>((resolve) => {
      server?.close(() => resolve());
      for (const socket of sockets) socket.destroy();
      sockets.clear();
    });
  return { listen, cut };
}

beforeAll(async () => {
  browser = await launchChromium();
  web = await startWebMode(['--scenario', 'shop', '--speed', '10'], { FLIGHTDECK_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'fd-e2e-lost-')) });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await web?.stop();
  await second?.stop();
}, 120_000);

describe('web mode after its server is gone', () => {
  it('shows Unknown everywhere with since when, says the connection is lost, and a view that cannot load says why', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1100 } });
    await page.goto(`${web.url}#/overview`);
    await page.locator('[data-testid="service-tile"][data-status="ok"]').first().waitFor({ timeout: 90_000 });
    await page.getByTestId('path-node').first().waitFor({ timeout: 90_000 });
    await page.getByTestId('sim-state').waitFor({ timeout: 60_000 });

    await web.stop();
    await page.getByTestId('connection-lost').waitFor({ timeout: 90_000 });
    // The Overview redraws at most once a second (use-display-rate).
    await expect.poll(() => page.locator('[data-testid="service-tile"][data-status="ok"], [data-testid="path-node"][data-tone="ok"]').count(), { timeout: 60_000, interval: 500 }).toBe(0);
    expect(await page.getByTestId('sim-state').count()).toBe(0);
    expect(await page.getByTestId('connection-lost').textContent()).toMatch(/Connection lost since \d\d:\d\d:\d\d UTC/);
    const statuses = await page.locator('[data-testid="service-tile"]').evaluateAll((tiles) => tiles.map((tile) => tile.getAttribute('data-status')));
    expect(statuses.length).toBe(6);
    expect(statuses.every((status) => status === 'unknown')).toBe(true);
    expect(await page.locator('[data-testid="service-tile-reason"]').first().textContent()).toMatch(/No connection to Flightdeck since \d\d:\d\d:\d\d UTC/);
    await page.screenshot({ path: screenshotPath('connection-lost-overview'), fullPage: true });

    // A view never opened before: its chunk cannot be fetched any more.
    await page.getByTestId('nav-lambda').click();
    const failure = page.getByTestId('view-load-failure');
    await failure.waitFor({ timeout: 60_000 });
    expect(await failure.getAttribute('data-disconnected')).toBe('true');
    expect(await failure.textContent()).toContain('cannot be loaded: there is no connection to Flightdeck');
    expect(await page.getByTestId('error-boundary').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('connection-lost-view'), fullPage: true });
    await page.close();
  }, 300_000);

  it('when the connection returns: the view that could not load opens, and verdicts come back from the fresh snapshot', async () => {
    second = await startWebMode(['--scenario', 'shop', '--speed', '10'], { FLIGHTDECK_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'fd-e2e-lost-')) });
    const target = Number(new URL(second.url).port);
    const proxy = tcpProxy(target);
    const port = await proxy.listen();
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await page.goto(second.url.replace(`:${target}`, `:${port}`));
    await page.locator('[data-testid="service-tile"][data-status="ok"]').first().waitFor({ timeout: 90_000 });

    await proxy.cut();
    await page.getByTestId('connection-lost').waitFor({ timeout: 90_000 });
    await page.getByTestId('nav-lambda').click();
    await page.getByTestId('view-load-failure').waitFor({ timeout: 60_000 });

    await proxy.listen();
    // The transport reconnects (backoff up to 10 s), the snapshot arrives, the Lambda view opens.
    await page.getByTestId('sim-state').waitFor({ timeout: 90_000 });
    await page.locator('[data-testid="service-health"][data-service="lambda"]').waitFor({ timeout: 90_000 });
    expect(await page.getByTestId('connection-lost').count()).toBe(0);
    expect(await page.getByTestId('view-load-failure').count()).toBe(0);
    expect(page.url()).toMatch(/#\/lambda/);
    expect(await page.locator('[data-testid="service-health"][data-service="lambda"]').getAttribute('data-status')).not.toBe('unknown');
    await page.screenshot({ path: screenshotPath('connection-back-lambda'), fullPage: true });
    await page.close();
  }, 300_000);
});
