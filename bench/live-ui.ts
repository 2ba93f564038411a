/**
 * The live UI at scale (issue 15 item 7): web mode (`node bin/flightdeck.js serve`, the built app)
 * in headless Debian Chromium, `shop` and `scale-1000` side by side in one run, one scenario's
 * server at a time (the machine is shared). Per view, on a fresh page:
 *  - first render: navigation to the view until it shows its content (a chart with data, the
 *    request path, or its empty state);
 *  - renderer main thread busy, ms per second: CDP Performance.getMetrics TaskDuration over a
 *    window of live updates (the share of wall time the page's main thread ran tasks);
 *  - DOM elements at the end of the window (document.getElementsByTagName('*'));
 *  - WebSocket bytes received per second, the largest frame, and reconnects (sockets opened after
 *    the first) over the same window.
 * Needs `npm run build`. BENCH_LIVE_SPEED (default 3600) and BENCH_LIVE_SECONDS (default 10) set
 * the simulation speed and the measuring window.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import type { BenchResult } from './run';

const ROOT = resolve(import.meta.dirname, '..');
const SCENARIOS = ['shop', 'scale-1000'] as const;
const ALL_VIEWS = ['overview', 'load-balancers', 'auto-scaling', 'rds', 'lambda'] as const;
/** BENCH_LIVE_VIEWS=overview,rds measures those views only (the goals then cover only them). */
const VIEWS: readonly (typeof ALL_VIEWS)[number][] = (() => {
  const asked = process.env.BENCH_LIVE_VIEWS?.split(',').map((view) => view.trim()).filter(Boolean);
  if (!asked || asked.length === 0) return ALL_VIEWS;
  const unknown = asked.filter((view) => !(ALL_VIEWS as readonly string[]).includes(view));
  if (unknown.length > 0) throw new Error(`BENCH_LIVE_VIEWS: unknown view ${unknown.join(', ')} (one of ${ALL_VIEWS.join(', ')})`);
  return asked as (typeof ALL_VIEWS)[number][];
})();
const SPEED = Number(process.env.BENCH_LIVE_SPEED ?? 3600);
const WINDOW_SECONDS = Number(process.env.BENCH_LIVE_SECONDS ?? 10);
/** Issue 15's goals, for the table's last column. */
const GOAL = { busy: 150, domElements: 5000, wsKBps: 200, frameKB: 256 };

const round = (value: number, digits = 0): number => Math.round(value * 10 ** digits) / 10 ** digits;

interface ViewFigures {
  firstRenderMs: number;
  busyMsPerS: number;
  scriptMsPerS: number;
  layoutMsPerS: number;
  domElements: number;
  wsKBps: number;
  largestFrameKB: number;
  framesOver256kB: number;
  reconnects: number;
  /** Simulated seconds per wall second the page saw (update clocks): below the speed asked when the host cannot keep up. */
  effectiveSpeed: number;
}

interface Server {
  url: string;
  child: ChildProcess;
  startMs: number;
}

export async function startServer(scenario: string): Promise<Server> {
  const started = Date.now();
  const child = spawn(process.execPath, [resolve(ROOT, 'bin/flightdeck.js'), 'serve', '--port', '0', '--scenario', scenario, '--speed', String(SPEED)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stderr!.on('data', (chunk) => (output += chunk));
  const url = await new Promise<string>((done, fail) => {
    // The warm start simulates the lead-in before listening: generous on a busy machine.
    const timer = setTimeout(() => fail(new Error(`serve ${scenario} did not start within 300 s:\n${output}`)), 300_000);
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const match = /Flightdeck listening on (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        done(match[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`serve ${scenario} exited with ${code}:\n${output}`));
    });
  });
  return { url, child, startMs: Date.now() - started };
}

export function stopServer(server: Server): Promise<void> {
  return new Promise((done) => {
    if (server.child.exitCode !== null) return done();
    server.child.once('exit', () => done());
    server.child.kill('SIGTERM');
  });
}

/**
 * A view has rendered when it shows its content: a chart with data, the request path, or its empty
 * state. A function, not a string: the app's CSP forbids eval.
 */
export function rendered(): boolean {
  interface El {
    getAttribute(name: string): string | null;
  }
  const doc = (globalThis as unknown as { document: { querySelector(s: string): El | null; querySelectorAll(s: string): ArrayLike<El> } }).document;
  if (!doc.querySelector('.view__title')) return false;
  return (
    Array.from(doc.querySelectorAll('[data-point-count]')).some((el) => Number(el.getAttribute('data-point-count')) > 0) ||
    doc.querySelector('[data-testid="path-node"]') !== null ||
    doc.querySelector('[data-testid="empty-state"]') !== null
  );
}

async function measureView(browser: Browser, url: string, view: string): Promise<ViewFigures> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(`localStorage.setItem('flightdeck.locale', 'en'); localStorage.setItem('flightdeck.theme', 'light'); localStorage.setItem('flightdeck.firstRunGuide', 'dismissed');`);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  let sockets = 0;
  let bytes = 0;
  let largest = 0;
  let over = 0;
  let counting = false;
  const clocks: number[] = [];
  page.on('websocket', (socket) => {
    sockets++;
    socket.on('framereceived', (frame) => {
      if (!counting) return;
      const size = typeof frame.payload === 'string' ? Buffer.byteLength(frame.payload) : frame.payload.length;
      // The simulated time each update stands at (the clock leads the payload: a prefix match is enough).
      const clock = typeof frame.payload === 'string' ? /"channel":"update","payload":\{"clock":\{"now":(\d+)/.exec(frame.payload.slice(0, 200)) : null;
      if (clock) clocks.push(Number(clock[1]));
      bytes += size;
      largest = Math.max(largest, size);
      if (size > GOAL.frameKB * 1024) over++;
    });
  });
  const opened = Date.now();
  // 'commit': at scale the server may be slow to send the page; the wait below covers the rest.
  await page.goto(`${url}#/${view}`, { waitUntil: 'commit', timeout: 180_000 });
  await page.waitForFunction(rendered, undefined, { timeout: 180_000, polling: 100 });
  const firstRenderMs = Date.now() - opened;

  const metrics = async () => Object.fromEntries(((await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }).metrics.map((m) => [m.name, m.value]));
  const socketsBefore = sockets;
  counting = true;
  const before = await metrics();
  const windowStart = Date.now();
  await page.waitForTimeout(WINDOW_SECONDS * 1000);
  const after = await metrics();
  const seconds = (Date.now() - windowStart) / 1000;
  counting = false;
  const perSecond = (name: string) => ((after[name]! - before[name]!) * 1000) / seconds;
  const domElements = await page.evaluate('document.getElementsByTagName("*").length');
  await context.close();
  return {
    firstRenderMs,
    busyMsPerS: round(perSecond('TaskDuration')),
    scriptMsPerS: round(perSecond('ScriptDuration')),
    layoutMsPerS: round(perSecond('LayoutDuration') + perSecond('RecalcStyleDuration')),
    domElements: Number(domElements),
    wsKBps: round(bytes / 1024 / seconds, 1),
    largestFrameKB: round(largest / 1024, 1),
    framesOver256kB: over,
    reconnects: sockets - socketsBefore,
    effectiveSpeed: clocks.length > 1 ? round((clocks[clocks.length - 1]! - clocks[0]!) / 1000 / seconds) : 0,
  };
}

export async function liveUiBench(): Promise<BenchResult> {
  for (const file of ['out/main/cli.js', 'out/renderer/index.html']) {
    if (!existsSync(resolve(ROOT, file))) throw new Error(`${file} is missing: run \`npm run build\` first`);
  }
  const browser = await chromium.launch({
    executablePath: process.env.FLIGHTDECK_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const results: Record<string, { serverStartMs: number; views: Record<string, ViewFigures>; failure?: string }> = {};
  try {
    for (const scenario of SCENARIOS) {
      const server = await startServer(scenario);
      try {
        const views: Record<string, ViewFigures> = {};
        results[scenario] = { serverStartMs: server.startMs, views };
        for (const view of VIEWS) {
          process.stderr.write(`  live-ui: ${scenario} ${view}\n`);
          try {
            views[view] = await measureView(browser, server.url, view);
          } catch (error) {
            // Recorded, not hidden: a server too busy to send the page is a result (the other views would only repeat it).
            results[scenario]!.failure = `${view}: ${(error as Error).message.split('\n')[0]}`;
            break;
          }
        }
      } finally {
        await stopServer(server);
      }
    }
  } finally {
    await browser.close();
  }

  const [a, b] = SCENARIOS;
  const cell = (scenario: string, view: string, pick: (f: ViewFigures) => number | string) => {
    const figures = results[scenario]!.views[view];
    return figures ? pick(figures) : '—';
  };
  const pair = (view: string, pick: (f: ViewFigures) => number | string) => `${cell(a, view, pick)} / ${cell(b, view, pick)}`;
  const failures = SCENARIOS.filter((scenario) => results[scenario]!.failure).map((scenario) => `${scenario} failed at ${results[scenario]!.failure} (— above).`);
  const rows = VIEWS.map(
    (view) =>
      `| ${view} | ${pair(view, (f) => round(f.firstRenderMs / 1000, 1))} | ${pair(view, (f) => f.busyMsPerS)} | ${pair(view, (f) => f.scriptMsPerS)} | ${pair(view, (f) => f.domElements)} | ${pair(view, (f) => f.wsKBps)} | ${pair(view, (f) => f.largestFrameKB)} | ${pair(view, (f) => f.reconnects)} | ${pair(view, (f) => `×${f.effectiveSpeed}`)} |`,
  );
  // Each goal, met or not, on scale-1000's figures (issue 15).
  const big = results[b]!.views;
  const small = results[a]!.views;
  const measured = VIEWS.filter((view) => big[view]);
  const all = (test: (f: ViewFigures, view: string) => boolean) => measured.length === VIEWS.length && measured.every((view) => test(big[view]!, view));
  const worst = (pick: (f: ViewFigures) => number) => Math.max(...measured.map((view) => pick(big[view]!)));
  const verdict = (ok: boolean) => (ok ? 'met' : '**not met**');
  const goals = [
    `- main thread busy ≤ ${GOAL.busy} ms/s on every view: worst ${worst((f) => f.busyMsPerS)} ms/s — ${verdict(all((f) => f.busyMsPerS <= GOAL.busy))}`,
    `- WebSocket ≤ ${GOAL.wsKBps} kB/s on every view: worst ${worst((f) => f.wsKBps)} kB/s — ${verdict(all((f) => f.wsKBps <= GOAL.wsKBps))}`,
    `- no frame over ${GOAL.frameKB} kB: largest ${worst((f) => f.largestFrameKB)} kB — ${verdict(all((f) => f.framesOver256kB === 0))}`,
    `- DOM ≤ ${GOAL.domElements.toLocaleString('en')} elements on every view: largest ${worst((f) => f.domElements)} — ${verdict(all((f) => f.domElements <= GOAL.domElements))}`,
    `- 0 reconnects (over ${WINDOW_SECONDS} s per view, not 10 minutes): ${worst((f) => f.reconnects)} — ${verdict(all((f) => f.reconnects === 0))}`,
    `- first render ≤ 1.5× shop's on every view: worst ratio ${round(Math.max(...measured.map((view) => (small[view] ? big[view]!.firstRenderMs / small[view]!.firstRenderMs : Infinity))), 2)}× — ${verdict(all((f, view) => small[view] !== undefined && f.firstRenderMs <= 1.5 * small[view]!.firstRenderMs))}`,
  ];
  // The command as run: the speed and window when they were not the defaults.
  const envPrefix = ['BENCH_LIVE_SPEED', 'BENCH_LIVE_SECONDS', 'BENCH_LIVE_VIEWS'].filter((name) => process.env[name]).map((name) => `${name}=${process.env[name]} `).join('');
  const markdown = [
    `\`npm run build && ${envPrefix}npm run bench -- live-ui\` (bench/live-ui.ts): web mode at ×${SPEED} in headless Chromium (1440×900), a fresh page per view, ${WINDOW_SECONDS} s measuring window after the first render. Each cell: ${a} / ${b}. Servers started (warm start included) in ${round(results[a]!.serverStartMs / 1000, 1)} s / ${round(results[b]!.serverStartMs / 1000, 1)} s.`,
    '',
    '| view | first render (s) | main thread busy (ms/s) | of which script (ms/s) | DOM elements | WebSocket (kB/s) | largest frame (kB) | reconnects | simulated speed seen |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    `Goals, scale-1000 at ×${SPEED}${SPEED === 3600 ? '' : ' (the goals are stated for ×3600)'}:`,
    '',
    ...goals,
    '',
    '"Simulated speed seen" is the simulated seconds per wall second between the first and last update of the window: a host that cannot simulate at the speed asked lets its clock fall behind (SimSource frame budget) rather than stop answering, so the other columns are for that speed.',
    '',
    ...(failures.length > 0 ? [failures.join(' '), ''] : []),
    `Goals (issue 15, scale-1000 at ×3600): busy ≤ ${GOAL.busy} ms/s, DOM ≤ ${GOAL.domElements.toLocaleString('en')} elements on every view, WebSocket ≤ ${GOAL.wsKBps} kB/s, no frame over ${GOAL.frameKB} kB, 0 reconnects, first render ≤ 1.5× shop's. Busy is CDP TaskDuration per wall second on a 2-core machine shared with other work: compare the two columns, not absolute values.`,
  ].join('\n');
  return { name: 'live-ui', title: 'Live UI at scale: shop and scale-1000 in web mode', markdown, data: { speed: SPEED, windowSeconds: WINDOW_SECONDS, results } };
}
