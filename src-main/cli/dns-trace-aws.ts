/** `flightdeck dns trace <name> --profile P [--region R] [--type A] [--repeat N] [--resolver-ip IP] [--json]` on a real zone. */
import { parseArgs } from 'node:util';
import type { DnsTrace } from '../core/contract';
import { AwsSource } from '../core/sources/aws/aws-source';
import { readSharedFiles } from '../core/sources/aws/profiles/shared-ini';
import { AWS_EXIT } from './aws-snapshot';
import { UsageError } from './output';

export const DNS_TRACE_AWS_USAGE = `flightdeck dns trace <name> --profile <name> [--region <r>] [--type A] [--repeat <n>] [--resolver-ip <ip>] [--json]
  traces <name> in a hosted zone of the account: delegation path, competing record sets with
  their health checks, Route 53's TestDNSAnswer, and why`;

export function formatDnsTrace(trace: DnsTrace): string {
  const lines = [`${trace.name} ${trace.type}`];
  for (const step of trace.steps) {
    lines.push(`  ${step.kind.padEnd(13)} ${step.server}  (${step.zone})  ${step.result}`);
    for (const record of step.records) lines.push(`      ${record}`);
    if (step.note) lines.push(`      note: ${step.note}`);
  }
  // Records compete but nothing says which answers: neither TestDNSAnswer nor the resolver did.
  const unknown = !trace.testDnsAnswer && trace.answer.values.length === 0 && trace.answer.candidates.length > 0;
  lines.push('', `Answer: ${trace.answer.values.join(', ') || (unknown ? '(unknown)' : '(none)')}  ${trace.answer.responseCode}${trace.answer.routingPolicy ? `  (${trace.answer.routingPolicy})` : ''}`);
  for (const c of trace.answer.candidates) {
    lines.push(
      `  ${c.chosen ? '→' : ' '} ${c.setIdentifier ?? '(simple)'}  ${c.values.join(', ')}${c.weight !== undefined ? `  weight ${c.weight}` : ''}${c.failover ? `  ${c.failover}` : ''}${c.geoLocation ? `  geo ${c.geoLocation}` : ''}${c.healthCheckId ? `  check ${c.healthCheckId} ${c.healthy ? 'healthy' : 'UNHEALTHY'}` : ''}  — ${c.verdict}`,
    );
  }
  for (const line of trace.answer.explanation) lines.push(`  ${line}`);
  if (trace.testDnsAnswer) lines.push('', `Route 53 TestDNSAnswer: ${trace.testDnsAnswer.values.join(', ') || '(none)'}  ${trace.testDnsAnswer.responseCode}`);
  if (trace.distribution) for (const [answer, count] of Object.entries(trace.distribution)) lines.push(`  ${count}×  ${answer || '(none)'}`);
  if (trace.disagreement) lines.push('', `Disagreement: ${trace.disagreement}`);
  return `${lines.join('\n')}\n`;
}

export async function dnsTraceAws(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { profile: { type: 'string' }, region: { type: 'string' }, type: { type: 'string' }, repeat: { type: 'string' }, 'resolver-ip': { type: 'string' }, json: { type: 'boolean' } },
  });
  const [name, ...extra] = positionals;
  if (!name) throw new UsageError(`dns trace needs a name.\n${DNS_TRACE_AWS_USAGE}`);
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  if (!values.profile) throw new UsageError('dns trace on AWS needs --profile');
  const type = (values.type ?? 'A').toUpperCase();
  if (!/^[A-Z]{1,10}$/.test(type)) throw new UsageError(`--type must be a record type such as A or AAAA, got "${values.type}"`);
  const repeat = values.repeat === undefined ? undefined : Number(values.repeat);
  if (repeat !== undefined && (!Number.isInteger(repeat) || repeat < 1 || repeat > 10_000)) throw new UsageError(`--repeat must be 1–10000, got "${values.repeat}"`);

  const source = new AwsSource({ profile: values.profile, region: values.region, env, files: readSharedFiles(env) });
  try {
    const session = await source.connect();
    if (session.mode === 'aws' && session.credentialState !== 'connected') {
      process.stderr.write(`flightdeck: cannot use profile ${values.profile} (${session.credentialState}): ${session.credentialMessage ?? ''}\n  fix: ${session.credentialHint ?? ''}\n`);
      return AWS_EXIT.credentials;
    }
    const trace = await source.traceDns({ name, type, from: values['resolver-ip'] ? { resolverIp: values['resolver-ip'] } : {}, ...(repeat ? { repeat } : {}) });
    process.stdout.write(values.json ? `${JSON.stringify(trace, null, 2)}\n` : formatDnsTrace(trace));
    return 0;
  } catch (error) {
    const e = error as { kind?: string; message?: string; hint?: string };
    process.stderr.write(`flightdeck: ${e.message ?? String(error)}${e.hint ? `\n  fix: ${e.hint}` : ''}\n`);
    return e.kind === 'access-denied' ? AWS_EXIT.permission : AWS_EXIT.awsError;
  } finally {
    source.stop();
  }
}
