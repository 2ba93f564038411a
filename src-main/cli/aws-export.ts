/**
 * `flightdeck aws export [--profile P] [--region R] [--hours N] --out twin.yaml`: the account as a
 * twin scenario (docs/twin.md) — its resources as CloudFormation, its last N hours of traffic as
 * Traffic, the fitted parameters and the recording. Read-only calls; progress on stderr; no secret
 * in the file (placeholders, listed). Exit codes as `aws snapshot`.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { AwsSource } from '../core/sources/aws/aws-source';
import { DEFAULT_CHAIN } from '../core/sources/aws/credentials/default-chain';
import { DEFAULT_EXPORT_HOURS, exportTwin, MAX_EXPORT_HOURS } from '../core/sources/aws/twin/export-twin';
import { AWS_CONNECT_OPTIONS, AWS_EXIT, type CreateAwsSource, connectedOrExit, openAwsSource } from './aws-connect';
import { UsageError } from './output';

export const AWS_EXPORT_USAGE = `flightdeck aws export --out <twin.yaml> [--profile <name>] [--region <region>] [--hours <n>] [--mfa-code <code>]
  --out        the twin scenario to write (open it with \`flightdeck sim run\` or \`serve --scenario\`)
  --hours      history replayed: the last N hours (default ${DEFAULT_EXPORT_HOURS}, at most ${MAX_EXPORT_HOURS})
  --profile, --region, --mfa-code as for \`aws snapshot\`; read-only calls; secrets become placeholders (docs/twin.md)`;

export async function awsExport(args: string[], env: NodeJS.ProcessEnv = process.env, createSource: CreateAwsSource = (options) => new AwsSource(options), now: () => number = Date.now): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...AWS_CONNECT_OPTIONS, hours: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    process.stdout.write(`${AWS_EXPORT_USAGE}\n`);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  if (!values.out) throw new UsageError(`aws export needs --out <twin.yaml>\n${AWS_EXPORT_USAGE}`);
  const hours = values.hours === undefined ? DEFAULT_EXPORT_HOURS : Number(values.hours);
  if (!/^\d+(\.\d+)?$/.test(values.hours ?? '24') || !(hours > 0 && hours <= MAX_EXPORT_HOURS)) throw new UsageError(`--hours must be a number of hours between 1 and ${MAX_EXPORT_HOURS}, got "${String(values.hours).slice(0, 20)}"`);
  const opened = openAwsSource(values, env, createSource);
  if ('exit' in opened) return opened.exit;
  const { source, profile, label } = opened;
  try {
    const connected = connectedOrExit(await source.connect(), source, label);
    if (typeof connected === 'number') return connected;
    process.stderr.write(`reading the inventory of ${connected.accountId ?? 'the account'} in ${source.region} …\n`);
    await source.refresh();
    const failures = Object.entries(source.datasetStatuses()).filter(([, status]) => status.error);
    for (const [name, status] of failures) process.stderr.write(`flightdeck: ${name}: ${status.error!.message}${status.state === 'error' ? ' (that part of the account is not in the twin)' : ''}\n`);
    // As \`aws snapshot\`: a dataset that could not be read at all fails the command (the file is still written).
    const missing = failures.some(([, status]) => status.state === 'error' || status.state === 'stale');
    const twin = await exportTwin(source, {
      hours,
      now: now(),
      ...(profile !== DEFAULT_CHAIN ? { profile } : {}),
      onProgress: (p) => process.stderr.write(`history: GetMetricData call ${p.call} of ${p.calls} (${p.series} series read)\n`),
    });
    writeFileSync(values.out, twin.yaml);
    for (const skipped of twin.built.skipped) process.stderr.write(`not exported: ${skipped}\n`);
    const resources = Object.keys(twin.built.document.Resources as object).length;
    process.stderr.write(`wrote ${values.out}: ${resources} resources, ${(twin.built.document.Traffic as unknown[]).length} traffic populations, ${twin.series} series over ${twin.window.start} – ${twin.window.end} (${twin.periodSeconds} s periods), ${twin.built.placeholders.length} placeholders\n`);
    return missing ? AWS_EXIT.awsError : 0;
  } finally {
    source.stop();
  }
}
