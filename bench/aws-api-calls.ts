/**
 * API calls and bytes per refresh in AWS mode, measured against moto_server through a counting
 * proxy, for a reference topology: Flightdeck's refresh (paginated discovery + GetMetricData
 * batched per (period, window), incremental after the first poll) against the naive approach of
 * one GetMetricStatistics call per metric series over the same window.
 *
 * Counts and bytes do not depend on the machine's speed; no timing is recorded.
 */
import { CloudWatchClient, GetMetricStatisticsCommand } from '@aws-sdk/client-cloudwatch';
import { AwsSource } from '../src-main/core/sources/aws/aws-source';
import { standardMetricKeys } from '../src-main/core/sources/aws/metrics/standard-metrics';
import { isExtendedStat } from '../src-main/core/metric-catalog';
import type { Clock } from '../src-main/core/sources/aws/throttle/time';
import { createTopology, sdkConfig } from '../test/helpers/aws-topology';
import { motoAvailability, startMoto, writeMotoProfiles, type CallCount, type MotoServer } from '../test/helpers/moto';
import type { BenchResult } from './run';

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

export interface AwsApiCallsData {
  topology: Record<string, number>;
  flightdeck: Record<'firstRefresh' | 'incrementalRefresh' | 'metricsFirstRefresh' | 'metricsIncrementalRefresh', CallSummary>;
  naive: Record<'perRefresh' | 'metricsPerRefresh', CallSummary>;
  metricCallsRatio: number;
  emulator: string;
  notes: string[];
}

export async function measureAwsApiCalls(): Promise<AwsApiCallsData> {
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
      // A failing call (moto and percentiles) still counts as the call it is.
      await cloudwatch.send(
        new GetMetricStatisticsCommand({
          Namespace: key.namespace,
          MetricName: key.metricName,
          Dimensions: Object.entries(key.dimensions).map(([Name, Value]) => ({ Name, Value })),
          StartTime: start,
          EndTime: end,
          Period: key.period,
          // Percentiles are extended statistics in GetMetricStatistics.
          ...(isExtendedStat(key.stat) ? { ExtendedStatistics: [key.stat] } : { Statistics: [key.stat as 'Sum'] }),
        }),
      ).catch(() => undefined);
    }
    const naiveMetrics = [...server.calls];
    cloudwatch.destroy();

    const discovery = first.filter((c) => !isMetricCall(c));
    const flightdeckFirstMetrics = first.filter(isMetricCall);
    const flightdeckNextMetrics = incremental.filter(isMetricCall);
    const naivePerRefresh = [...discovery, ...naiveMetrics];
    return {
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
        'moto lacks DescribeAlarmHistory (HTTP 500, retried 3 times) and GetAccountSettings (404), and answers percentile queries on series with data with HTTP 500 (Flightdeck retries that call 3 times; the naive loop makes no retries): every attempt is counted',
      ],
    };
  } finally {
    await server.stop();
  }
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

export async function awsApiCallsBench(): Promise<BenchResult> {
  const data = await measureAwsApiCalls();
  const row = (label: string, all: CallSummary, metrics: CallSummary) =>
    `| ${label} | ${all.calls} | ${metrics.calls} | ${kib(all.requestBytes)} | ${kib(all.responseBytes)} | ${kib(metrics.requestBytes + metrics.responseBytes)} |`;
  const t = data.topology;
  const markdown = [
    `Reference topology against moto_server: ${t.loadBalancers} ALBs, ${t.targetGroups} target groups, ${t.autoScalingGroups} Auto Scaling groups, ${t.hostedZones} hosted zone (${t.recordSets} record sets, ${t.healthChecks} health check), ${t.dbInstances} DB instances, ${t.lambdaFunctions} Lambda functions, ${t.alarms} alarm — ${t.metricSeries} standard metric series. Calls and HTTP body bytes per refresh of every dataset, counted by a proxy in front of moto.`,
    '',
    '| refresh | API calls | metric calls | request bytes | response bytes | metric bytes |',
    '|---|---:|---:|---:|---:|---:|',
    row('Flightdeck, first (3 h back-fill)', data.flightdeck.firstRefresh, data.flightdeck.metricsFirstRefresh),
    row('Flightdeck, next (incremental)', data.flightdeck.incrementalRefresh, data.flightdeck.metricsIncrementalRefresh),
    row('naive: GetMetricStatistics per series', data.naive.perRefresh, data.naive.metricsPerRefresh),
    '',
    `Metric calls: ${data.naive.metricsPerRefresh.calls} naive vs ${data.flightdeck.metricsIncrementalRefresh.calls} batched (×${data.metricCallsRatio.toFixed(1)}). Discovery calls are the same in both. ${data.notes[1]}.`,
  ].join('\n');
  return { name: 'aws-api-calls', title: 'AWS API calls and bytes per refresh', markdown, data };
}
