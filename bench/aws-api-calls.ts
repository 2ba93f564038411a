/**
 * API calls and bytes per refresh in AWS mode, measured against moto_server through a counting
 * proxy, for a reference topology: Flightdeck's refresh (paginated discovery + GetMetricData
 * batched per (period, window), incremental after the first poll) against the naive approach of
 * one GetMetricStatistics call per metric series over the same window.
 *
 * Counts and bytes do not depend on the machine's speed; no timing is recorded.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { CloudWatchClient, GetMetricStatisticsCommand } from '@aws-sdk/client-cloudwatch';
import { AwsSource } from '../src-main/core/sources/aws/aws-source';
import { standardMetricKeys } from '../src-main/core/sources/aws/metrics/standard-metrics';
import type { Clock } from '../src-main/core/sources/aws/throttle/time';
import { createTopology, sdkConfig } from '../test/helpers/aws-topology';
import { motoAvailability, startMoto, writeMotoProfiles, type CallCount, type MotoServer } from '../test/helpers/moto';

export const RESULTS_FILE = new URL('./results/aws-api-calls.json', import.meta.url);

export interface CallSummary {
  calls: number;
  requestBytes: number;
  responseBytes: number;
  byOperation: Record<string, number>;
}

function summarize(calls: CallCount[]): CallSummary {
  const byOperation: Record<string, number> = {};
  for (const call of calls) byOperation[call.operation] = (byOperation[call.operation] ?? 0) + 1;
  return {
    calls: calls.length,
    requestBytes: calls.reduce((sum, c) => sum + c.requestBytes, 0),
    responseBytes: calls.reduce((sum, c) => sum + c.responseBytes, 0),
    byOperation: Object.fromEntries(Object.entries(byOperation).sort(([a], [b]) => a.localeCompare(b))),
  };
}

const isMetricCall = (c: CallCount) => /GetMetricData|GetMetricStatistics/.test(c.operation);

/** The reference topology: 3 web tiers (ALB, 2 target groups, ASG), 1 zone, 3 DB instances, 6 functions. */
export const REFERENCE = { webTiers: 3, lambdaFunctions: 6 };

export async function measureAwsApiCalls(): Promise<Record<string, unknown>> {
  const availability = motoAvailability();
  if (!availability.available) throw new Error(`bench aws-api-calls needs moto_server: ${availability.reason}`);
  const server: MotoServer = await startMoto();
  try {
    const now = Date.now();
    await createTopology({ endpoint: server.directEndpoint, ...REFERENCE, now });
    const profiles = writeMotoProfiles(server.endpoint);
    const clock: Clock = { now: () => Date.now(), sleep: async () => undefined };

    const source = new AwsSource({ profile: 'moto', env: profiles.env, clock });
    await source.connect();
    server.clearCounts();
    await source.refresh();
    const first = [...server.calls];
    server.clearCounts();
    await source.refresh();
    const incremental = [...server.calls];
    const snapshot = source.snapshot();
    source.stop();

    // Naive: the same discovery, then one GetMetricStatistics per series over the same 3-hour window.
    const keys = standardMetricKeys(snapshot.inventory);
    const cloudwatch = new CloudWatchClient({ ...sdkConfig(server.endpoint), maxAttempts: 1 });
    server.clearCounts();
    const end = new Date(Math.floor(Date.now() / 60_000) * 60_000 + 60_000);
    const start = new Date(end.getTime() - 3 * 3600_000);
    for (const key of keys) {
      await cloudwatch.send(
        new GetMetricStatisticsCommand({
          Namespace: key.namespace,
          MetricName: key.metricName,
          Dimensions: Object.entries(key.dimensions).map(([Name, Value]) => ({ Name, Value })),
          StartTime: start,
          EndTime: end,
          Period: key.period,
          Statistics: [key.stat as 'Sum'],
        }),
      );
    }
    const naiveMetrics = [...server.calls];
    cloudwatch.destroy();

    const discovery = first.filter((c) => !isMetricCall(c));
    const flightdeckFirstMetrics = first.filter(isMetricCall);
    const flightdeckNextMetrics = incremental.filter(isMetricCall);
    const naivePerRefresh = [...discovery, ...naiveMetrics];
    return {
      bench: 'aws-api-calls',
      measuredAt: new Date().toISOString(),
      emulator: 'moto_server 5.2.1 (through a counting HTTP proxy; bytes are HTTP bodies)',
      topology: {
        ...REFERENCE,
        loadBalancers: snapshot.inventory.loadBalancers.length,
        targetGroups: snapshot.inventory.targetGroups.length,
        autoScalingGroups: snapshot.inventory.autoScalingGroups.length,
        hostedZones: snapshot.inventory.hostedZones.length,
        recordSets: snapshot.inventory.recordSets.length,
        healthChecks: snapshot.inventory.healthChecks.length,
        dbInstances: snapshot.inventory.dbInstances.length,
        lambdaFunctions: snapshot.inventory.lambdaFunctions.length,
        alarms: snapshot.inventory.alarms.length,
        metricSeries: keys.length,
      },
      flightdeck: {
        firstRefresh: summarize(first),
        incrementalRefresh: summarize(incremental),
        metricsFirstRefresh: summarize(flightdeckFirstMetrics),
        metricsIncrementalRefresh: summarize(flightdeckNextMetrics),
      },
      naive: {
        perRefresh: summarize(naivePerRefresh),
        metricsPerRefresh: summarize(naiveMetrics),
      },
      metricCallsRatio: naiveMetrics.length / Math.max(1, flightdeckNextMetrics.length),
      notes: [
        'discovery calls are the same in both approaches; only the metric calls differ',
        'moto lacks DescribeAlarmHistory (HTTP 500, retried 3 times) and GetAccountSettings (404): those attempts are counted as made',
      ],
    };
  } finally {
    await server.stop();
  }
}

export async function runAwsApiCallsBench(): Promise<Record<string, unknown>> {
  const result = await measureAwsApiCalls();
  mkdirSync(dirname(RESULTS_FILE.pathname), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(result, null, 2)}\n`);
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await runAwsApiCallsBench();
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
