/**
 * What the renderer's main thread does besides script (issue 15): web mode for one scenario, each
 * view on a fresh page, a Chrome trace (devtools.timeline) over a window of live updates; prints per
 * event type its self time and count per wall second on the page's main thread (script, style,
 * layout, pre-paint, paint, commit, …), the layouts and style recalculations per second, and the
 * scripts that forced a synchronous layout or style recalculation. Counts do not depend on the
 * machine's load; times do.
 *
 *   npm run build && node --import tsx bench/live-ui-trace.ts scale-1000 [view ...]
 *
 * TRACE_ROOT runs another build (a directory holding bin/ and out/) to compare before and after;
 * TRACE_SECONDS sets the window (default 10), TRACE_SPEED the simulation speed (default 3600),
 * TRACE_OUT keeps the raw trace (a directory; Chrome DevTools' Performance panel opens it).
 * TRACE_URL traces an already running server (its `?token=` address) instead of starting one.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type CDPSession } from 'playwright-core';

const ROOT = process.env.TRACE_ROOT ?? resolve(import.meta.dirname, '..');
const SECONDS = Number(process.env.TRACE_SECONDS ?? 10);
const SPEED = Number(process.env.TRACE_SPEED ?? 3600);
const OUT = process.env.TRACE_OUT;
const [scenario = 'scale-1000', ...askedViews] = process.argv.slice(2);
const views = askedViews.length > 0 ? askedViews : ['load-balancers'];

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown>; beginData?: Record<string, unknown> };
}

async function startServer(): Promise<{ url: string; stop: () => void }> {
  if (process.env.TRACE_URL) return { url: process.env.TRACE_URL, stop: () => undefined };
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

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.stack',
  'v8.execute',
  'blink.user_timing',
  'toplevel',
  ...(process.env.TRACE_INVALIDATIONS ? ['disabled-by-default-devtools.timeline.invalidationTracking'] : []),
].join(',');

async function trace(cdp: CDPSession, seconds: number): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (message) => {
    events.push(...(message.value as unknown as TraceEvent[]));
  });
  const complete = new Promise<void>((done) => cdp.once('Tracing.tracingComplete', () => done()));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES.split(','), recordMode: 'recordContinuously' }, transferMode: 'ReportEvents' });
  await new Promise((done) => setTimeout(done, seconds * 1000));
  await cdp.send('Tracing.end');
  await complete;
  return events;
}

/** The page's renderer main thread: the thread named CrRendererMain that ran the most tasks. */
function mainThread(events: TraceEvent[]): { pid: number; tid: number } {
  const named = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  let best = { pid: 0, tid: 0, count: -1 };
  for (const thread of named) {
    const count = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X').length;
    if (count > best.count) best = { pid: thread.pid, tid: thread.tid, count };
  }
  return best;
}

interface Summary {
  selfMs: Map<string, number>;
  count: Map<string, number>;
  busyMs: number;
  forced: Map<string, number>;
  layoutObjects: number;
  /** Elements whose style was recalculated. */
  styledElements: number;
  /** Area of the paint invalidations' clip rectangles, in pixels. */
  paintedPixels: number;
  /** Top-level tasks by what started them (the first script function, or the first event): total ms and count. */
  tasks: Map<string, { ms: number; count: number }>;
}

function frameName(event: TraceEvent): string | undefined {
  if (event.name !== 'FunctionCall') return undefined;
  const data = event.args?.data as { functionName?: string; url?: string; lineNumber?: number } | undefined;
  return `${data?.functionName || '(anonymous)'}@${(data?.url ?? '').split('/').pop()}:${data?.lineNumber ?? ''}`;
}

/** Self time per event name on one thread (complete events nest by time on a thread). */
function summarise(events: TraceEvent[], thread: { pid: number; tid: number }): Summary {
  const own = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const selfMs = new Map<string, number>();
  const count = new Map<string, number>();
  const forced = new Map<string, number>();
  let busyMs = 0;
  let layoutObjects = 0;
  let styledElements = 0;
  let paintedPixels = 0;
  const tasks = new Map<string, { ms: number; count: number }>();
  let task: { event: TraceEvent; what: string[] } | undefined;
  const endTask = () => {
    if (!task) return;
    // A frame of only rendering work is named by its steps; a task with script by its first function and what it led to.
    const scripts = [...new Set(task.what.filter((w) => w.includes('@')))];
    const key = scripts.length > 0 ? scripts.slice(0, 3).join(' + ') + (task.what.includes('Paint') ? ' → paint' : task.what.includes('Layout') ? ' → layout' : '') : task.what.filter((w) => ['Layout', 'Paint', 'Commit', 'UpdateLayoutTree'].includes(w)).join(',') || task.event.name;
    const entry = tasks.get(key) ?? { ms: 0, count: 0 };
    entry.ms += task.event.dur! / 1000;
    entry.count += 1;
    tasks.set(key, entry);
    task = undefined;
  };
  const stack: { event: TraceEvent; end: number; child: number }[] = [];
  const close = (until: number) => {
    while (stack.length > 0 && stack[stack.length - 1]!.end <= until) {
      const done = stack.pop()!;
      const self = (done.event.dur! - done.child) / 1000;
      selfMs.set(done.event.name, (selfMs.get(done.event.name) ?? 0) + self);
      if (stack.length > 0) stack[stack.length - 1]!.child += done.event.dur!;
    }
  };
  for (const event of own) {
    close(event.ts);
    if (stack.length === 0 && (event.name === 'RunTask' || event.name === 'ThreadControllerImpl::RunTask')) {
      busyMs += event.dur! / 1000;
      endTask();
      task = { event, what: [] };
    } else if (task && event.ts < task.event.ts + task.event.dur!) task.what.push(frameName(event) ?? event.name);
    count.set(event.name, (count.get(event.name) ?? 0) + 1);
    if (event.name === 'Layout') layoutObjects += Number(event.args?.beginData?.dirtyObjects ?? 0);
    if (event.name === 'UpdateLayoutTree') styledElements += Number((event.args as { elementCount?: number } | undefined)?.elementCount ?? 0);
    if (event.name === 'Paint') {
      const quad = event.args?.data?.clip as number[] | undefined;
      // An unbounded clip (±2^23) is a layer's whole content, not an area on screen: left out.
      if (quad && quad.length === 8 && quad.every((v) => Math.abs(v) < 1e6)) paintedPixels += Math.abs((quad[2]! - quad[0]!) * (quad[5]! - quad[1]!));
    }
    // A layout or style recalculation inside script was forced by a read (offsetWidth, getBoundingClientRect …).
    if ((event.name === 'Layout' || event.name === 'UpdateLayoutTree') && stack.some((open) => open.event.name === 'FunctionCall' || open.event.name === 'EvaluateScript' || open.event.name === 'v8.callFunction')) {
      const frames = (event.args?.beginData?.stackTrace ?? event.args?.data?.stackTrace) as { functionName: string; url: string; lineNumber: number; columnNumber: number }[] | undefined;
      const where = frames?.slice(0, 4).map((f) => `${f.functionName || '(anonymous)'}@${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`).join(' < ') ?? '(no stack)';
      const key = `${event.name}: ${where}`;
      forced.set(key, (forced.get(key) ?? 0) + 1);
    }
    stack.push({ event, end: event.ts + event.dur!, child: 0 });
  }
  close(Infinity);
  endTask();
  return { selfMs, count, busyMs, forced, layoutObjects, styledElements, paintedPixels, tasks };
}

async function traceView(browser: Browser, url: string, view: string): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(`localStorage.setItem('flightdeck.locale', 'en'); localStorage.setItem('flightdeck.theme', 'light'); localStorage.setItem('flightdeck.firstRunGuide', 'dismissed');`);
  const page = await context.newPage();
  await page.goto(`${url}#/${view}`, { waitUntil: 'commit', timeout: 180_000 });
  await page.waitForFunction(rendered, undefined, { timeout: 180_000, polling: 100 });
  // Let the first render's work and the first charts' animations settle.
  await page.waitForTimeout(3000);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () => Object.fromEntries(((await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }).metrics.map((m) => [m.name, m.value]));
  const before = await metrics();
  const started = Date.now();
  const events = await trace(cdp, SECONDS);
  const seconds = (Date.now() - started) / 1000;
  const after = await metrics();
  if (OUT) {
    mkdirSync(OUT, { recursive: true });
    writeFileSync(resolve(OUT, `${scenario}-${view}.trace.json`), JSON.stringify({ traceEvents: events }));
  }
  const per = (name: string) => ((after[name]! - before[name]!) / seconds).toFixed(1);
  const perMs = (name: string) => (((after[name]! - before[name]!) * 1000) / seconds).toFixed(0);
  const summary = summarise(events, mainThread(events));
  console.log(`\n=== ${scenario} ${view}: ${seconds.toFixed(1)} s traced`);
  console.log(
    `  Performance.getMetrics per s: busy ${perMs('TaskDuration')} ms (script ${perMs('ScriptDuration')}, layout ${perMs('LayoutDuration')}, style ${perMs('RecalcStyleDuration')}); layouts ${per('LayoutCount')}, style recalcs ${per('RecalcStyleCount')}; DOM ${await page.evaluate('document.getElementsByTagName("*").length')}`,
  );
  const rate = (name: string) => ((summary.count.get(name) ?? 0) / seconds).toFixed(1);
  console.log(`  trace: top-level tasks ${(summary.busyMs / seconds).toFixed(0)} ms/s`);
  console.log(
    `  counts per s: frames (Commit) ${rate('Commit')}, animation-frame callbacks ${rate('FireAnimationFrame')}, style recalcs ${rate('UpdateLayoutTree')} (${(summary.styledElements / seconds).toFixed(0)} elements), layouts ${rate('Layout')} (${(summary.layoutObjects / seconds).toFixed(0)} dirty objects), paints ${rate('Paint')} (${(summary.paintedPixels / seconds / 1e6).toFixed(2)} Mpx)`,
  );
  console.log('  self time per event type (ms/s, count/s):');
  for (const [name, ms] of [...summary.selfMs].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
    console.log(`    ${(ms / seconds).toFixed(1).padStart(7)}  ${((summary.count.get(name) ?? 0) / seconds).toFixed(1).padStart(7)}/s  ${name}`);
  }
  console.log('  top-level tasks by what started them (ms/s, count/s):');
  for (const [key, { ms, count }] of [...summary.tasks].sort((a, b) => b[1].ms - a[1].ms).slice(0, 15)) {
    console.log(`    ${(ms / seconds).toFixed(1).padStart(7)}  ${(count / seconds).toFixed(1).padStart(7)}/s  ${key}`);
  }
  if (summary.forced.size > 0) {
    console.log('  forced layout / style inside script (count in the window):');
    for (const [key, n] of [...summary.forced].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`    ${String(n).padStart(5)}  ${key}`);
  }
  await context.close();
}

const server = await startServer();
const browser = await chromium.launch({
  executablePath: process.env.FLIGHTDECK_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  for (const view of views) await traceView(browser, server.url, view);
} finally {
  await browser.close();
  server.stop();
}
