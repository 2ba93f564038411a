/**
 * LBA-7 against moto_server 5.2.1: AWS mode reads each load balancer's IpAddressType
 * (DescribeLoadBalancers) and its attributes (DescribeLoadBalancerAttributes, held like the listeners
 * within the settings interval), and AAAA alias records in the Route 53 inventory.
 * moto 5.2.1 returns a subset of the attributes (access_logs.s3.bucket/prefix,
 * deletion_protection.enabled, load_balancing.cross_zone.enabled — as "false", where AWS says "true" for
 * an ALB — plus what ModifyLoadBalancerAttributes set); Flightdeck shows what the service returns.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CreateSubnetCommand, CreateVpcCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateLoadBalancerCommand, ElasticLoadBalancingV2Client, ModifyLoadBalancerAttributesCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { ChangeResourceRecordSetsCommand, CreateHostedZoneCommand, Route53Client } from '@aws-sdk/client-route-53';
import { AwsSource } from '@main/core/sources/aws/aws-source';
import type { Clock } from '@main/core/sources/aws/throttle/time';
import { startMoto, writeMotoProfiles, type MotoServer } from '../../helpers/moto';
import { motoSuite } from '../../helpers/moto-suite';
import { sdkConfig } from '../../helpers/aws-topology';

const moto = motoSuite('load-balancer-attributes.moto.test.ts');
const instantWaits: Clock = { now: () => Date.now(), sleep: async () => undefined };

describe.runIf(moto.available)('LBA-7: load balancer attributes and IP address type in AWS mode (moto_server)', () => {
  let server: MotoServer;
  let profiles: ReturnType<typeof writeMotoProfiles>;

  beforeAll(async () => {
    server = await startMoto();
    profiles = writeMotoProfiles(server.endpoint, '');
  }, 180_000);
  afterAll(async () => server?.stop(), 120_000);
  beforeEach(async () => {
    await server.reset();
    const config = sdkConfig(server.directEndpoint);
    const ec2 = new EC2Client(config);
    const elb = new ElasticLoadBalancingV2Client(config);
    const r53 = new Route53Client(config);
    const vpcId = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }))).Vpc!.VpcId!;
    const subnets: string[] = [];
    for (const [i, az] of ['us-east-1a', 'us-east-1b'].entries()) subnets.push((await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: `10.0.${i * 16}.0/20`, AvailabilityZone: az }))).Subnet!.SubnetId!);
    const dual = (await elb.send(new CreateLoadBalancerCommand({ Name: 'dual', Subnets: subnets, IpAddressType: 'dualstack' }))).LoadBalancers![0]!;
    await elb.send(new CreateLoadBalancerCommand({ Name: 'plain', Subnets: subnets }));
    await elb.send(
      new ModifyLoadBalancerAttributesCommand({
        LoadBalancerArn: dual.LoadBalancerArn,
        Attributes: [
          { Key: 'deletion_protection.enabled', Value: 'true' },
          { Key: 'idle_timeout.timeout_seconds', Value: '120' },
        ],
      }),
    );
    const zone = await r53.send(new CreateHostedZoneCommand({ Name: 'example.com', CallerReference: `zone-${Date.now()}` }));
    await r53.send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: zone.HostedZone!.Id,
        ChangeBatch: {
          Changes: (['A', 'AAAA'] as const).map((type) => ({
            Action: 'CREATE' as const,
            ResourceRecordSet: { Name: 'www.example.com', Type: type, AliasTarget: { HostedZoneId: dual.CanonicalHostedZoneId!, DNSName: `dualstack.${dual.DNSName}`, EvaluateTargetHealth: false } },
          })),
        },
      }),
    );
  }, 120_000);

  it('LBA-7: shows IpAddressType and every attribute the service returns, with AWS defaults beside them', async () => {
    const source = new AwsSource({ profile: 'moto', env: profiles.env, clock: instantWaits });
    await source.connect();
    await source.refresh();
    const inventory = source.snapshot().inventory;
    const dual = inventory.loadBalancers.find((lb) => lb.loadBalancerName === 'dual')!;
    const plain = inventory.loadBalancers.find((lb) => lb.loadBalancerName === 'plain')!;
    expect(dual.ipAddressType).toBe('dualstack');
    expect(plain.ipAddressType).toBe('ipv4');
    const byKey = new Map(dual.attributes!.map((a) => [a.key, a]));
    expect(byKey.get('deletion_protection.enabled')).toEqual({ key: 'deletion_protection.enabled', value: 'true', defaultValue: 'false' });
    expect(byKey.get('idle_timeout.timeout_seconds')).toEqual({ key: 'idle_timeout.timeout_seconds', value: '120', defaultValue: '60' });
    expect(plain.attributes!.find((a) => a.key === 'deletion_protection.enabled')).toEqual({ key: 'deletion_protection.enabled', value: 'false', defaultValue: 'false' });
    // AAAA alias records are listed like A ones.
    const aaaa = inventory.recordSets.find((r) => r.name === 'www.example.com.' && r.type === 'AAAA')!;
    expect(aaaa.aliasTarget?.dnsName).toMatch(/^dualstack\.dual-/);
    source.stop();
  });

  it('LBA-7: attributes are a setting: not asked again within the settings interval, yet still shown', async () => {
    const source = new AwsSource({ profile: 'moto', env: profiles.env, clock: instantWaits });
    await source.connect();
    await source.refresh();
    expect(server.count('DescribeLoadBalancerAttributes')).toBe(2);
    server.clearCounts();
    await source.refreshDataset('elbv2');
    expect(server.count('DescribeLoadBalancerAttributes')).toBe(0);
    expect(server.count('DescribeLoadBalancers')).toBe(1);
    expect(source.snapshot().inventory.loadBalancers.find((lb) => lb.loadBalancerName === 'dual')!.attributes!.length).toBeGreaterThan(0);
    source.stop();
  });
});
