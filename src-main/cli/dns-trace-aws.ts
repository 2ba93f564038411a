/** `flightdeck dns trace <name> --profile P [--region R] [--type A] [--repeat N] [--resolver-ip IP] [--json]` on a real zone. */
import { parseOperand } from './command-line';
import type { DnsTrace } from '../core/contract';
import { parseLocation } from '../core/route53';
import { englishDnsText } from './dns-text-en';
import { traceLines } from './dns-trace-format';
import { AwsSource } from '../core/sources/aws/aws-source';
import { awsCallHint, isAwsCallError } from '../core/sources/aws/aws-errors';
import { readSharedFiles } from '../core/sources/aws/profiles/shared-ini';
import { AWS_EXIT, AWS_PROFILE_OPTIONS, connectedOrExit } from './aws-connect';
import { MAX_AWS_REPEAT } from '../core/sources/aws/dns/aws-dns-trace';
import { UsageError } from './output';

export const DNS_TRACE_AWS_USAGE = `flightdeck dns trace <name> --profile <name> [--region <r>] [--type A] [--from <location>] [--resolver-ip <ip>] [--repeat <n>] [--json]
  traces <name> in a public hosted zone of the account: the delegation path, the competing record
  sets with their health checks, why (the resolver the simulator uses) and Route 53's TestDNSAnswer
  (asked up to ${MAX_AWS_REPEAT} times with --repeat); exit 3 on credential, 4 on permission errors`;

/**
 * Printed in the style of the simulator's `dns trace` (dig-like `;;` lines), plus Route 53's own
 * answer. Only TestDNSAnswer's results are labelled as Route 53's; when it could not be asked the
 * counts are Flightdeck's resolver drawing answers, and the output says so plainly.
 */
export function formatDnsTrace(trace: DnsTrace, where: string): string {
  const lines = traceLines(trace, where);
  if (trace.testDnsAnswer) lines.push(`Route 53 TestDNSAnswer: ${trace.testDnsAnswer.values.join(', ') || '(none)'} — ${trace.testDnsAnswer.responseCode}`);
  const problem = trace.testDnsAnswerProblem;
  if (problem) {
    lines.push(
      problem.code === 'denied'
        ? `Route 53 TestDNSAnswer: denied — this identity may not call route53:TestDNSAnswer (${problem.message}). Nothing below is Route 53's answer.`
        : `Route 53 TestDNSAnswer: unavailable (${problem.message}). Nothing below is Route 53's answer.`,
    );
  }
  if (trace.distribution) {
    const total = Object.values(trace.distribution).reduce((x, y) => x + y, 0);
    lines.push(trace.distributionSource === 'test-dns-answer' ? `Route 53 TestDNSAnswer over ${total} queries:` : `Flightdeck's resolver (a model, not Route 53) over ${total} draws:`);
    for (const [key, count] of Object.entries(trace.distribution).sort((x, y) => y[1] - x[1])) lines.push(`  ${String(count).padStart(String(total).length)}  ${key || '(no answer)'}`);
  }
  if (trace.disagreement) lines.push(`Disagreement: ${englishDnsText(trace.disagreement)}`);
  return `${lines.join('\n')}\n`;
}

export async function dnsTraceAws(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { operand: name, values } = parseOperand(
    args,
    { ...AWS_PROFILE_OPTIONS, type: { type: 'string' }, from: { type: 'string' }, repeat: { type: 'string' }, 'resolver-ip': { type: 'string' }, json: { type: 'boolean' } },
    `dns trace needs a name.\n${DNS_TRACE_AWS_USAGE}`,
  );
  if (!values.profile) throw new UsageError('dns trace on AWS needs --profile');
  const type = (values.type ?? 'A').toUpperCase();
  if (!/^[A-Z]{1,10}$/.test(type)) throw new UsageError(`--type must be a record type such as A or AAAA, got "${values.type}"`);
  const location = values.from === undefined ? {} : parseLocation(values.from);
  if ('error' in location) throw new UsageError(`--from: ${location.error}`);
  const repeat = values.repeat === undefined ? undefined : Number(values.repeat);
  if (repeat !== undefined && (!Number.isInteger(repeat) || repeat < 1 || repeat > 10_000)) throw new UsageError(`--repeat must be 1–10000, got "${values.repeat}"`);

  const source = new AwsSource({ profile: values.profile, region: values.region, env, files: readSharedFiles(env) });
  try {
    const session = connectedOrExit(await source.connect(), source, `profile ${values.profile}`);
    if (typeof session === 'number') return session;
    const from = { ...location, ...(values['resolver-ip'] ? { resolverIp: values['resolver-ip'] } : {}) };
    const trace = await source.traceDns({ name, type, from, ...(repeat ? { repeat } : {}) });
    const where = `profile ${values.profile} (${source.region}${session.accountId ? `, account ${session.accountId}` : ''})`;
    process.stdout.write(values.json ? `${JSON.stringify(trace, null, 2)}\n` : formatDnsTrace(trace, where));
    return 0;
  } catch (error) {
    const call = isAwsCallError(error) ? error : undefined;
    const hint = call && awsCallHint(call);
    process.stderr.write(`flightdeck: ${error instanceof Error ? error.message : String(error)}${hint ? `\n  fix: ${hint}` : ''}\n`);
    return call?.params.kind === 'access-denied' ? AWS_EXIT.permission : AWS_EXIT.awsError;
  } finally {
    source.stop();
  }
}
