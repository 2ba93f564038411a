#!/usr/bin/env node
// Entry point of `npx flightdeck`: loads the CLI bundle that `npm run build` writes to out/main/cli.js.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const bundle = fileURLToPath(new URL('../out/main/cli.js', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('flightdeck: the app is not built yet. Run `npm run build` first (it writes out/main/cli.js).\n');
  process.exit(1);
}
const { main } = await import(pathToFileURL(bundle).href);
process.exitCode = await main(process.argv.slice(2));
