/**
 * A settings file that cannot be used, as the operator meets it: web mode started on a config
 * directory whose settings.json was written by a newer Flightdeck. The banner is above every view
 * (not only Settings), names the file, and starting over keeps the old file as a copy and writes a
 * new one in which every AWS profile is read-only.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchChromium, startWebMode, type WebMode } from './support/web-mode';

const NEWER = '{"version": 2, "profiles": {"prod": {"readOnly": true}}}\n';
const home = mkdtempSync(join(tmpdir(), 'fd-e2e-settings-'));
const configDir = join(home, 'flightdeck');
const settingsFile = join(configDir, 'settings.json');

let web: WebMode;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  writeFileSync(join(home, 'config'), '[profile prod]\nregion = eu-west-1\n[profile staging]\nregion = eu-west-1\n');
  // The server inherits this worker's environment: its own config dir and AWS files, nothing of the machine's.
  process.env.FLIGHTDECK_CONFIG_DIR = configDir;
  process.env.AWS_CONFIG_FILE = join(home, 'config');
  process.env.AWS_SHARED_CREDENTIALS_FILE = join(home, 'credentials');
  mkdirSync(configDir);
  writeFileSync(settingsFile, NEWER);
  web = await startWebMode(['--scenario', 'shop', '--speed', '60']);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  errors = collectPageErrors(page);
  await page.addInitScript(`localStorage.setItem('flightdeck.locale', 'en');`);
  await page.goto(web.url);
  await page.getByTestId('mode-indicator').waitFor();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

describe('settings file that cannot be used', () => {
  it('is reported above every view, and starting over keeps the file and makes every profile read-only', async () => {
    const banner = page.getByTestId('settings-file-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('every AWS profile is read-only until you decide');
    expect(await banner.textContent()).toContain(settingsFile);
    for (const view of ['rds', 'simulator', 'settings']) {
      await page.getByTestId(`nav-${view}`).click();
      await page.waitForURL(new RegExp(`#/${view}`));
      expect(await banner.isVisible(), view).toBe(true);
    }
    expect(readFileSync(settingsFile, 'utf8')).toBe(NEWER);

    await page.getByTestId('settings-file-reset').click();
    await page.getByTestId('settings-file-reset').click();
    await page.getByTestId('settings-file-notes').waitFor();
    expect(await banner.count()).toBe(0);
    const copy = readdirSync(configDir).find((f) => f.startsWith('settings.json.reset-'));
    expect(copy).toBeDefined();
    expect(readFileSync(join(configDir, copy!), 'utf8')).toBe(NEWER);
    // Every profile the list shows is read-only after starting over, the standard chain's entry included.
    expect(JSON.parse(readFileSync(settingsFile, 'utf8'))).toEqual({
      version: 1,
      profiles: { '(default chain)': { readOnly: true, nonProduction: false }, prod: { readOnly: true, nonProduction: false }, staging: { readOnly: true, nonProduction: false } },
    });
    expect(await page.getByTestId('settings-file-notes').textContent()).toContain(copy!);
    expect(errors).toEqual([]);
  }, 180_000);
});
