/** The readable form of an AWS-mode snapshot for `flightdeck aws snapshot`: inventory, health, latest metric values. */
import type { DatasetStatus, MetricSeries, Snapshot } from '../core/contract';
import { loadBalancerDimension, targetGroupDimension } from '../core/metric-catalog';

function latest(metrics: MetricSeries[], namespace: string, metricName: string, dimensions: Record<string, string>, stat: string): string {
  const series = metrics.find(
    (m) =>
      m.namespace === namespace &&
      m.metricName === metricName &&
      m.stat === stat &&
      Object.keys(m.dimensions).length === Object.keys(dimensions).length &&
      Object.entries(dimensions).every(([k, v]) => m.dimensions[k] === v),
  );
  const point = series?.points.at(-1);
  if (!point) return `${metricName} —`;
  const value = Number.isInteger(point[1]) ? String(point[1]) : point[1].toFixed(3).replace(/\.?0+$/, '');
  return `${metricName} ${value} (${stat}, ${new Date(point[0] * 1000).toISOString().slice(11, 16)}Z)`;
}

/** The link of the standard chain that answered, as the CLI says it. */
export const CHAIN_SOURCE_LABELS: Record<NonNullable<Extract<Snapshot['session'], { mode: 'aws' }>['credentialSource']>, string> = {
  env: 'environment variables (AWS_ACCESS_KEY_ID)',
  sso: 'IAM Identity Center (SSO)',
  profile: 'shared config/credentials files',
  process: 'credential_process',
  'web-identity': 'web identity token (AWS_WEB_IDENTITY_TOKEN_FILE)',
  container: 'container credentials endpoint (ECS/EKS)',
  imds: 'EC2 instance metadata (IMDSv2)',
};

function describeReason(reason: NonNullable<Snapshot['health']>['services'][number]['reasons'][number]): string {
  const params = Object.entries(reason.params).map(([name, value]) => `${name}=${value}`);
  return [reason.code, reason.subject, params.length ? `(${params.join(' ')})` : ''].filter(Boolean).join(' ');
}

/**
 * A section's heading: its count only when the dataset was read; a dataset that failed, or has not
 * answered yet, has no count to give (a "(0)" there would say none exist). Stale data keeps its
 * count with the time it was read and why it is old.
 */
export function sectionTitle(title: string, count: number, status: DatasetStatus | undefined): string {
  const why = status?.error ? status.error.message : undefined;
  switch (status?.state) {
    case 'error':
      return `${title} (not read${why ? `: ${why}` : ''})`;
    case 'loading':
      return `${title} (not read yet)`;
    case 'stale': {
      const at = status.fetchedAt !== undefined ? ` as read at ${new Date(status.fetchedAt).toISOString()}` : '';
      return `${title} (${count}${at}; ${why ? `refresh failed: ${why}` : 'stale'})`;
    }
    default:
      return `${title} (${count})`;
  }
}

export function formatAwsSnapshot(snapshot: Snapshot): string {
  const lines: string[] = [];
  const session = snapshot.session;
  if (session.mode !== 'aws') return JSON.stringify(snapshot);
  const { inventory: inv, metrics } = snapshot;
  lines.push(`AWS profile ${session.profile} (${session.region}), account ${session.accountId ?? '?'}`);
  if (session.callerArn) lines.push(`  caller    ${session.callerArn}`);
  if (session.credentialSource) lines.push(`  credentials from the default chain: ${CHAIN_SOURCE_LABELS[session.credentialSource]}`);
  // A non-AWS endpoint is always said, and where it came from: AWS_ENDPOINT_URL* applies to every profile.
  if (session.customEndpoint) lines.push(`  endpoint  ${session.customEndpoint} (custom${session.customEndpointFrom === 'env' ? ', from AWS_ENDPOINT_URL* — applies to every profile' : ''}; not AWS)`);
  if (session.readOnly) lines.push('  read-only profile');

  const section = (title: string, count: number, dataset: keyof Snapshot['datasets']) => lines.push('', sectionTitle(title, count, snapshot.datasets[dataset]));
  // Verdicts as core's health model gives them (codes and parameters: the same ones the app translates).
  if (snapshot.health) {
    lines.push('', 'Health');
    for (const service of snapshot.health.services) {
      const concerns = service.reasons.filter((r) => r.status !== 'ok');
      lines.push(`  ${service.service.padEnd(12)}${(service.total === 0 && service.status === 'ok' ? 'none' : service.status).padEnd(10)}${concerns.length === 0 ? '' : describeReason(concerns[0]!)}`.trimEnd());
      for (const reason of concerns.slice(1, 5)) lines.push(`  ${''.padEnd(22)}${describeReason(reason)}`);
    }
  }
  section('Load balancers', inv.loadBalancers.length, 'elbv2');
  for (const lb of inv.loadBalancers) {
    lines.push(`  ${lb.loadBalancerName}  ${lb.state}  ${lb.scheme}  ${lb.dnsName}`);
    for (const listener of lb.listeners) {
      const rules = listener.rules.map((r) => {
        const when = r.isDefault ? 'default' : `${r.priority} ${r.conditions.map((c) => c.values.join('|')).join(' & ')}`;
        const action = r.actions[0];
        const then =
          action?.type === 'forward'
            ? (action.targetGroups ?? []).map((tg) => inv.targetGroups.find((t) => t.targetGroupArn === tg.targetGroupArn)?.targetGroupName ?? tg.targetGroupArn).join('+')
            : action?.type === 'fixed-response'
              ? `fixed ${action.fixedResponseStatusCode}`
              : (action?.type ?? '?');
        return `${when} → ${then}`;
      });
      lines.push(`    :${listener.port} ${listener.protocol}  ${rules.join('; ')}`);
    }
    const dims = { LoadBalancer: loadBalancerDimension(lb.loadBalancerArn) };
    lines.push(`    ${latest(metrics, 'AWS/ApplicationELB', 'RequestCount', dims, 'Sum')}  ${latest(metrics, 'AWS/ApplicationELB', 'TargetResponseTime', dims, 'Average')}  ${latest(metrics, 'AWS/ApplicationELB', 'HTTPCode_ELB_5XX_Count', dims, 'Sum')}`);
  }
  section('Target groups', inv.targetGroups.length, 'elbv2');
  for (const tg of inv.targetGroups) {
    const healthy = tg.targets.filter((t) => t.state === 'healthy').length;
    const unhealthy = tg.targets.filter((t) => t.state === 'unhealthy').map((t) => `${t.targetId} ${t.reason ?? ''}`.trim());
    lines.push(`  ${tg.targetGroupName}  ${tg.protocol ?? ''}:${tg.port ?? ''}  ${healthy}/${tg.targets.length} healthy${unhealthy.length ? `  unhealthy: ${unhealthy.join(', ')}` : ''}`);
    for (const lbArn of tg.loadBalancerArns) {
      lines.push(`    ${latest(metrics, 'AWS/ApplicationELB', 'HealthyHostCount', { LoadBalancer: loadBalancerDimension(lbArn), TargetGroup: targetGroupDimension(tg.targetGroupArn) }, 'Average')}`);
    }
  }
  section('Auto Scaling groups', inv.autoScalingGroups.length, 'autoscaling');
  for (const g of inv.autoScalingGroups) {
    const inService = g.instances.filter((i) => i.lifecycleState === 'InService').length;
    const policies = g.policies.map((p) => (p.targetValue !== undefined ? `${p.policyName} (target ${p.targetValue})` : p.policyName)).join(', ');
    lines.push(`  ${g.autoScalingGroupName}  desired ${g.desiredCapacity} (min ${g.minSize}, max ${g.maxSize})  ${inService} InService${policies ? `  policies: ${policies}` : ''}`);
    lines.push(`    ${latest(metrics, 'AWS/EC2', 'CPUUtilization', { AutoScalingGroupName: g.autoScalingGroupName }, 'Average')}`);
  }
  const activities = snapshot.scalingActivities.slice(-5);
  if (activities.length) {
    lines.push('', 'Recent scaling activities');
    for (const a of activities) lines.push(`  ${a.startTime}  ${a.autoScalingGroupName}  ${a.statusCode}  ${a.description}`);
  }
  section('Hosted zones', inv.hostedZones.length, 'route53');
  for (const zone of inv.hostedZones) {
    lines.push(`  ${zone.name}  ${zone.privateZone ? 'private' : 'public'}  ${inv.recordSets.filter((r) => r.hostedZoneId === zone.id).length} record sets  NS ${zone.nameServers.join(', ') || '—'}`);
  }
  section('Health checks', inv.healthChecks.length, 'route53');
  for (const hc of inv.healthChecks) {
    const target = hc.fullyQualifiedDomainName ?? hc.ipAddress ?? '';
    lines.push(`  ${hc.id}  ${hc.type} ${target}${hc.port ? `:${hc.port}` : ''}${hc.resourcePath ?? ''}  ${hc.status}${hc.checkersHealthyPercent !== undefined ? ` (${hc.checkersHealthyPercent} % of checkers healthy)` : ''}`);
  }
  section('DB instances', inv.dbInstances.length, 'rds');
  for (const db of inv.dbInstances) {
    const role = db.readReplicaSourceDBInstanceIdentifier
      ? `replica of ${db.readReplicaSourceDBInstanceIdentifier}${db.replicaLagSeconds !== undefined ? `, lag ${db.replicaLagSeconds} s` : ''}`
      : db.readReplicaDBInstanceIdentifiers.length
        ? `primary of ${db.readReplicaDBInstanceIdentifiers.join(', ')}`
        : 'standalone';
    lines.push(`  ${db.dbInstanceIdentifier}  ${db.dbInstanceStatus}  ${db.engine} ${db.dbInstanceClass}${db.multiAZ ? `  Multi-AZ${db.secondaryAvailabilityZone ? ` (standby in ${db.secondaryAvailabilityZone})` : ''}` : ''}  ${role}`);
    lines.push(`    ${latest(metrics, 'AWS/RDS', 'CPUUtilization', { DBInstanceIdentifier: db.dbInstanceIdentifier }, 'Average')}  ${latest(metrics, 'AWS/RDS', 'DatabaseConnections', { DBInstanceIdentifier: db.dbInstanceIdentifier }, 'Average')}`);
  }
  section('Lambda functions', inv.lambdaFunctions.length, 'lambda');
  for (const fn of inv.lambdaFunctions) {
    lines.push(`  ${fn.functionName}  ${fn.runtime ?? ''} ${fn.memorySize} MB${fn.reservedConcurrentExecutions !== undefined ? `  reserved concurrency ${fn.reservedConcurrentExecutions}` : ''}`);
    lines.push(`    ${latest(metrics, 'AWS/Lambda', 'Invocations', { FunctionName: fn.functionName }, 'Sum')}  ${latest(metrics, 'AWS/Lambda', 'Errors', { FunctionName: fn.functionName }, 'Sum')}  ${latest(metrics, 'AWS/Lambda', 'Throttles', { FunctionName: fn.functionName }, 'Sum')}`);
  }
  if (inv.lambdaAccount) lines.push(`  account: ${inv.lambdaAccount.unreservedConcurrentExecutions} of ${inv.lambdaAccount.concurrentExecutionsLimit} concurrent executions unreserved`);
  section('Alarms', inv.alarms.length, 'cloudwatch');
  for (const alarm of inv.alarms) lines.push(`  ${alarm.alarmName}  ${alarm.stateValue}  ${alarm.metricName ?? ''} ${alarm.comparisonOperator} ${alarm.threshold ?? ''}`);

  lines.push('', 'Datasets');
  for (const [name, status] of Object.entries(snapshot.datasets)) {
    const age = status.fetchedAt ? ` (fetched ${new Date(status.fetchedAt).toISOString()})` : '';
    const problem = status.error ? `  ${status.error.message}${status.error.hint ? ` — ${status.error.hint}` : ''}` : '';
    lines.push(`  ${name.padEnd(12)} ${status.state}${age}${problem}`);
  }
  return `${lines.join('\n')}\n`;
}
