/**
 * Issue 16, "Done when", on the bundled scenario that uses all four parts (resources/scenarios/photos.yaml),
 * in web mode at ×60 in Chromium:
 *   - the S3-triggered thumbnailer: its S3 trigger on photos-uploads and its invocations gaining data;
 *   - an AWS WAF block rule taking effect: the WafBlockPath fault blocks /upload* on photos-acl, the load
 *     balancer view counts it (blocked rising) and the request-path map's WAF step shows a blocked share;
 *   - a point-in-time restore of photos-db from the RDS view: a new instance, creating, then available;
 *   - the AAAA trace of photos.example.com (the dualstack load balancer's 2001:db8:: addresses).
 * Screenshots in docs/screenshots/photos-*.png.
 */
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchChromium, ROOT, startWebMode, type WebMode } from './support/web-mode';

const RESTORED = 'photos-db-pitr';
const screenshot = (name: string) => resolve(ROOT, 'docs/screenshots', `${name}.png`);

let web: WebMode;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  // ×60: one simulated minute a second; the restore (~10 min virtual) takes about ten seconds.
  web = await startWebMode(['--scenario', 'photos', '--speed', '60']);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 1100 } });
  errors = collectPageErrors(page);
  await page.addInitScript(`if (!sessionStorage.getItem('fd-e2e')) {
    sessionStorage.setItem('fd-e2e', '1');
    localStorage.setItem('flightdeck.locale', 'en');
    localStorage.setItem('flightdeck.theme', 'light');
  }`);
  await page.goto(web.url);
  await page.getByTestId('mode-indicator').waitFor({ timeout: 120_000 });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await web?.stop();
}, 120_000);

/** Waits for the expected element or the error the UI shows instead, failing with that error's text. */
async function firstOf(expected: string, error: string, timeout = 60_000): Promise<void> {
  const found = page.getByTestId(expected).or(page.getByTestId(error)).first();
  await found.waitFor({ timeout });
  if ((await found.getAttribute('data-testid')) === error) throw new Error(`${expected} did not appear; the UI says: ${await found.textContent()}`);
}

const blockedOf = async (rule: string) => Number(await page.locator(`[data-testid="waf-rule"][data-name="${rule}"]`).getAttribute('data-blocked'));

describe('issue 16 on the bundled photos scenario', () => {
  it('WAF-9: WafBlockPath /upload* — the load balancer view counts it, the request-path map shows the WAF step', async () => {
    // Before: the web ACL on photos-alb with its three rules; the bad range is blocked already.
    await page.goto(`${web.url}#/load-balancers?lb=photos-alb`);
    await page.getByTestId('waf-web-acl').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('waf-rule').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-name')))).toEqual(['block-bad-range', 'rate-limit-per-ip', 'count-admin', 'Default_Action']);
    await expect.poll(() => blockedOf('block-bad-range'), { timeout: 60_000 }).toBeGreaterThan(0);
    const panel = page.locator('[data-testid="load-balancer"][data-name="photos-alb"]');
    expect(await panel.getByTestId('load-balancer-ip-address-type').getAttribute('data-value')).toBe('dualstack');
    expect(await panel.getByTestId('load-balancer-deletion-protection').textContent()).toContain('On');

    await page.goto(`${web.url}#/simulator`);
    const form = page.locator('[data-testid="fault-form"][data-type="WafBlockPath"]');
    await form.getByTestId('fault-field-Path').fill('/upload*');
    await form.getByTestId('fault-inject').click();
    await page.locator('[data-testid="fault-log-entry"][data-kind="FaultInjected"]').first().waitFor({ timeout: 60_000 });

    await page.goto(`${web.url}#/load-balancers?lb=photos-alb`);
    const added = page.locator('[data-testid="waf-rule"][data-name="flightdeck-block-path-1"]');
    await added.waitFor({ timeout: 60_000 });
    expect(await added.getAttribute('data-priority')).toBe('0');
    await expect.poll(() => blockedOf('flightdeck-block-path-1'), { timeout: 60_000 }).toBeGreaterThan(0);
    const first = await blockedOf('flightdeck-block-path-1');
    await expect.poll(() => blockedOf('flightdeck-block-path-1'), { timeout: 60_000 }).toBeGreaterThan(first);
    await page.getByTestId('waf-web-acl').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshot('photos-waf'), fullPage: true });

    await page.goto(`${web.url}#/overview`);
    const wafNode = page.locator('[data-testid="path-node"][data-kind="waf"][data-label="photos-acl"]');
    await wafNode.waitFor({ timeout: 60_000 });
    // /upload is 10 % of the browsers' requests and the bad range 3 %: well over 5 % blocked.
    await expect.poll(async () => Number(/(\d+(?:\.\d)?) % blocked/.exec((await wafNode.textContent()) ?? '')?.[1] ?? 0), { timeout: 60_000 }).toBeGreaterThan(5);
    // The functions' own entries: the mobile HTTP API and the uploads bucket lead to them.
    await page.locator('[data-testid="path-node"][data-kind="apiGateway"][data-label="photos-mobile-api"]').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="path-node"][data-kind="s3Bucket"][data-label="photos-uploads"]').waitFor({ timeout: 60_000 });
    await page.screenshot({ path: screenshot('photos-waf-request-path'), fullPage: true });
  }, 300_000);

  it('restores photos-db to a point in time from the RDS view: a new instance, creating, then available', async () => {
    await page.getByTestId('nav-rds').click();
    await page.waitForURL(/#\/rds/);
    await page.locator('[data-testid="db-list-row"][data-identifier="photos-db"]').click();
    const panel = page.locator('[data-testid="db-backups"][data-identifier="photos-db"]');
    await panel.waitFor({ timeout: 60_000 });
    expect(await panel.getByTestId('backup-retention').textContent()).toContain('7 day');
    expect(await panel.getByTestId('backup-window').textContent()).toContain('10:20-10:50');

    await page.getByTestId('db-restore').click();
    await page.getByTestId('restore-custom').check();
    const time = page.getByTestId('restore-time');
    const earliest = (await time.getAttribute('min'))!;
    const chosen = new Date(Date.parse(`${earliest}Z`) + 10 * 60_000).toISOString().slice(0, 19);
    expect(chosen <= (await time.getAttribute('max'))!).toBe(true);
    await time.fill(chosen);
    await page.getByTestId('restore-target').fill(RESTORED);
    await page.getByTestId('restore-review').click();
    await firstOf('action-summary', 'action-error');
    expect(await page.getByTestId('action-summary').textContent()).toContain(`as new DB instance ${RESTORED}`);
    const typed = page.getByTestId('action-typed-confirmation');
    if (await typed.count()) await typed.fill(RESTORED);
    await page.getByTestId('action-execute').click();
    await page.locator('[data-testid="restore-status"][data-status="creating"]').waitFor({ timeout: 60_000 });
    await firstOf('restore-done', 'action-error', 180_000);
    await page.keyboard.press('Escape');

    const row = page.locator(`[data-testid="db-list-row"][data-identifier="${RESTORED}"]`);
    await row.waitFor({ timeout: 60_000 });
    await row.click();
    await page.locator(`[data-testid="db-instance"][data-identifier="${RESTORED}"][data-status="available"]`).waitFor({ timeout: 60_000 });
    // The source and its replica are untouched.
    await page.locator('[data-testid="db-list-row"][data-identifier="photos-db-replica"]').waitFor();
    await page.screenshot({ path: screenshot('photos-restore'), fullPage: true });
  }, 360_000);

  it('traces photos.example.com as AAAA: the dualstack load balancer\'s 2001:db8:: addresses', async () => {
    await page.getByTestId('nav-route53').click();
    await page.waitForURL(/#\/route53/);
    await page.getByTestId('dns-name').fill('photos.example.com');
    await page.getByTestId('dns-type').selectOption('AAAA');
    await page.getByTestId('dns-run').click();
    await page.getByTestId('dns-trace').or(page.getByTestId('dns-error')).first().waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('dns-error').count()).toBe(0);
    await expect.poll(async () => (await page.getByTestId('dns-answer-values').textContent()) ?? '', { timeout: 30_000 }).toMatch(/2001:db8:/);
    await page.screenshot({ path: screenshot('photos-dns-aaaa'), fullPage: true });
  }, 120_000);

  it('the S3-triggered thumbnailer: its trigger on photos-uploads and its invocations gaining data', async () => {
    await page.goto(`${web.url}#/lambda?fn=thumbnailer`);
    const trigger = page.locator('[data-testid="lambda-trigger"][data-kind="s3"]');
    await trigger.waitFor({ timeout: 60_000 });
    const text = (await trigger.textContent()) ?? '';
    expect(text).toContain('photos-uploads');
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
    // The other trigger kind of the scenario: the mobile app's HTTP API in front of photos-api.
    await page.goto(`${web.url}#/lambda?fn=photos-api`);
    await page.locator('[data-testid="lambda-trigger"][data-kind="apiGateway"]').waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-testid="lambda-trigger"][data-kind="apiGateway"]').textContent()).toMatch(/photos-mobile-api.*GET \/v1\/photos/);
    await page.goto(`${web.url}#/lambda?fn=thumbnailer`);
    await trigger.waitFor({ timeout: 60_000 });
    await expect.poll(points, { timeout: 60_000 }).toBeGreaterThan(0);
    await page.screenshot({ path: screenshot('photos-s3-trigger'), fullPage: true });
  }, 240_000);

  it('in Korean: the load balancer view with the web ACL reads in Korean', async () => {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('locale-ko').check();
    expect(await page.locator('html').getAttribute('lang')).toBe('ko');
    await page.goto(`${web.url}#/load-balancers?lb=photos-alb`);
    await page.getByTestId('waf-web-acl').waitFor({ timeout: 60_000 });
    await page.getByTestId('waf-web-acl').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshot('photos-waf-ko'), fullPage: true });
  }, 120_000);

  it('logged no errors in the page', () => {
    expect(errors).toEqual([]);
  });
});
