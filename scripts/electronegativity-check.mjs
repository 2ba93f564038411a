#!/usr/bin/env node
// Runs Doyensec Electronegativity over the built app (main, preload, renderer in out/) and fails on
// any finding not justified in security/electronegativity-allowlist.json. Electronegativity itself
// never fails on findings, so `npm test` runs this instead. Writes the figures for the trust table.
//
// Its CLI is broken with today's commander (it relies on commander's old default export), so this
// calls its runner directly. It tries to fetch Electron's release list; offline it says so and goes on.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
// An argument scans another folder (the test of this script scans a fixture).
const out = process.argv[2] ?? join(root, 'out');
if (!process.argv[2] && !existsSync(join(out, 'main', 'main.js'))) {
  process.stderr.write('electronegativity: out/ is not built; run `npm run build` first.\n');
  process.exit(1);
}
const electronVersion = require('electron/package.json').version;
const run = require('@doyensec/electronegativity/dist/runner.js');
const result = await run(
  { input: out, output: undefined, isSarif: false, customScan: [], excludeFromScan: [], isRelative: true, isVerbose: false, electronVersionOverride: electronVersion, parserPlugins: [] },
  false,
);

const { justified } = JSON.parse(readFileSync(join(root, 'security', 'electronegativity-allowlist.json'), 'utf8'));
const findings = result.issues.map((issue) => ({
  id: issue.id,
  file: issue.file,
  line: issue.location?.line,
  severity: issue.severity?.name ?? String(issue.severity),
  sample: String(issue.sample ?? ''),
}));
const unjustified = findings.filter((f) => !justified.some((j) => j.id === f.id && j.file === f.file && f.sample.includes(j.match)));

const rows = findings.map((f) => `| ${f.id} | ${f.severity} | ${f.file}:${f.line ?? '?'} | ${unjustified.includes(f) ? '**NOT JUSTIFIED**' : 'justified'} |`);
process.stdout.write(`\nElectronegativity ${require('@doyensec/electronegativity/package.json').version} on out/ (Electron ${electronVersion}): ${result.globalChecks + result.atomicChecks} checks, ${findings.length} findings, ${unjustified.length} unjustified\n\n| check | severity | where | |\n|---|---|---|---|\n${rows.join('\n')}\n\n`);
if (result.errors.length > 0) process.stdout.write(`(${result.errors.length} file(s) could not be parsed: ${result.errors.map((e) => e.file).join(', ')})\n`);

const trustDir = process.env.FLIGHTDECK_TRUST_DIR ?? join(root, 'test-results', 'trust');
mkdirSync(trustDir, { recursive: true });
writeFileSync(
  join(trustDir, 'electronegativity.json'),
  `${JSON.stringify([{ figure: `Electronegativity findings (${findings.length} in all; justified in security/electronegativity-allowlist.json)`, value: unjustified.length, goal: '0 unjustified', ok: unjustified.length === 0 }], null, 2)}\n`,
);
if (unjustified.length > 0) {
  process.stderr.write(`electronegativity: ${unjustified.length} finding(s) are neither fixed nor justified in security/electronegativity-allowlist.json:\n${unjustified.map((f) => `  ${f.id} ${f.file}:${f.line} ${f.sample.slice(0, 120)}`).join('\n')}\n`);
  process.exit(1);
}

// The last step before the browser tests: print every trust figure this run recorded, as one table.
if (!process.argv[2]) {
  const { readdirSync } = await import('node:fs');
  const figures = readdirSync(trustDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => JSON.parse(readFileSync(join(trustDir, f), 'utf8')));
  process.stdout.write(`Trust figures of this test run (test-results/trust/):\n\n| figure | value | goal | |\n|---|---|---|---|\n${figures.map((f) => `| ${f.figure} | ${f.value} | ${f.goal} | ${f.ok ? 'ok' : 'NOT MET'} |`).join('\n')}\n\n`);
}
