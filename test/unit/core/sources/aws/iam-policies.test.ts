/** docs/iam/*.json must grant exactly the API calls Flightdeck makes: no more, no fewer. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { IAM_PREFIX } from '@main/core/sources/aws/aws-errors';
import type { CallRecord } from '@main/core/sources/aws/throttle/call-gate';
import { ACTION_TYPES, type ControlAction } from '@main/core/contract';
import { mockedSource } from '../../../../helpers/aws-mocks';

interface Policy {
  Statement: { Effect: string; Action: string[] }[];
}

const actionsOf = (file: string) => new Set((JSON.parse(readFileSync(new URL(`../../../../../docs/iam/${file}`, import.meta.url), 'utf8')) as Policy).Statement.flatMap((s) => s.Action));
/** Every control action type is one API call of the same name (aws-action-calls.ts). */
const CONTROL = new Set<string>(ACTION_TYPES);

describe('the IAM policies in docs/iam', () => {
  it('list every call of a refresh, a DNS trace and the actions, split into read-only and control', async () => {
    const records: CallRecord[] = [];
    const { source, stubs } = mockedSource({ observe: (r) => records.push(r) });
    stubs.sts.on(GetCallerIdentityCommand).resolves({ Account: '111122223333', Arn: 'arn:aws:iam::111122223333:user/x' });
    // One of each resource, so that every per-resource call is made.
    const elb = await import('@aws-sdk/client-elastic-load-balancing-v2');
    const lambda = await import('@aws-sdk/client-lambda');
    const lbArn = 'arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/1';
    stubs.elbv2.on(elb.DescribeLoadBalancersCommand).resolves({ LoadBalancers: [{ LoadBalancerArn: lbArn, LoadBalancerName: 'web', Type: 'application' }] });
    stubs.elbv2.on(elb.DescribeListenersCommand).resolves({ Listeners: [{ ListenerArn: `${lbArn}/l`, Port: 80, Protocol: 'HTTP' }] });
    stubs.elbv2.on(elb.DescribeTargetGroupsCommand).resolves({ TargetGroups: [{ TargetGroupArn: 'arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/tg/2', TargetGroupName: 'tg', LoadBalancerArns: [lbArn] }] });
    stubs.lambda.on(lambda.ListFunctionsCommand).resolves({ Functions: [{ FunctionName: 'f', FunctionArn: 'arn:aws:lambda:eu-west-1:111122223333:function:f' }] });
    await source.connect();
    await source.refresh();
    // Make the trace reach every Route 53 call: a zone, a record with a health check.
    const { ListHostedZonesCommand, GetHostedZoneCommand, ListResourceRecordSetsCommand, ListHealthChecksCommand } = await import('@aws-sdk/client-route-53');
    stubs.route53.on(ListHostedZonesCommand).resolves({ HostedZones: [{ Id: '/hostedzone/Z1', Name: 'example.com.', CallerReference: 'x' }], IsTruncated: false, MaxItems: 100, Marker: '' });
    stubs.route53.on(GetHostedZoneCommand).resolves({ HostedZone: { Id: '/hostedzone/Z1', Name: 'example.com.', CallerReference: 'x' }, DelegationSet: { NameServers: ['ns-1.awsdns-01.org'] } });
    stubs.route53.on(ListResourceRecordSetsCommand).resolves({ ResourceRecordSets: [{ Name: 'www.example.com.', Type: 'A', TTL: 60, ResourceRecords: [{ Value: '192.0.2.1' }], HealthCheckId: 'hc', SetIdentifier: 'a', Weight: 1 }], IsTruncated: false, MaxItems: 100 });
    stubs.route53.on(ListHealthChecksCommand).resolves({ HealthChecks: [{ Id: 'hc', CallerReference: 'y', HealthCheckConfig: { Type: 'HTTP' }, HealthCheckVersion: 1 }], IsTruncated: false, MaxItems: 100, Marker: '' });
    await source.refreshDataset('route53');
    await source.traceDns({ name: 'www.example.com', type: 'A', from: {} });
    const actions: ControlAction[] = [
      { type: 'PromoteReadReplica', dbInstanceIdentifier: 'r' },
      { type: 'RebootDBInstance', dbInstanceIdentifier: 'p', forceFailover: true },
      { type: 'SetDesiredCapacity', autoScalingGroupName: 'g', desiredCapacity: 1 },
      { type: 'ExecutePolicy', autoScalingGroupName: 'g', policyName: 'scale-out' },
      { type: 'CreateDBSnapshot', dbInstanceIdentifier: 'p', dbSnapshotIdentifier: 'p-before-upgrade' },
      { type: 'RestoreDBInstanceToPointInTime', sourceDBInstanceIdentifier: 'p', targetDBInstanceIdentifier: 'p-restored', useLatestRestorableTime: true },
    ];
    expect(actions.map((a) => a.type).sort()).toEqual([...ACTION_TYPES].sort());
    for (const action of actions) {
      await source.actions.preflight(action);
      await source.actions.execute(action);
    }

    const called = new Set(records.filter((r) => r.service !== 'sts').map((r) => `${IAM_PREFIX[r.service]}:${r.operation}`));
    const read = [...called].filter((a) => !CONTROL.has(a.split(':')[1]!)).sort();
    const control = [...called].filter((a) => CONTROL.has(a.split(':')[1]!)).sort();
    expect(read).toEqual([...actionsOf('flightdeck-read-only.json')].sort());
    expect(control).toEqual([...actionsOf('flightdeck-control-actions.json')].sort());
  });
});
