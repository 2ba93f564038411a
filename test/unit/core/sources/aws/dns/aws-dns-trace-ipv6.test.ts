/** LBA-5 in AWS mode: AAAA alias records to a load balancer, by its IpAddressType from the inventory. */
import { describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { GetHostedZoneCommand, ListHostedZonesCommand, ListResourceRecordSetsCommand, Route53Client, TestDNSAnswerCommand } from '@aws-sdk/client-route-53';
import { traceDnsOnAws } from '@main/core/sources/aws/dns/aws-dns-trace';
import type { Inventory, LoadBalancer } from '@main/core/contract';
import { englishDnsText } from '@main/cli/dns-text-en';

const NS = ['ns-1.awsdns-00.com', 'ns-600.awsdns-11.net', 'ns-1100.awsdns-12.org', 'ns-1600.awsdns-08.co.uk'];
const lbDns = 'web-123.eu-west-1.elb.amazonaws.com';

function setup(ipAddressType: LoadBalancer['ipAddressType']) {
  const client = new Route53Client({ region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
  const stub = mockClient(client);
  stub.on(ListHostedZonesCommand).resolves({ HostedZones: [{ Id: '/hostedzone/Z1', Name: 'example.com.', CallerReference: 'a', Config: { PrivateZone: false } }], IsTruncated: false, MaxItems: 100, Marker: '' });
  stub.on(GetHostedZoneCommand).resolves({ HostedZone: { Id: '/hostedzone/Z1', Name: 'example.com.', CallerReference: 'a' }, DelegationSet: { NameServers: NS } });
  stub.on(ListResourceRecordSetsCommand).resolves({
    ResourceRecordSets: [{ Name: 'www.example.com.', Type: 'AAAA', AliasTarget: { HostedZoneId: 'Z32O12XQLNTSW2', DNSName: `dualstack.${lbDns}.`, EvaluateTargetHealth: false } }],
    IsTruncated: false,
    MaxItems: 100,
  });
  stub.on(TestDNSAnswerCommand).resolves({ Nameserver: NS[0], RecordName: 'www.example.com.', RecordType: 'AAAA', RecordData: ipAddressType === 'ipv4' ? [] : ['2001:db8::1'], ResponseCode: 'NOERROR', Protocol: 'UDP' });
  const lbArn = 'arn:aws:elasticloadbalancing:eu-west-1:1:loadbalancer/app/web/123';
  const inventory = {
    hostedZones: [],
    recordSets: [],
    healthChecks: [],
    loadBalancers: [{ loadBalancerArn: lbArn, loadBalancerName: 'web', dnsName: lbDns, scheme: 'internet-facing', state: 'active', availabilityZones: [], listeners: [], ipAddressType }],
    targetGroups: [],
  } as unknown as Pick<Inventory, 'hostedZones' | 'recordSets' | 'healthChecks' | 'loadBalancers' | 'targetGroups'>;
  const looked: string[] = [];
  const resolveAddresses = async (name: string, type: string) => {
    looked.push(`${name} ${type}`);
    return type === 'AAAA' ? ['2001:db8::1'] : ['192.0.2.1'];
  };
  return { client, inventory, looked, resolveAddresses };
}

describe('LBA-5 (AWS mode): AAAA alias records to a load balancer', () => {
  it('LBA-5: an AAAA alias to a dualstack load balancer answers the addresses its name has', async () => {
    const { client, inventory, resolveAddresses } = setup('dualstack');
    const trace = await traceDnsOnAws(client, { name: 'www.example.com', type: 'AAAA', from: {} }, { inventory, resolveAddresses, random: () => 0.5 });
    expect(trace.answer.values).toEqual(['2001:db8::1']);
    expect(trace.disagreement).toBeUndefined();
  });

  it('LBA-5: an AAAA alias to an ipv4 load balancer answers no data, and its name is not looked up', async () => {
    const { client, inventory, looked, resolveAddresses } = setup('ipv4');
    const trace = await traceDnsOnAws(client, { name: 'www.example.com', type: 'AAAA', from: {} }, { inventory, resolveAddresses, random: () => 0.5 });
    expect(trace.answer).toMatchObject({ responseCode: 'NOERROR', values: [] });
    expect(trace.steps.at(-1)!.result).toBe('nodata');
    expect(looked).toEqual([]);
    expect(trace.answer.explanation.map(englishDnsText).join(' ')).toContain('no AAAA records (load balancer web has IP address type ipv4)');
  });
});
