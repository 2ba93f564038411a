/**
 * Operator review of web mode: with `flightdeck serve` killed, the page kept saying "Running · ×10"
 * and green "Healthy" tiles, and opening another view said "Something went wrong… the data source
 * keeps running". Now: every verdict reads Unknown with when the connection was lost, the header says
 * so instead of Running, and a view that cannot be fetched says it needs the connection.
 * (The reconnect half is in test/renderer/views/connection: a restarted `serve` has a new token.)
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotPath, startWebMode, type WebMode } from './support/web-mode';

let browser: Browser;
let web: WebMode;

beforeAll(async () => {
  browser = await launchChromium();
  web = await startWebMode(['--scenario', 'shop', '--speed', '10'], { FLIGHTDECK_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'fd-e2e-lost-')) });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await web?.stop();
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
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="service-tile"][data-status="ok"], [data-testid="path-node"][data-tone="ok"]').length === 0, undefined, { timeout: 60_000 });
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
});
