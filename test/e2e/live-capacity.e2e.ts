/**
 * The walking skeleton end to end: web mode on the bundled shop scenario, opened in Chromium; the
 * capacity chart must draw new data as the simulation runs and an alarm-driven scaling activity
 * must appear in the list.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchChromium, ROOT, screenshotPath, startWebMode, type WebMode } from './support/web-mode';

let web: WebMode;
let browser: Browser;

beforeAll(async () => {
  // ×120: one simulated minute every half second, so the first scale-out comes within ~5 s.
  web = await startWebMode(['--scenario', 'shop', '--speed', '120']);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

describe('web mode in Chromium', () => {
  it('shows the live capacity chart gaining data and an alarm-driven scaling activity', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors = collectPageErrors(page);
    await page.goto(web.url);
    await page.getByTestId('mode-indicator').waitFor();
    // The badge is there before the first session arrives ("No session yet"): wait for the session.
    await expect.poll(() => page.getByTestId('mode-indicator').textContent(), { timeout: 60_000 }).toMatch(/shop/);

    await page.goto(`${web.url}#/auto-scaling`);
    const chart = page.getByTestId('capacity-chart').first();
    await chart.waitFor();
    const pointCount = async () => Number(await chart.getAttribute('data-point-count'));
    await expect.poll(pointCount, { timeout: 30_000 }).toBeGreaterThan(0);
    const first = await pointCount();
    await expect.poll(pointCount, { timeout: 30_000 }).toBeGreaterThan(first);

    // With the warm start's history the newest alarm-driven activity may be a scale-in; look for a scale-out.
    const scaleOut = page.getByTestId('scaling-activity').filter({ hasText: /monitor alarm TargetTracking-\S+-AlarmHigh/ }).first();
    await scaleOut.waitFor({ timeout: 120_000 });
    expect(await scaleOut.textContent()).toMatch(/AlarmHigh.*triggered policy cpu50-target-tracking changing the desired capacity from \d+ to \d+/);

    await page.screenshot({ path: screenshotPath('live-capacity-chart'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('refuses the page without the token', async () => {
    const page = await browser.newPage();
    const response = await page.goto(web.url.replace(/\?token=.*/, ''));
    expect(response!.status()).toBe(401);
    await page.close();
  });
});

describe('npx flightdeck sim run (built CLI)', () => {
  it('gives identical reports for one seed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fd-e2e-'));
    const run = (out: string) =>
      spawnSync(process.execPath, [resolve(ROOT, 'bin/flightdeck.js'), 'sim', 'run', 'shop', '--duration', '2h', '--seed', '11', '--out', out], { cwd: ROOT, encoding: 'utf8' });
    const a = run(join(dir, 'a.json'));
    const b = run(join(dir, 'b.json'));
    expect(a.status, a.stderr).toBe(0);
    expect(b.status, b.stderr).toBe(0);
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe(readFileSync(join(dir, 'b.json'), 'utf8'));
  });
});
