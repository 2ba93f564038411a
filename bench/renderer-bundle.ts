/** The built renderer's size: every JS and CSS file, raw and gzip-compressed (what web mode serves). */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchResult } from './run';

const ROOT = resolve(import.meta.dirname, '..');

export async function rendererBundleBench(): Promise<BenchResult> {
  const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`build failed:\n${build.stderr || build.stdout}`);
  const dir = resolve(ROOT, 'out/renderer/assets');
  const files = readdirSync(dir).filter((file) => /\.(js|css)$/.test(file));
  let raw = 0;
  let gzip = 0;
  let js = 0;
  let largest = { file: '', gzip: 0 };
  for (const file of files) {
    const bytes = readFileSync(join(dir, file));
    const size = gzipSync(bytes, { level: 9 }).length;
    raw += statSync(join(dir, file)).size;
    gzip += size;
    if (file.endsWith('.js')) js += size;
    if (size > largest.gzip) largest = { file: file.replace(/-[\w-]{8}\./, '.'), gzip: size };
  }
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  return {
    name: 'renderer-bundle',
    title: 'Renderer bundle size',
    data: { files: files.length, rawBytes: raw, gzipBytes: gzip, gzipJsBytes: js, largestChunk: largest },
    markdown: [
      '| | size |',
      '|---|---|',
      `| all JS + CSS, raw | ${kb(raw)} |`,
      `| all JS + CSS, gzip -9 | **${kb(gzip)}** |`,
      `| JS only, gzip | ${kb(js)} |`,
      `| largest chunk (gzip) | ${largest.file} ${kb(largest.gzip)} |`,
      '',
      `${files.length} files in out/renderer/assets. Views load on demand; ECharts is in the chart chunk, loaded by the first view with a chart.`,
    ].join('\n'),
  };
}
