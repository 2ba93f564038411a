/**
 * Every visible word comes through i18n (issue 9, item 2). The app runs in the pseudo locale `xx`
 * (src-renderer/src/i18n/pseudo.ts: each English message accented and wrapped in ⟦ ⟧, switched on by
 * a localStorage test hook); the test visits every view and opens every dialog (the promotion
 * pre-flight, a DNS trace, a fault form with an injected fault and a refused one, settings, the command
 * palette and the keyboard shortcuts) and reads every visible text
 * node. Whatever is left of a text node once the bracketed (translated) parts are removed must be a
 * value, by this rule:
 *
 *   - a token with no Latin letter: numbers, times, dates, percentages, symbols, arrows;
 *   - a token with a digit in it: identifiers, addresses, regions and zones (i-0abc…, 192.0.2.10,
 *     us-east-1a, 10ms, t3.micro);
 *   - a token with `- _ . : / @ =` inside it: resource and DNS names, ARNs (shop-web, example.com.);
 *   - an all-capitals token: AWS codes and record types (A, CNAME, NOERROR, PRIMARY, UTC, ALB);
 *   - a name from the scenario itself (resource names, logical ids, set identifiers, tag values):
 *     what the operator named is shown as named;
 *   - a path or pattern (/health, /orders*);
 *   - a key cap (text inside <kbd>: Ctrl, Alt, Esc, Space — the keyboard's own labels);
 *   - a unit after a number (ms, s, min, %, MiB …);
 *   - AWS's own words: text the AWS API returns and the AWS console (Korean too) shows untranslated —
 *     an alarm's StateReason, a scaling activity's Description, Cause and StatusCode (AWS_WORDS below;
 *     the simulator writes them as AWS does); and the scenario's Description, its author's words.
 *
 * Anything else is a finding: English that did not come through i18n. Findings that belong to work
 * done in parallel by other helpers are allow-listed below with their owner, for the lead to remove
 * after merging; the test fails on any other finding, and also on an allow-list entry that no longer
 * matches anything (so the list cannot rot). Tooltips (title attributes) and chart canvases are not
 * text nodes and are not checked.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchChromium, ROOT, screenshotPath, startWebMode, type WebMode } from './support/web-mode';

const SCENARIO = 'shop';

/** AWS's own words, by where they are shown and how AWS writes them (see the rule above). */
const AWS_WORDS: { where: RegExp; text: RegExp }[] = [
  // An alarm's StateReason, as CloudWatch writes it ("Threshold Crossed: …", "Insufficient Data: …").
  { where: /› (alarm|recent-event)$/, text: /^(?:(?:OK|ALARM|INSUFFICIENT_DATA) → (?:OK|ALARM|INSUFFICIENT_DATA): )?(?:Threshold Crossed|Insufficient Data): / },
  {
    where: /› (scaling-activity|recent-event)$/,
    // Any StatusCode of a scaling activity (contract ActivityStatusCode; a run may catch one mid-way, e.g. WaitingForELBConnectionDraining).
    text: /^(?:(?:PendingSpotBidPlacement|WaitingForSpotInstanceRequestId|WaitingForSpotInstanceId|WaitingForInstanceId|PreInService|InProgress|WaitingForELBConnectionDraining|MidLifecycleAction|WaitingForInstanceWarmup|Successful|Failed|Cancelled|WaitingForConnectionDraining): )?(?:Launching a new EC2 instance|Terminating EC2 instance|At \d{4}-\d\d-\d\dT)/,
  },
];

/**
 * Findings owned elsewhere, each with the branch that converts it (or "unassigned" when no helper of
 * issue 9 has it): the lead removes an entry when its owner's work is merged — the last test fails
 * on an entry that no longer matches anything. Matched against `<step> › <test id>: <text>`.
 */
const ALLOWED: { owner: string; why: string; pattern: RegExp }[] = [];

const VIEWS = ['overview', 'load-balancers', 'auto-scaling', 'route53', 'rds', 'lambda', 'simulator', 'settings', 'activity'] as const;
const UNITS = new Set(['ms', 's', 'min', 'h', 'd', 'm', 'x', 'KiB', 'MiB', 'GiB', 'KB', 'MB', 'GB', 'vCPU']);

/** Names the scenario gives things: they are shown as they are. */
function scenarioNames(): Set<string> {
  const yaml = readFileSync(resolve(ROOT, `resources/scenarios/${SCENARIO}.yaml`), 'utf8');
  const names = new Set<string>([SCENARIO]);
  for (const match of yaml.matchAll(/^\s{2}(\w+):\s*$/gm)) names.add(match[1]!);
  for (const match of yaml.matchAll(/(?:Name|Identifier|Id|Key|Value)\s*:\s*['"]?([\w.-]+)/g)) names.add(match[1]!);
  // DNS names and host headers: each label is shown on its own too (`www` of www.example.com).
  for (const match of yaml.matchAll(/\b[\w-]+(?:\.[\w-]+)+\b/g)) for (const label of match[0].split('.')) names.add(label);
  return names;
}

const SCENARIO_DESCRIPTION = /^Description:\s*(.+)$/m.exec(readFileSync(resolve(ROOT, `resources/scenarios/${SCENARIO}.yaml`), 'utf8'))?.[1]?.trim();

/** What a text node has outside ⟦ ⟧, innermost brackets first (a translated phrase can hold another). */
function untranslated(text: string): string {
  let rest = text;
  for (let before = ''; before !== rest; ) {
    before = rest;
    rest = rest.replace(/⟦[^⟦⟧]*⟧/g, ' ');
  }
  return rest;
}

function isValueToken(token: string, names: ReadonlySet<string>): boolean {
  if (!/[A-Za-z]/.test(token)) return true;
  if (/\d/.test(token)) return true;
  if (/\w[-_.:/@=]\w/.test(token) || /\.$/.test(token)) return true;
  if (token === token.toUpperCase()) return true;
  if (names.has(token)) return true;
  if (/^\//.test(token) || token.includes('*')) return true;
  return UNITS.has(token);
}

/** The tokens of `rest` that are not values: English that did not come through i18n. */
function englishIn(rest: string, names: ReadonlySet<string>): string[] {
  return rest
    .split(/[\s,;()[\]{}·—–…"'“”‘’|<>!?]+/)
    .map((token) => token.replace(/^[:.]+|[:]+$/g, ''))
    .filter((token) => token && !isValueToken(token, names));
}

interface Finding {
  where: string;
  text: string;
  words: string[];
}

let web: WebMode;
let browser: Browser;
let page: Page;
let errors: string[];
const names = scenarioNames();
const findings: Finding[] = [];

/** Every visible text node of the page, with the test id of its closest marked ancestor. */
async function visibleTexts(): Promise<{ text: string; where: string }[]> {
  return page.evaluate(`(() => {
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent.trim();
      const parent = node.parentElement;
      if (!text || !parent || parent.closest('script, style, noscript, template, kbd')) continue;
      if (!parent.checkVisibility({ checkVisibilityCSS: true, checkOpacity: true })) continue;
      const marked = parent.closest('[data-testid]');
      out.push({ text, where: marked ? marked.getAttribute('data-testid') : parent.tagName.toLowerCase() });
    }
    return out;
  })()`);
}

async function check(step: string): Promise<void> {
  for (const { text, where } of await visibleTexts()) {
    const at = `${step} › ${where}`;
    if (text === SCENARIO_DESCRIPTION || AWS_WORDS.some((aws) => aws.where.test(at) && aws.text.test(text))) continue;
    const words = englishIn(untranslated(text), names);
    if (words.length > 0) findings.push({ where: at, text, words });
  }
}

async function open(view: string): Promise<void> {
  await page.getByTestId(`nav-${view}`).click();
  await page.waitForURL(new RegExp(`#/${view}`));
  // Lazy views and their first data: give them a moment, then read.
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.waitForTimeout(1500);
}

beforeAll(async () => {
  // Its own config dir: the audit log of the promotion and the fault must not land in $HOME.
  web = await startWebMode(['--scenario', SCENARIO, '--speed', '60'], { FLIGHTDECK_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'fd-e2e-pseudo-')) });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  errors = collectPageErrors(page);
  // The test hook of the pseudo locale; a string because this file is type-checked without the DOM.
  await page.addInitScript(`localStorage.setItem('flightdeck.pseudoLocale', 'on'); localStorage.setItem('flightdeck.theme', 'light');`);
  await page.goto(web.url);
  await page.getByTestId('mode-indicator').waitFor({ timeout: 120_000 });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await web?.stop();
}, 120_000);

describe('pseudo locale: every visible word comes through i18n', () => {
  it('the pseudo locale is on (the navigation reads bracketed)', async () => {
    expect(await page.getByTestId('nav-settings').textContent()).toMatch(/⟦.+⟧/);
  });

  it('every view', async () => {
    for (const view of VIEWS) {
      await open(view);
      await check(view);
    }
  }, 300_000);

  it('the promotion pre-flight dialog', async () => {
    await open('rds');
    const replica = page.locator('[data-testid="db-instance"][data-role="replica"]').first();
    await replica.waitFor({ timeout: 60_000 });
    await replica.getByTestId('db-promote').click();
    await page.getByTestId('action-summary').or(page.getByTestId('action-error')).first().waitFor({ timeout: 60_000 });
    await check('promotion pre-flight');
    await page.screenshot({ path: screenshotPath('pseudo-promote') });
    await page.keyboard.press('Escape');
  }, 180_000);

  it('a DNS trace', async () => {
    await open('route53');
    const name = await page.locator('[data-testid="record-group"]').first().getAttribute('data-name');
    expect(name, 'a record in the scenario').toBeTruthy();
    await page.getByTestId('dns-name').fill(name!);
    await page.getByTestId('dns-repeat-toggle').check();
    await page.getByTestId('dns-run').click();
    await page.getByTestId('dns-trace').or(page.getByTestId('dns-error')).first().waitFor({ timeout: 60_000 });
    await page.getByTestId('dns-explanation').waitFor();
    await check('dns trace');
    await page.screenshot({ path: screenshotPath('pseudo-dns-trace'), fullPage: true });
  }, 180_000);

  it('the fault forms, an injected fault, its log and the running list', async () => {
    await open('simulator');
    const form = page.locator('[data-testid="fault-form"][data-type="FailTargets"]');
    await form.waitFor({ timeout: 60_000 });
    await check('fault forms');
    await form.getByTestId('fault-inject').click();
    await page.getByTestId('fault-log-entry').first().waitFor({ timeout: 60_000 });
    await check('fault injected');
    await page.screenshot({ path: screenshotPath('pseudo-faults'), fullPage: true });
  }, 180_000);

  it('a refused fault injection (a duration past the contract’s bound): the refusal comes through i18n too', async () => {
    await open('simulator');
    const form = page.locator('[data-testid="fault-form"][data-type="FailTargets"]');
    await form.waitFor({ timeout: 60_000 });
    // 20,000 minutes is past the 7 days the contract allows; the form has no bound of its own, so the core refuses.
    await form.getByTestId('fault-duration').fill('20000');
    await form.getByTestId('fault-inject').click();
    const problem = form.getByTestId('fault-problem');
    await problem.waitFor({ timeout: 60_000 });
    await check('fault refused');
    // Inside the brackets too: the core's English would keep unaccented vowels (the pseudo locale accents
    // every one); a camelCase token is a value (the contract field the core names, durationSeconds).
    const text = (await problem.textContent()) ?? '';
    expect(text.startsWith('⟦')).toBe(true);
    expect(text.split(/[^A-Za-z\u00C0-\u017F]+/).filter((word) => /[aeiouAEIOU]/.test(word) && !/[a-z][A-Z]/.test(word))).toEqual([]);
  }, 180_000);

  it('settings, again after the other steps (audit entries, profiles)', async () => {
    await open('settings');
    await check('settings');
    await open('activity');
    await check('activity after actions');
    await open('overview');
    await check('overview after a fault');
  }, 180_000);

  it('the command palette and the keyboard shortcuts', async () => {
    await open('overview');
    await page.keyboard.press('Control+k');
    await page.getByTestId('palette-input').fill('shop');
    await page.getByTestId('palette-item').first().waitFor({ timeout: 30_000 });
    await check('command palette');
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    await page.getByTestId('shortcut-help').waitFor({ timeout: 30_000 });
    await check('keyboard shortcuts');
    await page.keyboard.press('Escape');
  }, 120_000);

  it('finds nothing outside i18n but the allow-listed findings of other branches, and every allow-list entry still matches', () => {
    const line = (f: Finding) => `${f.where}: ${f.text}`;
    const unexpected = findings.filter((f) => !ALLOWED.some((a) => a.pattern.test(line(f))));
    const unique = [...new Map(unexpected.map((f) => [line(f), f])).values()];
    const stale = ALLOWED.filter((a) => !findings.some((f) => a.pattern.test(line(f))));
    expect(unique.map((f) => `${f.where}: "${f.text}" (${f.words.join(', ')})`)).toEqual([]);
    expect(stale.map((a) => `${a.owner}: ${a.pattern}`)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
