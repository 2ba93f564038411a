/**
 * Route 53 verdicts say what Route 53 does (R53-4, R53-5): a record is "out of answers" only when
 * another record of its name is healthy and answers instead; when every record of a name is
 * unhealthy Route 53 answers as if all were healthy, and the verdict says so — the same judgement
 * as the resolver `dns trace` uses (route53/resolver.ts), checked against it here.
 * docs.aws.amazon.com/Route53/latest/DeveloperGuide/health-checks-how-route-53-chooses-records.html
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_HEALTH_THRESHOLDS, Inventory, type HealthReport, type ResourceRecordSet } from '@main/core/contract/model';
import { evaluateHealth, type HealthInput } from '@main/core/health';
import { resolveDns } from '@main/core/route53/resolver';

const NOW = Date.parse('2026-11-20T14:34:00Z');
const ZONE = 'Z0EXAMPLE';
const EU_ARN = 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/shop-eu/50dc6c495c0c9188';
const US_ARN = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/shop-us/60dc6c495c0c9188';
const EU_DNS = 'shop-eu-1575522550.eu-west-1.elb.amazonaws.com';
const US_DNS = 'shop-us-1575522551.us-east-1.elb.amazonaws.com';

type TargetState = 'healthy' | 'unhealthy';
type Record = Partial<ResourceRecordSet> & Pick<ResourceRecordSet, 'name' | 'routingPolicy'>;

function inventory(records: Record[], options: { euCheck?: 'Healthy' | 'Unhealthy' | 'Unknown'; us?: TargetState; eu?: TargetState } = {}): Inventory {
  const group = (name: string, lb: string, state: TargetState) => ({ targetGroupArn: `${lb}-tg`, targetGroupName: name, targetType: 'instance', loadBalancerArns: [lb], targets: [{ targetId: `i-${name}`, availabilityZone: 'a', state }] });
  return Inventory.parse({
    loadBalancers: [
      { loadBalancerArn: EU_ARN, loadBalancerName: 'shop-eu', dnsName: EU_DNS, scheme: 'internet-facing', state: 'active', availabilityZones: ['eu-west-1a'] },
      { loadBalancerArn: US_ARN, loadBalancerName: 'shop-us', dnsName: US_DNS, scheme: 'internet-facing', state: 'active', availabilityZones: ['us-east-1a'] },
    ],
    targetGroups: [group('shop-eu-web', EU_ARN, options.eu ?? 'healthy'), group('shop-us-web', US_ARN, options.us ?? 'healthy')],
    autoScalingGroups: [],
    hostedZones: [{ id: ZONE, name: 'example.com.', privateZone: false, nameServers: [] }],
    healthChecks: [{ id: 'hc-eu', type: 'HTTP', fullyQualifiedDomainName: EU_DNS, port: 80, status: options.euCheck ?? 'Healthy' }],
    recordSets: records.map((r) => ({ hostedZoneId: ZONE, type: 'A', resourceRecords: [], ...r })),
  });
}

const alias = (dnsName: string) => ({ hostedZoneId: 'Z32O12XQLNTSW2', dnsName, evaluateTargetHealth: true });
/** global-failover's api.example.com: primary eu-west-1 (health check), secondary the us-east-1 ALB (EvaluateTargetHealth). */
const API: Record[] = [
  { name: 'api.example.com.', setIdentifier: 'primary-eu', failover: 'PRIMARY', routingPolicy: 'failover', healthCheckId: 'hc-eu', aliasTarget: alias(EU_DNS) },
  { name: 'api.example.com.', setIdentifier: 'secondary-us', failover: 'SECONDARY', routingPolicy: 'failover', aliasTarget: alias(US_DNS) },
];

function evaluate(inv: Inventory): HealthReport {
  const input: HealthInput = { now: NOW, inventory: inv, metrics: [], scalingActivities: [], rdsEvents: [], datasets: {}, thresholds: DEFAULT_HEALTH_THRESHOLDS };
  return evaluateHealth(input);
}
const record = (report: HealthReport, name: string) => report.resources.find((r) => r.kind === 'recordSet' && r.name === name)!;
const dns = (report: HealthReport) => report.services.find((s) => s.service === 'route53')!;
const codes = (report: HealthReport) => [...dns(report).reasons, ...report.resources.flatMap((r) => r.reasons)].map((r) => r.code);

/** What `dns trace` answers (the same resolver, health from the same inventory). */
function traceAnswer(inv: Inventory, name: string) {
  const checks = new Map(inv.healthChecks.map((c) => [c.id, c.status]));
  const unhealthyLb = (dnsName: string) => inv.targetGroups.some((g) => g.loadBalancerArns.includes(inv.loadBalancers.find((lb) => `${lb.dnsName}.` === dnsName || lb.dnsName === dnsName)!.loadBalancerArn) && !g.targets.some((t) => t.state === 'healthy'));
  return resolveDns(
    { name, type: 'A' },
    {
      zone: { id: ZONE, name: 'example.com.' },
      recordSets: inv.recordSets,
      client: { countryCode: 'DE', continentCode: 'EU' },
      latency: {},
      health: { healthCheck: (id) => checks.get(id) === 'Healthy', aliasTarget: (target) => ({ values: [target.dnsName], healthy: !unhealthyLb(target.dnsName), description: target.dnsName }) },
    },
    { next: () => 0.5 },
  );
}

describe('R53-4 / R53-5: every record of a name unhealthy — Route 53 still answers, and the verdict says so', () => {
  it('failover, primary check failing and the secondary ALB without a healthy target: Failing, "answers as if all were healthy, with the primary", nothing "out of answers"', () => {
    const inv = inventory(API, { euCheck: 'Unhealthy', us: 'unhealthy' });
    // The trace answers with the primary (R53-4: both unhealthy → primary).
    const trace = traceAnswer(inv, 'api.example.com');
    expect(trace.path.map((r) => r.setIdentifier)).toEqual(['primary-eu']);
    expect(trace.answer.values.length).toBeGreaterThan(0);

    const report = evaluate(inv);
    expect(dns(report).status).toBe('failing');
    expect(dns(report).reasons[0]).toMatchObject({ code: 'record.nameAllUnhealthy', status: 'failing', subject: 'api.example.com', params: { type: 'A', records: 2, policy: 'failover' } });
    expect(codes(report)).not.toContain('record.outOfAnswers');
    expect(record(report, 'api.example.com primary-eu')).toMatchObject({ status: 'failing', reasons: [{ code: 'record.allUnhealthy', params: { cause: 'healthCheck', healthCheck: EU_DNS } }] });
    expect(record(report, 'api.example.com secondary-us')).toMatchObject({ status: 'failing', reasons: [{ code: 'record.allUnhealthy', params: { cause: 'aliasTarget', target: 'shop-us' } }] });
    // The check takes no record out of answers: its records are answered anyway.
    const check = report.resources.find((r) => r.kind === 'healthCheck')!;
    expect(check.reasons[0]).toMatchObject({ code: 'hc.unhealthy', params: { records: 0, answered: 1, answeredNames: 'api.example.com primary-eu' } });
  });

  it('failover with a healthy secondary: the primary is out of answers (the secondary answers), Route 53 Degraded, no name-level reason', () => {
    const inv = inventory(API, { euCheck: 'Unhealthy' });
    expect(traceAnswer(inv, 'api.example.com').path.map((r) => r.setIdentifier)).toEqual(['secondary-us']);
    const report = evaluate(inv);
    expect(dns(report).status).toBe('degraded');
    expect(record(report, 'api.example.com primary-eu').reasons).toEqual([expect.objectContaining({ code: 'record.outOfAnswers', params: { cause: 'healthCheck', healthCheck: EU_DNS } })]);
    expect(record(report, 'api.example.com secondary-us').status).toBe('ok');
    expect(codes(report)).not.toContain('record.nameAllUnhealthy');
  });

  it('weighted, every weighted record unhealthy: answered by weight, policy named', () => {
    const beta: Record[] = [
      { name: 'beta.example.com.', setIdentifier: 'stable', weight: 90, routingPolicy: 'weighted', aliasTarget: alias(US_DNS) },
      { name: 'beta.example.com.', setIdentifier: 'standby', weight: 0, routingPolicy: 'weighted', healthCheckId: 'hc-eu', aliasTarget: { ...alias(EU_DNS), evaluateTargetHealth: false } },
    ];
    const inv = inventory(beta, { euCheck: 'Unhealthy', us: 'unhealthy' });
    expect(traceAnswer(inv, 'beta.example.com').answer.values.length).toBeGreaterThan(0);
    const report = evaluate(inv);
    expect(dns(report).reasons[0]).toMatchObject({ code: 'record.nameAllUnhealthy', params: { policy: 'weighted', records: 2 } });
    expect(codes(report)).not.toContain('record.outOfAnswers');
  });

  it('an alias with EvaluateTargetHealth to a name in the zone is as healthy as that name (the resolver\'s rule, not ours)', () => {
    const records: Record[] = [
      ...API,
      { name: 'www.example.com.', setIdentifier: 'api', weight: 1, routingPolicy: 'weighted', aliasTarget: { hostedZoneId: ZONE, dnsName: 'api.example.com.', evaluateTargetHealth: true } },
      { name: 'www.example.com.', setIdentifier: 'direct', weight: 1, routingPolicy: 'weighted', aliasTarget: alias(EU_DNS) },
    ];
    // api has no healthy record; www's `direct` (the eu ALB, healthy targets) answers; www `api` is out.
    const report = evaluate(inventory(records, { euCheck: 'Unhealthy', us: 'unhealthy' }));
    expect(record(report, 'www.example.com api')).toMatchObject({ status: 'failing', reasons: [{ code: 'record.outOfAnswers', params: { cause: 'aliasRecord', target: 'api.example.com' } }] });
    expect(record(report, 'www.example.com direct').status).toBe('ok');
  });

  it('an unknown health check is not a failure (the resolver treats it as healthy)', () => {
    const report = evaluate(inventory(API, { euCheck: 'Unknown' }));
    expect(dns(report).reasons.map((r) => r.code)).toEqual(['hc.unknown']);
    expect(record(report, 'api.example.com primary-eu').status).toBe('ok');
  });
});
