/**
 * `flightdeck dns trace <name> --scenario <file|name>`: how Route 53 answers a name in a scenario —
 * root → TLD → the zone's Route 53 name server → answer, the routing decision explained, and with
 * --repeat how often each answer comes back (docs/dns-trace.md).
 *
 * Without --at the trace reads the scenario as configured: every health check Healthy (as Route 53
 * starts them) and every load balancer taken as healthy. With --at the simulation first runs to that
 * time (faults included) and the trace reads its state then. `--profile` is AWS mode, implemented in
 * dns-trace-aws.ts.
 */
import type { ClientLocation, DnsTrace } from '../core/contract/model-dns';
import { parseLocation } from '../core/route53/geography';
import { traceLines } from './dns-trace-format';
import { SimulationEngine } from '../core/sources/sim/engine';
import { formatDuration, parseDuration } from '../core/sources/sim/kernel/duration';
import { createRandom } from '../core/sources/sim/kernel/random';
import { buildRoute53 } from '../core/sources/sim/route53/build-route53';
import { Route53Service } from '../core/sources/sim/route53/route53-service';
import { ASSUME_HEALTHY, simDnsTrace } from '../core/sources/sim/route53/sim-dns';
import { latencyFor } from '../core/sources/sim/route53/latency';
import type { ScenarioModel } from '../core/sources/sim/scenario/load-scenario';
import { MAX_SCENARIO_SECONDS } from '../core/sources/sim/scenario/limits';
import { EXIT, UsageError } from './output';
import { parseOperand } from './command-line';
import { openScenario, parseScenarioOptions, SCENARIO_OPTIONS } from './scenario-options';

export const DNS_TRACE_USAGE = `flightdeck dns trace <name> --scenario <scenario> [--type A] [--from <location>] [--at <time>] [--repeat <n>] [--seed <n>] [--template <file>] [--parameter <Key=Value>]… [--parameters <file>] [--stack-name <name>] [--json]
  <name>       the DNS name to resolve, e.g. www.example.com
  --scenario   a bundled scenario name (e.g. global-failover) or a path to a scenario YAML file
  --type       record type to ask for (default A)
  --from       where the client's resolver is: a continent (EU), a country (DE), a subdivision
               (US-CA) or an AWS region (eu-west-1); default us-east-1
  --at         run the simulation to this time first: an offset (30m, 1h30m) or an ISO time
  --repeat     resolve n times and count each distinct answer (seeded: the same seed, the same counts)
  --seed       overrides Simulation.Seed in the file
  --template, --parameter, --parameters, --stack-name
               a CloudFormation template as the stack, with its parameter values and stack name
               (as for sim run)
  --json       print the trace as JSON (steps, answer, distribution)
  --profile    resolve against a real AWS account instead (AWS mode)`;


const RECORD_TYPES = new Set(['A', 'AAAA', 'CAA', 'CNAME', 'DS', 'HTTPS', 'MX', 'NAPTR', 'NS', 'PTR', 'SOA', 'SPF', 'SRV', 'SSHFP', 'SVCB', 'TLSA', 'TXT']);
const MAX_REPEAT = 1_000_000;
/** Where the resolver is when --from is not given: N. Virginia, AWS's first region (our choice). */
export const DEFAULT_FROM = 'us-east-1';

export interface DnsTraceOptions {
  name: string;
  type: string;
  from: ClientLocation;
  /** Seconds after the scenario's start; undefined = the scenario as configured. */
  atSeconds?: number;
  repeat?: number;
}

/**
 * The trace itself, for the CLI and its tests: the configured scenario, or the simulation run to
 * `atSeconds` (services.dns then answers with its health checks and load balancers as they are).
 */
export function traceScenario(scenario: ScenarioModel, options: DnsTraceOptions): DnsTrace {
  const random = createRandom(scenario.simulation.seed, 'dns-trace');
  const query = { name: options.name, type: options.type };
  if (options.atSeconds === undefined) {
    const state = buildRoute53(scenario.resources);
    if (state.zones.length === 0) throw new Error(`${scenario.name} has no AWS::Route53::HostedZone: there is nothing for Route 53 to answer`);
    return simDnsTrace(state, query, options.from, { random, loadBalancerHealth: ASSUME_HEALTHY, latency: latencyFor(options.from, scenario.simulation.latency), ...(options.repeat ? { repeat: options.repeat } : {}) });
  }
  const engine = new SimulationEngine(scenario);
  const dns = engine.services.dns;
  if (!(dns instanceof Route53Service)) throw new Error(`${scenario.name} has no AWS::Route53::HostedZone: there is nothing for Route 53 to answer`);
  engine.advanceTo(engine.startTime + options.atSeconds * 1000);
  return dns.trace(query, options.from, random, options.repeat);
}

/** `30m`, `1h30m`, `90` (seconds) or an ISO time at or after the scenario's start → seconds after the start. */
export function parseAt(text: string, startTime: number): number {
  return withinScenario(text, atOffset(text, startTime));
}

function atOffset(text: string, startTime: number): number {
  const offset = parseDuration(text);
  if (offset !== undefined) return offset;
  const time = Date.parse(text);
  if (!Number.isFinite(time)) throw new UsageError(`--at "${text}" is neither an offset such as 30m nor an ISO time such as 2026-11-20T14:30:00Z`);
  if (time < startTime) throw new UsageError(`--at ${text} is before the scenario starts (${new Date(startTime).toISOString()})`);
  return (time - startTime) / 1000;
}

/** The simulation runs to --at first: at most a simulated year, the span of a scenario's own offsets. */
function withinScenario(text: string, seconds: number): number {
  if (seconds > MAX_SCENARIO_SECONDS) throw new UsageError(`--at ${text} is more than ${MAX_SCENARIO_SECONDS / 86_400} days after the scenario starts`);
  return seconds;
}

export async function dnsTrace(args: string[]): Promise<number> {
  // AWS mode parses its own options (profile, region …): hand it the arguments untouched.
  if (args.some((arg) => arg === '--profile' || arg.startsWith('--profile='))) {
    // Loaded on demand: the AWS SDK is only needed when a real account is traced.
    const { dnsTraceAws } = await import('./dns-trace-aws');
    return dnsTraceAws(args);
  }
  const { operand: name, values } = parseOperand(
    args,
    { scenario: { type: 'string' }, type: { type: 'string' }, from: { type: 'string' }, at: { type: 'string' }, repeat: { type: 'string' }, json: { type: 'boolean' }, ...SCENARIO_OPTIONS },
    `dns trace needs a name.\n${DNS_TRACE_USAGE}`,
  );
  if (!values.scenario) throw new UsageError('dns trace needs --scenario (a bundled name such as global-failover, or a file), or --profile for a real AWS account');
  const type = (values.type ?? 'A').toUpperCase();
  if (!RECORD_TYPES.has(type)) throw new UsageError(`--type ${values.type} is not a record type Route 53 serves (${[...RECORD_TYPES].join(', ')})`);
  const from = parseLocation(values.from ?? DEFAULT_FROM);
  if ('error' in from) throw new UsageError(`--from: ${from.error}`);
  let repeat: number | undefined;
  if (values.repeat !== undefined) {
    repeat = Number(values.repeat);
    if (!/^\d+$/.test(values.repeat) || repeat < 1 || repeat > MAX_REPEAT) throw new UsageError(`--repeat must be a whole number from 1 to ${MAX_REPEAT.toLocaleString('en')}, got "${values.repeat}"`);
  }

  const scenario = openScenario(values.scenario, parseScenarioOptions(values));
  const atSeconds = values.at === undefined ? undefined : parseAt(values.at, scenario.simulation.startTime);
  const trace = traceScenario(scenario, { name, type, from, ...(atSeconds !== undefined ? { atSeconds } : {}), ...(repeat ? { repeat } : {}) });
  if (trace.steps.every((step) => step.kind !== 'authoritative')) {
    process.stderr.write(`flightdeck: no public hosted zone in ${scenario.name} contains ${trace.name}\n`);
  }
  process.stdout.write(values.json ? `${JSON.stringify(trace, null, 2)}\n` : formatTrace(trace, scenario.name, atSeconds));
  return EXIT.ok;
}

/** The trace for a person: dig +trace's layout, then the answer, the reasons and the candidates. */
export function formatTrace(trace: DnsTrace, scenarioName: string, atSeconds?: number): string {
  const when = atSeconds === undefined ? 'as configured (every health check Healthy)' : `at ${formatDuration(atSeconds)}`;
  const lines = traceLines(trace, `scenario ${scenarioName}, ${when}`);
  if (trace.distribution) {
    const total = Object.values(trace.distribution).reduce((a, b) => a + b, 0);
    lines.push(`Distribution over ${total} resolutions:`);
    for (const [key, count] of Object.entries(trace.distribution).sort((a, b) => b[1] - a[1])) {
      lines.push(`  ${String(count).padStart(String(total).length)}  ${(Math.round((count / total) * 1000) / 10).toFixed(1).padStart(5)}%  ${key || '(no answer)'}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
