import { describe, expect, it, vi } from 'vitest';
import { DnsTrace as DnsTraceSchema, Inventory, type DnsTrace } from '@contract';
import betaTrace from '../support/traces/beta-weighted.json';
import { resourceItems, searchPalette } from '@/components/palette/palette-items';
import { shortcutFor } from '@/components/layout/shortcuts';
import { capacityMarkers, groupAlarmNames, shortAlarmName } from '@/views/auto-scaling/capacity-markers';
import { estimateLambdaCost, monthlyRate } from '@/views/lambda/lambda-cost';
import { buildRequestPath, layoutRequestPath } from '@/views/overview/request-path';
import { mergeRecentEvents } from '@/views/overview/recent-events';
import { isStandalone, rdsTopology, recordStatus } from '@/views/rds/rds-topology';
import { distributionRows, groupRecords, routingDetail } from '@/views/route53/record-groups';
import { buildParameters, faultApplies, initialValues, schemaFields } from '@/views/simulator/fault-form';
import { GROUP, START, activity, emptyInventory, fullInventory } from '../support/fixtures';

describe('request path', () => {
  it('follows alias → rules → target group → group / function → primary → replica, dropping empty columns', () => {
    const inventory = fullInventory();
    const fn = inventory.lambdaFunctions[0]!;
    const withLambdaTarget = Inventory.parse({
      ...inventory,
      targetGroups: [...inventory.targetGroups, { targetGroupArn: 'arn:tg/fn', targetGroupName: 'fn-tg', targetType: 'lambda', loadBalancerArns: [], targets: [{ targetId: fn.functionArn, state: 'healthy' }] }],
    });
    const path = buildRequestPath(withLambdaTarget);
    const edge = (from: string, to: string) => path.edges.some((e) => e.from.includes(from) && e.to.includes(to));
    expect(edge('record:Z1:www.example.com.', 'rule:arn:rule/default')).toBe(true);
    expect(edge('rule:arn:rule/10', 'tg:arn:aws')).toBe(true);
    expect(edge('tg:arn:aws', `asg:${GROUP}`)).toBe(true);
    expect(edge('tg:arn:tg/fn', 'fn:')).toBe(true);
    expect(path.edges.find((e) => e.from === `asg:${GROUP}` && e.to === 'db:shop-db')?.inferred).toBe(true);
    expect(edge('db:shop-db', 'db:shop-db-replica-1')).toBe(true);
    // The weighted record to a plain IP does not lead onto the map.
    expect(path.nodes.filter((n) => n.kind === 'record')).toHaveLength(1);
    expect(path.columns).toBe(6);

    const onlyAlb = buildRequestPath(Inventory.parse({ ...emptyInventory(), loadBalancers: inventory.loadBalancers, targetGroups: inventory.targetGroups }));
    expect(onlyAlb.columns).toBe(2);
    expect(new Set(onlyAlb.nodes.map((n) => n.column))).toEqual(new Set([0, 1]));
    const layout = layoutRequestPath(onlyAlb);
    expect(layout.nodes.every((n) => n.y >= 0 && n.y + 42 <= layout.height)).toBe(true);
  });
});

describe('recent events', () => {
  it('merge four lists newest first, with short alarm names', () => {
    const events = mergeRecentEvents({
      alarmHistory: [{ alarmName: 'TargetTracking-a-AlarmLow-12345678-1234-1234-1234-123456789012', timestamp: new Date(START + 3000).toISOString(), oldState: 'OK', newState: 'ALARM', reason: 'r' }],
      scalingActivities: [activity('a1', 0)],
      rdsEvents: [{ sourceIdentifier: 'db', sourceType: 'db-instance', date: new Date(START + 2000).toISOString(), message: 'failover', eventCategories: ['failover'] }],
      timeline: [{ time: new Date(START + 1000).toISOString(), service: 'simulator', kind: 'Fault', resource: 'us-east-1a', message: 'AZ down', severity: 'error' }],
    });
    expect(events.map((e) => [e.service, e.tone])).toEqual([
      ['cloudwatch', 'bad'],
      ['rds', 'warn'],
      ['simulator', 'bad'],
      ['autoscaling', 'ok'],
    ]);
    expect(events[0]!.resource).toBe('TargetTracking-a-AlarmLow');
  });

  it('show a scaling alarm going to ALARM as scaling (info), not as a problem, when core marks it so', () => {
    const alarmHistory = [{ alarmName: 'TargetTracking-a-AlarmLow-12345678-1234-1234-1234-123456789012', timestamp: new Date(START).toISOString(), oldState: 'OK' as const, newState: 'ALARM' as const, reason: 'r' }];
    const events = mergeRecentEvents({ alarmHistory, scalingActivities: [], rdsEvents: [], timeline: [], isScalingAlarm: (name) => name.startsWith('TargetTracking-') });
    expect(events.map((e) => e.tone)).toEqual(['info']);
  });

  it('translate a timeline entry only when its words are read, not every entry on every push (issue 15)', () => {
    const timeline = Array.from({ length: 1000 }, (_, i) => ({ time: new Date(START + i * 1000).toISOString(), service: 'simulator' as const, kind: 'Fault', resource: `r${i}`, message: `m${i}`, severity: 'info' as const }));
    const describeTimeline = vi.fn((event: { message: string }) => `said ${event.message}`);
    const events = mergeRecentEvents({ alarmHistory: [], scalingActivities: [], rdsEvents: [], timeline, describeTimeline });
    expect(events).toHaveLength(1000);
    expect(describeTimeline).not.toHaveBeenCalled();
    expect(events[0]!.message).toBe('said m999');
    expect(describeTimeline).toHaveBeenCalledTimes(1);
  });
});

describe('capacity markers', () => {
  it('mark activities, alarm transitions (not the start-up OK) and the next scheduled run', () => {
    const inventory = fullInventory();
    const group = { ...inventory.autoScalingGroups[0]!, scheduledActions: [{ scheduledActionName: 'evening', desiredCapacity: 2, nextRunTime: new Date(START + 3_600_000).toISOString() }] };
    const names = groupAlarmNames(group, inventory.alarms);
    const alarm = inventory.alarms[0]!.alarmName;
    expect(names.has(alarm)).toBe(true);
    const markers = capacityMarkers(group, [activity('a1', 1, 'Failed')], [
      { alarmName: alarm, timestamp: new Date(START).toISOString(), oldState: 'INSUFFICIENT_DATA', newState: 'OK', reason: '' },
      { alarmName: alarm, timestamp: new Date(START + 120_000).toISOString(), oldState: 'OK', newState: 'ALARM', reason: '' },
    ], names);
    expect(markers.map((m) => [m.kind, m.tone])).toEqual([
      ['activity', 'bad'],
      ['alarm', 'bad'],
      ['scheduled', 'info'],
    ]);
    expect(markers[2]!.label).toBe('evening (desired 2)');
    expect(shortAlarmName(alarm)).toBe(`TargetTracking-${GROUP}-AlarmHigh`);
  });
});

describe('Route 53 records', () => {
  it('group by name and show the attribute that matters per policy', () => {
    const groups = groupRecords(fullInventory().recordSets);
    expect(groups.map((g) => [g.name, g.policies])).toEqual([
      ['api.example.com.', ['failover']],
      ['www.example.com.', ['weighted']],
    ]);
    expect(routingDetail(groups[0]!.records[0]!)).toBe('PRIMARY');
  });

  it('put the observed distribution next to the configured probabilities', () => {
    const trace = (candidates: DnsTrace['answer']['candidates'], distribution: Record<string, number>, values: string[] = []): DnsTrace => ({
      name: 'x.',
      type: 'A',
      from: {},
      steps: [],
      answer: { values, type: 'A', responseCode: 'NOERROR', explanation: [], candidates },
      distribution,
    });
    // Plain records: matched by their values.
    const plain = distributionRows(
      trace(
        [
          { setIdentifier: 'a', values: ['a'], probability: 0.9, healthy: true, verdict: { code: 'simple.verdictOnly', params: {} }, chosen: false },
          { setIdentifier: 'b', values: ['b'], probability: 0.1, healthy: true, verdict: { code: 'simple.verdictOnly', params: {} }, chosen: true },
          { setIdentifier: 'c', values: ['c'], healthy: true, verdict: { code: 'weighted.verdictZero', params: {} }, chosen: false },
        ],
        { a: 880, b: 120 },
        ['b'],
      ),
    );
    expect(plain.map((r) => [r.setIdentifier, r.observed, r.expected])).toEqual([
      ['a', 0.88, 0.9],
      ['b', 0.12, 0.1],
    ]);
    // Three weighted aliases, one never drawn: nothing to match it by, so it is shown unmatched.
    const aliases = distributionRows(
      trace(
        [
          { setIdentifier: 'x', values: ['ALIAS x.elb.'], probability: 0.5, healthy: true, verdict: { code: 'simple.verdictOnly', params: {} }, chosen: true },
          { setIdentifier: 'y', values: ['ALIAS y.elb.'], probability: 0.3, healthy: true, verdict: { code: 'simple.verdictOnly', params: {} }, chosen: false },
          { setIdentifier: 'z', values: ['ALIAS z.elb.'], probability: 0.2, healthy: true, verdict: { code: 'simple.verdictOnly', params: {} }, chosen: false },
        ],
        { '10.0.0.1': 500, '10.0.0.2': 500 },
        ['10.0.0.1'],
      ),
    );
    expect(aliases.map((r) => [r.answer, r.setIdentifier, r.expected])).toEqual([
      ['10.0.0.1', 'x', 0.5],
      ['10.0.0.2', undefined, undefined],
      ['ALIAS y.elb.', 'y', 0.3],
      ['ALIAS z.elb.', 'z', 0.2],
    ]);
  });

  it('match the real resolver output for a weighted alias record (flightdeck dns trace --json)', () => {
    const rows = distributionRows(DnsTraceSchema.parse(betaTrace));
    // stable (90) is the drawn answer; canary (10) is the only other weighted set and the only other answer.
    expect(rows.map((r) => [r.setIdentifier, r.expected, r.count])).toEqual([
      ['stable', 0.9, 902],
      ['canary', 0.1, 98],
    ]);
  });
});

describe('RDS topology', () => {
  it('puts replicas under their source and tracks status changes until standalone', () => {
    const dbs = fullInventory().dbInstances;
    const clusters = rdsTopology(dbs);
    expect(clusters.map((c) => [c.primary.dbInstanceIdentifier, c.replicas.map((r) => r.dbInstanceIdentifier)])).toEqual([['shop-db', ['shop-db-replica-1']]]);
    const replica = dbs[1]!;
    let history = recordStatus([], replica, 1);
    history = recordStatus(history, replica, 2);
    history = recordStatus(history, { ...replica, dbInstanceStatus: 'modifying' }, 3);
    history = recordStatus(history, { ...replica, readReplicaSourceDBInstanceIdentifier: undefined }, 4);
    expect(history.map((h) => [h.time, h.status, h.replicaOf ?? null])).toEqual([
      [1, 'available', 'shop-db'],
      [3, 'modifying', 'shop-db'],
      [4, 'available', null],
    ]);
    expect(isStandalone({ ...replica, readReplicaSourceDBInstanceIdentifier: undefined })).toBe(true);
    expect(isStandalone(replica)).toBe(false);
  });
});

describe('Lambda cost (LAM-6)', () => {
  it('is requests × $0.20/M plus GB-seconds × $0.0000166667 over the window', () => {
    const estimate = estimateLambdaCost('f', 512, [[0, 1_000_000], [60_000, 1_000_000], [999_999, 5]], [[0, 100], [60_000, 300]], { from: 0, to: 60_000 });
    expect(estimate.requests).toBe(2_000_000);
    expect(estimate.gbSeconds).toBeCloseTo(1_000_000 * 0.1 * 0.5 + 1_000_000 * 0.3 * 0.5);
    expect(estimate.usd).toBeCloseTo(0.4 + 200_000 * 0.0000166667);
    expect(monthlyRate(estimate)).toBeCloseTo(estimate.usd * 30 * 86_400 / 60);
  });
});

describe('fault forms from JSON Schema', () => {
  const schema = {
    type: 'object',
    properties: {
      TargetGroupName: { type: 'string', minLength: 1 },
      Count: { type: 'integer', exclusiveMinimum: 0, maximum: 9007199254740991 },
      Percent: { type: 'number', minimum: 1, maximum: 100 },
      InstanceIds: { type: 'array', items: { type: 'string' } },
    },
    required: ['TargetGroupName'],
  };

  it('reads fields, pre-fills resources from the inventory and builds typed parameters', () => {
    const fields = schemaFields(schema);
    expect(fields.map((f) => [f.name, f.type, f.required, f.maximum])).toEqual([
      ['TargetGroupName', 'string', true, undefined],
      ['Count', 'integer', false, undefined],
      ['Percent', 'number', false, 100],
      ['InstanceIds', 'string[]', false, undefined],
    ]);
    const values = initialValues(fields, 'FailTargets', fullInventory());
    expect(values.TargetGroupName).toBe('web');
    expect(buildParameters(fields, { ...values, Count: '2', InstanceIds: 'i-1, i-2' })).toEqual({ ok: true, parameters: { TargetGroupName: 'web', Count: 2, InstanceIds: ['i-1', 'i-2'] } });
    expect(buildParameters(fields, { ...values, Count: '0' })).toEqual({ ok: false, field: 'Count', problem: 'range' });
    expect(buildParameters(fields, { ...values, Count: '1.5' })).toEqual({ ok: false, field: 'Count', problem: 'number' });
    expect(buildParameters(fields, { TargetGroupName: '' })).toEqual({ ok: false, field: 'TargetGroupName', problem: 'required' });
    expect(faultApplies({ type: 'FailTargets', parameters: schema }, emptyInventory())).toBe(false);
  });
});

describe('command palette', () => {
  it('finds resources by any part of their name or id, views first at equal score', () => {
    const items = [{ id: 'view:rds', kind: 'view' as const, label: 'RDS', route: { name: 'rds' } }, ...resourceItems(fullInventory())];
    expect(searchPalette(items, 'replica')[0]).toMatchObject({ kind: 'dbInstance', label: 'shop-db-replica-1', route: { name: 'rds', query: { focus: 'shop-db-replica-1' } } });
    expect(searchPalette(items, 'rds')[0]!.kind).toBe('view');
    expect(searchPalette(items, 'www exa')[0]!.label).toBe('www.example.com.');
    expect(searchPalette(items, 'i-2')[0]).toMatchObject({ kind: 'instance', route: { name: 'auto-scaling' } });
    expect(searchPalette(items, 'nothing-like-this')).toEqual([]);
  });
});

describe('keyboard shortcuts', () => {
  const key = (init: Partial<KeyboardEvent>) => ({ key: '', code: '', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, target: null, ...init }) as KeyboardEvent;
  it('map keys to actions and stay quiet while typing', () => {
    expect(shortcutFor(key({ key: 'k', ctrlKey: true }))).toEqual({ type: 'palette' });
    expect(shortcutFor(key({ key: 'k', metaKey: true }))).toEqual({ type: 'palette' });
    expect(shortcutFor(key({ key: '¡', code: 'Digit1', altKey: true }))).toEqual({ type: 'view', index: 0 });
    expect(shortcutFor(key({ key: ' ', code: 'Space' }))).toEqual({ type: 'pause' });
    expect(shortcutFor(key({ key: '?' }))).toEqual({ type: 'help' });
  });
});

describe('keyboard shortcuts while typing', () => {
  it('ignore single keys in a field but still open the palette', () => {
    const input = { tagName: 'INPUT' } as unknown as EventTarget;
    const base = { code: '', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, target: input };
    expect(shortcutFor({ ...base, key: '?' })).toBeNull();
    expect(shortcutFor({ ...base, key: ' ', code: 'Space' })).toBeNull();
    expect(shortcutFor({ ...base, key: 'k', ctrlKey: true })).toEqual({ type: 'palette' });
  });
});

describe('Space', () => {
  it('presses a focused button instead of pausing the simulation', () => {
    const base = { key: ' ', code: 'Space', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false };
    expect(shortcutFor({ ...base, target: { tagName: 'BUTTON' } as unknown as EventTarget })).toBeNull();
    expect(shortcutFor({ ...base, target: { tagName: 'BODY' } as unknown as EventTarget })).toEqual({ type: 'pause' });
  });
});

describe('LAM-7: arm64 is priced at the arm64 GB-second rate (aws.amazon.com/lambda/pricing)', () => {
  it('LAM-7: 1 M requests × 1 s × 1 GB cost $0.20 + 1 M × $0.0000133334 on arm64, $0.0000166667 on x86_64', () => {
    const cost = (architecture?: string) => estimateLambdaCost('f', 1024, [[0, 1_000_000]], [[0, 1000]], { from: 0, to: 60_000 }, architecture).usd;
    expect(cost('arm64')).toBeCloseTo(0.2 + 13.3334, 6);
    expect(cost('x86_64')).toBeCloseTo(0.2 + 16.6667, 6);
    expect(cost()).toBeCloseTo(0.2 + 16.6667, 6);
  });
});
