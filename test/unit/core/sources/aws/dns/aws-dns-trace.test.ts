/**
 * DNS traces on a real zone (mocked Route 53): the shared resolver's explanation from the live
 * record sets and health checks, checked against TestDNSAnswer.
 */
import { describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import {
  GetHealthCheckStatusCommand,
  GetHostedZoneCommand,
  ListHostedZonesCommand,
  ListResourceRecordSetsCommand,
  Route53Client,
  TestDNSAnswerCommand,
  type ResourceRecordSet as SdkRecord,
} from '@aws-sdk/client-route-53';
import { MAX_AWS_REPEAT, traceDnsOnAws, type AwsTraceOptions } from '@main/core/sources/aws/dns/aws-dns-trace';
import { formatDnsTrace } from '@main/cli/dns-trace-aws';
import type { Inventory } from '@main/core/contract';
import { englishDnsText } from '@main/cli/dns-text-en';

const NS = ['ns-1.awsdns-00.com', 'ns-600.awsdns-11.net', 'ns-1100.awsdns-12.org', 'ns-1600.awsdns-08.co.uk'];
const failing = (n: number) => Array.from({ length: n }, () => ({ Region: 'us-east-1' as const, StatusReport: { Status: 'Failure: HTTP Status Code 503, Service Unavailable', CheckedTime: new Date(0) } }));
const passing = (n: number) => Array.from({ length: n }, () => ({ Region: 'us-east-1' as const, StatusReport: { Status: 'Success: HTTP Status Code 200, OK', CheckedTime: new Date(0) } }));

function route53(records: SdkRecord[], test: (string[] | Error)[] = [['192.0.2.2']]) {
  const client = new Route53Client({ region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
  const stub = mockClient(client);
  stub.on(ListHostedZonesCommand).resolves({
    HostedZones: [
      { Id: '/hostedzone/ZPARENT', Name: 'example.com.', CallerReference: 'a', Config: { PrivateZone: false } },
      { Id: '/hostedzone/ZSHOP', Name: 'shop.example.com.', CallerReference: 'b', Config: { PrivateZone: false } },
      { Id: '/hostedzone/ZPRIVATE', Name: 'www.shop.example.com.', CallerReference: 'c', Config: { PrivateZone: true } },
    ],
    IsTruncated: false,
    MaxItems: 100,
    Marker: '',
  });
  stub.on(GetHostedZoneCommand, { Id: 'ZSHOP' }).resolves({ HostedZone: { Id: '/hostedzone/ZSHOP', Name: 'shop.example.com.', CallerReference: 'b' }, DelegationSet: { NameServers: NS } });
  stub.on(ListResourceRecordSetsCommand).resolves({ ResourceRecordSets: records, IsTruncated: false, MaxItems: 100 });
  stub.on(GetHealthCheckStatusCommand, { HealthCheckId: 'hc-blue' }).resolves({ HealthCheckObservations: failing(8) });
  stub.on(GetHealthCheckStatusCommand, { HealthCheckId: 'hc-ok' }).resolves({ HealthCheckObservations: passing(8) });
  let call = 0;
  stub.on(TestDNSAnswerCommand).callsFake(() => {
    const next = test[call++ % test.length]!;
    if (next instanceof Error) throw next;
    return { Nameserver: NS[0], RecordName: 'www.shop.example.com.', RecordType: 'A', RecordData: next, ResponseCode: 'NOERROR', Protocol: 'UDP' };
  });
  return { client, stub };
}

const WEIGHTED: SdkRecord[] = [
  { Name: 'www.shop.example.com.', Type: 'A', SetIdentifier: 'blue', Weight: 70, TTL: 60, ResourceRecords: [{ Value: '192.0.2.1' }], HealthCheckId: 'hc-blue' },
  { Name: 'www.shop.example.com.', Type: 'A', SetIdentifier: 'green', Weight: 30, TTL: 60, ResourceRecords: [{ Value: '192.0.2.2' }] },
  { Name: 'www.shop.example.com.', Type: 'AAAA', SetIdentifier: 'v6', Weight: 1, TTL: 60, ResourceRecords: [{ Value: '2001:db8::1' }] },
  { Name: 'zzz.shop.example.com.', Type: 'A', TTL: 60, ResourceRecords: [{ Value: '192.0.2.99' }] },
];

const noLookups: AwsTraceOptions = { resolveAddresses: async () => [], random: () => 0.5 };

describe('DNS traces on a real hosted zone', () => {
  it('walks root → TLD → the zone’s name servers, and explains the answer from the live records and health checks', async () => {
    const { client, stub } = route53(WEIGHTED);
    const trace = await traceDnsOnAws(client, { name: 'WWW.shop.example.com', type: 'A', from: {} }, noLookups);
    expect(trace.name).toBe('www.shop.example.com.');
    expect(trace.steps.map((s) => [s.kind, s.zone, s.result])).toEqual([
      ['root', '.', 'referral'],
      ['tld', 'com.', 'referral'],
      ['authoritative', 'shop.example.com.', 'answer'],
    ]);
    expect(trace.steps[1]!.records).toEqual(NS.map((ns) => `shop.example.com. 172800 IN NS ${ns}.`));
    expect(NS.map((ns) => `${ns}.`)).toContain(trace.steps[2]!.server);
    // blue's check fails on every checker: the resolver leaves only green (R53-1 with R53-5).
    expect(trace.answer).toMatchObject({ values: ['192.0.2.2'], routingPolicy: 'weighted', responseCode: 'NOERROR' });
    expect(trace.answer.candidates.map((c) => [c.setIdentifier, c.healthy, c.chosen])).toEqual([
      ['blue', false, false],
      ['green', true, true],
    ]);
    expect(trace.answer.explanation.map(englishDnsText)).toContain('Possible answers by the resolver: 192.0.2.2 100 %.');
    expect(trace.testDnsAnswer).toEqual({ values: ['192.0.2.2'], responseCode: 'NOERROR' });
    expect(trace.disagreement).toBeUndefined();
    // Without a resolver IP the client is where TestDNSAnswer's default resolver is.
    expect(trace.from).toMatchObject({ region: 'us-east-1', countryCode: 'US' });
    expect(stub.commandCalls(TestDNSAnswerCommand)[0]!.args[0].input).toEqual({ HostedZoneId: 'ZSHOP', RecordName: 'www.shop.example.com.', RecordType: 'A' });
  });

  it('says so when Route 53 answers what the resolver cannot explain', async () => {
    const { client } = route53(WEIGHTED, [['192.0.2.1']]);
    const trace = await traceDnsOnAws(client, { name: 'www.shop.example.com', type: 'A', from: { resolverIp: '198.51.100.7' } }, noLookups);
    expect(englishDnsText(trace.disagreement!)).toBe('Route 53 answered 192.0.2.1 (NOERROR), which the resolver does not give from these record sets and health checks (it gives 192.0.2.2).');
  });

  it('repeats TestDNSAnswer (capped for Route 53’s API rate) and keeps the counts as the distribution', async () => {
    const healthy = WEIGHTED.map((r) => (r.HealthCheckId ? { ...r, HealthCheckId: 'hc-ok' } : r));
    const { client, stub } = route53(healthy, [['192.0.2.1'], ['192.0.2.2']]);
    const trace = await traceDnsOnAws(client, { name: 'www.shop.example.com', type: 'A', from: {}, repeat: 1000 }, noLookups);
    expect(stub.commandCalls(TestDNSAnswerCommand)).toHaveLength(MAX_AWS_REPEAT);
    expect(trace.distribution).toEqual({ '192.0.2.1': 25, '192.0.2.2': 25 });
    expect(trace.distributionSource).toBe('test-dns-answer');
    expect(trace.answer.explanation.map(englishDnsText)).toContain('Possible answers by the resolver: 192.0.2.1 70 %; 192.0.2.2 30 %.');
    expect(trace.disagreement).toBeUndefined();
    expect(formatDnsTrace(trace, 'profile prod')).toContain(`Route 53 TestDNSAnswer over ${MAX_AWS_REPEAT} queries:`);
  });

  // Issue 11 item 8: "TestDNSAnswer over 20 queries: 17 / 3" was printed from Flightdeck's own draws.
  for (const [code, error] of [
    ['denied', Object.assign(new Error('User: arn:aws:iam::111122223333:user/ops is not authorized to perform: route53:TestDNSAnswer'), { name: 'AccessDenied' })],
    ['unavailable', Object.assign(new Error('Not yet implemented'), { name: 'NotImplemented' })],
  ] as const) {
    it(`labels only real TestDNSAnswer results as Route 53's, and says plainly when it was ${code}`, async () => {
      const healthy = WEIGHTED.map((r) => (r.HealthCheckId ? { ...r, HealthCheckId: 'hc-ok' } : r));
      const { client } = route53(healthy, [error]);
      const trace = await traceDnsOnAws(client, { name: 'www.shop.example.com', type: 'A', from: {}, repeat: 20 }, { ...noLookups, random: () => 0.1 });
      expect(trace.testDnsAnswer).toBeUndefined();
      expect(trace.testDnsAnswerProblem).toMatchObject({ code });
      expect(trace.distributionSource).toBe('resolver');
      const text = formatDnsTrace(trace, 'profile prod');
      expect(text).not.toContain('TestDNSAnswer over');
      expect(text).toContain("Flightdeck's resolver (a model, not Route 53) over 20 draws:");
      expect(text).toContain(code === 'denied' ? 'Route 53 TestDNSAnswer: denied' : 'Route 53 TestDNSAnswer: unavailable');
    });
  }

  it('judges an alias to a load balancer with R53-9 from the inventory, and fails over', async () => {
    const lbDns = 'web-123.eu-west-1.elb.amazonaws.com';
    const records: SdkRecord[] = [
      { Name: 'app.shop.example.com.', Type: 'A', SetIdentifier: 'primary', Failover: 'PRIMARY', AliasTarget: { HostedZoneId: 'Z32O12XQLNTSW2', DNSName: `dualstack.${lbDns}.`, EvaluateTargetHealth: true } },
      { Name: 'app.shop.example.com.', Type: 'A', SetIdentifier: 'secondary', Failover: 'SECONDARY', TTL: 60, ResourceRecords: [{ Value: '192.0.2.50' }] },
    ];
    const lbArn = 'arn:aws:elasticloadbalancing:eu-west-1:1:loadbalancer/app/web/123';
    const inventory = {
      hostedZones: [],
      recordSets: [],
      healthChecks: [],
      loadBalancers: [{ loadBalancerArn: lbArn, loadBalancerName: 'web', dnsName: lbDns, scheme: 'internet-facing', state: 'active', availabilityZones: [], listeners: [] }],
      targetGroups: [{ targetGroupArn: 'tg', targetGroupName: 'web-tg', targetType: 'instance', loadBalancerArns: [lbArn], targets: [{ targetId: 'i-1', state: 'unhealthy' }] }],
    } as unknown as Pick<Inventory, 'hostedZones' | 'recordSets' | 'healthChecks' | 'loadBalancers' | 'targetGroups'>;
    const { client } = route53(records, [['192.0.2.50']]);
    const trace = await traceDnsOnAws(client, { name: 'app.shop.example.com', type: 'A', from: {} }, { inventory, random: () => 0.5, resolveAddresses: async (name) => (name === `${lbDns}.` ? ['198.51.100.1', '198.51.100.2'] : []) });
    expect(trace.answer.values).toEqual(['192.0.2.50']);
    expect(trace.answer.candidates.find((c) => c.setIdentifier === 'primary')).toMatchObject({ healthy: false, chosen: false });
    expect(trace.answer.explanation.map(englishDnsText).join(' ')).toContain('web-tg');
    expect(trace.disagreement).toBeUndefined();
  });

  it('shows the delegation from a parent zone of the account', async () => {
    const { client } = route53(WEIGHTED);
    const inventory = {
      hostedZones: [{ id: 'ZPARENT', name: 'example.com.', privateZone: false, nameServers: ['ns-2.awsdns-00.com', 'ns-700.awsdns-20.net', 'ns-1200.awsdns-20.org', 'ns-1700.awsdns-20.co.uk'] }],
      recordSets: [{ hostedZoneId: 'ZPARENT', name: 'shop.example.com.', type: 'NS', ttl: 172800, resourceRecords: NS, routingPolicy: 'simple' as const }],
      healthChecks: [],
      loadBalancers: [],
      targetGroups: [],
    };
    const trace = await traceDnsOnAws(client, { name: 'www.shop.example.com', type: 'A', from: {} }, { ...noLookups, inventory });
    expect(trace.steps.map((s) => [s.kind, s.zone, s.result])).toEqual([
      ['root', '.', 'referral'],
      ['tld', 'com.', 'referral'],
      ['authoritative', 'example.com.', 'referral'],
      ['authoritative', 'shop.example.com.', 'answer'],
    ]);
  });

  it('explains without TestDNSAnswer when Route 53 cannot be asked, and refuses names outside the account’s zones', async () => {
    const { client } = route53(WEIGHTED, [new Error('not implemented')]);
    const trace = await traceDnsOnAws(client, { name: 'www.shop.example.com', type: 'A', from: {} }, noLookups);
    expect(trace.testDnsAnswer).toBeUndefined();
    expect(trace.answer.values).toEqual(['192.0.2.2']);
    expect(englishDnsText(trace.answer.explanation.at(-1)!)).toBe('Route 53 TestDNSAnswer could not be asked: not implemented');
    await expect(traceDnsOnAws(client, { name: 'example.org', type: 'A', from: {} }, noLookups)).rejects.toThrow('example.org. is not in any public hosted zone of this account.');
  });
});
