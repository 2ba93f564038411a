/**
 * A reference topology created through the AWS SDK (against moto): a VPC with two subnets, an ALB
 * with listener rules and two target groups, an Auto Scaling group with policies and a scheduled
 * action, a hosted zone with weighted / failover / geolocation / multivalue records and a health
 * check, an RDS primary (Multi-AZ) with two read replicas, Lambda functions with an IAM role, a
 * CloudWatch alarm, and metric data for the standard metrics. Shared by tests and the bench.
 */
import { CreateLaunchTemplateCommand, CreateSubnetCommand, CreateVpcCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateListenerCommand, CreateLoadBalancerCommand, CreateRuleCommand, CreateTargetGroupCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { AutoScalingClient, CreateAutoScalingGroupCommand, PutScalingPolicyCommand, PutScheduledUpdateGroupActionCommand } from '@aws-sdk/client-auto-scaling';
import { ChangeResourceRecordSetsCommand, CreateHealthCheckCommand, CreateHostedZoneCommand, Route53Client } from '@aws-sdk/client-route-53';
import { CreateDBInstanceCommand, CreateDBInstanceReadReplicaCommand, RDSClient } from '@aws-sdk/client-rds';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateFunctionCommand, LambdaClient, PutFunctionConcurrencyCommand } from '@aws-sdk/client-lambda';
import { CloudWatchClient, PutMetricAlarmCommand, PutMetricDataCommand, type MetricDatum } from '@aws-sdk/client-cloudwatch';
import { loadBalancerDimension, targetGroupDimension } from '../../src-main/core/metric-catalog';

export interface TopologyOptions {
  endpoint: string;
  region?: string;
  /** Copies of the web tier (ALB + target groups + ASG): the bench scales with it. */
  webTiers?: number;
  lambdaFunctions?: number;
  /** Desired capacity of each web tier's Auto Scaling group (default 2). */
  instancesPerGroup?: number;
  /** Epoch ms "now" for metric timestamps. */
  now?: number;
}

export interface Topology {
  vpcId: string;
  loadBalancerArns: string[];
  targetGroupArns: string[];
  autoScalingGroupNames: string[];
  hostedZoneId: string;
  healthCheckId: string;
  dbInstances: { primary: string; replicas: string[] };
  functionNames: string[];
  /** Metric values written with PutMetricData, to compare with what Flightdeck reads back. */
  written: { loadBalancerDimension: string; requestCounts: [number, number][] };
}

/** An empty zip archive (end-of-central-directory record only): moto accepts it for CreateFunction. */
const EMPTY_ZIP = new Uint8Array([80, 75, 5, 6, ...new Array<number>(18).fill(0)]);

export function sdkConfig(endpoint: string, region = 'us-east-1') {
  return { region, endpoint, credentials: { accessKeyId: 'AKIAMOTOSETUP0000000', secretAccessKey: 'setup-secret' } };
}

export async function createTopology(options: TopologyOptions): Promise<Topology> {
  const config = sdkConfig(options.endpoint, options.region);
  const region = config.region;
  const ec2 = new EC2Client(config);
  const elb = new ElasticLoadBalancingV2Client(config);
  const asg = new AutoScalingClient(config);
  const r53 = new Route53Client(config);
  const rds = new RDSClient(config);
  const iam = new IAMClient(config);
  const lambda = new LambdaClient(config);
  const cw = new CloudWatchClient(config);
  const now = options.now ?? Date.now();

  const vpc = await ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }));
  const vpcId = vpc.Vpc!.VpcId!;
  const subnets = [];
  for (const [i, az] of [`${region}a`, `${region}b`].entries()) {
    subnets.push((await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: `10.0.${(i + 1) * 16}.0/20`, AvailabilityZone: az }))).Subnet!.SubnetId!);
  }
  await ec2.send(new CreateLaunchTemplateCommand({ LaunchTemplateName: 'web-lt', LaunchTemplateData: { ImageId: 'ami-12c6146b', InstanceType: 't3.micro' } }));

  const loadBalancerArns: string[] = [];
  const targetGroupArns: string[] = [];
  const autoScalingGroupNames: string[] = [];
  for (let tier = 0; tier < (options.webTiers ?? 1); tier++) {
    const suffix = tier === 0 ? '' : `-${tier}`;
    const lb = (await elb.send(new CreateLoadBalancerCommand({ Name: `web${suffix}`, Subnets: subnets }))).LoadBalancers![0]!;
    const web = (await elb.send(new CreateTargetGroupCommand({ Name: `web-tg${suffix}`, Protocol: 'HTTP', Port: 80, VpcId: vpcId, HealthCheckPath: '/health' }))).TargetGroups![0]!;
    const api = (await elb.send(new CreateTargetGroupCommand({ Name: `api-tg${suffix}`, Protocol: 'HTTP', Port: 8080, VpcId: vpcId, HealthCheckPath: '/ping' }))).TargetGroups![0]!;
    const listener = (
      await elb.send(new CreateListenerCommand({ LoadBalancerArn: lb.LoadBalancerArn, Protocol: 'HTTP', Port: 80, DefaultActions: [{ Type: 'forward', TargetGroupArn: web.TargetGroupArn }] }))
    ).Listeners![0]!;
    await elb.send(
      new CreateRuleCommand({ ListenerArn: listener.ListenerArn, Priority: 10, Conditions: [{ Field: 'path-pattern', Values: ['/api/*'] }], Actions: [{ Type: 'forward', TargetGroupArn: api.TargetGroupArn }] }),
    );
    await elb.send(
      new CreateRuleCommand({
        ListenerArn: listener.ListenerArn,
        Priority: 5,
        Conditions: [{ Field: 'path-pattern', Values: ['/maintenance'] }],
        Actions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '503', ContentType: 'text/plain', MessageBody: 'down' } }],
      }),
    );
    loadBalancerArns.push(lb.LoadBalancerArn!);
    targetGroupArns.push(web.TargetGroupArn!, api.TargetGroupArn!);

    const groupName = `web-asg${suffix}`;
    await asg.send(
      new CreateAutoScalingGroupCommand({
        AutoScalingGroupName: groupName,
        MinSize: 1,
        MaxSize: Math.max(6, 2 * (options.instancesPerGroup ?? 2)),
        DesiredCapacity: options.instancesPerGroup ?? 2,
        LaunchTemplate: { LaunchTemplateName: 'web-lt' },
        VPCZoneIdentifier: subnets.join(','),
        TargetGroupARNs: [web.TargetGroupArn!],
        HealthCheckType: 'ELB',
        HealthCheckGracePeriod: 120,
      }),
    );
    await asg.send(
      new PutScalingPolicyCommand({
        AutoScalingGroupName: groupName,
        PolicyName: 'cpu-50',
        PolicyType: 'TargetTrackingScaling',
        TargetTrackingConfiguration: { TargetValue: 50, PredefinedMetricSpecification: { PredefinedMetricType: 'ASGAverageCPUUtilization' } },
      }),
    );
    await asg.send(
      new PutScalingPolicyCommand({
        AutoScalingGroupName: groupName,
        PolicyName: 'step-out',
        PolicyType: 'StepScaling',
        AdjustmentType: 'ChangeInCapacity',
        StepAdjustments: [
          { MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 20, ScalingAdjustment: 1 },
          { MetricIntervalLowerBound: 20, ScalingAdjustment: 2 },
        ],
      }),
    );
    await asg.send(new PutScheduledUpdateGroupActionCommand({ AutoScalingGroupName: groupName, ScheduledActionName: 'night', Recurrence: '0 22 * * *', DesiredCapacity: 1 }));
    autoScalingGroupNames.push(groupName);
  }

  const zone = await r53.send(new CreateHostedZoneCommand({ Name: 'example.com', CallerReference: `zone-${now}` }));
  const hostedZoneId = zone.HostedZone!.Id!.replace('/hostedzone/', '');
  const healthCheckId = (
    await r53.send(
      new CreateHealthCheckCommand({
        CallerReference: `hc-${now}`,
        HealthCheckConfig: { Type: 'HTTP', IPAddress: '192.0.2.10', Port: 80, ResourcePath: '/health', RequestInterval: 30, FailureThreshold: 3 },
      }),
    )
  ).HealthCheck!.Id!;
  const record = (name: string, extra: Record<string, unknown>, value: string) => ({
    Action: 'CREATE' as const,
    ResourceRecordSet: { Name: name, Type: 'A' as const, TTL: 60, ResourceRecords: [{ Value: value }], ...extra },
  });
  await r53.send(
    new ChangeResourceRecordSetsCommand({
      HostedZoneId: hostedZoneId,
      ChangeBatch: {
        Changes: [
          record('www.example.com', { SetIdentifier: 'blue', Weight: 70, HealthCheckId: healthCheckId }, '192.0.2.1'),
          record('www.example.com', { SetIdentifier: 'green', Weight: 30 }, '192.0.2.2'),
          record('db.example.com', { SetIdentifier: 'primary', Failover: 'PRIMARY', HealthCheckId: healthCheckId }, '192.0.2.5'),
          record('db.example.com', { SetIdentifier: 'secondary', Failover: 'SECONDARY' }, '192.0.2.6'),
          record('geo.example.com', { SetIdentifier: 'europe', GeoLocation: { ContinentCode: 'EU' } }, '192.0.2.3'),
          record('geo.example.com', { SetIdentifier: 'default', GeoLocation: { CountryCode: '*' } }, '192.0.2.4'),
          record('mv.example.com', { SetIdentifier: 'mv-1', MultiValueAnswer: true, HealthCheckId: healthCheckId }, '192.0.2.7'),
          record('mv.example.com', { SetIdentifier: 'mv-2', MultiValueAnswer: true }, '192.0.2.8'),
          record('api.example.com', {}, '192.0.2.9'),
        ],
      },
    }),
  );

  await rds.send(
    new CreateDBInstanceCommand({
      DBInstanceIdentifier: 'orders',
      DBInstanceClass: 'db.t3.micro',
      Engine: 'postgres',
      MasterUsername: 'admin',
      MasterUserPassword: 'not-a-real-password-1',
      AllocatedStorage: 20,
      MultiAZ: true,
      BackupRetentionPeriod: 7,
    }),
  );
  const replicas = ['orders-r1', 'orders-r2'];
  for (const replica of replicas) await rds.send(new CreateDBInstanceReadReplicaCommand({ DBInstanceIdentifier: replica, SourceDBInstanceIdentifier: 'orders' }));

  const role = await iam.send(
    new CreateRoleCommand({
      RoleName: 'flightdeck-lambda',
      AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] }),
    }),
  );
  const functionNames: string[] = [];
  for (let i = 0; i < (options.lambdaFunctions ?? 2); i++) {
    const name = i === 0 ? 'thumbnails' : i === 1 ? 'mailer' : `worker-${i}`;
    await lambda.send(new CreateFunctionCommand({ FunctionName: name, Runtime: 'nodejs20.x', Role: role.Role!.Arn!, Handler: 'index.handler', MemorySize: 256, Code: { ZipFile: EMPTY_ZIP } }));
    functionNames.push(name);
  }
  await lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: 'thumbnails', ReservedConcurrentExecutions: 5 }));

  await cw.send(
    new PutMetricAlarmCommand({
      AlarmName: 'web-asg-cpu-high',
      Namespace: 'AWS/EC2',
      MetricName: 'CPUUtilization',
      Dimensions: [{ Name: 'AutoScalingGroupName', Value: 'web-asg' }],
      Statistic: 'Average',
      Period: 60,
      EvaluationPeriods: 3,
      Threshold: 80,
      ComparisonOperator: 'GreaterThanThreshold',
    }),
  );

  // Ten minutes of one-minute datapoints for the first load balancer, the first group and the replica.
  const lbDim = loadBalancerDimension(loadBalancerArns[0]!);
  const tgDim = targetGroupDimension(targetGroupArns[0]!);
  const minute = Math.floor(now / 60_000) * 60_000;
  const requestCounts: [number, number][] = [];
  const data: MetricDatum[] = [];
  for (let i = 10; i >= 2; i--) {
    const time = minute - i * 60_000;
    const requests = 1000 + i * 10;
    requestCounts.push([time / 1000, requests]);
    data.push({ MetricName: 'RequestCount', Dimensions: [{ Name: 'LoadBalancer', Value: lbDim }], Timestamp: new Date(time), Value: requests, Unit: 'Count' });
    data.push({ MetricName: 'HealthyHostCount', Dimensions: [{ Name: 'LoadBalancer', Value: lbDim }, { Name: 'TargetGroup', Value: tgDim }], Timestamp: new Date(time), Value: 2 });
    data.push({ MetricName: 'TargetResponseTime', Dimensions: [{ Name: 'LoadBalancer', Value: lbDim }], Timestamp: new Date(time), Value: 0.1 + i / 100, Unit: 'Seconds' });
  }
  await cw.send(new PutMetricDataCommand({ Namespace: 'AWS/ApplicationELB', MetricData: data }));
  await cw.send(
    new PutMetricDataCommand({
      Namespace: 'AWS/EC2',
      // Two points a minute apart, as detailed monitoring publishes them (basic: every five minutes).
      MetricData: [4, 3].map((ago, i) => ({ MetricName: 'CPUUtilization', Dimensions: [{ Name: 'AutoScalingGroupName', Value: 'web-asg' }], Timestamp: new Date(minute - ago * 60_000), Value: [40, 41.5][i]!, Unit: 'Percent' as const })),
    }),
  );
  await cw.send(
    new PutMetricDataCommand({
      Namespace: 'AWS/RDS',
      MetricData: [{ MetricName: 'ReplicaLag', Dimensions: [{ Name: 'DBInstanceIdentifier', Value: 'orders-r1' }], Timestamp: new Date(minute - 2 * 60_000), Value: 4, Unit: 'Seconds' }],
    }),
  );

  for (const client of [ec2, elb, asg, r53, rds, iam, lambda, cw]) client.destroy();
  return {
    vpcId,
    loadBalancerArns,
    targetGroupArns,
    autoScalingGroupNames,
    hostedZoneId,
    healthCheckId,
    dbInstances: { primary: 'orders', replicas },
    functionNames,
    written: { loadBalancerDimension: lbDim, requestCounts },
  };
}
