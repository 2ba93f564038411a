/**
 * The account as CloudFormation would declare it (docs/twin.md): the contract's inventory — what
 * AWS mode read with Describe and List calls — mapped to `Resources` the scenario loader takes. Names,
 * sizes, health checks, policies, schedules, alarms, records, DB instances and functions carry over;
 * ARNs and ids become `Ref`/`Fn::GetAtt` between the exported resources, so the simulator's own
 * ARNs line up. No secret is exported: Lambda environment values and the DB master password become
 * PLACEHOLDER and are listed (`Twin.Placeholders`). Pure: it imports the contract only, so AWS mode
 * (which reads) and the simulator (which loads) never meet.
 */
import type { Inventory } from '../contract/model-inventory';
import type { LoadBalancer, ListenerRule, RuleAction, TargetGroup } from '../contract/model-alb';
import type { AutoScalingGroup, ScalingPolicySummary } from '../contract/model-asg';
import type { MetricAlarm } from '../contract/model-cloudwatch';
import { LogicalIds } from './logical-ids';

/** What stands in for a value that is never exported (a secret). */
export const PLACEHOLDER = 'PLACEHOLDER-not-exported';

export type CfnResource = { Type: string; Properties: Record<string, unknown> };

export interface Placeholder {
  resource: string;
  path: string;
}

export interface AccountFacts {
  inventory: Inventory;
  /** Lambda environment variable names per function name. Their values are never read into this. */
  environmentNames?: Record<string, string[]>;
}

export interface ExportedResources {
  resources: Record<string, CfnResource>;
  placeholders: Placeholder[];
  /** What was read but cannot be declared for the simulator, as `kind: name (why)`. */
  skipped: string[];
  /** Logical id per load balancer, target group, group and function name (Traffic refers to them). */
  ids: { loadBalancers: Map<string, string>; targetGroups: Map<string, string>; groups: Map<string, string>; functions: Map<string, string>; databases: Map<string, string> };
}

const ref = (id: string) => ({ Ref: id });
const getAtt = (id: string, attribute: string) => ({ 'Fn::GetAtt': [id, attribute] });

/** Drops undefined values, so the file holds only what AWS returned. */
function defined(object: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}

export function exportResources(facts: AccountFacts): ExportedResources {
  const inv = facts.inventory;
  const ids = new LogicalIds();
  const resources: Record<string, CfnResource> = {};
  const placeholders: Placeholder[] = [];
  const skipped: string[] = [];
  const out: ExportedResources['ids'] = { loadBalancers: new Map(), targetGroups: new Map(), groups: new Map(), functions: new Map(), databases: new Map() };
  const add = (id: string, Type: string, properties: Record<string, unknown>) => (resources[id] = { Type, Properties: defined(properties) });

  // Ids first, so references resolve whatever the order of declaration.
  for (const fn of inv.lambdaFunctions) out.functions.set(fn.functionName, ids.id('Function', fn.functionName, fn.functionArn));
  for (const lb of inv.loadBalancers) out.loadBalancers.set(lb.loadBalancerName, ids.id('Alb', lb.loadBalancerName, lb.loadBalancerArn));
  for (const tg of inv.targetGroups) out.targetGroups.set(tg.targetGroupName, ids.id('TargetGroup', tg.targetGroupName, tg.targetGroupArn));
  for (const group of inv.autoScalingGroups) out.groups.set(group.autoScalingGroupName, ids.id('Group', group.autoScalingGroupName, `asg|${group.autoScalingGroupName}`));
  for (const db of inv.dbInstances) out.databases.set(db.dbInstanceIdentifier, ids.id('Db', db.dbInstanceIdentifier, `db|${db.dbInstanceIdentifier}`));
  const tgId = (arn: string) => ids.get(arn);
  const fnByArn = new Map(inv.lambdaFunctions.map((fn) => [fn.functionArn, fn.functionName]));

  for (const fn of inv.lambdaFunctions) {
    const id = out.functions.get(fn.functionName)!;
    const names = [...(facts.environmentNames?.[fn.functionName] ?? [])].sort();
    for (const name of names) placeholders.push({ resource: id, path: `Environment.Variables.${name}` });
    add(id, 'AWS::Lambda::Function', {
      FunctionName: fn.functionName,
      Runtime: fn.runtime,
      Handler: fn.handler,
      MemorySize: fn.memorySize,
      Timeout: fn.timeout,
      Architectures: fn.architectures && fn.architectures.length === 1 ? [...fn.architectures] : undefined,
      ReservedConcurrentExecutions: fn.reservedConcurrentExecutions,
      Environment: names.length > 0 ? { Variables: Object.fromEntries(names.map((name) => [name, PLACEHOLDER])) } : undefined,
    });
  }

  for (const lb of inv.loadBalancers) exportLoadBalancer(lb, out.loadBalancers.get(lb.loadBalancerName)!, ids, tgId, add, skipped);
  for (const tg of inv.targetGroups) exportTargetGroup(tg, out.targetGroups.get(tg.targetGroupName)!, fnByArn, out.functions, add);

  const policyIds = new Map<string, string>();
  const templates = new Map<string, string>();
  for (const group of inv.autoScalingGroups) {
    const id = out.groups.get(group.autoScalingGroupName)!;
    let template: string | undefined;
    if (group.instanceType) {
      const key = `${group.launchTemplateName ?? group.autoScalingGroupName}|${group.instanceType}|${group.instanceMonitoring ?? ''}`;
      template = templates.get(key);
      if (!template) {
        template = ids.id('LaunchTemplate', group.launchTemplateName ?? group.autoScalingGroupName, `lt|${key}`);
        templates.set(key, template);
        add(template, 'AWS::EC2::LaunchTemplate', {
          LaunchTemplateName: group.launchTemplateName,
          LaunchTemplateData: defined({ InstanceType: group.instanceType, Monitoring: group.instanceMonitoring ? { Enabled: group.instanceMonitoring === 'detailed' } : undefined }),
        });
      }
    } else skipped.push(`launch template of ${group.autoScalingGroupName} (its instance type was not read)`);
    add(id, 'AWS::AutoScaling::AutoScalingGroup', {
      AutoScalingGroupName: group.autoScalingGroupName,
      MinSize: group.minSize,
      MaxSize: group.maxSize,
      DesiredCapacity: group.desiredCapacity,
      Cooldown: group.defaultCooldown,
      DefaultInstanceWarmup: group.defaultInstanceWarmup,
      AvailabilityZones: [...group.availabilityZones].sort(),
      HealthCheckType: group.healthCheckType,
      HealthCheckGracePeriod: group.healthCheckGracePeriod,
      TargetGroupARNs: group.targetGroupARNs.length > 0 ? group.targetGroupARNs.map((arn) => (tgId(arn) ? ref(tgId(arn)!) : arn)) : undefined,
      LaunchTemplate: template ? { LaunchTemplateId: ref(template), Version: getAtt(template, 'LatestVersionNumber') } : undefined,
      // Absent (the simulator's inventory): every group metric is published; empty (AWS): collection is off.
      MetricsCollection: group.enabledMetrics === undefined ? [{ Granularity: '1Minute' }] : group.enabledMetrics.length > 0 ? [{ Granularity: '1Minute', Metrics: [...group.enabledMetrics].sort() }] : undefined,
    });
    for (const policy of group.policies) {
      const policyId = ids.id('Policy', `${group.autoScalingGroupName}-${policy.policyName}`);
      const properties = exportPolicy(policy, id, group, inv, ids, out.loadBalancers);
      if (!properties) {
        skipped.push(`scaling policy ${policy.policyName} of ${group.autoScalingGroupName} (${policy.policyType}${policy.predefinedMetricType ? ` on ${policy.predefinedMetricType}` : ''} is not simulated)`);
        continue;
      }
      if (policy.policyARN) policyIds.set(policy.policyARN, policyId);
      policyIds.set(`${group.autoScalingGroupName}|${policy.policyName}`, policyId);
      add(policyId, 'AWS::AutoScaling::ScalingPolicy', properties);
    }
    // AWS::AutoScaling::ScheduledAction has no name property (CloudFormation generates one): ids
    // are numbered in an order of their content, so a twin's own export names them alike.
    const content = (a: (typeof group.scheduledActions)[number]) => JSON.stringify([a.recurrence ?? '', a.startTime ?? '', a.endTime ?? '', a.minSize ?? -1, a.maxSize ?? -1, a.desiredCapacity ?? -1]);
    const schedules = [...group.scheduledActions].sort((a, b) => content(a).localeCompare(content(b)));
    for (const [n, action] of schedules.entries()) {
      add(ids.id('Schedule', `${group.autoScalingGroupName}-${n + 1}`), 'AWS::AutoScaling::ScheduledAction', {
        AutoScalingGroupName: ref(id),
        Recurrence: action.recurrence,
        // A one-off action in the past has run; a recurring one keeps its StartTime only when it is later.
        StartTime: action.recurrence ? undefined : action.startTime,
        EndTime: action.endTime,
        TimeZone: action.timeZone,
        MinSize: action.minSize,
        MaxSize: action.maxSize,
        DesiredCapacity: action.desiredCapacity,
      });
    }
  }

  for (const alarm of inv.alarms) {
    // Target tracking creates and owns its alarms (as-scaling-target-tracking): the policy brings them.
    if (alarm.alarmName.startsWith('TargetTracking-')) continue;
    const properties = exportAlarm(alarm, policyIds, out);
    if (!properties) {
      skipped.push(`alarm ${alarm.alarmName} (a metric-math alarm: its queries are not read)`);
      continue;
    }
    add(ids.id('Alarm', alarm.alarmName), 'AWS::CloudWatch::Alarm', properties);
  }

  exportRoute53(inv, ids, out.loadBalancers, add);

  for (const db of inv.dbInstances) {
    const id = out.databases.get(db.dbInstanceIdentifier)!;
    const source = db.readReplicaSourceDBInstanceIdentifier;
    const sourceId = source ? out.databases.get(source.replace(/^arn:.*:db:/, '')) : undefined;
    if (!source) placeholders.push({ resource: id, path: 'MasterUserPassword' });
    add(id, 'AWS::RDS::DBInstance', {
      DBInstanceIdentifier: db.dbInstanceIdentifier,
      DBInstanceClass: db.dbInstanceClass,
      Engine: db.engine,
      EngineVersion: db.engineVersion,
      MultiAZ: db.multiAZ,
      AllocatedStorage: db.allocatedStorage,
      BackupRetentionPeriod: db.backupRetentionPeriod,
      PreferredBackupWindow: db.preferredBackupWindow,
      SourceDBInstanceIdentifier: source ? (sourceId ? ref(sourceId) : source) : undefined,
      // CloudFormation requires a master password for a primary; the real one is never readable, and
      // none is exported: the loader ignores it (the simulator runs no database engine).
      MasterUserPassword: source ? undefined : PLACEHOLDER,
    });
  }
  return { resources, placeholders, skipped, ids: out };
}

type Add = (id: string, type: string, properties: Record<string, unknown>) => void;

function exportAction(action: RuleAction, tgId: (arn: string) => string | undefined): Record<string, unknown> | undefined {
  const target = (arn: string) => (tgId(arn) ? ref(tgId(arn)!) : arn);
  switch (action.type) {
    case 'forward': {
      const groups = action.targetGroups ?? [];
      if (groups.length === 1) return defined({ Type: 'forward', Order: action.order, TargetGroupArn: target(groups[0]!.targetGroupArn) });
      return defined({ Type: 'forward', Order: action.order, ForwardConfig: { TargetGroups: groups.map((g) => ({ TargetGroupArn: target(g.targetGroupArn), Weight: g.weight })) } });
    }
    case 'fixed-response':
      return defined({ Type: 'fixed-response', Order: action.order, FixedResponseConfig: { StatusCode: action.fixedResponseStatusCode ?? '503' } });
    case 'redirect': {
      // discover-load-balancing.ts writes `protocol://host:port/path?query (HTTP_30x)`.
      const match = /^(.*?):\/\/(.*?):(.*?)(\/[^?\s]*)(?:\?(\S*))? \((HTTP_30[12])\)$/.exec(action.redirectUrl ?? '');
      if (!match) return undefined;
      const keep = (value: string | undefined, placeholder: string) => (value === undefined || value === placeholder ? undefined : value);
      return defined({
        Type: 'redirect',
        Order: action.order,
        RedirectConfig: defined({ StatusCode: match[6], Protocol: keep(match[1], '#{protocol}'), Host: keep(match[2], '#{host}'), Port: keep(match[3], '#{port}'), Path: keep(match[4], '/#{path}'), Query: match[5] }),
      });
    }
    default:
      return undefined; // authenticate-* need an identity provider the simulator does not have
  }
}

function exportConditions(rule: ListenerRule): Record<string, unknown>[] {
  return rule.conditions.map((c) => ({ Field: c.field, Values: [...c.values] }));
}

function exportLoadBalancer(lb: LoadBalancer, id: string, ids: LogicalIds, tgId: (arn: string) => string | undefined, add: Add, skipped: string[]): void {
  add(id, 'AWS::ElasticLoadBalancingV2::LoadBalancer', { Name: lb.loadBalancerName, Type: 'application', Scheme: lb.scheme });
  for (const listener of lb.listeners) {
    const listenerId = ids.id('Listener', `${lb.loadBalancerName}-${listener.port}`, listener.listenerArn);
    const defaultRule = listener.rules.find((r) => r.isDefault);
    const actions = (defaultRule?.actions ?? []).map((a) => exportAction(a, tgId)).filter((a) => a !== undefined);
    add(listenerId, 'AWS::ElasticLoadBalancingV2::Listener', { LoadBalancerArn: ref(id), Port: listener.port, Protocol: listener.protocol, DefaultActions: actions });
    for (const rule of listener.rules.filter((r) => !r.isDefault)) {
      const ruleActions = rule.actions.map((a) => exportAction(a, tgId)).filter((a) => a !== undefined);
      if (ruleActions.length === 0) {
        skipped.push(`listener rule ${rule.priority} of ${lb.loadBalancerName}:${listener.port} (its actions are not simulated)`);
        continue;
      }
      add(ids.id('Rule', `${lb.loadBalancerName}-${listener.port}-${rule.priority}`, rule.ruleArn), 'AWS::ElasticLoadBalancingV2::ListenerRule', {
        ListenerArn: ref(listenerId),
        Priority: Number(rule.priority),
        Conditions: exportConditions(rule),
        Actions: ruleActions,
      });
    }
  }
}

function exportTargetGroup(tg: TargetGroup, id: string, fnByArn: Map<string, string>, functionIds: Map<string, string>, add: Add): void {
  const hc = tg.healthCheck;
  const attributes = [
    tg.deregistrationDelaySeconds !== undefined ? { Key: 'deregistration_delay.timeout_seconds', Value: String(tg.deregistrationDelaySeconds) } : undefined,
    tg.slowStartSeconds !== undefined ? { Key: 'slow_start.duration_seconds', Value: String(tg.slowStartSeconds) } : undefined,
  ].filter((a) => a !== undefined);
  // Instance targets come from the Auto Scaling group that registers them; Lambda and IP targets are declared.
  const targets =
    tg.targetType === 'lambda'
      ? tg.targets.map((t) => ({ Id: fnByArn.has(t.targetId) ? getAtt(functionIds.get(fnByArn.get(t.targetId)!)!, 'Arn') : t.targetId }))
      : tg.targetType === 'ip'
        ? tg.targets.map((t) => defined({ Id: t.targetId, Port: t.port, AvailabilityZone: t.availabilityZone }))
        : [];
  add(id, 'AWS::ElasticLoadBalancingV2::TargetGroup', {
    Name: tg.targetGroupName,
    TargetType: tg.targetType,
    Protocol: tg.targetType === 'lambda' ? undefined : tg.protocol,
    Port: tg.targetType === 'lambda' ? undefined : tg.port,
    HealthCheckPath: hc?.path ?? tg.healthCheckPath,
    HealthCheckIntervalSeconds: hc?.intervalSeconds,
    HealthCheckTimeoutSeconds: hc?.timeoutSeconds,
    HealthyThresholdCount: hc?.healthyThresholdCount,
    UnhealthyThresholdCount: hc?.unhealthyThresholdCount,
    Matcher: hc?.matcher ? { HttpCode: hc.matcher } : undefined,
    TargetGroupAttributes: attributes.length > 0 ? attributes : undefined,
    Targets: targets.length > 0 ? targets : undefined,
  });
}

function exportPolicy(policy: ScalingPolicySummary, groupId: string, group: AutoScalingGroup, inv: Inventory, ids: LogicalIds, lbIds: Map<string, string>): Record<string, unknown> | undefined {
  const common = { AutoScalingGroupName: ref(groupId), PolicyName: policy.policyName, PolicyType: policy.policyType };
  switch (policy.policyType) {
    case 'TargetTrackingScaling': {
      if (policy.targetValue === undefined) return undefined;
      let spec: Record<string, unknown>;
      if (policy.predefinedMetricType === 'ASGAverageCPUUtilization') spec = { PredefinedMetricType: 'ASGAverageCPUUtilization' };
      else if (policy.predefinedMetricType === 'ALBRequestCountPerTarget') {
        // The ResourceLabel is not in the summary: the group's one target group behind one load balancer names it.
        const tg = group.targetGroupARNs.length === 1 ? inv.targetGroups.find((t) => t.targetGroupArn === group.targetGroupARNs[0]) : undefined;
        const lb = tg && tg.loadBalancerArns.length === 1 ? inv.loadBalancers.find((l) => l.loadBalancerArn === tg.loadBalancerArns[0]) : undefined;
        const tgLogical = tg ? ids.get(tg.targetGroupArn) : undefined;
        const lbLogical = lb ? lbIds.get(lb.loadBalancerName) : undefined;
        if (!tgLogical || !lbLogical) return undefined;
        spec = { PredefinedMetricType: 'ALBRequestCountPerTarget', ResourceLabel: { 'Fn::Join': ['/', [getAtt(lbLogical, 'LoadBalancerFullName'), getAtt(tgLogical, 'TargetGroupFullName')]] } };
      } else return undefined;
      return defined({
        ...common,
        EstimatedInstanceWarmup: policy.estimatedInstanceWarmup,
        TargetTrackingConfiguration: defined({ TargetValue: policy.targetValue, DisableScaleIn: policy.disableScaleIn, PredefinedMetricSpecification: spec }),
      });
    }
    case 'StepScaling':
      return defined({
        ...common,
        AdjustmentType: policy.adjustmentType,
        MinAdjustmentMagnitude: policy.minAdjustmentMagnitude,
        EstimatedInstanceWarmup: policy.estimatedInstanceWarmup,
        StepAdjustments: (policy.stepAdjustments ?? []).map((s) => defined({ MetricIntervalLowerBound: s.metricIntervalLowerBound, MetricIntervalUpperBound: s.metricIntervalUpperBound, ScalingAdjustment: s.scalingAdjustment })),
      });
    case 'SimpleScaling':
      return defined({ ...common, AdjustmentType: policy.adjustmentType, ScalingAdjustment: policy.scalingAdjustment, MinAdjustmentMagnitude: policy.minAdjustmentMagnitude, Cooldown: policy.cooldown });
    default:
      return undefined; // predictive scaling is not simulated
  }
}

/** Dimension values that are real ids (`app/web/50dc6c495c0c9188`) become the exported resource's own. */
function exportDimensions(dimensions: Record<string, string>, ids: ExportedResources['ids']): { Name: string; Value: unknown }[] {
  return Object.entries(dimensions)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([Name, value]) => {
      const lb = Name === 'LoadBalancer' ? /^app\/([^/]+)\//.exec(value)?.[1] : undefined;
      const tg = Name === 'TargetGroup' ? /^targetgroup\/([^/]+)\//.exec(value)?.[1] : undefined;
      const lbId = lb ? ids.loadBalancers.get(lb) : undefined;
      const tgIdFound = tg ? ids.targetGroups.get(tg) : undefined;
      if (lbId) return { Name, Value: getAtt(lbId, 'LoadBalancerFullName') };
      if (tgIdFound) return { Name, Value: getAtt(tgIdFound, 'TargetGroupFullName') };
      return { Name, Value: value };
    });
}

function exportAlarm(alarm: MetricAlarm, policyIds: Map<string, string>, ids: ExportedResources['ids']): Record<string, unknown> | undefined {
  if (!alarm.namespace || !alarm.metricName) return undefined;
  const percentile = alarm.statistic !== undefined && /^p\d/.test(alarm.statistic);
  // Actions on scaling policies carry over; SNS topics and other actions are not simulated.
  const actions = alarm.alarmActions.map((arn) => policyIds.get(arn)).filter((id) => id !== undefined).map((id) => ref(id));
  return defined({
    AlarmName: alarm.alarmName,
    AlarmDescription: alarm.alarmDescription,
    Namespace: alarm.namespace,
    MetricName: alarm.metricName,
    Dimensions: exportDimensions(alarm.dimensions, ids),
    Statistic: percentile ? undefined : alarm.statistic,
    ExtendedStatistic: percentile ? alarm.statistic : undefined,
    Period: alarm.period,
    EvaluationPeriods: alarm.evaluationPeriods,
    DatapointsToAlarm: alarm.datapointsToAlarm,
    Threshold: alarm.threshold,
    ComparisonOperator: alarm.comparisonOperator,
    TreatMissingData: alarm.treatMissingData,
    AlarmActions: actions.length > 0 ? actions : undefined,
  });
}

function exportRoute53(inv: Inventory, ids: LogicalIds, lbIds: Map<string, string>, add: Add): void {
  const zoneIds = new Map<string, string>();
  for (const zone of inv.hostedZones) {
    const id = ids.id('Zone', zone.name.replace(/\.$/, ''), `zone|${zone.id}`);
    zoneIds.set(zone.id, id);
    // A private zone's VPC is not exported (VPCs are not simulated); a stand-in keeps it private.
    add(id, 'AWS::Route53::HostedZone', { Name: zone.name, VPCs: zone.privateZone ? [{ VPCId: 'vpc-twin', VPCRegion: 'us-east-1' }] : undefined });
  }
  const lbByDns = new Map(inv.loadBalancers.map((lb) => [lb.dnsName.toLowerCase().replace(/\.$/, ''), lbIds.get(lb.loadBalancerName)!]));
  const checkIds = new Map<string, string>();
  for (const check of inv.healthChecks) {
    // A check on a load balancer's DNS name probes the twin's load balancer of the same name.
    const probed = check.fullyQualifiedDomainName ? lbByDns.get(check.fullyQualifiedDomainName.toLowerCase().replace(/^dualstack\./, '').replace(/\.$/, '')) : undefined;
    const id = ids.id('HealthCheck', probed ?? check.fullyQualifiedDomainName ?? check.ipAddress ?? check.id, `hc|${check.id}`);
    checkIds.set(check.id, id);
    add(id, 'AWS::Route53::HealthCheck', {
      HealthCheckConfig: defined({
        Type: check.type,
        IPAddress: check.ipAddress,
        FullyQualifiedDomainName: probed ? getAtt(probed, 'DNSName') : check.fullyQualifiedDomainName,
        Port: check.port,
        ResourcePath: check.resourcePath,
        RequestInterval: check.requestInterval,
        FailureThreshold: check.failureThreshold,
      }),
    });
  }
  for (const record of inv.recordSets) {
    const zone = inv.hostedZones.find((z) => z.id === record.hostedZoneId);
    const zoneId = zoneIds.get(record.hostedZoneId);
    if (!zone || !zoneId) continue;
    // The zone's own NS and SOA are created with it (Route 53 and the simulator alike).
    if ((record.type === 'NS' || record.type === 'SOA') && record.name.toLowerCase() === zone.name.toLowerCase()) continue;
    const alias = record.aliasTarget;
    const aliasLb = alias ? lbByDns.get(alias.dnsName.toLowerCase().replace(/^dualstack\./, '').replace(/\.$/, '')) : undefined;
    add(ids.id('Record', `${record.name.replace(/\.$/, '')}-${record.type}-${record.setIdentifier ?? ''}`), 'AWS::Route53::RecordSet', {
      HostedZoneId: ref(zoneId),
      Name: record.name,
      Type: record.type,
      TTL: alias ? undefined : record.ttl,
      ResourceRecords: alias ? undefined : [...record.resourceRecords],
      SetIdentifier: record.setIdentifier,
      Weight: record.weight,
      Region: record.region,
      GeoLocation: record.geoLocation ? defined({ ContinentCode: record.geoLocation.continentCode, CountryCode: record.geoLocation.countryCode, SubdivisionCode: record.geoLocation.subdivisionCode }) : undefined,
      Failover: record.failover,
      MultiValueAnswer: record.multiValueAnswer || undefined,
      HealthCheckId: record.healthCheckId ? (checkIds.has(record.healthCheckId) ? ref(checkIds.get(record.healthCheckId)!) : record.healthCheckId) : undefined,
      AliasTarget: alias
        ? aliasLb
          ? { HostedZoneId: getAtt(aliasLb, 'CanonicalHostedZoneID'), DNSName: getAtt(aliasLb, 'DNSName'), EvaluateTargetHealth: alias.evaluateTargetHealth }
          : { HostedZoneId: alias.hostedZoneId === record.hostedZoneId ? ref(zoneId) : alias.hostedZoneId, DNSName: alias.dnsName, EvaluateTargetHealth: alias.evaluateTargetHealth }
        : undefined,
    });
  }
}
