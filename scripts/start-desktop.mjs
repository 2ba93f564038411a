#!/usr/bin/env node
// `npm start`: build Flightdeck and run it in Electron.
//
// Why not simply `require('electron')` or `electron-vite preview`: the electron 45 package has no
// postinstall step, so the binary is not downloaded by `npm install` but on first use, inside `require('electron')`
// (node_modules/electron/index.js), which runs install.js through spawnSync with no timeout. On a
// network that cannot reach github.com (or $ELECTRON_MIRROR) that either hangs `npm start` or fails
// with "Electron failed to install correctly", hiding the reason. So this script:
//   1. looks for the binary the way index.js does (path.txt names the executable inside dist/,
//      or inside $ELECTRON_OVERRIDE_DIST_PATH);
//   2. if it is missing, runs electron's own install.js as a child process, killed after
//      $FLIGHTDECK_ELECTRON_DOWNLOAD_TIMEOUT_MS (default 60 s), and looks again;
//   3. if there is still no binary, says why and points to `npm run serve` (web mode), exit 1;
//   4. otherwise builds with electron-vite and launches the binary on the project folder
//      (package.json "main" → out/main/main.js), passing on its exit code.
// Plain Node, no dependencies beyond the electron package and the project's electron-vite.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const requireFromRoot = createRequire(join(root, 'package.json'));
const DEFAULT_TIMEOUT_MS = 60_000;

function fail(lines) {
  process.stderr.write(`${lines.join('\n')}\n`);
  process.exit(1);
}

function downloadTimeoutMs() {
  const raw = process.env.FLIGHTDECK_ELECTRON_DOWNLOAD_TIMEOUT_MS;
  const value = raw === undefined ? DEFAULT_TIMEOUT_MS : Number(raw);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_TIMEOUT_MS;
}

function duration(ms) {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

const webModeHint = 'Meanwhile, `npm run serve` runs the same app in your browser (web mode): no Electron needed.';

function electronPackage() {
  try {
    const packageJson = requireFromRoot.resolve('electron/package.json');
    return { dir: dirname(packageJson), version: JSON.parse(readFileSync(packageJson, 'utf8')).version };
  } catch {
    return fail([
      'flightdeck: cannot start the desktop app: the `electron` package is not installed.',
      '  Run `npm install` (with dev dependencies) in the project folder.',
      `  ${webModeHint}`,
    ]);
  }
}

/** The executable path if it exists, exactly as node_modules/electron/index.js computes it. */
function installedBinary(electronDir) {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = readFileSync(pathFile, 'utf8').trim();
  if (!executable) return null;
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(electronDir, 'dist');
  const full = join(distDir, executable);
  return existsSync(full) ? full : null;
}

/** The last error-looking line of install.js's output: it prints `err.stack`, message first. */
function summarise(stderr) {
  const lines = stderr
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('at '));
  const errorLine = lines.find((line) => /error|fail|cannot|not /i.test(line)) ?? lines.at(-1) ?? '';
  // Node's fetch reports every network-level failure (DNS, refused, reset) as just "fetch failed".
  return /fetch failed/i.test(errorLine) ? `${errorLine} (the download host could not be reached)` : errorLine;
}

/** Runs electron's own install.js (it downloads, verifies checksums, unzips and writes path.txt). */
function download(electronDir, timeoutMs) {
  return new Promise((resolve) => {
    process.stderr.write(`flightdeck: the Electron binary is missing; downloading it (giving up after ${duration(timeoutMs)})...\n`);
    const child = spawn(process.execPath, [join(electronDir, 'install.js')], {
      cwd: electronDir,
      stdio: ['ignore', 'inherit', 'pipe'],
      env: { ...process.env, ELECTRON_GET_NO_PROGRESS: process.env.ELECTRON_GET_NO_PROGRESS ?? '1' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr = (stderr + chunk.toString()).slice(-16_000);
    });
    let settled = false;
    const finish = (result) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish({ ok: false, reason: `the download did not finish within ${duration(timeoutMs)}` });
    }, timeoutMs);
    child.on('error', (error) => finish({ ok: false, reason: `could not run electron's install.js: ${error.message}` }));
    child.on('close', (code, signal) => {
      if (code === 0) return finish({ ok: true });
      const detail = summarise(stderr) || (signal ? `install.js was killed by ${signal}` : `install.js exited with code ${code}`);
      finish({ ok: false, reason: detail });
    });
  });
}

function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options });
    const forward = (signal) => child.kill(signal);
    for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, forward);
    child.on('error', (error) => resolve({ code: 1, error }));
    child.on('close', (code, signal) => {
      for (const name of ['SIGINT', 'SIGTERM']) process.off(name, forward);
      resolve({ code: code ?? (signal ? 1 : 0) });
    });
  });
}

async function main() {
  const electron = electronPackage();
  let binary = installedBinary(electron.dir);
  if (!binary) {
    const result = await download(electron.dir, downloadTimeoutMs());
    binary = installedBinary(electron.dir);
    if (!binary) {
      const reason = result.ok ? 'install.js finished but left no executable behind' : result.reason;
      fail([
        `flightdeck: cannot start the desktop app: the Electron binary (electron ${electron.version}) is not installed and could not be downloaded.`,
        `  reason: ${reason}`,
        '  The desktop app needs that binary. Electron fetches it from github.com (or $ELECTRON_MIRROR) on first launch;',
        '  retry on a network that reaches it, or install it by hand with `npx install-electron`.',
        `  ${webModeHint}`,
      ]);
    }
  }

  const electronVite = join(dirname(requireFromRoot.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
  const build = await run(process.execPath, [electronVite, 'build']);
  if (build.code !== 0) fail([`flightdeck: the build failed${build.error ? `: ${build.error.message}` : ''}; not launching Electron.`]);

  // ELECTRON_RUN_AS_NODE inherited from a parent tool would turn the binary into plain Node.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const app = await run(binary, ['.'], { env });
  if (app.error) fail([`flightdeck: could not launch ${binary}: ${app.error.message}`, `  ${webModeHint}`]);
  process.exit(app.code);
}

await main();
