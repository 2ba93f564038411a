/**
 * The simulator benchmarks run bench/sim-worker.ts compiled the way the product is (a Vite build, no
 * TypeScript loader in the process), not through tsx: the app and `flightdeck sim run` run bundled
 * JavaScript, and tsx's loader alone adds ~70 MB to a run's peak RSS (2 h of 10,000 instances, side by
 * side: 410 MB through tsx, 339 MB built) and its keepNames wrappers cost CPU in code that creates
 * closures. Built once per bench process into out/bench/ (inside the repository, so the worker's
 * packages resolve from node_modules, as out/main/cli.js's do).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'vite';

const ROOT = join(import.meta.dirname, '..');
const OUT_DIR = join(ROOT, 'out/bench');

let built: Promise<string> | undefined;

/** The compiled worker's path (built on first use). */
export function builtSimWorker(): Promise<string> {
  built ??= build({
    configFile: false,
    logLevel: 'warn',
    root: ROOT,
    build: { ssr: join(ROOT, 'bench/sim-worker.ts'), outDir: OUT_DIR, emptyOutDir: true, minify: false, target: 'node20' },
  }).then(() => join(OUT_DIR, 'sim-worker.js'));
  return built;
}

/** One run of the compiled worker in its own process (its peak RSS is its own); its JSON line. */
export async function runSimWorker<T>(which: string, seconds: number, flags: string[] = []): Promise<T> {
  const worker = await builtSimWorker();
  const child = spawnSync(process.execPath, ['--expose-gc', worker, which, String(seconds), ...flags], { cwd: ROOT, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`sim-worker ${which} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as T;
}
