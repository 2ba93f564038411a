/**
 * `npm run bench`: runs every bench module in turn, writes each one's figures to
 * bench/results/<name>.json and its section of BENCHMARKS.md (between its own markers, so benches
 * by different people do not overwrite each other). Figures are reported, never asserted.
 * To add a bench: export a `Bench` from bench/<name>.ts and list it below.
 *   node --expose-gc --import tsx bench/run.ts [name …]
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { rendererBundleBench } from './renderer-bundle';
import { rendererChartsBench } from './renderer-charts';

export interface BenchResult {
  /** Machine-readable figures for bench/results/<name>.json. */
  figures: Record<string, unknown>;
  /** The BENCHMARKS.md section body (Markdown). */
  markdown: string;
}

export interface Bench {
  name: string;
  title: string;
  run(): Promise<BenchResult>;
}

const BENCHES: Bench[] = [rendererBundleBench, rendererChartsBench];

const ROOT = resolve(import.meta.dirname, '..');
const RESULTS = resolve(ROOT, 'bench/results');
const BENCHMARKS = resolve(ROOT, 'BENCHMARKS.md');

function machine(): string {
  return `Node ${process.version}, ${process.platform}/${process.arch}`;
}

function writeSection(name: string, title: string, body: string): void {
  const start = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const section = `${start}\n## ${title}\n\n${body.trim()}\n${end}`;
  let text = existsSync(BENCHMARKS) ? readFileSync(BENCHMARKS, 'utf8') : '# Benchmarks\n\nWritten by `npm run bench`; each section is replaced by its own bench. Figures from one run on the machine named in the section; never asserted in tests.\n';
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  text = from >= 0 && to > from ? text.slice(0, from) + section + text.slice(to + end.length) : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(BENCHMARKS, text);
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  mkdirSync(RESULTS, { recursive: true });
  let failed = false;
  for (const bench of BENCHES) {
    if (only.length > 0 && !only.includes(bench.name)) continue;
    console.log(`bench: ${bench.name} …`);
    try {
      const result = await bench.run();
      const record = { name: bench.name, date: new Date().toISOString(), machine: machine(), ...result.figures };
      writeFileSync(resolve(RESULTS, `${bench.name}.json`), `${JSON.stringify(record, null, 2)}\n`);
      writeSection(bench.name, bench.title, `${result.markdown.trim()}\n\n_${record.date.slice(0, 10)}, ${machine()}._`);
      console.log(result.markdown);
    } catch (error) {
      failed = true;
      console.error(`bench: ${bench.name} failed:`, error);
    }
  }
  if (failed) process.exitCode = 1;
}

await main();
