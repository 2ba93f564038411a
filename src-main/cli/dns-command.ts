/**
 * `flightdeck dns trace …`: on a real zone when --profile is given (dns-trace-aws.ts), in the
 * simulator with --scenario (provided by the simulator's own module, registered by index.ts).
 */
import { DNS_TRACE_AWS_USAGE, dnsTraceAws } from './dns-trace-aws';
import { UsageError } from './output';

export type DnsTraceRunner = (args: string[]) => Promise<number> | number;

export const DNS_USAGE = `${DNS_TRACE_AWS_USAGE}
flightdeck dns trace <name> --scenario <name|file> …   (in the simulator)`;

export async function dnsCommand(args: string[], simulator?: DnsTraceRunner): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'trace') throw new UsageError(`unknown command "dns ${sub ?? ''}"; did you mean \`flightdeck dns trace\`?`);
  if (rest.some((arg) => arg === '--profile' || arg.startsWith('--profile='))) return dnsTraceAws(rest);
  if (simulator) return simulator(rest);
  throw new UsageError('dns trace needs --profile <name> to trace a real hosted zone (the simulator trace, --scenario, is not in this build yet)');
}
