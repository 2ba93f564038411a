/**
 * RDS backups end to end (issue 16 item 3, "Done when": a point-in-time restore creating a new
 * instance): web mode on test/fixtures/rds-backups.yaml at ×60, Chromium on the RDS view. The
 * operator takes a snapshot of orders-db (backing-up, then the snapshot available in the table),
 * then restores orders-db to a point in time chosen inside its restorable window: the new instance
 * appears in the view, creating, then available at its own endpoint. Both go through the two-step
 * confirmation. Screenshots in test-results/rds-backups-*.png.
 */
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchChromium, ROOT, screenshotPath, startWebMode, type WebMode } from './support/web-mode';

const FIXTURE = resolve(ROOT, 'test/fixtures/rds-backups.yaml');
const RESTORED = 'orders-db-pitr';

let web: WebMode;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  // ×60: a 100 GiB snapshot (~3.5 min virtual) takes a few seconds, the restore (~10 min) about ten.
  web = await startWebMode(['--scenario', FIXTURE, '--speed', '60']);
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

/** Waits for the expected element or the error the UI shows instead, failing with that error's text. */
async function firstOf(expected: string, error: string, timeout = 60_000): Promise<void> {
  const found = page.getByTestId(expected).or(page.getByTestId(error)).first();
  await found.waitFor({ timeout });
  if ((await found.getAttribute('data-testid')) === error) throw new Error(`${expected} did not appear; the UI says: ${await found.textContent()}`);
}

/** Step 2 of the confirmation: type the identifier when the profile asks for it, then run. */
async function confirmAndRun(identifier: string): Promise<void> {
  await firstOf('action-summary', 'action-error');
  const typed = page.getByTestId('action-typed-confirmation');
  if (await typed.count()) await typed.fill(identifier);
  await page.getByTestId('action-execute').click();
}

async function openOrdersDb(): Promise<void> {
  await page.getByTestId('nav-rds').click();
  await page.waitForURL(/#\/rds/);
  await page.locator('[data-testid="db-list-row"][data-identifier="orders-db"]').click();
  await page.locator('[data-testid="db-backups"][data-identifier="orders-db"]').waitFor();
}

describe('RDS backups in Chromium', () => {
  it('shows the backup settings, the restorable window and the automated snapshot of orders-db', async () => {
    await openOrdersDb();
    const panel = page.locator('[data-testid="db-backups"][data-identifier="orders-db"]');
    expect(await panel.getByTestId('backup-retention').textContent()).toContain('7 day');
    expect(await panel.getByTestId('backup-window').textContent()).toContain('03:00-03:30');
    await expect.poll(async () => panel.getByTestId('latest-restorable').getAttribute('data-time'), { timeout: 30_000 }).toMatch(/^2026-11-20T/);
    await panel.locator('[data-testid="db-snapshot"][data-type="automated"]').first().waitFor();
    await page.screenshot({ path: screenshotPath('rds-backups-panel'), fullPage: true });
  }, 120_000);

  it('takes a snapshot: backing-up, then the manual snapshot available in the table', async () => {
    await openOrdersDb();
    await page.getByTestId('db-take-snapshot').click();
    await page.getByTestId('snapshot-name').fill('orders-db-before-change');
    await page.getByTestId('snapshot-review').click();
    await confirmAndRun('orders-db');
    // The instance is backing-up while the snapshot is creating (the badge is in the panel under the dialog).
    await page.locator('[data-testid="db-backing-up"]').waitFor({ state: 'attached', timeout: 30_000 });
    await page.screenshot({ path: screenshotPath('rds-backups-snapshot-creating'), fullPage: true });
    await firstOf('snapshot-done', 'action-error');
    await page.screenshot({ path: screenshotPath('rds-backups-snapshot-done'), fullPage: true });
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="db-snapshot"][data-identifier="orders-db-before-change"][data-status="available"]').waitFor();
    await page.locator('[data-testid="db-backing-up"]').waitFor({ state: 'detached', timeout: 30_000 });
  }, 180_000);

  it('restores orders-db to a point in time: a new instance appears, creating, then available', async () => {
    await openOrdersDb();
    await page.getByTestId('db-restore').click();
    await page.getByTestId('restore-custom').check();
    const time = page.getByTestId('restore-time');
    // A time inside the restorable window the input is bounded to: ten minutes after its start.
    const earliest = (await time.getAttribute('min'))!;
    const chosen = new Date(Date.parse(`${earliest}Z`) + 10 * 60_000).toISOString().slice(0, 19);
    expect(chosen <= (await time.getAttribute('max'))!).toBe(true);
    await time.fill(chosen);
    await page.getByTestId('restore-target').fill(RESTORED);
    await page.screenshot({ path: screenshotPath('rds-backups-restore-form'), fullPage: true });
    await page.getByTestId('restore-review').click();
    await firstOf('action-summary', 'action-error');
    expect(await page.getByTestId('action-summary').textContent()).toContain(`as new DB instance ${RESTORED}`);
    await page.screenshot({ path: screenshotPath('rds-backups-restore-confirm'), fullPage: true });
    await confirmAndRun(RESTORED);
    await page.locator('[data-testid="restore-status"][data-status="creating"]').waitFor({ timeout: 30_000 });
    await page.screenshot({ path: screenshotPath('rds-backups-restore-creating'), fullPage: true });
    await firstOf('restore-done', 'action-error', 120_000);
    await page.screenshot({ path: screenshotPath('rds-backups-restore-done'), fullPage: true });
    await page.keyboard.press('Escape');

    // The new instance in the view: in the list, and as its own standalone, available instance.
    const row = page.locator(`[data-testid="db-list-row"][data-identifier="${RESTORED}"]`);
    await row.waitFor();
    await row.click();
    await page.locator(`[data-testid="db-instance"][data-identifier="${RESTORED}"][data-status="available"]`).waitFor({ timeout: 30_000 });
    // orders-db is untouched: still available, its replica still attached.
    await page.locator('[data-testid="db-list-row"][data-identifier="orders-db-replica"]').waitFor();
    await page.screenshot({ path: screenshotPath('rds-backups-restored-instance'), fullPage: true });
  }, 240_000);

  it('shows the backup panel in Korean (자동 백업, 백업 보존 기간, 최근 복원 가능 시간, 스냅샷)', async () => {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('locale-ko').check();
    await openOrdersDb();
    const panel = page.locator('[data-testid="db-backups"][data-identifier="orders-db"]');
    const text = (await panel.textContent())!;
    for (const term of ['자동 백업', '백업 보존 기간', '최근 복원 가능 시간', '스냅샷', '특정 시점으로 복원']) expect(text).toContain(term);
    await page.screenshot({ path: screenshotPath('rds-backups-panel-ko'), fullPage: true });
  }, 120_000);

  it('logged no errors in the page', () => {
    expect(errors).toEqual([]);
  });
});
