/**
 * The CloudFormation template language as CloudFormation evaluates it (issue 14): Parameters with
 * their types and constraints, Conditions, Mappings, the remaining intrinsics, pseudo parameters,
 * Outputs, Imports beside a --template, and messages a person reads.
 * Pages: docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html,
 * …/TemplateReference/conditions-section-structure.html, intrinsic-function-reference-*.html.
 */
import { describe, expect, it } from 'vitest';
import { ScenarioError, type Diagnostic } from '@main/core/sources/sim/scenario/diagnostics';
import { loadScenario, stackNameFromFile, type LoadOptions, type ScenarioModel } from '@main/core/sources/sim/scenario/load-scenario';
import { evaluate, type IntrinsicContext } from '@main/core/sources/sim/scenario/intrinsics';

const SCENARIO = 'Simulation:\n  Seed: 1\n';

function load(template: string, options: Partial<LoadOptions> = {}, scenario = SCENARIO): ScenarioModel {
  return loadScenario(scenario, { file: 'load.v2.yaml', template: { text: template, file: 'stack.yaml' }, ...options });
}

function problems(template: string, options: Partial<LoadOptions> = {}, scenario = SCENARIO): Diagnostic[] {
  try {
    load(template, options, scenario);
  } catch (error) {
    if (error instanceof ScenarioError) return error.diagnostics.filter((d) => d.severity === 'error');
    throw error;
  }
  throw new Error('expected the load to fail');
}

const GROUP = (props: string) => `
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: 1
      MaxSize: 4
      LaunchTemplate: { LaunchTemplateId: !Ref Lt, Version: "1" }
      AvailabilityZones: !GetAZs ""
${props}`;
const LT = `
  Lt:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData: { InstanceType: t3.micro, ImageId: ami-12345678 }`;

function evaluateAlone(value: unknown): { value: unknown; messages: string[] } {
  const messages: string[] = [];
  const ctx: IntrinsicContext = {
    ref: (name) => (name === 'AWS::Region' ? 'eu-west-1' : undefined),
    getAtt: () => undefined,
    availabilityZones: (region) => [`${region}a`, `${region}b`],
    findInMap: () => undefined,
    report: (_severity, _path, message) => messages.push(message),
  };
  return { value: evaluate(value, [], ctx), messages };
}

describe('Parameters as CloudFormation resolves them', () => {
  const template = `
Parameters:
  Env: { Type: String, Default: dev, AllowedValues: [dev, prod] }
  Size: { Type: Number, Default: 2, MinValue: 1, MaxValue: 4 }
  Subnets: { Type: List<AWS::EC2::Subnet::Id>, Default: "subnet-a, subnet-b" }
  Names: { Type: CommaDelimitedList, Default: "a,b,c" }
  KeyName: { Type: AWS::EC2::KeyPair::KeyName }
  Ami: { Type: "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>", Default: /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64 }
Resources:${LT}
  Group:${GROUP(`      DesiredCapacity: !Ref Size
      VPCZoneIdentifier: !Ref Subnets
      Tags: [{ Key: key, Value: !Ref KeyName, PropagateAtLaunch: true }]`)}
`;

  it('reads List<…> and CommaDelimitedList as lists, Number as a number, and a parameter without a Default used only in Tags needs no value', () => {
    const model = load(template);
    const group = model.resources.find((r) => r.logicalId === 'Group')!;
    expect(group.properties.VPCZoneIdentifier).toEqual(['subnet-a', 'subnet-b']);
    expect(group.properties.DesiredCapacity).toBe(2);
  });

  it('a value given with --parameter wins over the Default and is checked against MinValue/MaxValue and AllowedValues', () => {
    expect(load(template, { parameters: { Size: '3' } }).resources.find((r) => r.logicalId === 'Group')!.properties.DesiredCapacity).toBe(3);
    expect(problems(template, { parameters: { Size: '9' } }).map((d) => d.message)).toEqual(['parameter "Size": 9 is more than the maximum 4; the value comes from --parameter Size']);
    expect(problems(template, { parameters: { Env: 'qa' } })[0]!.message).toContain('"qa" is not one of the allowed values dev, prod');
    // Issue 9: the window words the reason from its code and parameters, and where the value came from.
    expect(problems(template, { parameters: { Env: 'qa' } })[0]!.params).toEqual({
      parameter: 'Env',
      valueSource: 'option',
      reasonCode: 'parameter.valueNotAllowed',
      'reason.value': '"qa"',
      'reason.allowed': 'dev, prod',
    });
    expect(problems(template, { parameters: { Size: '9' } })[0]!.params).toEqual({ parameter: 'Size', valueSource: 'option', reasonCode: 'parameter.valueAboveMaximum', 'reason.value': '9', 'reason.maximum': '4' });
    expect(problems(template, { parameters: { Nope: 'x' } })[0]!.message).toContain('gives a value for "Nope", which the template does not declare');
  });

  it('an SSM parameter type resolves to a stated stand-in (a warning says which)', () => {
    const model = load(template);
    expect(model.warnings.some((w) => /Systems Manager parameter .* uses "ami-[0-9a-f]{17}" in its place/.test(w.message))).toBe(true);
  });

  it('an output using a parameter without a value shows a placeholder instead of failing the load', () => {
    const t = `Parameters:\n  DbName: { Type: String }\nResources:${LT}\nOutputs:\n  Name: { Value: !Sub "db-\${DbName}" }\n`;
    expect(load(t).outputs).toEqual([{ key: 'Name', value: 'db-<DbName>' }]);
  });

  it('AllowedPattern must match the whole value; MinLength is checked', () => {
    const t = `Parameters:\n  Name: { Type: String, Default: abc, AllowedPattern: "[a-z]+", MinLength: 2 }\nResources:${LT}\n`;
    expect(load(t).resources).toHaveLength(1);
    expect(problems(t, { parameters: { Name: 'abc1' } })[0]!.message).toContain('does not match the pattern [a-z]+');
    expect(problems(t, { parameters: { Name: 'a' } })[0]!.message).toContain('shorter than 2 characters');
  });

  it('a parameter with no Default used where the simulator needs it is one error however often it is used', () => {
    const t = `Parameters:\n  Max: { Type: Number }\nResources:${LT}\n  G1:${GROUP('      DesiredCapacity: !Ref Max')}\n  G2:${GROUP('      DesiredCapacity: !Ref Max')}`;
    const errors = problems(t);
    expect(errors.map((d) => d.message)).toEqual(['parameter "Max" has no Default and no value was given; give one with --parameter Max=… (or --parameters FILE)']);
    expect(errors[0]!.file).toBe('stack.yaml');
  });
});

describe('Conditions', () => {
  const template = `
Parameters:
  Env: { Type: String, Default: dev }
  Zone: { Type: String, Default: "" }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  HasZone: !Not [!Equals [!Ref Zone, ""]]
  ProdWithZone: !And [{ Condition: IsProd }, { Condition: HasZone }]
  Either: !Or [!Condition IsProd, !Equals [!Ref Env, dev]]
Resources:${LT}
  Group:${GROUP(`      DesiredCapacity: !If [IsProd, 3, 1]
      HealthCheckGracePeriod: !If [Either, 60, !Ref AWS::NoValue]`)}
  Record:
    Type: AWS::Route53::RecordSet
    Condition: HasZone
    Properties: { HostedZoneId: Z123, Name: !Sub "www.\${Zone}", Type: A }
Outputs:
  Where:
    Condition: ProdWithZone
    Value: !Ref Zone
  Group:
    Value: !Ref Group
    Export: { Name: !Sub "\${AWS::StackName}-group" }
`;

  it('Fn::If picks a branch; a resource under a false condition is neither created nor checked; AWS::NoValue removes a property', () => {
    const model = load(template);
    expect(model.resources.map((r) => r.logicalId)).toEqual(['Lt', 'Group']);
    const group = model.resources.find((r) => r.logicalId === 'Group')!;
    expect(group.properties.DesiredCapacity).toBe(1);
    expect(group.properties.HealthCheckGracePeriod).toBe(60);
    const prod = load(template, { parameters: { Env: 'prod' } }).resources.find((r) => r.logicalId === 'Group')!;
    expect(prod.properties.DesiredCapacity).toBe(3);
  });

  it('Outputs are evaluated (their Condition too) with the stack name from the template file', () => {
    const model = load(template);
    expect(model.name).toBe('stack');
    expect(model.outputs).toEqual([{ key: 'Group', value: expect.stringMatching(/^stack-Group-/), exportName: 'stack-group' }]);
  });

  it('a reference to a resource under a false condition is an error naming the condition', () => {
    const t = template.replace('Value: !Ref Group', 'Value: !Ref Group\n  Rec:\n    Value: !Ref Record');
    expect(problems(t).map((d) => d.message)).toEqual([expect.stringContaining('"Record" is not created (its condition HasZone is false)')]);
  });

  it('an undeclared condition is an error', () => {
    expect(problems(template.replace('[IsProd, 3, 1]', '[IsProdd, 3, 1]'))[0]!.message).toContain('condition "IsProdd" is not declared in Conditions');
  });
});

describe('intrinsic functions (AWS pages intrinsic-function-reference-*)', () => {
  it('Fn::Cidr splits a block as the AWS example does', () => {
    expect(evaluateAlone({ 'Fn::Cidr': ['192.168.0.0/24', 6, 5] }).value).toEqual(['192.168.0.0/27', '192.168.0.32/27', '192.168.0.64/27', '192.168.0.96/27', '192.168.0.128/27', '192.168.0.160/27']);
    expect(evaluateAlone({ 'Fn::Select': [1, { 'Fn::Cidr': ['10.0.0.0/16', '3', '8'] }] }).value).toBe('10.0.1.0/24');
  });

  it('Fn::Base64 encodes UTF-8; Fn::Length and Fn::ToJsonString (AWS::LanguageExtensions)', () => {
    expect(evaluateAlone({ 'Fn::Base64': 'héllo' }).value).toBe('aMOpbGxv');
    expect(evaluateAlone({ 'Fn::Length': [1, 2, 3] }).value).toBe(3);
    expect(evaluateAlone({ 'Fn::ToJsonString': { a: [1, 'b'] } }).value).toBe('{"a":[1,"b"]}');
  });

  it('Fn::FindInMap falls back to DefaultValue when a key is missing', () => {
    expect(evaluateAlone({ 'Fn::FindInMap': ['M', 'x', 'y', { DefaultValue: 't3.micro' }] }).value).toBe('t3.micro');
    expect(evaluateAlone({ 'Fn::FindInMap': ['M', 'x', 'y'] }).messages[0]).toContain('no entry M.x.y in Mappings');
  });

  it('Fn::Sub with a variable map and Fn::Join/Fn::Split/Fn::GetAZs', () => {
    expect(evaluateAlone({ 'Fn::Sub': ['${A}-${!Literal}', { A: { 'Fn::Join': ['-', { 'Fn::Split': [',', 'x,y'] }] } }] }).value).toBe('x-y-${Literal}');
    expect(evaluateAlone({ 'Fn::Select': [0, { 'Fn::GetAZs': '' }] }).value).toBe('eu-west-1a');
  });
});

describe('stack name', () => {
  it('comes from the template file, made valid: load.v2.yaml does not break generated names', () => {
    expect(stackNameFromFile('/x/load.v2.yaml')).toBe('load-v2');
    expect(stackNameFromFile('2-tier_app.template')).toBe('stack-2-tier-app');
    const model = loadScenario(`Resources:${LT}\n`, { file: '/tmp/load.v2.yaml' });
    expect(model.name).toBe('load-v2');
  });

  it('--stack-name overrides it and must be a valid stack name', () => {
    expect(load(`Resources:${LT}\n`, { stackName: 'web' }).name).toBe('web');
    expect(problems(`Resources:${LT}\n`, { stackName: 'a.b' })[0]!.message).toContain('the stack name "a.b" is not valid');
  });
});

describe('Imports: other stacks beside a --template', () => {
  const template = `
Parameters:
  ZoneId: { Type: String }
Resources:
  Record:
    Type: AWS::Route53::RecordSet
    Properties:
      HostedZoneId: !Ref ZoneId
      Name: www.example.com
      Type: CNAME
      TTL: "60"
      ResourceRecords: [!ImportValue shared-Target]
`;
  const scenario = `${SCENARIO}Imports:
  Exports:
    shared-Target: app.example.net
  Parameters:
    ZoneId: !Ref SharedZone
Resources:
  SharedZone:
    Type: AWS::Route53::HostedZone
    Properties: { Name: example.com }
`;

  it('Fn::ImportValue reads Imports.Exports, Imports.Parameters may name a stand-in resource of the scenario', () => {
    const model = load(template, {}, scenario);
    expect(model.resources.map((r) => r.logicalId).sort()).toEqual(['Record', 'SharedZone']);
    const record = model.resources.find((r) => r.logicalId === 'Record')!;
    expect(record.properties.ResourceRecords).toEqual(['app.example.net']);
    expect(record.properties.HostedZoneId).toBe(model.resources.find((r) => r.logicalId === 'SharedZone')!.ref);
  });

  it('an export nobody gives is one error naming it and the section to give it in', () => {
    const errors = problems(template, {}, scenario.replace('shared-Target', 'other'));
    expect(errors.map((d) => d.message)).toEqual([expect.stringContaining('Fn::ImportValue: no other stack exports "shared-Target" here; give it in the scenario under Imports: Exports')]);
  });

  it('a listener rule on a listener outside the stack is a warning naming it, never silent', () => {
    const t = `Parameters:
  ListenerArn: { Type: String, Default: "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/shared/1/2" }
Resources:
  Tg:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties: { Port: 80, Protocol: HTTP }
  Rule:
    Type: AWS::ElasticLoadBalancingV2::ListenerRule
    Properties:
      ListenerArn: !Ref ListenerArn
      Priority: 10
      Conditions: [{ Field: path-pattern, Values: ["/api/*"] }]
      Actions: [{ Type: forward, TargetGroupArn: !Ref Tg }]
`;
    const model = load(t);
    expect(model.warnings.some((w) => w.message.startsWith('listener rule Rule is attached to the listener "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/shared/1/2", which is not in this stack'))).toBe(true);
  });
});

describe('messages a person reads', () => {
  it('a JSON template with a syntax error is one JSON error at its line, with no follow-up', () => {
    const errors = problems('{\n  "Resources": {\n    "A": { "Type": "AWS::EC2::VPC", }\n  }\n}\n');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/^invalid JSON: /);
    expect(errors[0]!.file).toBe('stack.yaml');
    expect(errors[0]!.line).toBe(3);
  });
});

describe('validator wording is said in plain English, naming the field', () => {
  const group = (extra: string) => `Resources:${LT}\n  G:${GROUP(extra)}`;

  it('a wrong kind of value names the field, the expected form and what was given', () => {
    const errors = problems(group('      VPCZoneIdentifier: subnet-a'));
    expect(errors.map((d) => d.message)).toEqual(['VPCZoneIdentifier must be a list; got a string ("subnet-a")']);
    expect(errors.every((d) => !/Too small|Invalid input|does not match any accepted form/.test(d.message))).toBe(true);
  });
});
