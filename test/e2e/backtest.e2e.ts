/**
 * Issue 17 item 4, end to end: in web mode on shop, the Simulator view's Backtest panel runs a
 * what-if change (a lower target value on the web tier) in the core and shows the side-by-side table
 * and the chart with the capacity curves overlaid. The screenshot is test-results/backtest.png.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchChromium, screenshotPath, startWebMode, type WebMode } from './support/web-mode';

let web: WebMode;
let browser: Browser;

beforeAll(async () => {
  web = await startWebMode(['--scenario', 'shop', '--speed', '10']);
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await web?.stop();
}, 120_000);

describe('Backtest panel in Chromium', () => {
  it('runs a lower target value against the unchanged shop and shows the table and the overlay chart', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = collectPageErrors(page);
    await page.goto(`${web.url}#/simulator`);
    const panel = page.getByTestId('backtest-panel');
    await panel.waitFor();
    const change = page.getByTestId('backtest-change');
    // Prefilled with the example for the loaded scenario.
    await expect.poll(async () => change.inputValue(), { timeout: 30_000 }).toContain('WebCpuTargetTracking');
    await change.fill('Resources:\n  WebCpuTargetTracking:\n    Properties:\n      TargetTrackingConfiguration:\n        TargetValue: 35\n');
    await page.getByTestId('backtest-duration').fill('4');
    await page.getByTestId('backtest-run').click();

    const table = page.getByTestId('backtest-table');
    await table.waitFor({ timeout: 110_000 });
    const cells = async (key: string) => page.getByTestId(`backtest-row-${key}`).locator('td').allTextContents();
    const [baseHours, changedHours, deltaHours] = (await cells('instanceHours')).map((text) => Number(text));
    expect(changedHours!).toBeGreaterThan(baseHours!);
    expect(deltaHours!).toBeGreaterThan(0);
    const [baseAbove, changedAbove] = (await cells('minutesAboveTarget')).map((text) => Number(text));
    expect(changedAbove!).toBeLessThan(baseAbove!);

    const chart = page.getByTestId('backtest-chart');
    await chart.waitFor();
    // ECharts drew into the chart's canvas.
    expect(await chart.locator('canvas').count()).toBeGreaterThan(0);
    await page.getByTestId('backtest-result').scrollIntoViewIfNeeded();
    await page.getByTestId('backtest-result').screenshot({ path: screenshotPath('backtest') });
    await panel.screenshot({ path: screenshotPath('backtest-panel') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a typo in the change with its path and line, and runs nothing', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`${web.url}#/simulator`);
    const change = page.getByTestId('backtest-change');
    await expect.poll(async () => change.inputValue(), { timeout: 30_000 }).toContain('WebCpuTargetTracking');
    await change.fill('Resources:\n  WebCpuTargetTracking:\n    Properties:\n      TargetTrackingConfiguration:\n        TargetValu: 35\n');
    await page.getByTestId('backtest-run').click();
    const problem = page.getByTestId('backtest-problem');
    await problem.waitFor({ timeout: 30_000 });
    expect(await problem.textContent()).toMatch(/^change\.yaml:5:\d+: TargetValu is not a property of AWS::AutoScaling::ScalingPolicy here .*\(at Resources\.WebCpuTargetTracking\.Properties\.TargetTrackingConfiguration\.TargetValu\)$/);
    await page.close();
  });
});
