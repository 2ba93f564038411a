/**
 * `flightdeck aws snapshot` text: a section of a dataset that could not be read gives no count (the
 * review's `--profile limited` printed "Load balancers (0)" and "DB instances (0)" while elbv2 and
 * rds were denied); stale data keeps its count with when it was read and why it is old.
 */
import { describe, expect, it } from 'vitest';
import { Snapshot, type DatasetStatuses } from '@main/core/contract/model';
import { formatAwsSnapshot } from '@main/cli/aws-snapshot-format';

const FETCHED = Date.parse('2026-06-01T12:00:00Z');
const denied = (operation: string, permission: string) => ({ code: 'AccessDenied', message: `${operation} was denied: missing ${permission}`, problem: { code: 'service.accessDenied', params: { operation, permission } } });

function text(datasets: DatasetStatuses): string {
  const snapshot = Snapshot.parse({
    session: { mode: 'aws', profile: 'limited', region: 'eu-west-1', credentialState: 'connected', readOnly: true },
    inventory: { loadBalancers: [], targetGroups: [], autoScalingGroups: [{ autoScalingGroupName: 'web-asg', minSize: 1, maxSize: 4, desiredCapacity: 1, defaultCooldown: 300, healthCheckType: 'EC2', healthCheckGracePeriod: 0, availabilityZones: ['eu-west-1a'], targetGroupARNs: [], instances: [], policies: [], scheduledActions: [] }], alarms: [], hostedZones: [], recordSets: [], healthChecks: [], dbInstances: [], dbSnapshots: [], lambdaFunctions: [], webAcls: [] },
    scalingActivities: [],
    metrics: [],
    datasets,
  });
  return formatAwsSnapshot(snapshot);
}

describe('aws snapshot sections say when a dataset was not read', () => {
  it('a denied dataset is "not read: <why>", never a count of 0', () => {
    const out = text({
      elbv2: { state: 'error', error: denied('DescribeLoadBalancers', 'elasticloadbalancing:DescribeLoadBalancers') },
      rds: { state: 'error', error: denied('DescribeDBInstances', 'rds:DescribeDBInstances') },
      autoscaling: { state: 'ok', fetchedAt: FETCHED },
      lambda: { state: 'ok', fetchedAt: FETCHED },
    });
    expect(out).toContain('Load balancers (not read: DescribeLoadBalancers was denied: missing elasticloadbalancing:DescribeLoadBalancers)');
    expect(out).toContain('Target groups (not read: DescribeLoadBalancers was denied');
    expect(out).toContain('DB instances (not read: DescribeDBInstances was denied: missing rds:DescribeDBInstances)');
    expect(out).not.toMatch(/Load balancers \(0\)|DB instances \(0\)/);
    // Read ones keep their counts, 0 included: an answer that found none.
    expect(out).toContain('Auto Scaling groups (1)');
    expect(out).toContain('Lambda functions (0)');
  });

  it('not answered yet, or stale after a failed refresh', () => {
    const out = text({ route53: { state: 'loading' }, autoscaling: { state: 'stale', fetchedAt: FETCHED, error: { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:5280' } } });
    expect(out).toContain('Hosted zones (not read yet)');
    expect(out).toContain('Auto Scaling groups (1 as read at 2026-06-01T12:00:00.000Z; refresh failed: connect ECONNREFUSED 127.0.0.1:5280)');
  });
});
