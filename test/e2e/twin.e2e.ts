/**
 * Issue 17 in Chromium: a twin (here of the bundled shop stack, recorded by the simulator itself) is
 * marked as a rehearsal of account/region/window, and the Simulator view lists its fit to the
 * recording — "not enough data" before an hour has run, a WAPE figure after. Screenshot for docs/twin.md.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readScenario } from '../../src-main/core/scenario-files';
import { SimulationEngine } from '../../src-main/core/sources/sim/engine';
import { exportMetrics } from '../../src-main/core/sources/sim/export';
import { buildTwin, twinYaml } from '../../src-main/core/twin/build-twin';
import { historyQueries, seriesKey } from '../../src-main/core/twin/history-queries';
import type { ObservedSeries } from '../../src-main/core/twin/twin-section';
import { collectPageErrors, launchChromium, ROOT, startWebMode, type WebMode } from './support/web-mode';

const PERIOD = 300;

/** Two hours of the shop stack, recorded as CloudWatch would give them, exported as a twin. */
function shopTwin(): string {
  const engine = new SimulationEngine(readScenario('shop'), { trackChanges: false });
  const start = engine.startTime / 1000;
  engine.advanceBy(2 * 3600);
  const inventory = engine.inventory();
  const recorded = new Map(exportMetrics(engine.metrics).map((s) => [seriesKey({ ...s, stat: s.stat }), s]));
  const observed: ObservedSeries[] = historyQueries(inventory).map((q) => {
    const series = recorded.get(seriesKey(q));
    const values = new Array<number | null>(24).fill(null).map((_, i) => {
      const points = (series?.points ?? []).filter(([t]) => t >= start + i * PERIOD && t < start + (i + 1) * PERIOD).map(([, v]) => v);
      if (points.length === 0) return null;
      const sum = points.reduce((a, b) => a + b, 0);
      return q.stat === 'Sum' ? sum : sum / points.length;
    });
    return { ...q, periodSeconds: PERIOD, start: new Date(start * 1000).toISOString(), values };
  });
  const window = { start: new Date(start * 1000).toISOString(), end: new Date((start + 2 * 3600) * 1000).toISOString() };
  return twinYaml(buildTwin({ inventory, source: { account: '123456789012', region: 'us-east-1', profile: 'prod' }, window, periodSeconds: PERIOD, observed }));
}

let web: WebMode;
let browser: Browser;

beforeAll(async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'flightdeck-twin-e2e-')), 'shop-twin.yaml');
  writeFileSync(file, shopTwin());
  browser = await launchChromium();
  web = await startWebMode(['--scenario', file, '--speed', '1', '--lead-in', '0']);
}, 180_000);

afterAll(async () => {
  await web?.stop();
  await browser?.close();
});

describe('a twin in Chromium', () => {
  it('is marked as a twin of account/region/window, and shows its fit to the recording', async () => {
    const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
    const errors = collectPageErrors(page);
    await page.goto(`${web.url}#/simulator`);
    const banner = page.getByTestId('twin-banner');
    await expect.poll(() => banner.textContent(), { timeout: 60_000 }).toContain('Twin of account 123456789012 in us-east-1');
    expect(await banner.textContent()).toContain('no AWS call is made');
    await page.getByTestId('sim-pause').click();
    await page.getByTestId('twin-fit-refresh').click();
    await expect.poll(() => page.locator('[data-testid="twin-fit"] tr[data-kind="requests"]').first().getAttribute('data-verdict'), { timeout: 60_000 }).toBe('notEnoughData');
    const before = await page.getByTestId('sim-clock').textContent();
    await page.getByTestId('sim-step-3600').click();
    await expect.poll(() => page.getByTestId('sim-clock').textContent(), { timeout: 120_000 }).not.toBe(before);
    await page.getByTestId('twin-fit-refresh').click();
    const requests = page.locator('[data-testid="twin-fit"] tr[data-kind="requests"]').first();
    await expect.poll(() => requests.getAttribute('data-verdict'), { timeout: 60_000 }).toBe('measured');
    expect(await requests.textContent()).toMatch(/\d+\.\d %/);
    await page.screenshot({ path: resolve(ROOT, 'docs/screenshots/twin.png') });
    expect(errors).toEqual([]);
  }, 300_000);
});
