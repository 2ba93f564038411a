/**
 * Steady AWS polling cost: API calls per minute and HTTP body bytes per minute for a 300-instance
 * reference account against moto_server (through the counting proxy), before and after the slow
 * settings cadence and the target-health plan, measured side by side in one run.
 *
 * "Before" is the same code with `settingsIntervalMs: 0`: every poll re-reads every setting and
 * every target group's health — the calls Flightdeck made before those changes. Each variant runs
 * its own AwsSource on a virtual clock through 30 minutes of its poll plan (each dataset every
 * DEFAULT_POLL_INTERVALS_MS, as the source's loops do), after one full first refresh that is not
 * counted. Counts and bytes do not depend on the machine's speed; no timing is recorded.
 */
import { AwsSource } from '../src-main/core/sources/aws/aws-source';
import { AWS_DATASETS, DEFAULT_POLL_INTERVALS_MS, type AwsDataset } from '../src-main/core/sources/aws/poll-plan';
import type { Clock } from '../src-main/core/sources/aws/throttle/time';
import { createTopology } from '../test/helpers/aws-topology';
import { motoAvailability, startMoto, writeMotoProfiles, type CallCount, type MotoServer } from '../test/helpers/moto';
import type { BenchResult } from './run';

/** 10 web tiers (ALB, 2 target groups, an Auto Scaling group of 30 instances) = 300 instances; 20 functions. */
export const POLLING_REFERENCE = { webTiers: 10, instancesPerGroup: 30, lambdaFunctions: 20 };
const MINUTES = 30;

export interface SteadyPolling {
  callsPerMinute: number;
  bytesPerMinute: number;
  byOperationPerMinute: Record<string, number>;
}

export interface AwsPollingData {
  reference: typeof POLLING_REFERENCE & { instances: number; minutes: number };
  before: SteadyPolling;
  after: SteadyPolling;
  callsRatio: number;
  emulator: string;
  notes: string[];
}

/** Runs one source's poll plan for `minutes` of virtual time; returns the calls made after the first refresh. */
export async function pollSteadily(server: MotoServer, env: NodeJS.ProcessEnv, settingsIntervalMs: number | undefined, minutes = MINUTES): Promise<CallCount[]> {
  let now = Date.now();
  const clock: Clock = { now: () => now, sleep: async () => undefined };
  const source = new AwsSource({ profile: 'moto', env, clock, ...(settingsIntervalMs !== undefined ? { settingsIntervalMs } : {}) });
  try {
    await source.connect();
    await source.refresh();
    server.clearCounts();
    const end = now + minutes * 60_000;
    const next = Object.fromEntries(AWS_DATASETS.map((d) => [d, now + DEFAULT_POLL_INTERVALS_MS[d]])) as Record<AwsDataset, number>;
    for (;;) {
      const due = Math.min(...Object.values(next));
      if (due > end) break;
      now = due;
      // AWS_DATASETS ends with cloudwatch, whose metrics follow the inventory (as in refresh()).
      for (const dataset of AWS_DATASETS.filter((d) => next[d] === due)) {
        await source.refreshDataset(dataset);
        next[dataset] = now + DEFAULT_POLL_INTERVALS_MS[dataset];
      }
    }
    return [...server.calls];
  } finally {
    source.stop();
  }
}

function perMinute(calls: CallCount[], minutes: number): SteadyPolling {
  const byOperation: Record<string, number> = {};
  for (const call of calls) byOperation[call.operation] = (byOperation[call.operation] ?? 0) + 1;
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    callsPerMinute: round(calls.length / minutes),
    bytesPerMinute: Math.round(calls.reduce((sum, c) => sum + c.requestBytes + c.responseBytes, 0) / minutes),
    byOperationPerMinute: Object.fromEntries(
      Object.entries(byOperation)
        .sort(([, a], [, b]) => b - a)
        .map(([operation, count]) => [operation, round(count / minutes)]),
    ),
  };
}

export async function measureAwsPolling(): Promise<AwsPollingData> {
  const availability = motoAvailability();
  if (!availability.available) throw new Error(`bench aws-polling needs moto_server: ${availability.reason}`);
  const server = await startMoto();
  try {
    await createTopology({ endpoint: server.directEndpoint, ...POLLING_REFERENCE, now: Date.now() });
    const { env } = writeMotoProfiles(server.endpoint);
    const before = perMinute(await pollSteadily(server, env, 0), MINUTES);
    const after = perMinute(await pollSteadily(server, env, undefined), MINUTES);
    return {
      reference: { ...POLLING_REFERENCE, instances: POLLING_REFERENCE.webTiers * POLLING_REFERENCE.instancesPerGroup, minutes: MINUTES },
      before,
      after,
      callsRatio: after.callsPerMinute / before.callsPerMinute,
      emulator: 'moto_server 5.2.1 (through a counting HTTP proxy; bytes are request + response HTTP bodies)',
      notes: [
        'before = settingsIntervalMs 0: every poll re-reads listeners and rules, policies and scheduled actions, reserved concurrency and every target group\'s health, as Flightdeck did before',
        'moto answers DescribeAlarmHistory with HTTP 500 and GetAccountSettings with 404: every attempt (with retries) is counted in both',
        'the reference account is healthy and unchanging: target health is reused until it is 2 minutes old; a moving target, a launch or termination, or a CloudWatch count that disagrees makes it read on the next poll',
      ],
    };
  } finally {
    await server.stop();
  }
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

export async function awsPollingBench(): Promise<BenchResult> {
  const data = await measureAwsPolling();
  const r = data.reference;
  const operations = [...new Set([...Object.keys(data.before.byOperationPerMinute), ...Object.keys(data.after.byOperationPerMinute)])];
  const markdown = [
    `Reference account against moto_server: ${r.webTiers} ALBs, ${2 * r.webTiers} target groups, ${r.webTiers} Auto Scaling groups of ${r.instancesPerGroup} instances (${r.instances} instances), 1 hosted zone, 3 DB instances, ${r.lambdaFunctions} Lambda functions. Steady polling over ${r.minutes} virtual minutes of the default poll plan, after the first full refresh; counted by a proxy in front of moto.`,
    '',
    '| polling | calls/min | bytes/min |',
    '|---|---:|---:|',
    `| before (every setting and all target health on every poll) | ${data.before.callsPerMinute} | ${kib(data.before.bytesPerMinute)} |`,
    `| after (settings every 5 min, target-health plan) | ${data.after.callsPerMinute} | ${kib(data.after.bytesPerMinute)} |`,
    '',
    '| operation | before /min | after /min |',
    '|---|---:|---:|',
    ...operations.map((op) => `| ${op} | ${data.before.byOperationPerMinute[op] ?? 0} | ${data.after.byOperationPerMinute[op] ?? 0} |`),
    '',
    `After / before: ×${data.callsRatio.toFixed(2)} calls. ${data.notes.join('; ')}.`,
  ].join('\n');
  return { name: 'aws-polling', title: 'AWS steady polling: calls and bytes per minute', markdown, data };
}
