import { describe, expect, it } from 'vitest';
import { ScenarioError, type Diagnostic } from '@main/core/sources/sim/scenario/diagnostics';
import { scenarioFrom } from '../../../../../helpers/scenarios';

function diagnosticsOf(yaml: string): Diagnostic[] {
  try {
    return scenarioFrom(yaml).warnings;
  } catch (error) {
    if (error instanceof ScenarioError) return error.diagnostics;
    throw error;
  }
}
const errorsOf = (yaml: string) => diagnosticsOf(yaml).filter((d) => d.severity === 'error');
const show = (d: Diagnostic) => `${d.line}:${d.column} ${d.path}: ${d.message}`;

/** A zone, two ALBs in two regions and a health check; `records` is appended under Resources. */
const base = (records: string) => `Resources:
  Zone:
    Type: AWS::Route53::HostedZone
    Properties:
      Name: example.com
      HostedZoneConfig: { Comment: public zone }
  EuAlb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Metadata: { Region: eu-west-1 }
    Properties: { Name: eu-web }
  UsAlb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties: { Name: us-web }
  EuCheck:
    Type: AWS::Route53::HealthCheck
    Properties:
      HealthCheckConfig:
        Type: HTTPS
        FullyQualifiedDomainName: !GetAtt EuAlb.DNSName
        ResourcePath: /health
        RequestInterval: 10
        FailureThreshold: 2
${records}`;

describe('AWS::Route53::* in scenarios', () => {
  it('loads a hosted zone: Ref is the zone id, GetAtt NameServers its four name servers', () => {
    const scenario = scenarioFrom(
      base(`  Out:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: 0
      MaxSize: 1
      AvailabilityZones: [us-east-1a]
      Tags:
        - { Key: id, Value: !Ref Zone }
        - { Key: id2, Value: !GetAtt Zone.Id }
        - { Key: ns, Value: !Join [',', !GetAtt Zone.NameServers] }
        - { Key: hc, Value: !GetAtt EuCheck.HealthCheckId }
`),
    );
    const zone = scenario.resources.find((r) => r.logicalId === 'Zone')!;
    expect(zone.ref).toMatch(/^Z0[A-Z0-9]{19}$/);
    const tags = Object.fromEntries((scenario.resources.find((r) => r.logicalId === 'Out')!.properties.Tags as { Key: string; Value: string }[]).map((t) => [t.Key, t.Value]));
    expect(tags.id).toBe(zone.ref);
    expect(tags.id2).toBe(zone.ref);
    expect(tags.ns!.split(',')).toHaveLength(4);
    expect(tags.ns).toMatch(/^ns-\d+\.awsdns-\d\d\.com,ns-\d+\.awsdns-\d\d\.net,ns-\d+\.awsdns-\d\d\.org,ns-\d+\.awsdns-\d\d\.co\.uk$/);
    expect(tags.hc).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(scenario.resources.find((r) => r.logicalId === 'EuCheck')!.ref).toBe(tags.hc);
    expect(scenario.warnings).toEqual([]);
  });

  it('loads RecordSet and RecordSetGroup with every routing field, by HostedZoneId or HostedZoneName', () => {
    const scenario = scenarioFrom(
      base(`  Www:
    Type: AWS::Route53::RecordSet
    Properties:
      HostedZoneId: !Ref Zone
      Name: www.example.com
      Type: A
      SetIdentifier: eu
      Region: eu-west-1
      HealthCheckId: !Ref EuCheck
      AliasTarget:
        DNSName: !GetAtt EuAlb.DNSName
        HostedZoneId: !GetAtt EuAlb.CanonicalHostedZoneID
        EvaluateTargetHealth: true
  Group:
    Type: AWS::Route53::RecordSetGroup
    Properties:
      HostedZoneName: example.com.
      RecordSets:
        - { Name: www.example.com., Type: A, SetIdentifier: us, Region: us-east-1, AliasTarget: { DNSName: !GetAtt UsAlb.DNSName, HostedZoneId: !GetAtt UsAlb.CanonicalHostedZoneID, EvaluateTargetHealth: "true" } }
        - { Name: w.example.com, Type: A, SetIdentifier: blue, Weight: "70", TTL: "60", ResourceRecords: [192.0.2.1] }
        - { Name: w.example.com, Type: A, SetIdentifier: green, Weight: 30, TTL: 60, ResourceRecords: [192.0.2.2] }
        - { Name: g.example.com, Type: A, SetIdentifier: ca, GeoLocation: { CountryCode: US, SubdivisionCode: CA }, TTL: 60, ResourceRecords: [192.0.2.3] }
        - { Name: g.example.com, Type: A, SetIdentifier: eu, GeoLocation: { ContinentCode: EU }, TTL: 60, ResourceRecords: [192.0.2.4] }
        - { Name: g.example.com, Type: A, SetIdentifier: any, GeoLocation: { CountryCode: "*" }, TTL: 60, ResourceRecords: [192.0.2.5] }
        - { Name: f.example.com, Type: A, SetIdentifier: p, Failover: PRIMARY, HealthCheckId: !Ref EuCheck, TTL: 60, ResourceRecords: [192.0.2.6] }
        - { Name: f.example.com, Type: A, SetIdentifier: s, Failover: SECONDARY, TTL: 60, ResourceRecords: [192.0.2.7] }
        - { Name: m.example.com, Type: A, SetIdentifier: m1, MultiValueAnswer: true, TTL: 60, ResourceRecords: [192.0.2.8] }
        - { Name: txt.example.com, Type: TXT, TTL: 300, ResourceRecords: ['"v=spf1 -all"'] }
`),
    );
    expect(scenario.warnings).toEqual([]);
    const www = scenario.resources.find((r) => r.logicalId === 'Www')!;
    expect(www.ref).toBe('www.example.com');
    const group = scenario.resources.find((r) => r.logicalId === 'Group')!.properties as { RecordSets: Record<string, unknown>[] };
    expect(group.RecordSets[0]).toMatchObject({ AliasTarget: { EvaluateTargetHealth: true, HostedZoneId: 'Z35SXDOTRQ7X7K' } });
    expect(group.RecordSets[1]).toMatchObject({ Weight: 70, TTL: 60 });
  });

  it('loads every HealthCheckConfig form: endpoint, string match, TCP, CALCULATED', () => {
    const scenario = scenarioFrom(
      base(`  Str:
    Type: AWS::Route53::HealthCheck
    Properties:
      HealthCheckConfig: { Type: HTTP_STR_MATCH, IPAddress: 192.0.2.8, Port: 8080, ResourcePath: /ok, SearchString: ok, Regions: [us-east-1, eu-west-1, ap-southeast-1], Inverted: false }
  Tcp:
    Type: AWS::Route53::HealthCheck
    Properties:
      HealthCheckConfig: { Type: TCP, IPAddress: 192.0.2.8, Port: 443 }
  Both:
    Type: AWS::Route53::HealthCheck
    Properties:
      HealthCheckConfig: { Type: CALCULATED, ChildHealthChecks: [!Ref EuCheck, !Ref Tcp], HealthThreshold: 1 }
`),
    );
    expect(scenario.resources.filter((r) => r.type === 'AWS::Route53::HealthCheck')).toHaveLength(4);
    expect(scenario.warnings.map((w) => w.message)).toEqual(['192.0.2.8 is not an address of this scenario; its probes always succeed', '192.0.2.8 is not an address of this scenario; its probes always succeed']);
  });

  it('reports a record set whose zone does not exist, at its HostedZoneId or HostedZoneName line', () => {
    const errors = errorsOf(
      base(`  Lost:
    Type: AWS::Route53::RecordSet
    Properties:
      HostedZoneName: example.org.
      Name: www.example.org
      Type: A
      TTL: 60
      ResourceRecords: [192.0.2.1]
`),
    );
    expect(errors.map(show)).toEqual([expect.stringMatching(/^26:23 Resources\.Lost\.Properties\.HostedZoneName: no AWS::Route53::HostedZone in this scenario has name "example\.org\." \(hosted zones: example\.com\. \(Z0[A-Z0-9]{19}\)\); use !Ref <HostedZone>$/)]);
  });

  it('reports a weighted record without SetIdentifier inside a RecordSetGroup at its own line', () => {
    const errors = errorsOf(
      base(`  Group:
    Type: AWS::Route53::RecordSetGroup
    Properties:
      HostedZoneId: !Ref Zone
      RecordSets:
        - { Name: w.example.com, Type: A, SetIdentifier: a, Weight: 1, TTL: 60, ResourceRecords: [192.0.2.1] }
        - Name: w.example.com
          Type: A
          Weight: 1
          TTL: 60
          ResourceRecords: [192.0.2.2]
`),
    );
    expect(errors.map(show)).toEqual(['29:11 Resources.Group.Properties.RecordSets[1].SetIdentifier: a weighted record set needs a SetIdentifier that is unique among the w.example.com. A record sets']);
  });

  it('reports mixed routing policies for one name and type, at the conflicting field', () => {
    const errors = errorsOf(
      base(`  A:
    Type: AWS::Route53::RecordSet
    Properties: { HostedZoneId: !Ref Zone, Name: x.example.com, Type: A, SetIdentifier: a, Weight: 10, TTL: 60, ResourceRecords: [192.0.2.1] }
  B:
    Type: AWS::Route53::RecordSet
    Properties:
      HostedZoneId: !Ref Zone
      Name: x.example.com
      Type: A
      SetIdentifier: b
      Region: us-east-1
      TTL: 60
      ResourceRecords: [192.0.2.2]
`),
    );
    expect(errors.map(show)).toEqual(['33:15 Resources.B.Properties.Region: x.example.com. A mixes weighted and latency record sets; all record sets with one name and type use the same routing policy']);
  });

  it('reports record-set field errors with their path: Weight range, two routing fields, geolocation, alias TTL', () => {
    const errors = errorsOf(
      base(`  Bad:
    Type: AWS::Route53::RecordSetGroup
    Properties:
      HostedZoneId: !Ref Zone
      RecordSets:
        - { Name: a.example.com, Type: A, SetIdentifier: a, Weight: 300, TTL: 60, ResourceRecords: [192.0.2.1] }
        - { Name: b.example.com, Type: A, SetIdentifier: b, Weight: 1, Failover: PRIMARY, TTL: 60, ResourceRecords: [192.0.2.1] }
        - { Name: c.example.com, Type: A, SetIdentifier: c, GeoLocation: { ContinentCode: EU, CountryCode: DE }, TTL: 60, ResourceRecords: [192.0.2.1] }
        - { Name: d.example.com, Type: A, TTL: 60, AliasTarget: { DNSName: !GetAtt UsAlb.DNSName, HostedZoneId: !GetAtt UsAlb.CanonicalHostedZoneID } }
`),
    );
    expect(errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
      'Resources.Bad.Properties.RecordSets[0].Weight: Weight 300 is outside 0–255',
      'Resources.Bad.Properties.RecordSets[1].Failover: a record set has one routing policy, but this one sets Weight and Failover',
      'Resources.Bad.Properties.RecordSets[2].GeoLocation: GeoLocation takes a ContinentCode or a CountryCode, not both',
      'Resources.Bad.Properties.RecordSets[3].TTL: an alias record set takes its TTL from the alias target; omit TTL',
    ]);
    expect(errors.every((e) => e.line >= 28 && e.line <= 31)).toBe(true);
  });

  it('reports a missing health check, an alias to a load balancer in the wrong hosted zone and an alias to nothing', () => {
    const errors = errorsOf(
      base(`  Recs:
    Type: AWS::Route53::RecordSetGroup
    Properties:
      HostedZoneId: !Ref Zone
      RecordSets:
        - { Name: a.example.com, Type: A, SetIdentifier: a, Weight: 1, TTL: 60, ResourceRecords: [192.0.2.1], HealthCheckId: 11111111-2222-3333-4444-555555555555 }
        - { Name: b.example.com, Type: A, AliasTarget: { DNSName: !GetAtt EuAlb.DNSName, HostedZoneId: Z35SXDOTRQ7X7K } }
        - { Name: c.example.com, Type: A, AliasTarget: { DNSName: nothing.example.com, HostedZoneId: !Ref Zone } }
`),
    );
    expect(errors.map((e) => `${e.line} ${e.path}`)).toEqual([
      '28 Resources.Recs.Properties.RecordSets[0].HealthCheckId',
      '29 Resources.Recs.Properties.RecordSets[1].AliasTarget.HostedZoneId',
      '30 Resources.Recs.Properties.RecordSets[2].AliasTarget.DNSName',
    ]);
    expect(errors[0]!.message).toBe('no AWS::Route53::HealthCheck in this scenario has id "11111111-2222-3333-4444-555555555555"; use !Ref <HealthCheck>');
    expect(errors[1]!.message).toContain('but the alias target name does not lie within the target zone (load balancers in eu-west-1 are in Z32O12XQLNTSW2; use !GetAtt EuAlb.CanonicalHostedZoneID)');
    expect(errors[2]!.message).toMatch(/^Tried to create an alias that targets nothing\.example\.com\., type A in zone Z0[A-Z0-9]{19}, but that target was not found$/);
  });

  it('reports HealthCheckConfig errors: interval, threshold, missing endpoint, CALCULATED without children', () => {
    const errors = errorsOf(`Resources:
  H1:
    Type: AWS::Route53::HealthCheck
    Properties:
      HealthCheckConfig:
        Type: HTTP
        RequestInterval: 20
        FailureThreshold: 11
  H2:
    Type: AWS::Route53::HealthCheck
    Properties:
      HealthCheckConfig: { Type: CALCULATED }
`);
    expect(errors.map(show)).toEqual([
      '7:26 Resources.H1.Properties.HealthCheckConfig.RequestInterval: RequestInterval is 10 or 30 (seconds)',
      '8:27 Resources.H1.Properties.HealthCheckConfig.FailureThreshold: FailureThreshold must be between 1 and 10',
      '6:9 Resources.H1.Properties.HealthCheckConfig.FullyQualifiedDomainName: a HTTP health check needs an IPAddress or a FullyQualifiedDomainName to probe',
      '12:26 Resources.H2.Properties.HealthCheckConfig.ChildHealthChecks: a CALCULATED health check needs ChildHealthChecks',
      '12:26 Resources.H2.Properties.HealthCheckConfig.HealthThreshold: a CALCULATED health check needs a HealthThreshold (how many children must be healthy)',
    ]);
  });

  it('warns about what it cannot simulate, naming it', () => {
    const warnings = diagnosticsOf(`Resources:
  Zone:
    Type: AWS::Route53::HostedZone
    Properties: { Name: example.com, QueryLoggingConfig: { CloudWatchLogsLogGroupArn: arn } }
  Alarmed:
    Type: AWS::Route53::HealthCheck
    Properties:
      HealthCheckConfig: { Type: CLOUDWATCH_METRIC, AlarmIdentifier: { Name: a, Region: us-east-1 }, InsufficientDataHealthStatus: Healthy }
  Cdn:
    Type: AWS::Route53::RecordSet
    Properties:
      HostedZoneId: !Ref Zone
      Name: cdn.example.com
      Type: A
      AliasTarget: { DNSName: d111111abcdef8.cloudfront.net, HostedZoneId: Z2FDTNDATAQYW2 }
      CidrRoutingConfig: { CollectionId: c, LocationName: l }
`);
    expect(warnings.map((w) => `${w.severity} ${w.path}: ${w.message}`)).toEqual([
      'warning Resources.Cdn.Properties.CidrRoutingConfig: property CidrRoutingConfig of AWS::Route53::RecordSet is not supported by the simulator and is ignored',
      'warning Resources.Cdn.Properties.AliasTarget.DNSName: alias target d111111abcdef8.cloudfront.net. (zone Z2FDTNDATAQYW2) is not a load balancer or a record in this scenario; the simulator answers nothing for it',
      'warning Resources.Alarmed.Properties.HealthCheckConfig.Type: CLOUDWATCH_METRIC health checks are not simulated; Alarmed stays Healthy',
    ]);
  });

  it('lets Traffic call a name served by a public hosted zone', () => {
    const scenario = scenarioFrom(
      base(`  Www:
    Type: AWS::Route53::RecordSet
    Properties: { HostedZoneId: !Ref Zone, Name: www.example.com, Type: A, AliasTarget: { DNSName: !GetAtt UsAlb.DNSName, HostedZoneId: !GetAtt UsAlb.CanonicalHostedZoneID } }
Traffic:
  - { Name: shoppers, Target: www.example.com, Location: { CountryCode: DE }, Rate: 10 }
`),
    );
    expect(scenario.traffic[0]!.Target).toBe('www.example.com');
  });
});
