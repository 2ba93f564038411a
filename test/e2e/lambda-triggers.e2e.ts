/**
 * Issue 16 item 4 end to end: web mode on test/fixtures/scenarios/lambda-triggers.yaml in Chromium. The
 * Lambda view shows the S3-triggered function's trigger (bucket, event, key filter) and its invocations
 * gaining data as uploads arrive, and the HTTP API in front of the other function with its
 * AWS/ApiGateway Count/4xx/5xx and Latency charts.
 */
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchChromium, ROOT, screenshotPath, startWebMode, type WebMode } from './support/web-mode';

const SCENARIO = resolve(ROOT, 'test/fixtures/scenarios/lambda-triggers.yaml');

let web: WebMode;
let browser: Browser;

beforeAll(async () => {
  // ×60: one simulated minute per second; the fixture's 10-minute lead-in fills the charts at once.
  web = await startWebMode(['--scenario', SCENARIO, '--speed', '60']);
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await web?.stop();
}, 120_000);

describe('Lambda triggers in Chromium', () => {
  it('shows the S3-triggered function\'s trigger and its invocations gaining data', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1400 } });
    const errors = collectPageErrors(page);
    await page.goto(`${web.url}#/lambda?fn=thumbnailer`);
    const trigger = page.locator('[data-testid="lambda-trigger"][data-kind="s3"]');
    await trigger.waitFor({ timeout: 60_000 });
    const text = (await trigger.textContent()) ?? '';
    expect(text).toContain('flightdeck-photo-uploads');
    expect(text).toContain('s3:ObjectCreated:*');
    expect(text).toContain('prefix uploads/');
    expect(text).toContain('suffix .jpg');

    const invocations = page.locator('[data-testid="metric-chart"][data-title="Invocations, errors and throttles"]');
    await invocations.waitFor();
    const points = async () => Number(await invocations.getAttribute('data-point-count'));
    await expect.poll(points, { timeout: 60_000 }).toBeGreaterThan(0);
    const first = await points();
    await expect.poll(points, { timeout: 60_000 }).toBeGreaterThan(first);
    const asyncEvents = page.locator('[data-testid="metric-chart"][data-title="Asynchronous events"]');
    await expect.poll(async () => Number(await asyncEvents.getAttribute('data-point-count')), { timeout: 60_000 }).toBeGreaterThan(0);

    await page.screenshot({ path: screenshotPath('lambda-triggers-s3'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it('shows the HTTP API route that invokes items-api and the API\'s Count, 4xx, 5xx and Latency', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1600 } });
    const errors = collectPageErrors(page);
    await page.goto(`${web.url}#/lambda?fn=items-api`);
    const trigger = page.locator('[data-testid="lambda-trigger"][data-kind="apiGateway"]');
    await trigger.waitFor({ timeout: 60_000 });
    expect(await trigger.textContent()).toMatch(/shop-api.*GET \/items\/\{id\}, GET \/items/);

    const requests = page.locator('[data-testid="metric-chart"][data-title="API Gateway shop-api: requests, 4xx and 5xx"]');
    const latency = page.locator('[data-testid="metric-chart"][data-title="API Gateway shop-api: Latency and IntegrationLatency"]');
    await expect.poll(async () => Number(await requests.getAttribute('data-point-count')), { timeout: 60_000 }).toBeGreaterThan(0);
    await expect.poll(async () => Number(await latency.getAttribute('data-point-count')), { timeout: 60_000 }).toBeGreaterThan(0);
    await requests.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('lambda-triggers-apigateway'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});
