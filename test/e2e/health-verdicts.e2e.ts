/**
 * Issue 12, in Chromium: the global-failover outage turns the Load balancing tile and the
 * `www.example.com eu-west-1` request-path node red with the reason, and back to green after.
 * The clock is paused and stepped from the Simulator view, as an operator would.
 */
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchChromium, ROOT, startWebMode, type WebMode } from './support/web-mode';

let web: WebMode;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

/** A web-mode server on one scenario for the describe block it is called in. */
function serve(scenario: string): void {
  beforeAll(async () => {
    web = await startWebMode(['--scenario', scenario, '--speed', '1']);
  }, 180_000);
  afterAll(async () => {
    await web?.stop();
  });
}

const screenshot = (name: string) => resolve(ROOT, 'docs/screenshots', `${name}.png`);

async function step(page: Page, testId: 'sim-step' | 'sim-step-600' | 'sim-step-3600', times: number): Promise<void> {
  await page.goto(`${web.url}#/simulator`);
  for (let i = 0; i < times; i++) {
    const before = await page.getByTestId('sim-clock').textContent();
    await page.getByTestId(testId).click();
    await expect.poll(() => page.getByTestId('sim-clock').textContent(), { timeout: 60_000 }).not.toBe(before);
  }
  await page.goto(`${web.url}#/overview`);
  await page.getByTestId('path-node').first().waitFor();
}

const tileOf = (page: Page, service: string) => page.locator(`[data-testid="service-tile"][data-service="${service}"]`);
const tile = (page: Page) => tileOf(page, 'elbv2');
const node = (page: Page) => page.locator('[data-testid="path-node"][data-kind="record"][data-label="www eu-west-1"]');

describe('health verdicts in Chromium (global-failover)', () => {
  serve('global-failover');
  it('Load balancing and the www eu-west-1 node go red with the reason during the eu-west-1 outage, and green again after', async () => {
    const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
    const errors = collectPageErrors(page);
    await page.goto(`${web.url}#/simulator`);
    await page.getByTestId('sim-pause').click();

    // 25 minutes in: before the outage, past the start-up.
    await step(page, 'sim-step-600', 2);
    await step(page, 'sim-step', 5);
    await expect.poll(() => tile(page).getAttribute('data-status'), { timeout: 60_000 }).toBe('ok');
    expect(await node(page).getAttribute('data-status')).toBe('ok');

    // 35 minutes: every Availability Zone of eu-west-1 has been down for 5 minutes.
    await step(page, 'sim-step-600', 1);
    await expect.poll(() => tile(page).getAttribute('data-status'), { timeout: 60_000 }).toBe('failing');
    expect(await tile(page).getAttribute('data-tone')).toBe('bad');
    expect(await tile(page).getByTestId('service-tile-reason').first().textContent()).toMatch(/^shop-eu-web \(eu-west-1\): (no registered targets|\d+ of \d+ targets unhealthy, none healthy)$/);
    expect(await node(page).getAttribute('data-status')).toBe('failing');
    expect(await node(page).getByTestId('path-node-reason').textContent()).toBe('out of answers, alias target shop-eu has no healthy targets');
    await page.screenshot({ path: screenshot('health-outage'), fullPage: true });

    // 65 minutes: the region came back at 50 minutes.
    await step(page, 'sim-step-600', 3);
    await expect.poll(() => tile(page).getAttribute('data-status'), { timeout: 60_000 }).toBe('ok');
    expect(await node(page).getAttribute('data-status')).toBe('ok');
    await page.screenshot({ path: screenshot('health-recovered'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('health verdicts in Chromium (serverless)', () => {
  serve('serverless');

  it('the 18:10 spike turns Lambda and Load balancing red with the throttled share, and green after', async () => {
    const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
    const errors = collectPageErrors(page);
    await page.goto(`${web.url}#/simulator`);
    await page.getByTestId('sim-pause').click();
    await step(page, 'sim-step', 8);
    await expect.poll(() => tileOf(page, 'lambda').getAttribute('data-status'), { timeout: 60_000 }).toBe('ok');

    // 18:16: six minutes into the spike.
    await step(page, 'sim-step', 8);
    await expect.poll(() => tileOf(page, 'lambda').getAttribute('data-status'), { timeout: 60_000 }).toBe('failing');
    expect(await tileOf(page, 'lambda').getByTestId('service-tile-reason').first().textContent()).toMatch(/^search-api: \d+ % throttled over 5 min/);
    expect(await tile(page).getAttribute('data-status')).toBe('failing');
    // The throttled search target group (health checks off: judged by its function, LTG-1) comes before the 5XX it causes.
    const lbReasons = await tile(page).getByTestId('service-tile-reason').allTextContents();
    expect(lbReasons[0]).toMatch(/^search-api: \d+ % throttled over 5 min/);
    expect(lbReasons.some((text) => /^mobile-api: \d+ % 5XX over 5 min/.test(text))).toBe(true);
    await page.screenshot({ path: screenshot('health-serverless-spike'), fullPage: true });

    // 18:32: after the spike and the scenario's own 22–25 m error fault.
    await step(page, 'sim-step-600', 1);
    await step(page, 'sim-step', 6);
    await expect.poll(() => tileOf(page, 'lambda').getAttribute('data-status'), { timeout: 60_000 }).toBe('ok');
    expect(await tile(page).getAttribute('data-status')).toBe('ok');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('health verdicts in Chromium (shop)', () => {
  serve('shop');

  it('after hours of normal load the alarms tile stays green while target-tracking alarms scale', async () => {
    const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
    const errors = collectPageErrors(page);
    await page.goto(`${web.url}#/simulator`);
    await page.getByTestId('sim-pause').click();
    await step(page, 'sim-step-3600', 3);
    await expect.poll(() => tileOf(page, 'cloudwatch').getAttribute('data-status'), { timeout: 60_000 }).toBe('ok');
    expect(await tileOf(page, 'cloudwatch').textContent()).toMatch(/In ALARM 0\/6/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
