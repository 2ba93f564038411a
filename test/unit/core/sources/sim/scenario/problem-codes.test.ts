/**
 * Issue 9 item 2: each loader diagnostic that has a code of its own crosses with it (and its
 * parameters), never as the `scenario.problem` fallback; the English message stays for the CLI.
 * Every code has en and ko text: test/renderer/i18n-codes.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { ScenarioError, type Diagnostic } from '@main/core/sources/sim/scenario/diagnostics';
import { loadScenario, type LoadOptions } from '@main/core/sources/sim/scenario/load-scenario';
import { MAX_DIAGNOSTICS, MAX_POLICIES_PER_GROUP, MAX_TIMED_ENTRIES, MAX_TOTAL_REQUEST_CLASSES, MAX_TRAFFIC_POPULATIONS } from '@main/core/sources/sim/scenario/limits';
import { MAX_TEMPLATE_PARAMETERS } from '@main/core/sources/sim/scenario/template-parameters';
import { webTier } from '../../../../../helpers/scenarios';
import { WAF_SCENARIO } from '../waf/waf-scenario';

/** The problems of a load: its errors and warnings, or the warnings of a load that succeeds. */
function problems(yaml: string, options: Partial<LoadOptions> = {}): Diagnostic[] {
  try {
    return loadScenario(yaml, { file: 'test.yaml', ...options }).warnings;
  } catch (error) {
    if (error instanceof ScenarioError) return error.diagnostics;
    throw error;
  }
}

const LAUNCH_TEMPLATE = 'Resources:\n  Lt:\n    Type: AWS::EC2::LaunchTemplate\n    Properties: {}\n';
const template = (text: string) => ({ template: { text, file: 'stack.yaml' } });
const list = (count: number, item: string) => `[${Array.from({ length: count }, () => item).join(', ')}]`;
const policy = (spec: string) => webTier().replace('PredefinedMetricSpecification: { PredefinedMetricType: ASGAverageCPUUtilization }', `PredefinedMetricSpecification: ${spec}`);

/** A public zone and a load balancer; `more` is appended under Resources. */
const zone = (more: string) => `Resources:
  Zone:
    Type: AWS::Route53::HostedZone
    Properties: { Name: example.com }
  Alb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties: { Name: web }
${more}`;
const alias = (type: string, target: string) =>
  zone(`  Www:\n    Type: AWS::Route53::RecordSet\n    Properties: { HostedZoneId: !Ref Zone, Name: www.example.com, Type: ${type}, AliasTarget: ${target} }\n`);
/** The load balancer of `zone('')` with more properties. */
const albWith = (props: string) => zone('').replace('Properties: { Name: web }', `Properties: { Name: web, ${props} }`);
const attribute = (key: string, value: string) => albWith(`LoadBalancerAttributes: [{ Key: ${key}, Value: "${value}" }]`);
const wafRules = (rules: string) => WAF_SCENARIO.replace(/ {6}Rules:\n[\s\S]*?\n {2}Assoc:/, `      Rules:\n${rules}\n  Assoc:`);
const HTTP_API = `Resources:
  Api:
    Type: AWS::ApiGatewayV2::Api
    Properties: { Name: shop, ProtocolType: HTTP }
  Route0:
    Type: AWS::ApiGatewayV2::Route
    Properties: { ApiId: !Ref Api, RouteKey: 'GET /a' }
  Route1:
    Type: AWS::ApiGatewayV2::Route
    Properties: { ApiId: !Ref Api, RouteKey: 'GET /a' }
  Route2:
    Type: AWS::ApiGatewayV2::Route
    Properties: { ApiId: nope, RouteKey: 'GET /b' }
  Route3:
    Type: AWS::ApiGatewayV2::Route
    Properties: { ApiId: !Ref Api, RouteKey: 'GET /c', Target: integrations/nope }
`;
const db = (id: string, more: string) => `  ${id}:\n    Type: AWS::RDS::DBInstance\n    Properties: { DBInstanceIdentifier: ${id.toLowerCase()}, Engine: mysql, DBInstanceClass: db.r6g.large, ${more} }\n`;
const rds = (...instances: string[]) => `Resources:\n${instances.join('')}`;
const bucket = (configurations: string) => `Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties: { FunctionName: fn, Role: r, Code: { ZipFile: x } }
  Uploads:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: photo-uploads
      NotificationConfiguration:
        LambdaConfigurations:
${configurations}`;
const ipSet = (version: string, address: string) =>
  `Resources:\n  Set:\n    Type: AWS::WAFv2::IPSet\n    Properties: { Name: blocked, Scope: REGIONAL, IPAddressVersion: ${version}, Addresses: ['${address}'] }\n`;
/** A listener rule on the load balancer of `zone('')`, with the given Conditions and Actions. */
const rule = (conditions: string, actions = '[{ Type: fixed-response, FixedResponseConfig: { StatusCode: "200" } }]') =>
  zone(`  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties: { LoadBalancerArn: !Ref Alb, Port: 80, Protocol: HTTP, DefaultActions: [{ Type: fixed-response, FixedResponseConfig: { StatusCode: "404" } }] }
  Rule:
    Type: AWS::ElasticLoadBalancingV2::ListenerRule
    Properties: { ListenerArn: !Ref Listener, Priority: 1, Conditions: ${conditions}, Actions: ${actions} }
`);
const PATH = '[{ Field: path-pattern, Values: [/a] }]';
const ALB_TARGET = '{ DNSName: !GetAtt Alb.DNSName, HostedZoneId: !GetAtt Alb.CanonicalHostedZoneID }';

const CASES: { name: string; yaml: string; options?: Partial<LoadOptions>; code: string; params?: Record<string, unknown> }[] = [
  { name: 'a scenario that is not a mapping', yaml: '- 1\n', code: 'file.scenarioWithoutResources' },
  { name: 'a scenario beside a template that is not a mapping', yaml: '- 1\n', options: template(LAUNCH_TEMPLATE), code: 'file.scenarioNotAMapping' },
  { name: 'a template that is not a mapping', yaml: 'Traffic: []\n', options: template('- 1\n'), code: 'file.templateNotAMapping' },
  { name: 'a template without Resources', yaml: 'Traffic: []\n', options: template('Parameters: {}\n'), code: 'resources.missing' },
  { name: 'scenario Resources that are not a mapping', yaml: 'Resources: [1]\n', options: template(LAUNCH_TEMPLATE), code: 'resources.notAMapping' },
  { name: 'a Tick that does not divide 60 s', yaml: webTier({ tick: '7s' }), code: 'simulation.tickNotDividing60' },
  { name: 'Imports that are not a mapping', yaml: 'Imports: [1]\n', options: template(LAUNCH_TEMPLATE), code: 'imports.notAMapping' },
  { name: 'an Imports section that is not a mapping', yaml: 'Imports: { Exports: [1] }\n', options: template(LAUNCH_TEMPLATE), code: 'imports.sectionNotAMapping', params: { key: 'Exports' } },
  { name: 'Traffic that is not a list', yaml: `${LAUNCH_TEMPLATE}Traffic: 5\n`, code: 'traffic.notAList' },
  { name: 'too many populations', yaml: `${LAUNCH_TEMPLATE}Traffic: ${list(MAX_TRAFFIC_POPULATIONS + 1, '{}')}\n`, code: 'traffic.tooMany', params: { count: MAX_TRAFFIC_POPULATIONS + 1, max: MAX_TRAFFIC_POPULATIONS } },
  {
    name: 'too many request classes in all (each population within its own bound)',
    yaml: `${LAUNCH_TEMPLATE}Traffic: ${list(101, `{ Name: p, Target: x, Rate: 1, Requests: ${list(100, '{ Path: /a, Share: 1 }')} }`)}\n`,
    code: 'traffic.tooManyClasses',
    params: { count: 10_100, max: MAX_TOTAL_REQUEST_CLASSES },
  },
  { name: 'Faults that are not a list', yaml: `${LAUNCH_TEMPLATE}Faults: 5\n`, code: 'timeline.notAList', params: { section: 'Faults' } },
  { name: 'too many Actions', yaml: `${LAUNCH_TEMPLATE}Actions: ${list(MAX_TIMED_ENTRIES + 1, '1')}\n`, code: 'timeline.tooMany', params: { section: 'Actions', count: MAX_TIMED_ENTRIES + 1, max: MAX_TIMED_ENTRIES } },
  { name: 'an entry that is not a mapping', yaml: `${LAUNCH_TEMPLATE}Faults: [1]\n`, code: 'timeline.entryNotAMapping' },
  { name: 'an At that is no time', yaml: `${LAUNCH_TEMPLATE}Faults: [{ At: soon, Type: TerminateInstances }]\n`, code: 'timeline.invalidAt', params: { at: '"soon"' } },
  { name: 'an At too late', yaml: `${LAUNCH_TEMPLATE}Faults: [{ At: 999999999, Type: TerminateInstances }]\n`, code: 'timeline.atTooLate', params: { at: '999999999', days: expect.any(Number) } },
  { name: 'a Duration that is no duration', yaml: `${LAUNCH_TEMPLATE}Faults: [{ At: 10m, Type: TerminateInstances, Duration: forever }]\n`, code: 'timeline.invalidDuration', params: { duration: '"forever"', days: expect.any(Number) } },
  { name: 'Conditions that are not a mapping', yaml: `${LAUNCH_TEMPLATE}Conditions: [1]\n`, code: 'section.notAMapping', params: { section: 'Conditions' } },
  { name: 'a condition that is no condition function', yaml: `${LAUNCH_TEMPLATE}    Condition: Five\nConditions:\n  Five: 5\n`, code: 'condition.notAFunction', params: { condition: 'Five' } },
  { name: 'a Condition that is not a name', yaml: `${LAUNCH_TEMPLATE}    Condition: [1]\n`, code: 'condition.notAName' },
  { name: 'a Metadata.Region that is no Region', yaml: `${LAUNCH_TEMPLATE}    Metadata: { Region: mars }\n`, code: 'resource.invalidRegion', params: { region: '"mars"' } },
  { name: 'a logical id that is not alphanumeric', yaml: LAUNCH_TEMPLATE.replace('Lt:', 'Lt_1:'), code: 'resource.invalidLogicalId', params: { logicalId: 'Lt_1' } },
  { name: 'Properties that are not a mapping', yaml: LAUNCH_TEMPLATE.replace('Properties: {}', 'Properties: [1]'), code: 'resource.propertiesNotAMapping' },
  { name: 'Outputs that are not a mapping', yaml: `${LAUNCH_TEMPLATE}Outputs: [1]\n`, code: 'section.notAMapping', params: { section: 'Outputs' } },
  { name: 'an output without a Value', yaml: `${LAUNCH_TEMPLATE}Outputs:\n  Out: { Description: nothing }\n`, code: 'output.valueMissing', params: { output: 'Out' } },
  {
    name: 'too many template parameters',
    yaml: `Parameters:\n${Array.from({ length: MAX_TEMPLATE_PARAMETERS + 1 }, (_, i) => `  P${i}: { Type: String, Default: x }`).join('\n')}\n${LAUNCH_TEMPLATE}`,
    code: 'parameter.tooMany',
    params: { count: MAX_TEMPLATE_PARAMETERS + 1, max: MAX_TEMPLATE_PARAMETERS },
  },
  {
    name: 'too many problems to list',
    yaml: `Resources:\n${Array.from({ length: MAX_DIAGNOSTICS + 5 }, (_, i) => `  L_${i}:\n    Type: AWS::EC2::LaunchTemplate\n    Properties: {}`).join('\n')}\n`,
    code: 'diagnostics.moreNotListed',
    params: { more: 5, errors: 5, shown: MAX_DIAGNOSTICS },
  },
  { name: 'a target-tracking metric not simulated', yaml: policy('{ PredefinedMetricType: ASGAverageNetworkIn }'), code: 'autoScaling.metricNotSimulated', params: { metric: 'ASGAverageNetworkIn', known: 'ASGAverageCPUUtilization, ALBRequestCountPerTarget' } },
  { name: 'ALBRequestCountPerTarget without ResourceLabel', yaml: policy('{ PredefinedMetricType: ALBRequestCountPerTarget }'), code: 'autoScaling.resourceLabelMissing' },
  { name: 'a ResourceLabel of the wrong shape', yaml: policy('{ PredefinedMetricType: ALBRequestCountPerTarget, ResourceLabel: web }'), code: 'autoScaling.resourceLabelInvalid', params: { label: 'web' } },
  {
    name: 'a ResourceLabel naming another load balancer',
    yaml: policy('{ PredefinedMetricType: ALBRequestCountPerTarget, ResourceLabel: app/other/1/targetgroup/web-tg/2 }'),
    code: 'autoScaling.resourceLabelUnknownLoadBalancer',
    params: { name: 'app/other/1', known: expect.stringMatching(/^app\/web-alb\//) },
  },
  {
    name: 'too many scaling policies for one group',
    yaml: `${webTier()}${''}`.replace(
      'Traffic:',
      `${Array.from({ length: MAX_POLICIES_PER_GROUP }, (_, i) => `  Extra${i}:\n    Type: AWS::AutoScaling::ScalingPolicy\n    Properties: { AutoScalingGroupName: !Ref Asg, AdjustmentType: ChangeInCapacity, ScalingAdjustment: 1 }`).join('\n')}\nTraffic:`,
    ),
    code: 'autoScaling.tooManyPolicies',
    params: { group: 'web-asg', count: MAX_POLICIES_PER_GROUP + 1, max: MAX_POLICIES_PER_GROUP },
  },
  {
    name: 'a record set in a zone that is not there',
    yaml: zone('  Www:\n    Type: AWS::Route53::RecordSet\n    Properties: { HostedZoneName: other.com., Name: www.other.com, Type: A, TTL: 60, ResourceRecords: [192.0.2.1] }\n'),
    code: 'route53.zoneNameNotFound',
    params: { value: 'other.com.', known: expect.stringContaining('example.com') },
  },
  {
    name: 'a record set naming a health check that is not there',
    yaml: zone('  Www:\n    Type: AWS::Route53::RecordSet\n    Properties: { HostedZoneId: !Ref Zone, Name: www.example.com, Type: A, TTL: 60, ResourceRecords: [192.0.2.1], HealthCheckId: nope, SetIdentifier: a, Weight: 1 }\n'),
    code: 'route53.healthCheckNotFound',
    params: { id: 'nope' },
  },
  {
    name: 'a health check probing an address of no resource here',
    yaml: zone('  Check:\n    Type: AWS::Route53::HealthCheck\n    Properties: { HealthCheckConfig: { Type: HTTP, IPAddress: 192.0.2.99 } }\n'),
    code: 'route53.healthCheckAddressUnknown',
    params: { address: '192.0.2.99' },
  },
  {
    name: 'an AAAA alias to an IPv4-only load balancer (LBA-5)',
    yaml: alias('AAAA', ALB_TARGET),
    code: 'route53.aliasAaaaToIpv4LoadBalancer',
    params: { name: 'www.example.com.', loadBalancer: 'web' },
  },
  {
    name: 'an A alias to a load balancer without public IPv4 (LBA-5)',
    yaml: alias('A', ALB_TARGET).replace('Properties: { Name: web }', 'Properties: { Name: web, IpAddressType: dualstack-without-public-ipv4 }'),
    code: 'route53.aliasAToIpv6OnlyLoadBalancer',
    params: { name: 'www.example.com.', loadBalancer: 'web' },
  },
  { name: 'an internal load balancer with public IPv6 only (LBA-1)', yaml: albWith('Scheme: internal, IpAddressType: dualstack-without-public-ipv4'), code: 'loadBalancer.internalIpv6Only', params: { name: 'web' } },
  { name: 'an internal dualstack load balancer (LBA-1)', yaml: albWith('Scheme: internal, IpAddressType: dualstack'), code: 'loadBalancer.internalDualstack', params: { name: 'web' } },
  {
    name: 'access logs on without a bucket (LBA-2)',
    yaml: attribute('access_logs.s3.enabled', 'true'),
    code: 'loadBalancer.attributeRequiresBucket',
    params: { key: 'access_logs.s3.enabled', name: 'web', requires: 'access_logs.s3.bucket' },
  },
  { name: 'an attribute ALBs do not have (LBA-2)', yaml: attribute('no.such.key', 'x'), code: 'loadBalancer.attributeUnknown', params: { key: 'no.such.key', name: 'web' } },
  {
    name: 'a Network Load Balancer attribute on an ALB (LBA-2)',
    yaml: attribute('dns_record.client_routing_policy', 'any_availability_zone'),
    code: 'loadBalancer.attributeNlbOnly',
    params: { key: 'dns_record.client_routing_policy', name: 'web' },
  },
  {
    name: 'a boolean attribute that is not true or false (LBA-2)',
    yaml: attribute('deletion_protection.enabled', 'yes'),
    code: 'loadBalancer.attributeNotBoolean',
    params: { key: 'deletion_protection.enabled', value: 'yes', name: 'web' },
  },
  {
    name: 'an integer attribute out of range (LBA-2)',
    yaml: attribute('idle_timeout.timeout_seconds', '5000'),
    code: 'loadBalancer.attributeOutOfRange',
    params: { key: 'idle_timeout.timeout_seconds', value: '5000', name: 'web', min: 1, max: 4000 },
  },
  {
    name: 'an enum attribute with another value (LBA-2)',
    yaml: attribute('routing.http.desync_mitigation_mode', 'lenient'),
    code: 'loadBalancer.attributeNotOneOf',
    params: { key: 'routing.http.desync_mitigation_mode', value: 'lenient', name: 'web', values: 'monitor, defensive, strictest' },
  },
  {
    name: 'a text attribute too long (LBA-2)',
    yaml: attribute('access_logs.s3.prefix', 'p'.repeat(1025)),
    code: 'loadBalancer.attributeTooLong',
    params: { key: 'access_logs.s3.prefix', name: 'web', max: 1024 },
  },
  {
    name: 'cross-zone load balancing turned off on an ALB (LBA-2)',
    yaml: attribute('load_balancing.cross_zone.enabled', 'false'),
    code: 'loadBalancer.attributeFixed',
    params: { key: 'load_balancing.cross_zone.enabled', name: 'web', expected: 'true' },
  },
  { name: 'a network load balancer (ALB-15)', yaml: albWith('Type: network'), code: 'loadBalancer.typeNotSimulated', params: { type: 'network', name: 'web' } },
  {
    name: 'a Lambda target that is not a function of the stack',
    yaml: zone('  Tg:\n    Type: AWS::ElasticLoadBalancingV2::TargetGroup\n    Properties: { Name: fn-tg, TargetType: lambda, Targets: [{ Id: arn:aws:lambda:us-east-1:123456789012:function:elsewhere }] }\n'),
    code: 'loadBalancer.lambdaTargetNotInStack',
    params: { target: 'arn:aws:lambda:us-east-1:123456789012:function:elsewhere', group: 'fn-tg' },
  },
  { name: 'a forward action without a target group', yaml: rule(PATH, '[{ Type: forward }]'), code: 'listener.forwardWithoutTarget' },
  { name: 'a fixed-response action without its config', yaml: rule(PATH, '[{ Type: fixed-response }]'), code: 'listener.fixedResponseWithoutConfig' },
  { name: 'a redirect action without its config', yaml: rule(PATH, '[{ Type: redirect }]'), code: 'listener.redirectWithoutConfig' },
  { name: 'a condition without Field or config', yaml: rule('[{ Values: [/a] }]'), code: 'listenerRule.conditionWithoutField' },
  { name: 'an http-header condition without HttpHeaderConfig', yaml: rule('[{ Field: http-header, Values: [x] }]'), code: 'listenerRule.httpHeaderWithoutConfig' },
  { name: 'a condition field not simulated', yaml: rule('[{ Field: query-string, Values: [x] }]'), code: 'listenerRule.conditionFieldNotSimulated', params: { field: 'query-string' } },
  { name: 'a condition without values', yaml: rule('[{ Field: path-pattern }]'), code: 'listenerRule.conditionWithoutValues' },
  { name: 'a CLOUDFRONT web ACL (WAF-7)', yaml: WAF_SCENARIO.replace('      Scope: REGIONAL\n      DefaultAction', '      Scope: CLOUDFRONT\n      DefaultAction'), code: 'waf.cloudfrontScope', params: { acl: 'shop-acl' } },
  {
    name: 'an OverrideAction on a rule without Action (WAF-7)',
    yaml: wafRules(`        - Name: managed
          Priority: 1
          OverrideAction: { None: {} }
          Statement: { ManagedRuleGroupStatement: { VendorName: AWS, Name: AWSManagedRulesCommonRuleSet } }
          VisibilityConfig: { MetricName: Managed }`),
    code: 'waf.overrideActionWithoutAction',
    params: { rule: 'managed', acl: 'shop-acl' },
  },
  {
    name: 'a statement the simulator does not model (WAF-7)',
    yaml: wafRules(`        - Name: sqli
          Priority: 0
          Action: { Block: {} }
          Statement: { SqliMatchStatement: { FieldToMatch: { Body: {} }, TextTransformations: [{ Priority: 0, Type: NONE }] } }
          VisibilityConfig: { MetricName: Sqli }`),
    code: 'waf.statementNotSimulated',
    // The reason as a code of its own (wrapped as reasonCode + reason.*), the English kept for the CLI.
    params: { rule: 'sqli', acl: 'shop-acl', reason: expect.stringContaining('SqliMatchStatement'), reasonCode: 'wafStatement.typeNotSimulated', 'reason.type': 'SqliMatchStatement' },
  },
  {
    name: 'a statement AWS WAF refuses: its reason a code of its own (WAF-7)',
    yaml: wafRules(`        - Name: flood
          Priority: 0
          Action: { Block: {} }
          Statement: { RateBasedStatement: { Limit: 5, AggregateKeyType: IP } }
          VisibilityConfig: { MetricName: Flood }`),
    code: 'waf.statementInvalid',
    params: { rule: 'flood', acl: 'shop-acl', reason: expect.stringContaining('Limit'), reasonCode: 'wafStatement.rateLimitOutOfRange', 'reason.min': 10, 'reason.max': 2_000_000_000, 'reason.value': '5' },
  },
  {
    name: 'an association with a web ACL of no stack (WAF-7)',
    yaml: WAF_SCENARIO.replace('WebACLArn: !GetAtt Acl.Arn', 'WebACLArn: arn:aws:wafv2:us-east-1:123456789012:regional/webacl/other/1'),
    code: 'waf.associationAclUnknown',
    params: { arn: 'arn:aws:wafv2:us-east-1:123456789012:regional/webacl/other/1' },
  },
  {
    name: 'two web ACL rules with one Priority',
    yaml: wafRules(`        - Name: one
          Priority: 1
          Action: { Block: {} }
          Statement: { IPSetReferenceStatement: { Arn: !GetAtt BadIps.Arn } }
          VisibilityConfig: { MetricName: One }
        - Name: two
          Priority: 1
          Action: { Block: {} }
          Statement: { IPSetReferenceStatement: { Arn: !GetAtt BadIps.Arn } }
          VisibilityConfig: { MetricName: Two }`),
    code: 'waf.rulePriorityRepeated',
    params: { rule: 'two', other: 'one', priority: 1 },
  },
  { name: 'an IP set address that is no CIDR block', yaml: ipSet('IPV4', 'nowhere'), code: 'waf.addressNotCidr', params: { address: 'nowhere' } },
  { name: 'an IP set address without prefix length', yaml: ipSet('IPV4', '192.0.2.1'), code: 'waf.addressWithoutPrefix', params: { address: '192.0.2.1', prefix: 32 } },
  { name: 'an IP set /0 range', yaml: ipSet('IPV4', '0.0.0.0/0'), code: 'waf.addressPrefixZero', params: { address: '0.0.0.0/0' } },
  { name: 'an IPv6 block in an IPV4 set', yaml: ipSet('IPV4', '2001:db8::/32'), code: 'waf.addressWrongVersion', params: { address: '2001:db8::/32', version: 6, setVersion: 'IPV4' } },
  { name: 'a route of an API the stack lacks (APIGW-1)', yaml: HTTP_API, code: 'apiGateway.apiNotFound', params: { id: 'nope' } },
  { name: 'a route Target that is no integration (APIGW-1)', yaml: HTTP_API, code: 'apiGateway.integrationNotFound', params: { target: 'integrations/nope' } },
  { name: 'two routes with one RouteKey (APIGW-1)', yaml: HTTP_API, code: 'apiGateway.routeKeyConflict', params: { key: 'GET /a', other: 'Route0' } },
  {
    name: 'two prefix rules in one key filter (S3EV-2)',
    yaml: bucket('          - { Event: s3:ObjectCreated:*, Function: !GetAtt Fn.Arn, Filter: { S3Key: { Rules: [ { Name: prefix, Value: a/ }, { Name: Prefix, Value: b/ } ] } } }\n'),
    code: 's3.filterRuleRepeated',
    params: { kind: 'prefix', values: '"a/", "b/"' },
  },
  {
    name: 'two overlapping notification configurations (S3EV-3)',
    yaml: bucket('          - { Event: s3:ObjectCreated:*, Function: !GetAtt Fn.Arn }\n          - { Event: s3:ObjectCreated:Put, Function: !GetAtt Fn.Arn }\n'),
    code: 's3.notificationsOverlap',
    params: { first: 1, second: 2 },
  },
  {
    name: 'a notification to a function the stack lacks (S3EV-5)',
    yaml: bucket('          - { Event: s3:ObjectCreated:*, Function: arn:aws:lambda:us-east-1:123456789012:function:elsewhere }\n'),
    code: 's3.functionNotInStack',
    params: { function: 'arn:aws:lambda:us-east-1:123456789012:function:elsewhere', event: 's3:ObjectCreated:*', bucket: 'photo-uploads' },
  },
  { name: 'a BackupRetentionPeriod over 35 days', yaml: rds(db('Db', 'BackupRetentionPeriod: 40')), code: 'rds.backupRetentionOutOfRange', params: { value: 40 } },
  { name: 'a backup window that is no window', yaml: rds(db('Db', 'PreferredBackupWindow: nightly')), code: 'rds.backupWindowInvalid', params: { window: 'nightly' } },
  { name: 'a backup window under 30 minutes', yaml: rds(db('Db', "PreferredBackupWindow: '03:00-03:10'")), code: 'rds.backupWindowTooShort', params: { window: '03:00-03:10' } },
  { name: 'a maintenance window that is no window', yaml: rds(db('Db', 'PreferredMaintenanceWindow: sundays')), code: 'rds.maintenanceWindowInvalid', params: { window: 'sundays' } },
  {
    name: 'a maintenance window under 30 minutes',
    yaml: rds(db('Db', "PreferredMaintenanceWindow: 'sun:05:00-sun:05:10'")),
    code: 'rds.maintenanceWindowTooShort',
    params: { window: 'sun:05:00-sun:05:10' },
  },
  {
    name: 'a backup window overlapping the maintenance window',
    yaml: rds(db('Db', "PreferredBackupWindow: '05:00-05:30', PreferredMaintenanceWindow: 'sun:05:00-sun:05:30'")),
    code: 'rds.backupWindowOverlapsMaintenance',
    params: { backup: '05:00-05:30', maintenance: 'sun:05:00-sun:05:30' },
  },
  {
    name: 'a read replica of a source without backups (RDS-4)',
    yaml: rds(db('Primary', 'BackupRetentionPeriod: 0'), db('Replica', 'SourceDBInstanceIdentifier: primary')),
    code: 'rds.replicaSourceWithoutBackups',
    params: { source: 'primary' },
  },
  {
    name: 'a read replica of a replica left without backups (RDS-4)',
    yaml: rds(db('Primary', 'BackupRetentionPeriod: 1'), db('Middle', 'SourceDBInstanceIdentifier: primary'), db('Leaf', 'SourceDBInstanceIdentifier: middle')),
    code: 'rds.replicaSourceIsReplicaWithoutBackups',
    params: { source: 'middle' },
  },
  { name: 'an alias to a load balancer that is not A or AAAA', yaml: alias('CNAME', ALB_TARGET), code: 'route53.aliasWrongType', params: { type: 'CNAME' } },
  {
    name: 'an alias to nothing in the scenario',
    yaml: alias('A', '{ DNSName: elsewhere.example.net, HostedZoneId: Z2FDTNDATAQYW2 }'),
    code: 'route53.aliasTargetUnknown',
    params: { target: expect.stringContaining('elsewhere.example.net'), zone: 'Z2FDTNDATAQYW2' },
  },
];

describe('scenario problems carry their own code (issue 9)', () => {
  for (const { name, yaml, options, code, params } of CASES) {
    it(`${code}: ${name}`, () => {
      const found = problems(yaml, options);
      expect(found.map((d) => d.code)).toContain(code);
      const problem = found.find((d) => d.code === code)!;
      expect(problem.message.length, 'the English message stays for the CLI').toBeGreaterThan(0);
      if (params) expect(problem.params).toEqual(params);
      // Nothing of this load falls back to the English-only code where a code covers it.
      expect(found.filter((d) => d.code === undefined && d.message === problem.message)).toEqual([]);
    });
  }
});
