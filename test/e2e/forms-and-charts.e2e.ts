/**
 * Issue 12, in Chromium: a fault form with edited numbers injects exactly what was typed (edited
 * number inputs used to be dropped: "ErrorRate is required" after typing 0.5), the running fault can
 * be stopped, and a chart zoom shows its state and resets.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchChromium, screenshotPath, startWebMode, type WebMode } from './support/web-mode';

let web: WebMode;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  web = await startWebMode(['--scenario', 'serverless', '--speed', '1']);
}, 240_000);

afterAll(async () => {
  await web?.stop();
  await browser?.close();
});

describe('forms and charts in Chromium', () => {
  it('injects the numbers typed into a fault form, lists the running fault and stops it', async () => {
    const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
    const errors = collectPageErrors(page);
    await page.goto(`${web.url}#/simulator`);
    const form = page.locator('[data-testid="fault-form"][data-type="RaiseFunctionErrorRate"]');
    await form.waitFor();
    await form.getByTestId('fault-field-ErrorRate').fill('0.5');
    await form.getByTestId('fault-inject').click();
    const running = page.locator('[data-testid="running-fault"][data-type="RaiseFunctionErrorRate"]');
    await running.waitFor({ timeout: 60_000 });
    expect(await form.locator('[role="alert"]').count()).toBe(0);
    expect(await running.textContent()).toContain('Error rate (0–1): 0.5');
    await page.screenshot({ path: screenshotPath('fault-running'), fullPage: true });
    await running.getByTestId('running-fault-stop').click();
    await expect.poll(() => page.locator('[data-testid="running-fault"]').count(), { timeout: 60_000 }).toBe(0);
    // The Stop reply refreshes the running list at once; the log line arrives with the next pushed
    // frame (the timeline), a moment later — wait for it rather than read it in the same instant.
    await expect.poll(() => page.getByTestId('fault-log').textContent(), { timeout: 60_000 }).toContain('stopped by an operator');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a zoom (Shift+wheel) in the toolbar and resets it', async () => {
    const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
    const errors = collectPageErrors(page);
    await page.goto(`${web.url}#/lambda`);
    const chart = page.locator('[data-testid="metric-chart"]').first();
    await chart.waitFor();
    await expect.poll(async () => Number(await chart.getAttribute('data-point-count')), { timeout: 60_000 }).toBeGreaterThan(0);
    expect(await page.getByTestId('chart-zoomed').count()).toBe(0);
    const box = (await chart.locator('canvas').first().boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.keyboard.down('Shift');
    for (let i = 0; i < 5; i++) await page.mouse.wheel(0, -200);
    await page.keyboard.up('Shift');
    await page.getByTestId('chart-zoomed').waitFor({ timeout: 30_000 });
    await page.screenshot({ path: screenshotPath('chart-zoomed'), fullPage: false });
    await page.getByTestId('chart-zoom-reset').click();
    await expect.poll(() => page.getByTestId('chart-zoomed').count(), { timeout: 30_000 }).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
