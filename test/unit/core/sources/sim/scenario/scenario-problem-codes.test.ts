/**
 * Issue 9 item 2: the common scenario diagnostics carry a code and parameters (the window translates
 * them, i18n `scenarioProblems.<code>`), while their English message, which the CLI prints, is unchanged.
 */
import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import { ScenarioError, type Diagnostic } from '@main/core/sources/sim/scenario/diagnostics';
import { loadScenario } from '@main/core/sources/sim/scenario/load-scenario';

/**
 * The window's messages, to check them against the CLI's English. Loaded by path at run time: this
 * test is type-checked with core (tsconfig.node.json), whose project does not hold the renderer.
 */
async function window(locale: 'en' | 'ko') {
  const file = `${process.cwd()}/src-renderer/src/i18n/${locale}.ts`;
  const { default: tree } = (await import(/* @vite-ignore */ file)) as { default: never };
  const { global } = createI18n({ legacy: false, locale });
  global.setLocaleMessage(locale, tree);
  return global;
}
const windows = { en: await window('en'), ko: await window('ko') };

/**
 * The one diagnostic with this code: its params as given, its English (the CLI's) as given, and the
 * window's English from the code equal to the CLI's (typographic apostrophes aside); Korean has its own text.
 */
function coded(found: Diagnostic[], code: string, params: Record<string, unknown>, message: string | RegExp): Diagnostic {
  const matching = found.filter((d) => d.code === code);
  expect(matching, `${code} in ${JSON.stringify(found.map((d) => d.message))}`).toHaveLength(1);
  const diagnostic = matching[0]!;
  expect(diagnostic.params ?? {}).toEqual(params);
  if (typeof message === 'string') expect(diagnostic.message).toBe(message);
  else expect(diagnostic.message).toMatch(message);
  const key = `scenarioProblems.${code}`;
  expect(windows.en.t(key, diagnostic.params ?? {}).replace(/’/g, "'")).toBe(diagnostic.message);
  expect(windows.ko.t(key, diagnostic.params ?? {})).not.toBe(diagnostic.message);
  return diagnostic;
}

function diagnostics(text: string, template?: string): Diagnostic[] {
  try {
    return loadScenario(text, { file: 's.yaml', ...(template !== undefined ? { template: { file: 't.yaml', text: template } } : {}) }).warnings;
  } catch (error) {
    if (error instanceof ScenarioError) return error.diagnostics;
    throw error;
  }
}

describe('scenario diagnostics with codes', () => {
  it('warnings: Imports without a template, a Classic Load Balancer, an action with a Duration', () => {
    const found = diagnostics(`Imports: { Exports: {} }
Resources:
  Old:
    Type: AWS::ElasticLoadBalancing::LoadBalancer
Actions:
  - At: 1m
    Type: SetDesiredCapacity
    Duration: 5m
    AutoScalingGroupName: x
    DesiredCapacity: 1
`);
    expect(found).toContainEqual(expect.objectContaining({ code: 'imports.withoutTemplate', message: 'Imports stands in for other stacks beside a --template; without one it is ignored', path: 'Imports' }));
    expect(found).toContainEqual(expect.objectContaining({ code: 'resource.classicLoadBalancer', params: { logicalId: 'Old' }, message: expect.stringMatching(/^Classic Load Balancer Old \(AWS::ElasticLoadBalancing::LoadBalancer\) is not simulated/) }));
    expect(found).toContainEqual(expect.objectContaining({ code: 'action.durationIgnored', message: 'actions have no Duration; ignored', path: 'Actions[0].Duration', line: 8 }));
  });

  it('errors: a resource without Type, a Traffic target nothing answers to, an unknown fault type', () => {
    const found = diagnostics(`Resources:
  NoType: { Properties: {} }
Traffic:
  - Name: p
    Target: nowhere.example.com
    Rate: 1
Faults:
  - At: 1m
    Type: Explode
`);
    expect(found).toContainEqual(expect.objectContaining({ code: 'resource.typeMissing', message: 'each resource needs a Type such as AWS::AutoScaling::AutoScalingGroup' }));
    expect(found).toContainEqual(expect.objectContaining({ code: 'traffic.unknownTarget', params: { target: 'nowhere.example.com', known: 'none' }, message: expect.stringMatching(/^nothing in this scenario answers to "nowhere\.example\.com" \(known: none\)/) }));
    expect(found).toContainEqual(expect.objectContaining({ code: 'fault.unknownType', params: { type: '"Explode"', known: expect.stringContaining('TerminateInstances') }, message: expect.stringMatching(/^unknown fault type "Explode" \(known: TerminateInstances/) }));
  });

  it('a repeated YAML key', () => {
    // CloudFormation uses the last value (yaml-hostile.test.ts): a warning, not an error.
    expect(diagnostics('a: 1\na: 2\n')).toContainEqual({ severity: 'warning', code: 'yaml.duplicateKey', params: { key: 'a' }, message: 'the key "a" is repeated in one mapping; the last value is used, as CloudFormation does', path: '', line: 2, column: 1 });
  });

  it('a misspelt key is one error (issue 14 item 7: one cause, one error), not an unknown key plus a missing field', () => {
    const found = diagnostics(`Resources:
  Zone:
    Type: AWS::Route53::HostedZone
    Properties: { Name: example.com }
Traffic:
  - Name: users
    Target: www.example.com
    RequestsPerSecond: 10
`).filter((d) => d.severity === 'error');
    expect(found).toEqual([
      expect.objectContaining({
        code: 'value.unknownKeysMeantRequired',
        params: { field: 'Traffic[0]', keys: 'RequestsPerSecond', count: 1, required: 'Rate' },
        path: 'Traffic[0]',
        message: 'unknown key "RequestsPerSecond", and Rate is required: a misspelling?',
      }),
    ]);
  });

  /** The reason an output is not shown, as the diagnostic it wraps (output.unavailable carries its code and `reason.` params). */
  function reasons(found: Diagnostic[]): Diagnostic[] {
    return found.flatMap((d) => {
      if (d.code !== 'output.unavailable' || typeof d.params?.reasonCode !== 'string') return [];
      const params = Object.fromEntries(Object.entries(d.params).flatMap(([name, value]) => (name.startsWith('reason.') ? [[name.slice(7), value]] : [])));
      return [{ ...d, code: d.params.reasonCode as Diagnostic['code'], params, message: String(d.params.reason) }];
    });
  }

  it('an intrinsic function’s argument: its function, the form it expects or what is wrong with it', () => {
    const all = diagnostics(`Mappings:
  M: { a: { b: x } }
Conditions:
  Few: { 'Fn::And': [ true ] }
Resources:
  Zone:
    Type: AWS::Route53::HostedZone
    Properties: { Name: example.com }
Outputs:
  A: { Value: !Join [ "," ] }
  B: { Value: !Select [ 3, [ a, b ] ] }
  C: { Value: !FindInMap [ M, a, c ] }
  D: { Value: !Ref Nowhere }
  E: { Value: !Cidr [ 10.0.0.0/24, 9, 6 ] }
  F: { Value: !Cidr [ 10.0.0.0, 1, 6 ] }
  G: { Value: !GetAtt [ Zone ] }
  H: { Value: !Sub [ 1 ] }
  I: { Value: { 'Fn::Length': 3 } }
  J: { Value: !Base64 [ x ] }
  K: { Value: !FindInMap [ M, a, b, { Other: 1 } ] }
  L: { Value: !Cidr [ 10.0.0.0/24, 0, 6 ] }
  N: { Value: !Cidr [ 10.0.0.0/24, 1, 9 ] }
  O: { Value: !Cidr [ 300.0.0.0/24, 1, 6 ] }
  P: { Value: { 'Fn::ToJsonString': 1 } }
  Q: { Value: !ImportValue [ x ] }
  R: { Condition: Few, Value: x }
`);
    // An output whose value cannot be worked out is a warning naming the output; its reason is the intrinsic's problem.
    const wrapped = coded(all.filter((d) => d.path === 'Outputs.A.Value'), 'output.unavailable', { output: 'A', reason: 'Fn::Join: expects [delimiter, [values]]', reasonCode: 'intrinsic.expects', 'reason.function': 'Fn::Join', 'reason.form': '[delimiter, [values]]' }, 'output A is not shown: Fn::Join: expects [delimiter, [values]]');
    expect(wrapped.severity).toBe('warning');
    // The window words the reason from its code too (test/renderer/views/simulator/scenario-problems.test.ts).
    expect(windows.ko.t('scenarioProblems.intrinsic.expects', { function: 'Fn::Join', form: '[delimiter, [values]]' })).toBe('Fn::Join: 인수는 [delimiter, [values]] 형식이어야 합니다');
    const found = reasons(all);
    coded(found, 'intrinsic.expects', { function: 'Fn::Join', form: '[delimiter, [values]]' }, 'Fn::Join: expects [delimiter, [values]]');
    coded(found, 'intrinsic.selectIndexOutOfRange', { function: 'Fn::Select', index: '3', length: 2 }, 'Fn::Select: index 3 is outside the list of 2');
    coded(found, 'intrinsic.findInMapNoEntry', { function: 'Fn::FindInMap', entry: 'M.a.c' }, 'Fn::FindInMap: no entry M.a.c in Mappings');
    coded(found, 'intrinsic.findInMapDefaultForm', { function: 'Fn::FindInMap' }, 'Fn::FindInMap: the fourth element must be {DefaultValue: value}');
    coded(found, 'intrinsic.refUnknown', { function: 'Ref', name: 'Nowhere' }, 'Ref: "Nowhere" is not a resource, parameter or pseudo parameter in this file');
    coded(found, 'intrinsic.cidrTooManyBlocks', { function: 'Fn::Cidr', prefix: 24, holds: 4, newPrefix: 26, count: 9 }, 'Fn::Cidr: a /24 block holds only 4 blocks of /26, not 9');
    coded(found, 'intrinsic.cidrBlockForm', { function: 'Fn::Cidr', got: '"10.0.0.0"' }, 'Fn::Cidr: ipBlock must be an IPv4 CIDR block such as 10.0.0.0/16 (got "10.0.0.0")');
    coded(found, 'intrinsic.cidrCountOutOfRange', { function: 'Fn::Cidr', got: '0' }, 'Fn::Cidr: count must be 1 to 256 (got 0)');
    coded(found, 'intrinsic.cidrBitsDoNotFit', { function: 'Fn::Cidr', bits: '9', prefix: 24 }, 'Fn::Cidr: cidrBits 9 does not fit in a /24 block');
    coded(found, 'intrinsic.cidrBlockInvalid', { function: 'Fn::Cidr', block: '300.0.0.0/24' }, 'Fn::Cidr: ipBlock 300.0.0.0/24 is not a valid IPv4 CIDR block');
    coded(found, 'intrinsic.getAttForm', { function: 'Fn::GetAtt' }, 'Fn::GetAtt: expects [LogicalId, Attribute] or LogicalId.Attribute');
    coded(found, 'intrinsic.subForm', { function: 'Fn::Sub' }, 'Fn::Sub: expects a string or [string, {variables}]');
    coded(found, 'intrinsic.expectsList', { function: 'Fn::Length' }, 'Fn::Length: expects a list');
    coded(found, 'intrinsic.expectsString', { function: 'Fn::Base64' }, 'Fn::Base64: expects a string');
    coded(found, 'intrinsic.expectsObjectOrList', { function: 'Fn::ToJsonString' }, 'Fn::ToJsonString: expects an object or a list');
    coded(found, 'intrinsic.importValueNotAName', { function: 'Fn::ImportValue' }, 'Fn::ImportValue: expects the name of an export');
    coded(all, 'intrinsic.conditionCount', { function: 'Fn::And' }, 'Fn::And: expects a list of 2 to 10 conditions');
    expect(found).toHaveLength(16);
  });

  it('Auto Scaling property checks: sizes, policies, scheduled actions', () => {
    const found = diagnostics(`Resources:
  Web:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties: { MinSize: 3, MaxSize: 2, DesiredCapacity: 5, LaunchTemplate: { LaunchTemplateName: lt } }
  Up:
    Type: AWS::AutoScaling::ScalingPolicy
    Properties: { AutoScalingGroupName: !Ref Web, PolicyType: StepScaling, MinAdjustmentMagnitude: 1, AdjustmentType: ChangeInCapacity }
  Track:
    Type: AWS::AutoScaling::ScalingPolicy
    Properties: { AutoScalingGroupName: !Ref Web, PolicyType: TargetTrackingScaling }
  Nightly:
    Type: AWS::AutoScaling::ScheduledAction
    Properties: { AutoScalingGroupName: !Ref Web, TimeZone: Mars/Olympus, EndTime: soon }
`);
    coded(found, 'autoScaling.minAboveMax', { min: 3, max: 2 }, 'MinSize 3 is greater than MaxSize 2');
    coded(found, 'autoScaling.desiredOutsideSizes', { desired: 5, min: 3, max: 2 }, 'DesiredCapacity 5 is outside [MinSize 3, MaxSize 2]');
    coded(found, 'autoScaling.zonesMissing', {}, 'give AvailabilityZones (e.g. !GetAZs "") or VPCZoneIdentifier');
    const needs = found.filter((d) => d.code === 'autoScaling.policyNeeds');
    expect(needs.map((d) => [d.params, d.message])).toEqual([
      [{ policyType: 'StepScaling', property: 'StepAdjustments' }, 'a StepScaling policy needs StepAdjustments'],
      [{ policyType: 'TargetTrackingScaling', property: 'TargetTrackingConfiguration' }, 'a TargetTrackingScaling policy needs TargetTrackingConfiguration'],
    ]);
    coded(found, 'autoScaling.minAdjustmentMagnitudeWithoutPercent', {}, 'MinAdjustmentMagnitude applies only with AdjustmentType PercentChangeInCapacity');
    coded(found, 'autoScaling.scheduledActionSetsNothing', {}, 'a scheduled action sets at least one of DesiredCapacity, MinSize, MaxSize');
    coded(found, 'autoScaling.scheduledActionWithoutTime', {}, 'give Recurrence (cron) or StartTime (a one-off run)');
    coded(found, 'autoScaling.timeZoneInvalid', { timeZone: 'Mars/Olympus' }, 'TimeZone "Mars/Olympus" is not an IANA time zone such as Europe/Berlin');
    coded(found, 'autoScaling.timeInvalid', { property: 'EndTime' }, 'EndTime must be an ISO date-time such as 2026-11-20T15:00:00Z');
    expect(windows.ko.t('scenarioProblems.autoScaling.minAboveMax', { min: 3, max: 2 })).toBe('MinSize 3이(가) MaxSize 2보다 큽니다');
  });

  it('RDS property and replication checks', () => {
    const found = diagnostics(`Resources:
  Primary:
    Type: AWS::RDS::DBInstance
    Properties: { DBInstanceIdentifier: primary, Engine: mysql, DBInstanceClass: large, MultiAZ: true, AvailabilityZone: eu-west-1a, StorageType: io1, AllocatedStorage: 50, Port: 80 }
  Copy:
    Type: AWS::RDS::DBInstance
    Properties: { DBInstanceIdentifier: copy, SourceDBInstanceIdentifier: nowhere }
  Odd:
    Type: AWS::RDS::DBInstance
    Properties: { DBInstanceIdentifier: odd, Engine: oracle-xyz, DBInstanceClass: db.t3.micro, StorageType: gp2, Iops: 1000 }
  Self:
    Type: AWS::RDS::DBInstance
    Properties: { DBInstanceIdentifier: self, SourceDBInstanceIdentifier: self }
  Cluster:
    Type: AWS::RDS::DBInstance
    Properties: { DBInstanceIdentifier: member, Engine: aurora-mysql, DBInstanceClass: db.r6g.large }
`);
    coded(found, 'rds.instanceClassInvalid', { instanceClass: 'large' }, 'DBInstanceClass "large" is not a DB instance class such as db.r6g.large');
    coded(found, 'rds.availabilityZoneWithMultiAz', {}, 'AvailabilityZone cannot be set on a Multi-AZ DB instance (RDS chooses the primary and standby zones)');
    coded(found, 'rds.iopsMissing', { storageType: 'io1' }, 'StorageType io1 needs Iops');
    coded(found, 'rds.allocatedStorageOutOfRange', { value: 50, min: 100, max: 65_536, storageType: 'io1' }, 'AllocatedStorage 50 GiB is outside 100–65536 GiB for io1 storage');
    coded(found, 'property.between', { property: 'Port', value: 80, min: 1150, max: 65_535 }, 'Port 80 must be between 1150 and 65535');
    coded(found, 'rds.engineUnknown', { engine: 'oracle-xyz', known: expect.stringContaining('mysql') }, /^Engine "oracle-xyz" is not an RDS DB instance engine \(known: .*mysql/);
    coded(found, 'rds.iopsNotAllowed', { storageType: 'gp2' }, 'Iops cannot be set for StorageType gp2');
    coded(found, 'rds.sourceNotFound', { source: 'nowhere', known: expect.stringContaining('primary') }, /^SourceDBInstanceIdentifier "nowhere" is not a DB instance in this file/);
    coded(found, 'rds.replicaOfItself', {}, 'a DB instance cannot be its own read replica');
    coded(found, 'rds.auroraNotSimulated', { logicalId: 'Cluster' }, 'Aurora DB instances are not simulated; Cluster is ignored');
    expect(windows.ko.t('scenarioProblems.rds.iopsMissing', { storageType: 'io1' })).toBe('StorageType io1에는 Iops가 필요합니다');
  });

  it('RDS replication chains: circular, cascading, too many', () => {
    const found = diagnostics(`Resources:
  A:
    Type: AWS::RDS::DBInstance
    Properties: { DBInstanceIdentifier: a, SourceDBInstanceIdentifier: b }
  B:
    Type: AWS::RDS::DBInstance
    Properties: { DBInstanceIdentifier: b, SourceDBInstanceIdentifier: a }
  Main:
    Type: AWS::RDS::DBInstance
    Properties: { DBInstanceIdentifier: main, Engine: postgres, EngineVersion: "13.4", DBInstanceClass: db.r6g.large }
  First:
    Type: AWS::RDS::DBInstance
    Properties: { DBInstanceIdentifier: first, SourceDBInstanceIdentifier: main }
  Second:
    Type: AWS::RDS::DBInstance
    Properties: { DBInstanceIdentifier: second, SourceDBInstanceIdentifier: first }
`);
    coded(found.filter((d) => d.path.startsWith('Resources.A.')), 'rds.circularReplication', { chain: 'a → b → a' }, 'circular replication: a → b → a (RDS does not support circular replication)');
    coded(found, 'rds.cascadeNotSupportedBefore', { source: 'first', engine: 'RDS for PostgreSQL', version: '14.1' }, 'first is itself a read replica; RDS for PostgreSQL before version 14.1 does not support a read replica of a read replica');
  });

  it('CloudWatch alarm property checks', () => {
    const found = diagnostics(`Resources:
  Slow:
    Type: AWS::CloudWatch::Alarm
    Properties: { ComparisonOperator: GreaterThanThreshold, EvaluationPeriods: 1440, Period: 90, Namespace: AWS/EC2 }
  Few:
    Type: AWS::CloudWatch::Alarm
    Properties: { ComparisonOperator: GreaterThanThreshold, Threshold: 1, EvaluationPeriods: 2, DatapointsToAlarm: 3, Period: 60, Namespace: AWS/EC2, MetricName: CPUUtilization, Statistic: Average }
  Band:
    Type: AWS::CloudWatch::Alarm
    Properties:
      ComparisonOperator: LessThanLowerOrGreaterThanUpperThreshold
      EvaluationPeriods: 1
      Period: 60
      Metrics: [ { Id: m1 }, { Id: m1, Expression: "m1 * 2" } ]
`);
    coded(found, 'alarm.statisticMissing', {}, 'give Statistic (Average, Sum, …) or ExtendedStatistic (p99)');
    coded(found, 'alarm.propertyMissing', { property: 'MetricName' }, 'an alarm needs MetricName (or Metrics, a list of metric queries)');
    coded(found, 'alarm.thresholdMissing', {}, 'an alarm needs Threshold');
    coded(found, 'alarm.periodInvalid', { period: 90 }, 'Period 90 must be 10, 20, 30 or a multiple of 60');
    coded(found, 'alarm.evaluationTooLong', { seconds: 129_600 }, 'EvaluationPeriods × Period is 129600 s; AWS allows at most 86400 s (one day)');
    coded(found, 'alarm.datapointsOutOfRange', { datapoints: 3, evaluation: 2 }, 'DatapointsToAlarm 3 must be between 1 and EvaluationPeriods 2');
    coded(found, 'alarm.metricsAndSingleMetric', { property: 'Period' }, 'give Period inside Metrics or leave Metrics out; an alarm has one or the other');
    coded(found, 'alarm.queryExpressionOrMetricStat', { id: 'm1' }, 'query m1 needs exactly one of Expression and MetricStat');
    coded(found, 'alarm.queryIdRepeated', { id: 'm1' }, 'two queries have the Id m1');
    coded(found, 'alarm.thresholdMetricIdMissing', { operator: 'LessThanLowerOrGreaterThanUpperThreshold' }, 'LessThanLowerOrGreaterThanUpperThreshold compares with an anomaly detection band: give ThresholdMetricId');
  });

  it('Lambda property checks and a target group’s Matcher', () => {
    const found = diagnostics(`Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties: { FunctionName: f, Runtime: nodejs20.x, Handler: index.handler, Role: arn:aws:iam::123456789012:role/r, Code: { ZipFile: x }, MemorySize: 64, Timeout: 0, ReservedConcurrentExecutions: -1 }
  Async:
    Type: AWS::Lambda::EventInvokeConfig
    Properties: { FunctionName: !Ref Fn, Qualifier: $LATEST, MaximumEventAgeInSeconds: 30, MaximumRetryAttempts: 5 }
  Group:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties: { Port: 80, Protocol: HTTP, Matcher: { HttpCode: "300-200" } }
`);
    coded(found, 'property.betweenMegabytes', { property: 'MemorySize', value: 64, min: 128, max: 10_240 }, 'MemorySize 64 must be between 128 and 10240 MB');
    coded(found, 'property.betweenSeconds', { property: 'Timeout', value: 0, min: 1, max: 900 }, 'Timeout 0 must be between 1 and 900 seconds');
    coded(found, 'property.negative', { property: 'ReservedConcurrentExecutions', value: -1 }, 'ReservedConcurrentExecutions -1 cannot be negative');
    const between = found.filter((d) => d.code === 'property.between').map((d) => d.params);
    expect(between).toEqual([
      { property: 'MaximumEventAgeInSeconds', value: 30, min: 60, max: 21_600 },
      { property: 'MaximumRetryAttempts', value: 5, min: 0, max: 2 },
    ]);
    coded(found, 'targetGroup.matcherRangeEmpty', { matcher: '300-200', from: 300, to: 200 }, 'Matcher HttpCode "300-200": the range 300-200 is empty');
    expect(windows.ko.t('scenarioProblems.property.betweenSeconds', { property: 'Timeout', value: 0, min: 1, max: 900 })).toBe('Timeout 0은(는) 1~900초여야 합니다');
  });

  it('the AWS SAM transform: what it does not simulate, named', () => {
    const found = diagnostics(
      'Traffic: []\n',
      `Transform: [ AWS::Serverless-2016-10-31, AWS::LanguageExtensions ]
Globals:
  Function: { Timeout: 3 }
  Api: { Cors: "*" }
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      InlineCode: x
      Handler: index.handler
      Runtime: nodejs20.x
      AutoPublishAlias: live
      Policies: [ AWSLambdaBasicExecutionRole ]
      Layerz: [ x ]
      Events:
        Rest: { Type: Api, Properties: { Path: /, Method: get } }
        Nightly: { Type: Schedule, Properties: { Schedule: rate(1 day) } }
        Queue: { Type: SQS, Properties: { Queue: arn:aws:sqs:eu-west-1:123456789012:q } }
`,
    );
    coded(found, 'sam.transformNotApplied', { transform: 'AWS::LanguageExtensions', supported: 'AWS::Serverless-2016-10-31' }, 'transform AWS::LanguageExtensions is not applied by the simulator (only AWS::Serverless-2016-10-31 is); the template is loaded as written');
    coded(found, 'sam.globalsIgnored', { section: 'Api' }, 'Globals.Api applies to AWS::Serverless resources the simulator does not model; ignored');
    coded(found, 'sam.aliasNotSimulated', { property: 'AutoPublishAlias', function: 'Fn' }, 'AutoPublishAlias of Fn: the published version and alias are not simulated; Traffic reaches the function itself');
    coded(found, 'sam.propertyIgnored', { property: 'Layerz' }, 'property Layerz of AWS::Serverless::Function is not supported by the simulator and is ignored');
    coded(found, 'sam.restApiEventNotSimulated', { event: 'Rest', type: 'Api', function: 'Fn' }, 'event Rest (Api) of Fn does not invoke it in the simulator: API Gateway REST APIs are not simulated (HttpApi events are); to drive Fn, add Traffic with Target: !Ref Fn');
    coded(found, 'sam.scheduledEventNotSimulated', { event: 'Nightly', type: 'Schedule', function: 'Fn' }, /^event Nightly \(Schedule\) of Fn does not invoke it in the simulator: scheduled and EventBridge/);
    coded(found, 'sam.eventSourceNotSimulated', { event: 'Queue', type: 'SQS', function: 'Fn' }, /^event Queue \(SQS\) of Fn does not invoke it in the simulator: SQS event sources are not simulated/);
    const missing = diagnostics('Traffic: []\n', 'Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties: { InlineCode: x }\n');
    coded(missing, 'sam.transformMissing', { type: 'AWS::Serverless::Function', transform: 'AWS::Serverless-2016-10-31' }, 'AWS::Serverless::Function needs "Transform: AWS::Serverless-2016-10-31" at the top of the template (or give the output of `sam build` / `sam package`)');
  });

  it('a YAML parser warning: an unknown tag names the tag', () => {
    const found = diagnostics('Resources:\n  Zone:\n    Type: AWS::Route53::HostedZone\n    Properties: { Name: !Foo example.com }\n');
    coded(found, 'yaml.unresolvedTag', { tag: '!Foo' }, 'Unresolved tag: !Foo');
    expect(windows.ko.t('scenarioProblems.yaml.unresolvedTag', { tag: '!Foo' })).toBe('확인할 수 없는 태그: !Foo');
  });

  it('Route 53 record sets: one record set’s rules and its zone’s (record-set groups included)', () => {
    const found = diagnostics(`Resources:
  Zone:
    Type: AWS::Route53::HostedZone
    Properties: { Name: example.com }
  Www:
    Type: AWS::Route53::RecordSet
    Properties: { HostedZoneId: !Ref Zone, Name: www.example.com, Type: A, TTL: 60, ResourceRecords: [ "2001:db8::1" ] }
  Group:
    Type: AWS::Route53::RecordSetGroup
    Properties:
      HostedZoneId: !Ref Zone
      RecordSets:
        - { Name: example.com, Type: CNAME, TTL: 60, ResourceRecords: [ other.example.net ] }
        - { Name: api.example.com, Type: A, TTL: 60, ResourceRecords: [ 192.0.2.1 ] }
        - { Name: api.example.com, Type: A, TTL: 60, ResourceRecords: [ 192.0.2.2 ] }
        - { Name: www.example.org, Type: A, TTL: 60, ResourceRecords: [ 192.0.2.3 ] }
`);
    coded(found, 'route53.notIpv4', { value: '2001:db8::1' }, 'A record value "2001:db8::1" is not an IPv4 address in dotted decimal (e.g. 192.0.2.1)');
    coded(found, 'route53.cnameAtApex', { name: 'example.com.', zone: 'example.com.' }, 'RRSet of type CNAME with DNS name example.com. is not permitted at apex in zone example.com.');
    coded(found, 'route53.simpleRepeated', { name: 'api.example.com.', type: 'A' }, 'api.example.com. A already has a simple record set; put several values in one record set instead');
    coded(found, 'route53.nameNotInZone', { name: 'www.example.org.', zone: 'example.com.' }, 'RRSet with DNS name www.example.org. is not permitted in zone example.com.');
    expect(windows.ko.t('scenarioProblems.route53.simpleRepeated', { name: 'api.example.com.', type: 'A' })).toBe('api.example.com. A에는 이미 단순 레코드 세트가 있습니다. 여러 값을 한 레코드 세트에 넣으세요');
  });

  it('an alarm on a metric the simulator never publishes: the reason as its own code; Traffic Keys without a bucket', () => {
    const found = diagnostics(`Resources:
  Queue:
    Type: AWS::CloudWatch::Alarm
    Properties: { AlarmName: queue-depth, Namespace: AWS/SQS, MetricName: ApproximateNumberOfMessagesVisible, Statistic: Average, Period: 60, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: GreaterThanThreshold }
  Zone:
    Type: AWS::Route53::HostedZone
    Properties: { Name: example.com }
  Www:
    Type: AWS::Route53::RecordSet
    Properties: { HostedZoneId: !Ref Zone, Name: www.example.com, Type: A, TTL: 60, ResourceRecords: [ 192.0.2.1 ] }
Traffic:
  - { Name: users, Target: www.example.com, Rate: 1, Keys: [ { Key: a, Share: 1 } ] }
`);
    const watched = coded(
      found,
      'alarm.watchesUnpublished',
      { alarm: 'queue-depth', metric: 'AWS/SQS ApproximateNumberOfMessagesVisible', reason: 'the simulator publishes nothing in namespace AWS/SQS', reasonCode: 'alarm.namespaceNotPublished', 'reason.namespace': 'AWS/SQS' },
      'alarm queue-depth stays INSUFFICIENT_DATA in the simulator: it watches AWS/SQS ApproximateNumberOfMessagesVisible, and the simulator publishes nothing in namespace AWS/SQS (docs/metrics.md)',
    );
    expect(windows.ko.t('scenarioProblems.alarm.namespaceNotPublished', { namespace: 'AWS/SQS' })).toBe('시뮬레이터는 네임스페이스 AWS/SQS에 아무것도 게시하지 않습니다');
    expect(watched.severity).toBe('warning');
    coded(found, 'traffic.keysWithoutBucket', {}, 'Keys applies only when Target is an S3 bucket (!Ref <Bucket>)');
  });

  it('a refused value of a common kind has parameters of its own, so Korean needs no English detail', () => {
    const found = diagnostics(`Resources:
  Web:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties: { MinSize: 1, MaxSize: 2, AvailabilityZones: [ a ], LaunchTemplate: { LaunchTemplateName: lt }, HealthCheckType: PING }
Traffic:
  - { Name: "", Target: x, Rate: -1 }
  - { Name: b, Rate: 1 }
`);
    coded(found, 'value.notOneOf', { field: 'HealthCheckType', values: 'EC2, ELB, EBS, VPC_LATTICE', value: '"PING"' }, 'HealthCheckType must be one of EC2, ELB, EBS, VPC_LATTICE; got a string ("PING")');
    coded(found, 'value.required', { field: 'Target' }, 'Target is required');
    coded(found, 'value.stringEmpty', { field: 'Name' }, 'Name must not be empty');
    expect(windows.ko.t('scenarioProblems.value.required', { field: 'Target' })).toBe('Target이(가) 필요합니다');
  });

  it('a value that is not a duration, a time of day or a date-time (custom checks with codes of their own)', () => {
    const found = diagnostics(`Simulation: { StartTime: someday, InstanceBootTime: soon }
Resources:
  Zone:
    Type: AWS::Route53::HostedZone
    Properties: { Name: example.com }
`);
    coded(found, 'value.notADateTime', { value: 'someday' }, '"someday" is not an ISO date-time such as 2026-11-20T14:00:00Z');
    coded(found, 'value.notADuration', { value: 'soon' }, '"soon" is not a duration (use e.g. 30s, 10m, 2h)');
  });
});
