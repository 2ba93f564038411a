/**
 * The dashboard end to end, as an operator uses it: web mode on the bundled scenarios, one server and
 * one Chromium for the whole file (fast: the simulator runs at ×600). Every view is visited and
 * photographed in both themes (English light, then Korean dark, switched through Settings), charts
 * must gain data, an Availability Zone failure must show up as target-health changes and scaling
 * activities, and the command palette must jump to a resource.
 * A DNS trace of a weighted and of a failover record, and a replica promotion through the two-step
 * protocol until the replica is standalone, run on the bundled scenarios that have them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchChromium, ROOT, screenshotPath, startWebMode, type WebMode } from './support/web-mode';

const VIEWS = ['overview', 'load-balancers', 'auto-scaling', 'route53', 'rds', 'lambda', 'simulator', 'settings'] as const;

/** The first bundled scenario whose YAML matches every pattern (undefined until one lands on main). */
function bundledScenarioWith(...patterns: RegExp[]): string | undefined {
  const dir = resolve(ROOT, 'resources/scenarios');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.yaml'))
    .find((file) => patterns.every((pattern) => pattern.test(readFileSync(resolve(dir, file), 'utf8'))))
    ?.replace(/\.yaml$/, '');
}

// The bundled scenarios these steps need; a missing one fails the step (below), it is never skipped.
const dnsScenario = bundledScenarioWith(/Weight:/, /Failover:\s*PRIMARY/);
const promoteScenario = bundledScenarioWith(/SourceDBInstanceIdentifier:/);

let web: WebMode;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  web = await startWebMode(['--scenario', 'shop', '--speed', '600']);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  errors = collectPageErrors(page);
  // A fixed, English, light start whatever the machine prefers.
  // A string: this file is type-checked for Node, without the DOM's storage globals.
  await page.addInitScript(`if (!sessionStorage.getItem('fd-e2e')) {
    sessionStorage.setItem('fd-e2e', '1');
    localStorage.setItem('flightdeck.locale', 'en');
    localStorage.setItem('flightdeck.theme', 'light');
  }`);
  await page.goto(web.url);
  await page.getByTestId('mode-indicator').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

async function open(view: string): Promise<void> {
  await page.getByTestId(`nav-${view}`).click();
  await page.waitForURL(new RegExp(`#/${view}`));
}

/** The bundled scenario that shows a view best: Route 53 needs hosted zones, Lambda needs functions. */
const SCENARIO_FOR: Partial<Record<(typeof VIEWS)[number], string | undefined>> = {
  route53: bundledScenarioWith(/AWS::Route53::RecordSet/),
  lambda: bundledScenarioWith(/AWS::Lambda::Function/),
};
let currentScenario = 'shop';

async function loadScenario(name: string): Promise<void> {
  if (currentScenario === name) return;
  await open('simulator');
  await page.getByTestId('scenario-select').selectOption(name);
  await page.getByTestId('scenario-load').click();
  await page.getByTestId('scenario-loaded').waitFor();
  await expect.poll(async () => page.getByTestId('mode-indicator').textContent()).toContain(name);
  currentScenario = name;
}

/** Visits every view (each in the scenario that shows it best) and saves a full-page screenshot. */
async function photographEveryView(suffix: string): Promise<void> {
  for (const view of VIEWS) {
    await loadScenario(SCENARIO_FOR[view] ?? 'shop');
    await open(view);
    await page.locator('.view__title').first().waitFor();
    if (view === 'route53' && SCENARIO_FOR.route53) await page.getByTestId('record-group').first().waitFor();
    // A freshly loaded scenario: let half an hour of virtual time (3 s at ×600) fill the charts.
    if (view === 'lambda' && SCENARIO_FOR.lambda) await expect.poll(() => pointCount('[data-point-count]'), { timeout: 20_000 }).toBeGreaterThan(30 * 3);
    if (view === 'auto-scaling') await expect.poll(() => pointCount('[data-testid="capacity-chart"]'), { timeout: 20_000 }).toBeGreaterThan(0);
    await settle();
    await page.screenshot({ path: screenshotPath(`view-${view}-${suffix}`), fullPage: true });
  }
  await loadScenario('shop');
}

/**
 * Waits for the expected element or for the error the UI shows instead, and fails at once with that
 * error's text (e.g. the core refusing dns.trace in simulation) rather than after a long timeout.
 */
async function firstOf(expected: string, error: string, timeout = 30_000): Promise<void> {
  const found = page.getByTestId(expected).or(page.getByTestId(error)).first();
  await found.waitFor({ timeout });
  if ((await found.getAttribute('data-testid')) === error) throw new Error(`${expected} did not appear; the UI says: ${await found.textContent()}`);
}

async function pointCount(selector: string): Promise<number> {
  return Number(await page.locator(selector).first().getAttribute('data-point-count'));
}

/** Charts settle (the lazy setOption drew) before a screenshot. */
async function settle(): Promise<void> {
  await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
  await page.waitForTimeout(250);
}

describe('the dashboard in Chromium', () => {
  it('shows every view in English and the light theme, with charts gaining data', async () => {
    for (const view of ['load-balancers', 'auto-scaling', 'rds'] as const) {
      await open(view);
      const chart = '[data-point-count]';
      await expect.poll(() => pointCount(chart), { timeout: 20_000 }).toBeGreaterThan(0);
      const first = await pointCount(chart);
      await expect.poll(() => pointCount(chart), { timeout: 20_000 }).toBeGreaterThan(first);
    }
    await open('overview');
    await page.getByTestId('path-node').first().waitFor();
    expect(await page.getByTestId('service-tile').count()).toBe(6);
    await photographEveryView('light');
    expect(await page.locator('html').getAttribute('data-theme')).toBe('light');
  });

  it('shows an injected Availability Zone failure as target-health changes and scaling activities', async () => {
    await open('simulator');
    const form = page.locator('[data-testid="fault-form"][data-type="FailAvailabilityZone"]');
    await form.getByTestId('fault-field-AvailabilityZone').selectOption('us-east-1a');
    const injectedAt = Number(await page.getByTestId('virtual-clock').getAttribute('data-now'));
    await form.getByTestId('fault-inject').click();
    await page.locator('[data-testid="fault-log-entry"][data-kind="FaultInjected"]').first().waitFor();
    expect(await page.getByTestId('fault-log-entry').first().textContent()).toContain('us-east-1a');

    // The group replaces the instances in the failed zone (scaling activities) and their targets
    // leave the target group or fail their health checks (target-health changes in the timeline).
    const since = (selector: string, attribute: string, text = /./) => async () =>
      (await page.locator(selector).evaluateAll((elements, name) => elements.map((el) => [Number(el.getAttribute(name)), el.textContent ?? ''] as const), attribute)).filter(
        ([time, content]) => time >= injectedAt && text.test(content),
      ).length;
    await open('overview');
    await expect.poll(since('[data-testid="recent-event"][data-service="elbv2"]', 'data-time', /unhealthy|unused|draining/i), { timeout: 30_000 }).toBeGreaterThan(0);
    await settle();
    await page.screenshot({ path: screenshotPath('az-failure-overview'), fullPage: true });

    await open('auto-scaling');
    await expect.poll(since('[data-testid="scaling-activity"]', 'data-start'), { timeout: 30_000 }).toBeGreaterThan(0);
    const capacity = page.getByTestId('capacity-chart').first();
    // The group's series come with the view's subscription (its history): they may land a moment after its activities.
    await expect.poll(async () => Number(await capacity.getAttribute('data-point-count')), { timeout: 30_000 }).toBeGreaterThan(0);
    const clockNow = Number(await page.getByTestId('virtual-clock').getAttribute('data-now'));
    expect(clockNow).toBeGreaterThan(injectedAt);
    await settle();
    await page.screenshot({ path: screenshotPath('az-failure-auto-scaling'), fullPage: true });
  });

  it('jumps to a resource with the command palette (Ctrl+K)', async () => {
    await open('overview');
    await page.keyboard.press('Control+k');
    const input = page.getByTestId('palette-input');
    await input.waitFor();
    await input.fill('shop-web-asg');
    await page.screenshot({ path: screenshotPath('command-palette') });
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/auto-scaling\?focus=shop-web-asg/);
    await page.locator('[data-testid="asg-panel"][data-group="shop-web-asg"]').waitFor();
  });

  it('traces a weighted and a failover record', async () => {
    expect(dnsScenario, 'a bundled scenario with weighted and failover records').toBeDefined();
    await loadScenario(dnsScenario!);
    await open('route53');
    const source = readFileSync(resolve(ROOT, `resources/scenarios/${dnsScenario}.yaml`), 'utf8');
    const names = (pattern: RegExp) => [...source.matchAll(pattern)].map((m) => m[1]!);
    const weighted = names(/Name:\s*([\w.-]+)\s*\n(?:.*\n){0,8}?\s*Weight:/g)[0];
    const failover = names(/Name:\s*([\w.-]+)\s*\n(?:.*\n){0,8}?\s*Failover:\s*PRIMARY/g)[0];
    for (const [name, kind] of [
      [weighted, 'weighted'],
      [failover, 'failover'],
    ] as const) {
      expect(name, `a ${kind} record in ${dnsScenario}`).toBeTruthy();
      await page.getByTestId('dns-name').fill(name!);
      if (kind === 'weighted') await page.getByTestId('dns-repeat-toggle').check();
      else await page.getByTestId('dns-repeat-toggle').uncheck();
      await page.getByTestId('dns-run').click();
      await page.getByTestId('dns-trace').or(page.getByTestId('dns-error')).first().waitFor();
      await firstOf('dns-trace', 'dns-error');
      await expect.poll(async () => page.getByTestId('dns-step').count()).toBeGreaterThanOrEqual(3);
      expect(await page.getByTestId('dns-explanation').textContent()).toBeTruthy();
      if (kind === 'weighted') await page.getByTestId('dns-distribution').waitFor();
      await page.screenshot({ path: screenshotPath(`dns-trace-${kind}`), fullPage: true });
    }
  });

  it('promotes a read replica and watches it become standalone', async () => {
    expect(promoteScenario, 'a bundled scenario with a read replica').toBeDefined();
    await loadScenario(promoteScenario!);
    await open('rds');
    const replica = page.locator('[data-testid="db-instance"][data-role="replica"]').first();
    await replica.waitFor({ timeout: 30_000 });
    const identifier = (await replica.getAttribute('data-identifier'))!;
    await replica.getByTestId('db-promote').click();
    await page.getByTestId('action-summary').or(page.getByTestId('action-error')).first().waitFor();
    try {
      await firstOf('action-summary', 'action-error');
      const typed = page.getByTestId('action-typed-confirmation');
      if (await typed.count()) await typed.fill(identifier);
      await page.screenshot({ path: screenshotPath('rds-promote-confirm') });
      await page.getByTestId('action-execute').click();
      await firstOf('promote-done', 'action-error', 60_000);
      await page.screenshot({ path: screenshotPath('rds-promote-done') });
    } finally {
      // Whatever happened, close the dialog so the next steps see the views.
      if (await page.getByTestId('dialog').count()) await page.keyboard.press('Escape');
    }
    await page.locator(`[data-testid="db-instance"][data-identifier="${identifier}"][data-role="primary"]`).waitFor();
  });

  it('switches to Korean and the dark theme in Settings, and shows every view that way', async () => {
    await loadScenario('shop');
    await open('settings');
    await page.getByTestId('locale-ko').check();
    await page.getByTestId('theme-dark').check();
    expect(await page.locator('html').getAttribute('lang')).toBe('ko');
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    expect(await page.getByTestId('nav-load-balancers').textContent()).toContain('로드 밸런서');
    await photographEveryView('dark-ko');
    expect(await page.getByTestId('nav-settings').textContent()).toContain('설정');
  });

  it('logged no errors in the page', () => {
    expect(errors).toEqual([]);
  });
});
