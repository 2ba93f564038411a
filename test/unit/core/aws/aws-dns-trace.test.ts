import { describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { GetHealthCheckStatusCommand, GetHostedZoneCommand, ListHostedZonesCommand, ListResourceRecordSetsCommand, Route53Client, TestDNSAnswerCommand } from '@aws-sdk/client-route-53';
import { MAX_AWS_REPEAT, traceDnsOnAws, type RoutingExplainer } from '../../../../src-main/core/sources/aws/dns/aws-dns-trace';

function route53() {
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
  stub.on(GetHostedZoneCommand, { Id: 'ZSHOP' }).resolves({
    HostedZone: { Id: '/hostedzone/ZSHOP', Name: 'shop.example.com.', CallerReference: 'b' },
    DelegationSet: { NameServers: ['ns-1.awsdns-01.org', 'ns-2.awsdns-02.co.uk', 'ns-3.awsdns-03.com', 'ns-4.awsdns-04.net'] },
  });
  stub.on(ListResourceRecordSetsCommand).resolves({
    ResourceRecordSets: [
      { Name: 'www.shop.example.com.', Type: 'A', SetIdentifier: 'blue', Weight: 70, TTL: 60, ResourceRecords: [{ Value: '192.0.2.1' }], HealthCheckId: 'hc-blue' },
      { Name: 'www.shop.example.com.', Type: 'A', SetIdentifier: 'green', Weight: 30, TTL: 60, ResourceRecords: [{ Value: '192.0.2.2' }] },
      { Name: 'www.shop.example.com.', Type: 'AAAA', SetIdentifier: 'v6', Weight: 1, TTL: 60, ResourceRecords: [{ Value: '2001:db8::1' }] },
      { Name: 'zzz.shop.example.com.', Type: 'A', TTL: 60, ResourceRecords: [{ Value: '192.0.2.99' }] },
    ],
    IsTruncated: false,
    MaxItems: 100,
  });
  stub.on(GetHealthCheckStatusCommand, { HealthCheckId: 'hc-blue' }).resolves({
    HealthCheckObservations: Array.from({ length: 8 }, () => ({ Region: 'us-east-1' as const, StatusReport: { Status: 'Failure: HTTP Status Code 503, Service Unavailable', CheckedTime: new Date(0) } })),
  });
  stub.on(TestDNSAnswerCommand).resolves({ Nameserver: 'ns-1.awsdns-01.org', RecordName: 'www.shop.example.com.', RecordType: 'A', RecordData: ['192.0.2.2'], ResponseCode: 'NOERROR', Protocol: 'UDP' });
  return { client, stub };
}

const resolveNs = async () => ['a.gtld-servers.net.', 'b.gtld-servers.net.'];

describe('DNS traces on a real hosted zone (mocked Route 53)', () => {
  it('walks root → TLD → the zone’s Route 53 name servers and lists the competing records with their health', async () => {
    const { client, stub } = route53();
    const trace = await traceDnsOnAws(client, { name: 'WWW.shop.example.com', type: 'A', from: { resolverIp: '198.51.100.7' } }, { resolveNs });
    expect(trace.name).toBe('www.shop.example.com.');
    expect(trace.steps.map((s) => [s.kind, s.server, s.zone, s.result])).toEqual([
      ['root', 'a.root-servers.net.', '.', 'referral'],
      ['tld', 'a.gtld-servers.net.', 'com.', 'referral'],
      ['authoritative', 'ns-1.awsdns-01.org.', 'shop.example.com.', 'answer'],
    ]);
    expect(trace.steps[1]!.records).toEqual([
      'shop.example.com. NS ns-1.awsdns-01.org.',
      'shop.example.com. NS ns-2.awsdns-02.co.uk.',
      'shop.example.com. NS ns-3.awsdns-03.com.',
      'shop.example.com. NS ns-4.awsdns-04.net.',
    ]);
    expect(trace.answer.candidates.map((c) => [c.setIdentifier, c.weight, c.healthy, c.chosen])).toEqual([
      ['blue', 70, false, false],
      ['green', 30, true, true],
    ]);
    expect(trace.testDnsAnswer).toEqual({ values: ['192.0.2.2'], responseCode: 'NOERROR' });
    expect(trace.answer.values).toEqual(['192.0.2.2']);
    // Until the shared resolver is wired in, the explanation says so instead of inventing one.
    expect(trace.answer.explanation[0]).toMatch(/^Routing explanation pending/);
    expect(trace.disagreement).toBeUndefined();
    expect(stub.commandCalls(TestDNSAnswerCommand)[0]!.args[0].input).toEqual({ HostedZoneId: 'ZSHOP', RecordName: 'www.shop.example.com.', RecordType: 'A', ResolverIP: '198.51.100.7' });
  });

  it('repeats TestDNSAnswer for a distribution, capped to respect Route 53’s API rate', async () => {
    const { client, stub } = route53();
    stub.on(TestDNSAnswerCommand).callsFake(() => ({ RecordData: [stub.commandCalls(TestDNSAnswerCommand).length % 2 ? '192.0.2.1' : '192.0.2.2'], ResponseCode: 'NOERROR' }));
    const trace = await traceDnsOnAws(client, { name: 'www.shop.example.com', type: 'A', from: {}, repeat: 1000 }, { resolveNs });
    expect(stub.commandCalls(TestDNSAnswerCommand)).toHaveLength(MAX_AWS_REPEAT);
    expect(trace.distribution).toEqual({ '192.0.2.1': 25, '192.0.2.2': 25 });
  });

  it('says where the resolver’s explanation and TestDNSAnswer disagree', async () => {
    const { client } = route53();
    const explain: RoutingExplainer = (input) => ({
      values: ['192.0.2.1'],
      type: input.type,
      responseCode: 'NOERROR',
      routingPolicy: 'weighted',
      explanation: ['(test explainer)'],
      candidates: [],
    });
    const trace = await traceDnsOnAws(client, { name: 'www.shop.example.com', type: 'A', from: {} }, { resolveNs, explain });
    expect(trace.disagreement).toBe('Route 53 answered 192.0.2.2 (NOERROR); the resolver explains 192.0.2.1 (NOERROR) — weighted/multivalue answers vary between queries, compare the distribution.');
  });

  it('notes an unreachable TLD lookup and a failing TestDNSAnswer instead of failing the trace', async () => {
    const { client, stub } = route53();
    stub.on(TestDNSAnswerCommand).rejects(new Error('not implemented'));
    const trace = await traceDnsOnAws(client, { name: 'www.shop.example.com', type: 'A', from: {} }, { resolveNs: async () => Promise.reject(new Error('no network')) });
    expect(trace.steps[0]!.note).toMatch(/could not be looked up/);
    expect(trace.steps[2]!.note).toBe('TestDNSAnswer failed: not implemented');
    expect(trace.testDnsAnswer).toBeUndefined();
  });

  it('refuses a name outside the account’s public zones', async () => {
    const { client } = route53();
    await expect(traceDnsOnAws(client, { name: 'example.org', type: 'A', from: {} }, { resolveNs })).rejects.toThrow('example.org. is not in any public hosted zone of this account.');
  });
});
