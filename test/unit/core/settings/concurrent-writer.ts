/**
 * A second process for settings-concurrency.test.ts: waits for the go file, then makes `count`
 * updates to its own profiles (`<prefix>-0` …), each a full read-modify-write through the store.
 * Run with tsx: concurrent-writer.ts <config dir> <prefix> <count> <go file>
 */
import { existsSync } from 'node:fs';
import { SettingsStore } from '../../../../src-main/core/settings/settings-store';

const [directory, prefix, countText, goFile] = process.argv.slice(2);
const store = new SettingsStore(directory!);
process.stdout.write('ready\n');
const sleeper = new Int32Array(new SharedArrayBuffer(4));
while (!existsSync(goFile!)) Atomics.wait(sleeper, 0, 0, 5);
for (let i = 0; i < Number(countText); i++) {
  store.update({ profile: `${prefix}-${i}`, readOnly: i % 2 === 0, environmentColour: '#00ff00' });
}
process.stdout.write('done\n');
