/**
 * The Activity view end to end (issue 12 item 5): web mode on the shop scenario with a fresh config
 * directory, a replica promoted through the two-step dialog, then the audit log in the window —
 * the action listed with its target and outcome, updated live until it completes, filtered.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchChromium, screenshotPath, startWebMode, type WebMode } from './support/web-mode';

let web: WebMode;
let browser: Browser;
let page: Page;
let errors: string[];
const configDirectory = mkdtempSync(join(tmpdir(), 'fd-e2e-activity-'));

beforeAll(async () => {
  // The server inherits this: its settings and audit log live in a directory of this test's own.
  process.env.FLIGHTDECK_CONFIG_DIR = configDirectory;
  web = await startWebMode(['--scenario', 'shop', '--speed', '600']);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  errors = collectPageErrors(page);
  await page.addInitScript(`localStorage.setItem('flightdeck.locale', 'en'); localStorage.setItem('flightdeck.theme', 'light');`);
  await page.goto(web.url);
  await page.getByTestId('mode-indicator').waitFor();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await web?.stop();
  delete process.env.FLIGHTDECK_CONFIG_DIR;
});

describe('the Activity view', () => {
  it('lists a promotion run from the RDS view, live until it completes, and filters it', async () => {
    await page.getByTestId('nav-activity').click();
    await page.waitForURL(/#\/activity/);
    await page.getByTestId('activity-view').waitFor();
    expect(await page.getByTestId('activity-row').count()).toBe(0);

    await page.getByTestId('nav-rds').click();
    const replica = page.locator('[data-testid="db-instance"][data-role="replica"]').first();
    await replica.waitFor({ timeout: 30_000 });
    const identifier = (await replica.getAttribute('data-identifier'))!;
    await replica.getByTestId('db-promote').click();
    await page.getByTestId('action-summary').waitFor();
    await page.getByTestId('action-execute').click();
    await page.getByTestId('action-accepted').waitFor({ timeout: 60_000 });
    await page.keyboard.press('Escape');

    // The intent was durable before the promotion ran; the view shows the change with its outcome.
    await page.getByTestId('nav-activity').click();
    const row = page.locator('[data-testid="activity-row"][data-kind="action"]').first();
    await row.waitFor({ timeout: 30_000 });
    expect(await row.textContent()).toContain('Promote read replica');
    expect(await row.textContent()).toContain(identifier);
    expect(await row.textContent()).toContain('Simulation: shop');
    // Live: the row becomes Completed when the replica is standalone, without a reload.
    await page.locator('[data-testid="activity-row"][data-kind="action"][data-outcome="settled"]').waitFor({ timeout: 90_000 });
    await page.screenshot({ path: screenshotPath('view-activity-light-en'), fullPage: true });

    await page.getByTestId('activity-filter').fill('no-such-thing');
    expect(await page.getByTestId('activity-row').count()).toBe(0);
    await page.getByTestId('activity-filter').fill(identifier);
    expect(await page.getByTestId('activity-row').count()).toBe(1);

    const lines = readFileSync(join(configDirectory, 'audit-log.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { kind: string; result: string; actor?: string });
    expect(lines.filter((r) => r.kind === 'action').map((r) => r.result)).toEqual(['intent', 'accepted', 'settled']);
    expect(lines.every((r) => r.actor === 'web')).toBe(true);
  });

  it('logged no errors in the page', () => {
    expect(errors).toEqual([]);
  });
});
