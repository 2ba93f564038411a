/**
 * Scripting time per live update with 20 charts × 3 series × 3,600 points, the app's chart path
 * (metrics store → MetricChart → use-chart) against bare ECharts doing the same updates on the same
 * page, in Debian Chromium. Per update: CDP Performance.getMetrics ScriptDuration before and after
 * (all script, including ECharts' rendering in the next frames), and performance.now() in the page.
 * The two paths alternate update by update; medians over UPDATES updates after WARMUP.
 * Run twice: as shipped (min/max downsampling to ~2 points per pixel) and with downsampling off,
 * where both draw every point, so the ratio is the app's own overhead.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import vue from '@vitejs/plugin-vue';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import type { BenchResult } from './run';

const ROOT = resolve(import.meta.dirname, '..');
const UPDATES = Number(process.env.BENCH_UPDATES ?? 50);
const WARMUP = 5;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const round = (value: number, digits = 2): number => Math.round(value * 10 ** digits) / 10 ** digits;

async function buildPage(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'fd-chart-bench-'));
  await build({
    root: resolve(ROOT, 'src-renderer/bench'),
    base: './',
    logLevel: 'warn',
    plugins: [vue()],
    resolve: { alias: { '@contract': resolve(ROOT, 'src-main/core/contract'), '@': resolve(ROOT, 'src-renderer/src') } },
    build: { outDir, emptyOutDir: true, minify: true, rolldownOptions: { input: resolve(ROOT, 'src-renderer/bench/chart-bench.html') } },
  });
  return outDir;
}

function serve(dir: string): Promise<{ server: Server; url: string }> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    try {
      const body = await readFile(join(dir, path === '/' ? 'chart-bench.html' : path.replace(/\.\./g, '')));
      response.writeHead(200, { 'content-type': types[extname(path) || '.html'] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}/` })));
}

interface Sample {
  script: number;
  sync: number;
  total: number;
}

async function measure(page: Page, downsample: boolean, url: string): Promise<{ ours: Sample[]; bare: Sample[] }> {
  await page.goto(`${url}?downsample=${downsample ? 'on' : 'off'}`);
  // Strings, not functions: this file is type-checked for Node, without the DOM's `window`.
  await page.waitForFunction('window.bench && window.bench.ready()');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const scriptSeconds = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ScriptDuration')?.value ?? NaN;
  const ours: Sample[] = [];
  const bare: Sample[] = [];
  for (let i = 0; i < WARMUP + UPDATES; i++) {
    for (const [name, list] of [
      ['updateOurs', ours],
      ['updateBare', bare],
    ] as const) {
      const before = await scriptSeconds();
      const timing = (await page.evaluate(`window.bench.${name}()`)) as { sync: number; total: number };
      const after = await scriptSeconds();
      if (i >= WARMUP) list.push({ script: (after - before) * 1000, ...timing });
    }
  }
  await cdp.detach();
  return { ours, bare };
}

function summarise(samples: { ours: Sample[]; bare: Sample[] }) {
  const pick = (list: Sample[], key: keyof Sample) => round(median(list.map((s) => s[key])));
  const ours = { scriptMs: pick(samples.ours, 'script'), syncMs: pick(samples.ours, 'sync'), totalMs: pick(samples.ours, 'total') };
  const bare = { scriptMs: pick(samples.bare, 'script'), syncMs: pick(samples.bare, 'sync'), totalMs: pick(samples.bare, 'total') };
  return { ours, bare, ratioScript: round(ours.scriptMs / bare.scriptMs), ratioTotal: round(ours.totalMs / bare.totalMs) };
}

export async function rendererChartsBench(): Promise<BenchResult> {
  const dir = await buildPage();
  const { server, url } = await serve(dir);
  const browser = await chromium.launch({
    executablePath: process.env.FLIGHTDECK_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1500, height: 2200 } });
    const full = summarise(await measure(page, false, url));
    const shipped = summarise(await measure(page, true, url));
    const row = (label: string, s: ReturnType<typeof summarise>) =>
      `| ${label} | ${s.ours.scriptMs} | ${s.bare.scriptMs} | **${s.ratioScript}×** | ${s.ours.totalMs} | ${s.bare.totalMs} | ${s.ratioTotal}× |`;
    return {
      name: 'renderer-charts',
      title: 'Renderer: live chart updates (20 charts × 3 series × 3,600 points)',
      data: { updates: UPDATES, warmup: WARMUP, charts: 20, seriesPerChart: 3, pointsPerSeries: 3600, goalRatio: 1.3, sameDataDrawn: full, asShipped: shipped },
      markdown: [
        `Median per live update (one new point in each of the 60 series), ${UPDATES} updates after ${WARMUP} warm-up, the two paths alternating on one page in headless Chromium (software rendering).`,
        'Script = CDP `ScriptDuration` from before the update until two frames after it (ECharts draws in those frames); wall = `performance.now()` over the same span.',
        '',
        '| | app script ms | bare ECharts script ms | ratio (goal ≤ 1.3×) | app wall ms | bare wall ms | wall ratio |',
        '|---|---|---|---|---|---|---|',
        row('same points drawn (downsampling off)', full),
        row('as shipped (min/max downsampling to ~2 points per pixel)', shipped),
        '',
        'The app path appends to ring buffers, keeps a per-series copy it appends to (no rebuild), and sends ECharts only the changed series; bare ECharts keeps plain arrays and calls setOption with them.',
      ].join('\n'),
    };
  } finally {
    await browser.close();
    server.close();
  }
}
