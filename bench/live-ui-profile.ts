/**
 * Where the live UI's main-thread time goes (issue 15): web mode for one scenario, each view on a
 * fresh page, a CDP CPU profile over the first render (navigation → content) and over a window of
 * live updates; prints the top self-time functions and the busy time per wall second (CDP
 * TaskDuration, as bench/live-ui.ts measures it). Profiles go to PROFILE_OUT (default /tmp) as
 * .cpuprofile files for Chrome DevTools.
 *
 *   npm run build && node --import tsx bench/live-ui-profile.ts scale-1000 [view ...]
 *
 * PROFILE_ROOT runs another build (a directory holding bin/ and out/, e.g. a copy of the base
 * commit's build) to compare before and after; PROFILE_SECONDS sets the window (default 10),
 * PROFILE_SPEED the simulation speed (default 3600). Minified builds give minified names: build
 * with the renderer unminified to read them (`FLIGHTDECK_UNMINIFIED=1 npm run build`).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type CDPSession } from 'playwright-core';

const ROOT = process.env.PROFILE_ROOT ?? resolve(import.meta.dirname, '..');
const OUT = process.env.PROFILE_OUT ?? '/tmp';
const SECONDS = Number(process.env.PROFILE_SECONDS ?? 10);
const SPEED = Number(process.env.PROFILE_SPEED ?? 3600);
const [scenario = 'scale-1000', ...askedViews] = process.argv.slice(2);
const views = askedViews.length > 0 ? askedViews : ['overview', 'load-balancers', 'auto-scaling', 'rds', 'lambda'];

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Self time per function (ms) and per script file, heaviest first. */
function summarise(profile: Profile, top = 25): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, index) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000));
  const perFunction = new Map<string, number>();
  const perFile = new Map<string, number>();
  for (const [id, ms] of self) {
    const frame = byId.get(id)!.callFrame;
    const file = frame.url.split('/').pop() || '(native)';
    const key = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
    perFunction.set(key, (perFunction.get(key) ?? 0) + ms);
    perFile.set(file, (perFile.get(file) ?? 0) + ms);
  }
  const total = (profile.endTime - profile.startTime) / 1000;
  const lines = [`  wall ${total.toFixed(0)} ms; by file:`];
  for (const [file, ms] of [...perFile].sort((a, b) => b[1] - a[1]).slice(0, 10)) lines.push(`    ${ms.toFixed(0).padStart(7)} ms  ${file}`);
  lines.push('  by function (self):');
  for (const [key, ms] of [...perFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`    ${ms.toFixed(0).padStart(7)} ms  ${key}`);
  return lines.join('\n');
}

async function startServer(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, [resolve(ROOT, 'bin/flightdeck.js'), 'serve', '--port', '0', '--scenario', scenario, '--speed', String(SPEED)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stderr!.on('data', (chunk) => (output += chunk));
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`serve did not start within 300 s:\n${output}`)), 300_000);
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const match = /Flightdeck listening on (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        done(match[1]!);
      }
    });
    child.once('exit', (code) => fail(new Error(`serve exited with ${code}:\n${output}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

/** Same test as bench/live-ui.ts: a chart with data, the request path, or the empty state. */
function rendered(): boolean {
  const doc = (globalThis as unknown as { document: { querySelector(s: string): unknown; querySelectorAll(s: string): ArrayLike<{ getAttribute(n: string): string | null }> } }).document;
  if (!doc.querySelector('.view__title')) return false;
  return (
    Array.from(doc.querySelectorAll('[data-point-count]')).some((el) => Number(el.getAttribute('data-point-count')) > 0) ||
    doc.querySelector('[data-testid="path-node"]') !== null ||
    doc.querySelector('[data-testid="empty-state"]') !== null
  );
}

async function stopProfile(cdp: CDPSession, name: string): Promise<Profile> {
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  writeFileSync(resolve(OUT, `${name}.cpuprofile`), JSON.stringify(profile));
  return profile;
}

async function profileView(browser: Browser, url: string, view: string): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(`localStorage.setItem('flightdeck.locale', 'en'); localStorage.setItem('flightdeck.theme', 'light'); localStorage.setItem('flightdeck.firstRunGuide', 'dismissed');`);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  const opened = Date.now();
  await page.goto(`${url}#/${view}`, { waitUntil: 'commit', timeout: 180_000 });
  await page.waitForFunction(rendered, undefined, { timeout: 180_000, polling: 100 });
  const firstRender = Date.now() - opened;
  const first = await stopProfile(cdp, `${scenario}-${view}-first`);
  const metrics = async () => Object.fromEntries(((await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }).metrics.map((m) => [m.name, m.value]));
  await cdp.send('Profiler.start');
  const before = await metrics();
  const start = Date.now();
  await page.waitForTimeout(SECONDS * 1000);
  const after = await metrics();
  const seconds = (Date.now() - start) / 1000;
  const live = await stopProfile(cdp, `${scenario}-${view}-live`);
  const domElements = await page.evaluate('document.getElementsByTagName("*").length');
  const per = (name: string) => (((after[name]! - before[name]!) * 1000) / seconds).toFixed(0);
  console.log(`\n=== ${scenario} ${view}: first render ${(firstRender / 1000).toFixed(1)} s; busy ${per('TaskDuration')} ms/s (script ${per('ScriptDuration')}, layout ${per('LayoutDuration')}, style ${per('RecalcStyleDuration')}); DOM ${domElements}`);
  console.log('--- first render');
  console.log(summarise(first, 15));
  console.log('--- live window');
  console.log(summarise(live));
  await context.close();
}

mkdirSync(OUT, { recursive: true });
const server = await startServer();
const browser = await chromium.launch({
  executablePath: process.env.FLIGHTDECK_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  for (const view of views) await profileView(browser, server.url, view);
} finally {
  await browser.close();
  server.stop();
}
