/**
 * Per-service request budgets, kept inside the rates AWS documents for each API family. Each
 * service gets its own token bucket; every SDK call waits for a token before it is sent.
 */
export type AwsServiceName = 'elbv2' | 'autoscaling' | 'cloudwatch' | 'route53' | 'rds' | 'lambda' | 'sts' | 'wafv2';

export interface ApiRate {
  capacity: number;
  refillPerSecond: number;
  /** Where the figure comes from. */
  source: string;
}

export const API_RATES: Record<AwsServiceName, ApiRate> = {
  // "Describe* … bucket maximum capacity 40, bucket refill rate 10" (per account and Region).
  elbv2: { capacity: 40, refillPerSecond: 10, source: 'docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/request-throttling.html' },
  // Auto Scaling does not publish per-API rates; we stay at the ELB figures halved (our choice).
  autoscaling: { capacity: 20, refillPerSecond: 5, source: 'our choice: no published Auto Scaling API rate' },
  // GetMetricData 50 TPS, DescribeAlarms 9 TPS, DescribeAlarmHistory 9 TPS: one bucket at the lowest.
  cloudwatch: { capacity: 9, refillPerSecond: 9, source: 'docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_limits.html' },
  // Route 53 API requests are limited per AWS account across all its APIs.
  route53: { capacity: 10, refillPerSecond: 10, source: 'docs.aws.amazon.com/Route53/latest/DeveloperGuide/DNSLimitations.html#limits-api-requests' },
  // RDS describe APIs throttle at about 12 requests per second.
  rds: { capacity: 12, refillPerSecond: 12, source: 'docs.aws.amazon.com/AmazonRDS/latest/UserGuide/CHAP_Limits.html#USER_Throttling' },
  // "Control plane API requests (excludes invocation, GetFunction, and GetPolicy requests): 15 per second".
  lambda: { capacity: 15, refillPerSecond: 15, source: 'docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html#api-requests' },
  // STS is called once per connect; the bucket only guards against a retry storm.
  sts: { capacity: 10, refillPerSecond: 10, source: 'our choice: one GetCallerIdentity per connect' },
  // AWS WAF publishes no per-API rate for GetWebACLForResource; one call per load balancer a refresh (our choice).
  wafv2: { capacity: 5, refillPerSecond: 5, source: 'our choice: no published AWS WAF API rate' },
};
