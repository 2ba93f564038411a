/**
 * "Open as twin" (docs/twin.md): the connected AWS account and its recorded last hours become a twin
 * scenario — the same file `flightdeck aws export` writes, kept in the settings folder's `twins/` —
 * and the session switches to the simulator running it. From then on nothing is sent to AWS: the
 * twin is the simulator. A twin's fit to its recording is asked here too.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RequestOf, ResponseOf, TwinProgress } from '../contract';
import { CoreError } from '../core-error';
import { AwsSource } from '../sources/aws/aws-source';
import { DEFAULT_CHAIN } from '../sources/aws/credentials/default-chain';
import { exportTwin } from '../sources/aws/twin/export-twin';
import { formatDiagnostic } from '../sources/sim/scenario/diagnostics';
import { loadScenario } from '../sources/sim/scenario/load-scenario';
import type { SessionManager } from './session-manager';

export class TwinRequests {
  constructor(
    private readonly sessions: SessionManager,
    private readonly progress: (progress: TwinProgress) => void = () => undefined,
    private readonly now: () => number = Date.now,
  ) {}

  async open(request: RequestOf<'aws.twin.open'>): Promise<ResponseOf<'aws.twin.open'>> {
    const source = this.sessions.active;
    if (!(source instanceof AwsSource) || !source.connected) throw new CoreError('NotSupported', 'Open as twin needs a connected AWS session', {}, { problem: 'aws.twinNeedsSession' });
    const twin = await exportTwin(source, {
      hours: request.hours,
      now: this.now(),
      ...(source.profile !== DEFAULT_CHAIN ? { profile: source.profile } : {}),
      onProgress: (p) => this.progress({ stage: 'history', ...p }),
    });
    const name = `twin-${source.session.mode === 'aws' ? (source.session.accountId ?? 'account') : 'account'}-${source.region}-${twin.window.start.replace(/[:.]/g, '')}.yaml`;
    let file = name;
    const directory = this.sessions.settingsDirectory;
    if (directory) {
      const folder = join(directory, 'twins');
      mkdirSync(folder, { recursive: true });
      file = join(folder, name);
      writeFileSync(file, twin.yaml, { mode: 0o600 });
    }
    const scenario = loadScenario(twin.yaml, { file });
    await this.sessions.switch({ mode: 'simulation' });
    const session = await this.sessions.loadScenario(scenario);
    this.progress({ stage: 'done', call: 0, calls: 0, series: twin.series });
    const warnings = [...twin.built.skipped.map((s) => `not exported: ${s}`), ...scenario.warnings.map((w) => formatDiagnostic(scenario.file, w))];
    return { session, file, warnings: warnings.slice(0, 200).map((w) => w.slice(0, 2000)) };
  }

  fit(): ResponseOf<'sim.twin.fit'> {
    return this.sessions.active.control?.twinFit() ?? null;
  }
}
