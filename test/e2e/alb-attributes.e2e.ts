/**
 * Issue 16 item 2 end to end: web mode on test/fixtures/scenarios/alb-attributes.yaml — the load
 * balancer view shows the dualstack IP address type, deletion protection and the changed attributes;
 * the Route 53 view traces shop.example.com as AAAA (2001:db8:: addresses) and legacy.example.com as
 * AAAA (an IPv4-only load balancer: no data). Screenshots in test-results/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchChromium, screenshotPath, startWebMode, type WebMode } from './support/web-mode';

let web: WebMode;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  web = await startWebMode(['--scenario', 'test/fixtures/scenarios/alb-attributes.yaml', '--speed', '60']);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  errors = collectPageErrors(page);
  await page.addInitScript(`if (!sessionStorage.getItem('fd-e2e')) {
    sessionStorage.setItem('fd-e2e', '1');
    localStorage.setItem('flightdeck.locale', 'en');
    localStorage.setItem('flightdeck.theme', 'light');
  }`);
  await page.goto(web.url);
  await page.getByTestId('mode-indicator').waitFor();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await web?.stop();
}, 120_000);

async function open(view: string): Promise<void> {
  await page.getByTestId(`nav-${view}`).click();
  await page.waitForURL(new RegExp(`#/${view}`));
}

/** en.ts dns.noAnswer: what the panel shows for an empty answer. */
const NO_ANSWER = /^\s*No answer/;

describe('load balancer attributes and IPv6 (issue 16 item 2)', () => {
  it('shows the IP address type, deletion protection and changed attributes of the load balancer', async () => {
    await open('load-balancers');
    await page.locator('[data-testid="lb-list-row"][data-name="shop-alb"]').click();
    const panel = page.locator('[data-testid="load-balancer"][data-name="shop-alb"]');
    await panel.waitFor();
    expect(await panel.getByTestId('load-balancer-ip-address-type').getAttribute('data-value')).toBe('dualstack');
    expect(await panel.getByTestId('load-balancer-deletion-protection').textContent()).toContain('On');
    const idle = panel.locator('[data-testid="load-balancer-attribute"][data-key="idle_timeout.timeout_seconds"]');
    expect(await idle.getAttribute('data-default')).toBe('false');
    expect(await idle.textContent()).toContain('default 60');
    expect(await panel.locator('[data-testid="load-balancer-attribute"][data-key="routing.http2.enabled"]').count()).toBe(0);
    await panel.getByTestId('load-balancer-attributes-toggle').click();
    expect(await panel.locator('[data-testid="load-balancer-attribute"][data-key="routing.http2.enabled"]').getAttribute('data-default')).toBe('true');
    expect(await page.locator('[data-testid="lb-list-row"][data-name="shop-alb"] [data-testid="lb-list-ip-type"]').count()).toBe(1);
    expect(await page.locator('[data-testid="lb-list-row"][data-name="legacy-alb"] [data-testid="lb-list-ip-type"]').count()).toBe(0);
    await panel.getByTestId('load-balancer-attributes').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('alb-attributes'), fullPage: true });
  });

  it('traces AAAA: the dualstack alias answers 2001:db8:: addresses, the IPv4-only alias answers no data', async () => {
    await open('route53');
    for (const [name, expected] of [
      ['shop.example.com', /2001:db8:1::1/],
      ['legacy.example.com', NO_ANSWER],
    ] as const) {
      await page.getByTestId('dns-name').fill(name);
      await page.getByTestId('dns-type').selectOption('AAAA');
      await page.getByTestId('dns-run').click();
      await page.getByTestId('dns-trace').or(page.getByTestId('dns-error')).first().waitFor();
      expect(await page.getByTestId('dns-error').count()).toBe(0);
      await expect.poll(async () => (await page.getByTestId('dns-answer-values').textContent()) ?? '', { timeout: 30_000 }).toMatch(expected);
      expect(await page.getByTestId('dns-answer').textContent()).toContain('NOERROR');
      await page.screenshot({ path: screenshotPath(`dns-trace-aaaa-${name.split('.')[0]}`), fullPage: true });
    }
    expect(errors).toEqual([]);
  });
});
