/**
 * The standard CloudWatch metric set per resource type, shared by both data sources so that a view
 * draws the same series whether the simulator or a real account produced them.
 *
 * Statistics per metric follow the AWS metric reference pages — counts are summed, gauges averaged:
 * - ALB: docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html
 * - EC2 by Auto Scaling group: docs.aws.amazon.com/AWSEC2/latest/UserGuide/viewing_metrics_with_cloudwatch.html
 * - Auto Scaling group metrics: docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-metrics.html
 * - RDS: docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-metrics.html
 * - Lambda: docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html
 * - API Gateway HTTP APIs: docs.aws.amazon.com/apigateway/latest/developerguide/http-api-metrics.html
 *
 * Plain TypeScript, no Node or SDK imports: the simulator (deterministic) may import it.
 */
import type { MetricKey, MetricStat } from './contract/model';

/** One-minute periods: the finest standard resolution for these namespaces. */
export const STANDARD_PERIOD_SECONDS = 60;

const STATS: Record<string, MetricStat[]> = {
  // AWS/ApplicationELB
  RequestCount: ['Sum'],
  HTTPCode_Target_5XX_Count: ['Sum'],
  HTTPCode_ELB_5XX_Count: ['Sum'],
  HTTPCode_ELB_500_Count: ['Sum'],
  HTTPCode_ELB_502_Count: ['Sum'],
  HTTPCode_ELB_503_Count: ['Sum'],
  HTTPCode_ELB_504_Count: ['Sum'],
  HTTPCode_Target_2XX_Count: ['Sum'],
  HTTP_Redirect_Count: ['Sum'],
  HTTP_Fixed_Response_Count: ['Sum'],
  TargetConnectionErrorCount: ['Sum'],
  // "The only valid statistic is Sum. This represents the average" (load-balancer-cloudwatch-metrics).
  RequestCountPerTarget: ['Sum'],
  HTTPCode_ELB_4XX_Count: ['Sum'],
  HTTPCode_ELB_3XX_Count: ['Sum'],
  TargetResponseTime: ['Average', 'p50', 'p90', 'p99'],
  HealthyHostCount: ['Average'],
  UnHealthyHostCount: ['Average'],
  // AWS/EC2 and AWS/RDS
  CPUUtilization: ['Average'],
  // AWS/AutoScaling
  GroupDesiredCapacity: ['Average'],
  GroupInServiceInstances: ['Average'],
  GroupPendingInstances: ['Average'],
  GroupTerminatingInstances: ['Average'],
  GroupTotalInstances: ['Average'],
  GroupMinSize: ['Average'],
  GroupMaxSize: ['Average'],
  // AWS/RDS
  DatabaseConnections: ['Average'],
  ReadIOPS: ['Average'],
  WriteIOPS: ['Average'],
  ReplicaLag: ['Average'],
  // AWS/Lambda: invocation metrics are counts; ConcurrentExecutions is read as Maximum.
  Invocations: ['Sum'],
  Errors: ['Sum'],
  Throttles: ['Sum'],
  Duration: ['Average', 'p50', 'p90', 'p99', 'Maximum'],
  ConcurrentExecutions: ['Maximum'],
  UnreservedConcurrentExecutions: ['Maximum'],
  ClaimedAccountConcurrency: ['Maximum'],
  AsyncEventsReceived: ['Sum'],
  AsyncEventAge: ['Average', 'Maximum'],
  AsyncEventsDropped: ['Sum'],
  // AWS/WAFV2 (waf-metrics.html): counts, Sum only
  AllowedRequests: ['Sum'],
  BlockedRequests: ['Sum'],
  CountedRequests: ['Sum'],
  // AWS/ApiGateway (HTTP APIs): counts summed, latencies averaged (ms), DataProcessed in bytes.
  Count: ['Sum'],
  '4xx': ['Sum'],
  '5xx': ['Sum'],
  Latency: ['Average', 'Maximum'],
  IntegrationLatency: ['Average'],
  DataProcessed: ['Sum'],
  // Simulator-only namespaces (Flightdeck/Traffic, Flightdeck/Lambda): no AWS counterpart to poll.
  OfferedRequests: ['Sum'],
  UnresolvedRequests: ['Sum'],
  ColdStarts: ['Sum'],
  InitDuration: ['Average'],
};

/**
 * CloudWatch units of the metrics the simulator publishes, as the AWS metric pages give them; the
 * report carries them (docs/sim-report.md). TargetResponseTime is in seconds, Lambda Duration in ms.
 */
const UNITS: Record<string, string> = {
  TargetResponseTime: 'Seconds',
  CPUUtilization: 'Percent',
  ReplicaLag: 'Seconds',
  ReadIOPS: 'Count/Second',
  WriteIOPS: 'Count/Second',
  Duration: 'Milliseconds',
  InitDuration: 'Milliseconds',
  AsyncEventAge: 'Milliseconds',
  Latency: 'Milliseconds',
  IntegrationLatency: 'Milliseconds',
  DataProcessed: 'Bytes',
};

/** The CloudWatch unit of a metric: `Count` unless the table above says otherwise. */
export function metricUnit(metricName: string): string {
  return UNITS[metricName] ?? 'Count';
}

/** The statistics worth showing for a metric name; unknown metrics are averaged. */
export function standardStats(metricName: string): MetricStat[] {
  return STATS[metricName] ?? ['Average'];
}

function expand(namespace: string, names: readonly string[], dimensions: Record<string, string>): MetricKey[] {
  return names.flatMap((metricName) =>
    standardStats(metricName).map((stat) => ({ namespace, metricName, dimensions: { ...dimensions }, stat, period: STANDARD_PERIOD_SECONDS })),
  );
}

/** Percentiles are "extended statistics" in CloudWatch (GetMetricStatistics takes them separately). */
export function isExtendedStat(stat: MetricStat): boolean {
  return /^p\d/.test(stat);
}

// The metrics the simulator publishes for each resource (sources/sim/*-service.ts), in AWS namespaces.
export const LOAD_BALANCER_METRICS = ['RequestCount', 'TargetResponseTime', 'HTTPCode_Target_5XX_Count', 'HTTPCode_ELB_5XX_Count', 'HTTPCode_ELB_4XX_Count', 'HTTPCode_ELB_3XX_Count'] as const;
export const TARGET_GROUP_METRICS = ['RequestCount', 'TargetResponseTime', 'HTTPCode_Target_5XX_Count', 'HealthyHostCount', 'UnHealthyHostCount'] as const;
export const AUTO_SCALING_GROUP_METRICS = [
  'GroupDesiredCapacity',
  'GroupInServiceInstances',
  'GroupPendingInstances',
  'GroupTerminatingInstances',
  'GroupTotalInstances',
  'GroupMinSize',
  'GroupMaxSize',
] as const;
export const DB_INSTANCE_METRICS = ['CPUUtilization', 'DatabaseConnections', 'ReadIOPS', 'WriteIOPS'] as const;
export const LAMBDA_FUNCTION_METRICS = ['Invocations', 'Errors', 'Throttles', 'Duration', 'ConcurrentExecutions', 'AsyncEventsReceived', 'AsyncEventAge', 'AsyncEventsDropped'] as const;
/** An HTTP API's metrics by ApiId (APIGW-5); the simulator also publishes them by ApiId + Stage. */
export const HTTP_API_METRICS = ['Count', '4xx', '5xx', 'Latency', 'IntegrationLatency', 'DataProcessed'] as const;
/** Account-wide, without dimensions. */
export const LAMBDA_ACCOUNT_METRICS = ['ConcurrentExecutions', 'UnreservedConcurrentExecutions'] as const;

/**
 * `app/my-alb/50dc6c495c0c9188` — the LoadBalancer dimension value, i.e. the ARN after `loadbalancer/`.
 * docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html#load-balancer-metric-dimensions-alb
 */
export function loadBalancerDimension(loadBalancerArn: string): string {
  const index = loadBalancerArn.indexOf(':loadbalancer/');
  return index >= 0 ? loadBalancerArn.slice(index + ':loadbalancer/'.length) : loadBalancerArn;
}

/** `targetgroup/my-targets/73e2d6bc24d8a067` — the TargetGroup dimension value. */
export function targetGroupDimension(targetGroupArn: string): string {
  const index = targetGroupArn.indexOf(':targetgroup/');
  return index >= 0 ? targetGroupArn.slice(index + 1) : targetGroupArn;
}

export function loadBalancerMetrics(loadBalancer: string): MetricKey[] {
  return expand('AWS/ApplicationELB', LOAD_BALANCER_METRICS, { LoadBalancer: loadBalancer });
}

export function targetGroupMetrics(loadBalancer: string, targetGroup: string): MetricKey[] {
  return expand('AWS/ApplicationELB', TARGET_GROUP_METRICS, { LoadBalancer: loadBalancer, TargetGroup: targetGroup });
}

/**
 * EC2 CPU aggregated by group (ASG-12) plus the group's own capacity metrics. `cpuPeriod`: the
 * period EC2 publishes the CPU at (300 s under basic monitoring; AWS mode reads which).
 */
export function autoScalingGroupMetrics(groupName: string, cpuPeriod: number = STANDARD_PERIOD_SECONDS): MetricKey[] {
  const dims = { AutoScalingGroupName: groupName };
  const cpu = expand('AWS/EC2', ['CPUUtilization'], dims).map((key) => ({ ...key, period: cpuPeriod }));
  return [...cpu, ...expand('AWS/AutoScaling', AUTO_SCALING_GROUP_METRICS, dims)];
}

/** ReplicaLag exists only for read replicas. */
export function dbInstanceMetrics(dbInstanceIdentifier: string, isReplica: boolean): MetricKey[] {
  const names = isReplica ? [...DB_INSTANCE_METRICS, 'ReplicaLag'] : DB_INSTANCE_METRICS;
  return expand('AWS/RDS', names, { DBInstanceIdentifier: dbInstanceIdentifier });
}

export function lambdaFunctionMetrics(functionName: string): MetricKey[] {
  return expand('AWS/Lambda', LAMBDA_FUNCTION_METRICS, { FunctionName: functionName });
}

export function httpApiMetrics(apiId: string): MetricKey[] {
  return expand('AWS/ApiGateway', HTTP_API_METRICS, { ApiId: apiId });
}

export function lambdaAccountMetrics(): MetricKey[] {
  return expand('AWS/Lambda', LAMBDA_ACCOUNT_METRICS, {});
}

/** The three request counts AWS WAF publishes per web ACL and rule (waf-metrics.html). */
export const WAF_METRICS = ['AllowedRequests', 'BlockedRequests', 'CountedRequests'] as const;
/** The Rule dimension value of a web ACL's totals, and of the requests its default action handled (waf-metrics.html). */
export const WAF_ALL_RULES = 'ALL';
export const WAF_DEFAULT_ACTION_RULE = 'Default_Action';

/**
 * A web ACL's counts in AWS/WAFV2: dimensions WebACL (its metric name), Rule (a rule's metric name,
 * `ALL` or `Default_Action`) and Region, for a regional web ACL (waf-metrics.html, "AWS WAF core dimensions").
 */
export function webAclMetrics(webAclMetricName: string, ruleMetricNames: readonly string[], region: string): MetricKey[] {
  return [WAF_ALL_RULES, WAF_DEFAULT_ACTION_RULE, ...ruleMetricNames].flatMap((rule) => expand('AWS/WAFV2', WAF_METRICS, { WebACL: webAclMetricName, Rule: rule, Region: region }));
}

/** A stable identity for one series: namespace, name, sorted dimensions, stat, period. */
export function metricKeyId(key: MetricKey): string {
  const dims = Object.keys(key.dimensions)
    .sort()
    .map((name) => `${name}=${key.dimensions[name]}`)
    .join(',');
  return `${key.namespace}|${key.metricName}|${dims}|${key.stat}|${key.period}`;
}
