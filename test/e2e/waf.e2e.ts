/**
 * Issue 16, in Chromium: an AWS WAF block rule taking effect. The WafBlockPath fault blocks /admin* on
 * the web ACL of test/fixtures/waf-shop.yaml; the load balancer view then shows the new rule first in
 * evaluation order with its blocked count rising, and the request-path map shows the WAF step in front
 * of the load balancer's listener rules with its blocked rate. The clock is paused and stepped.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchChromium, screenshotPath, startWebMode, type WebMode } from './support/web-mode';

let web: WebMode;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  web = await startWebMode(['--scenario', 'test/fixtures/waf-shop.yaml', '--speed', '1']);
}, 180_000);

afterAll(async () => {
  await web?.stop();
  await browser?.close();
}, 120_000);

async function stepMinutes(page: Page, minutes: number): Promise<void> {
  await page.goto(`${web.url}#/simulator`);
  for (let i = 0; i < minutes; i++) {
    const before = await page.getByTestId('sim-clock').textContent();
    await page.getByTestId('sim-step').click();
    await expect.poll(() => page.getByTestId('sim-clock').textContent(), { timeout: 60_000 }).not.toBe(before);
  }
}

const blockedOf = async (page: Page, rule: string) => Number(await page.locator(`[data-testid="waf-rule"][data-name="${rule}"]`).getAttribute('data-blocked'));

describe('AWS WAF in Chromium (waf-shop)', () => {
  it('WAF-9: the WafBlockPath fault blocks /admin* — the load balancer view counts it, the request-path map shows the WAF step', async () => {
    const page = await browser.newPage({ viewport: { width: 1500, height: 1100 } });
    const errors = collectPageErrors(page);
    await page.goto(`${web.url}#/simulator`);
    await page.getByTestId('sim-pause').click();

    // Before: the web ACL and its three rules, in priority order; the IP set already blocks.
    await page.goto(`${web.url}#/load-balancers?lb=shop`);
    await page.getByTestId('waf-web-acl').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('waf-rule').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-name')))).toEqual(['block-listed-ips', 'count-old-host', 'rate-limit-per-ip', 'Default_Action']);
    expect(await page.getByTestId('waf-default-action').textContent()).toMatch(/Allow/);

    // Inject: block /admin* now (the form offers the pattern; priority: the lowest free, 0).
    await page.goto(`${web.url}#/simulator`);
    const form = page.locator('[data-testid="fault-form"][data-type="WafBlockPath"]');
    expect(await form.getByTestId('fault-field-Path').inputValue()).toBe('/admin*');
    await form.getByTestId('fault-inject').click();
    await page.locator('[data-testid="fault-log-entry"][data-kind="FaultInjected"]').first().waitFor({ timeout: 60_000 });

    await stepMinutes(page, 2);
    await page.goto(`${web.url}#/load-balancers?lb=shop`);
    const added = page.locator('[data-testid="waf-rule"][data-name="flightdeck-block-path-1"]');
    await added.waitFor({ timeout: 60_000 });
    expect(await added.getAttribute('data-priority')).toBe('0');
    await expect.poll(() => blockedOf(page, 'flightdeck-block-path-1'), { timeout: 60_000 }).toBeGreaterThan(0);
    const first = await blockedOf(page, 'flightdeck-block-path-1');

    await stepMinutes(page, 2);
    await page.goto(`${web.url}#/load-balancers?lb=shop`);
    await page.getByTestId('waf-web-acl').waitFor({ timeout: 60_000 });
    await expect.poll(() => blockedOf(page, 'flightdeck-block-path-1'), { timeout: 60_000 }).toBeGreaterThan(first);
    await page.getByTestId('waf-web-acl').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('waf-load-balancer'), fullPage: true });

    // The request-path map: the web ACL between the load balancer's entry and its listener rules.
    await page.goto(`${web.url}#/overview`);
    const wafNode = page.locator('[data-testid="path-node"][data-kind="waf"][data-label="shop-acl"]');
    await wafNode.waitFor({ timeout: 60_000 });
    await expect.poll(async () => (await wafNode.textContent()) ?? '', { timeout: 60_000 }).toMatch(/\d+(\.\d)? % blocked/);
    await page.screenshot({ path: screenshotPath('waf-request-path'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 600_000);
});
