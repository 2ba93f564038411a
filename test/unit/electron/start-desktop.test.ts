/**
 * `npm start` on a machine without the Electron binary must fail fast with a clear message, never
 * hang. The script runs as a child process against local stand-ins for the download host (a closed
 * port, a server that never answers), so the test needs no network; it is killed after 30 s whatever
 * happens. Skipped where the binary is installed, since the script would then build and launch it.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const script = join(root, 'scripts', 'start-desktop.mjs');
const electronDir = dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json'));

function binaryInstalled(): boolean {
  const pathFile = join(electronDir, 'path.txt');
  return existsSync(pathFile) && existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()));
}

interface Run {
  code: number | null;
  stderr: string;
  ms: number;
}

let cacheDir: string;

/** Runs the script with every electron/npm download setting replaced by ours. */
function runScript(env: Record<string, string>): Promise<Run> {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/electron|^npm_/i.test(name) && !/^(https?|no)_proxy$/i.test(name)),
  );
  const started = Date.now();
  return new Promise((done) => {
    execFile(
      process.execPath,
      [script],
      { cwd: root, env: { ...clean, electron_config_cache: cacheDir, ...env }, timeout: 30_000, killSignal: 'SIGKILL' },
      (error, _stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        done({ code, stderr: String(stderr), ms: Date.now() - started });
      },
    );
  });
}

function listen(server: Server): Promise<number> {
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done((server.address() as { port: number }).port)));
}

describe.skipIf(binaryInstalled())('scripts/start-desktop.mjs without the Electron binary', () => {
  const sockets = new Set<Socket>();
  // Accepts connections and never answers: a download host that hangs.
  const silent = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  let closedPort: number;
  let silentPort: number;

  beforeAll(async () => {
    cacheDir = mkdtempSync(join(tmpdir(), 'flightdeck-electron-cache-'));
    const probe = createServer();
    closedPort = await listen(probe);
    await new Promise((done) => probe.close(done));
    silentPort = await listen(silent);
  });

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((done) => silent.close(done));
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('exits 1 with the reason and the web-mode alternative when the download fails', async () => {
    const run = await runScript({ ELECTRON_MIRROR: `http://127.0.0.1:${closedPort}/`, FLIGHTDECK_ELECTRON_DOWNLOAD_TIMEOUT_MS: '5000' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('the Electron binary');
    expect(run.stderr).toContain('could not be downloaded');
    expect(run.stderr).toMatch(/reason: .*fetch failed/);
    expect(run.stderr).toContain('npm run serve');
    expect(run.ms).toBeLessThan(15_000);
  });

  it('gives up after the download timeout when the host never answers', async () => {
    const run = await runScript({ ELECTRON_MIRROR: `http://127.0.0.1:${silentPort}/`, FLIGHTDECK_ELECTRON_DOWNLOAD_TIMEOUT_MS: '1500' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/did not finish within 1500 ms/);
    expect(run.stderr).toContain('npm run serve');
    expect(run.ms).toBeLessThan(15_000);
  });

  it('leaves node_modules/electron without a half-installed binary', () => {
    expect(existsSync(join(electronDir, 'path.txt'))).toBe(false);
  });
});
