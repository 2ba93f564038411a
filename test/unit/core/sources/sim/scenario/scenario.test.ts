import { describe, expect, it } from 'vitest';
import { ScenarioError } from '@main/core/sources/sim/scenario/diagnostics';
import { loadScenario } from '@main/core/sources/sim/scenario/load-scenario';
import { SimulationEngine } from '@main/core/sources/sim/engine';
import { scenarioFrom, webTier } from '../../../../../helpers/scenarios';

function errorsOf(yaml: string) {
  try {
    scenarioFrom(yaml);
  } catch (error) {
    if (error instanceof ScenarioError) return error.diagnostics.filter((d) => d.severity === 'error');
    throw error;
  }
  throw new Error('expected the scenario to be rejected');
}

describe('scenario files: CloudFormation Resources', () => {
  it('loads the web tier and resolves Ref / GetAtt in short and long form', () => {
    const scenario = scenarioFrom(webTier());
    const asg = scenario.resources.find((r) => r.logicalId === 'Asg')!;
    const tg = scenario.resources.find((r) => r.logicalId === 'Tg')!;
    expect(asg.ref).toBe('web-asg');
    expect(asg.properties.TargetGroupARNs).toEqual([tg.ref]);
    expect(tg.ref).toMatch(/^arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup\/web-tg\/[0-9a-f]{16}$/);
    expect(asg.properties.AvailabilityZones).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
    expect(scenario.traffic[0]!.Target).toMatch(/^web-alb-\d+\.us-east-1\.elb\.amazonaws\.com$/);
    expect(scenario.warnings).toEqual([]);
  });

  it('evaluates !Sub, !Join, !Select and the long forms Fn::Join / Fn::GetAtt', () => {
    const scenario = scenarioFrom(`
Parameters:
  Env: { Type: String, Default: prod }
Resources:
  Alb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties: { Name: !Sub '\${AWS::StackName}-\${Env}' }
  Tg:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties:
      Name: !Join ['-', [tg, !Select [1, [a, b, c]]]]
  Asg:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      AutoScalingGroupName: { 'Fn::Join': ['', [group-, { Ref: Env }]] }
      MinSize: '1'
      MaxSize: '3'
      AvailabilityZones: { 'Fn::GetAZs': '' }
      Tags: [{ Key: dns, Value: { 'Fn::GetAtt': [Alb, DNSName] } }]
`, 'shop.yaml');
    const byId = Object.fromEntries(scenario.resources.map((r) => [r.logicalId, r]));
    expect(byId.Alb!.identity.name).toBe('shop-prod');
    expect(byId.Tg!.identity.name).toBe('tg-b');
    expect(byId.Asg!.ref).toBe('group-prod');
    expect(byId.Asg!.properties.MinSize).toBe(1);
    expect((byId.Asg!.properties.Tags as { Value: string }[])[0]!.Value).toMatch(/^shop-prod-\d+\.us-east-1\.elb\.amazonaws\.com$/);
  });

  it('reports a dangling reference as an error with its YAML path and line', () => {
    const [error] = errorsOf(`Resources:
  Asg:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: 1
      MaxSize: 2
      AvailabilityZones: [us-east-1a]
      TargetGroupARNs: [!Ref NoSuchGroup]
`);
    expect(error!.path).toBe('Resources.Asg.Properties.TargetGroupARNs[0]');
    expect(error!.line).toBe(8);
    expect(error!.message).toContain('"NoSuchGroup"');
  });

  it('reports a wrong type with path and line', () => {
    const [error] = errorsOf(`Resources:
  Asg:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: lots
      MaxSize: 2
      AvailabilityZones: [us-east-1a]
`);
    expect(error!.path).toBe('Resources.Asg.Properties.MinSize');
    expect(error!.line).toBe(5);
  });

  it('rejects impossible capacity: MinSize greater than MaxSize', () => {
    const errors = errorsOf(webTier({ min: 5, max: 2, desired: 5 }));
    expect(errors.map((e) => e.message)).toContain('MinSize 5 is greater than MaxSize 2');
  });

  it('warns, naming it, about an unsupported property or resource type, and still loads', () => {
    const yaml = webTier()
      .replace('Traffic:', '  Extra:\n    Type: AWS::SQS::Queue\n    Properties: {}\nTraffic:')
      .replace('      Port: 80\n', '      Port: 80\n      Colour: blue\n');
    const scenario = scenarioFrom(yaml);
    const messages = scenario.warnings.map((w) => w.message);
    expect(messages).toContain('property Colour of AWS::ElasticLoadBalancingV2::TargetGroup is not supported by the simulator and is ignored');
    expect(messages).toContain('resource type AWS::SQS::Queue is not simulated; Extra is ignored');
    expect(scenario.warnings.find((w) => w.message.includes('Colour'))!.line).toBe(yaml.split('\n').findIndex((l) => l.includes('Colour')) + 1);
  });

  it('accepts real-template noise silently: VPC resources, Lambda permissions, ignored properties', () => {
    const scenario = scenarioFrom(`Resources:
  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
  SubnetA: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc } }
  Perm: { Type: AWS::Lambda::Permission, Properties: {} }
  Asg:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: 1
      MaxSize: 2
      VPCZoneIdentifier: [!Ref SubnetA]
      MetricsCollection: [{ Granularity: 1Minute }]
`);
    expect(scenario.warnings).toEqual([]);
    expect(scenario.resources.find((r) => r.logicalId === 'Asg')!.properties.VPCZoneIdentifier).toEqual([expect.stringMatching(/^subnet-[0-9a-f]{17}$/)]);
  });

  it('reports invalid YAML with its line', () => {
    const [error] = errorsOf('Resources:\n  A: [unclosed\n');
    expect(error!.message).toMatch(/invalid YAML/);
    expect(error!.line).toBeGreaterThan(0);
  });

  it('reports a Traffic target that no load balancer answers to', () => {
    const errors = errorsOf(webTier().replace('Target: !GetAtt Alb.DNSName', 'Target: nowhere.example.com'));
    expect(errors[0]!.path).toBe('Traffic[0].Target');
    expect(errors[0]!.message).toContain('nowhere.example.com');
  });

  it('rejects a tick that does not divide a minute', () => {
    const errors = errorsOf(webTier({ tick: '7s' }));
    expect(errors[0]!.path).toBe('Simulation.Tick');
  });

  it('detects a reference cycle instead of recursing forever', () => {
    const errors = errorsOf(`Resources:
  A:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties: { Name: !GetAtt B.TargetGroupName }
  B:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties: { Name: !GetAtt A.LoadBalancerName }
`);
    expect(errors.some((e) => e.message.includes('circular reference'))).toBe(true);
  });
});

describe('--template: Resources from a real CloudFormation template', () => {
  const full = webTier();
  const template = `AWSTemplateFormatVersion: "2010-09-09"\n${full.slice(full.indexOf('Resources:'), full.indexOf('Traffic:'))}`;
  const scenario = `${full.slice(0, full.indexOf('Resources:'))}${full.slice(full.indexOf('Traffic:'))}`;

  it('takes Resources from the template and Traffic/Simulation from the scenario', () => {
    const loaded = loadScenario(scenario, { file: 'load.yaml', template: { text: template, file: 'stack.yaml' } });
    expect(loaded.resources.map((r) => r.logicalId)).toContain('Asg');
    expect(loaded.traffic[0]!.Target).toMatch(/^web-alb-/);
    expect(loaded.simulation.seed).toBe(3);
  });

  it('reports problems inside the template against the template file', () => {
    try {
      loadScenario(scenario, { file: 'load.yaml', template: { text: template.replace('MaxSize: 10', 'MaxSize: 1'), file: 'stack.yaml' } });
      throw new Error('expected an error');
    } catch (error) {
      const message = (error as ScenarioError).message;
      expect(message).toMatch(/^stack\.yaml:\d+:\d+: error: MinSize 2 is greater than MaxSize 1/m);
    }
  });

  it('merges scenario Resources with the template by logical id and reports an id defined in both', () => {
    expect(() => loadScenario(full, { file: 'load.yaml', template: { text: template, file: 'stack.yaml' } })).toThrow(/^load\.yaml:\d+:\d+: error: "Alb" is defined both here and in the template stack\.yaml/m);
  });
});

describe('simulator hints in Metadata', () => {
  it('validates a Lambda function\'s Metadata.Simulation with path and line', () => {
    const yaml = `Resources:
  Fn:
    Type: AWS::Lambda::Function
    Metadata:
      Simulation:
        ErrorRate: 7
    Properties: { FunctionName: checkout, Runtime: nodejs20.x, Handler: index.handler, Role: arn:aws:iam::123456789012:role/x, Code: { ZipFile: "x" } }
`;
    try {
      scenarioFrom(yaml);
      throw new Error('expected an error');
    } catch (error) {
      expect((error as ScenarioError).diagnostics.find((d) => d.severity === 'error')).toMatchObject({ path: 'Resources.Fn.Metadata.Simulation.ErrorRate', line: 6 });
    }
  });

  it('takes the account Lambda concurrency quota from Simulation.LambdaConcurrencyLimit', () => {
    const scenario = scenarioFrom(`Simulation: { LambdaConcurrencyLimit: 3000 }\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties: { FunctionName: f, Runtime: nodejs20.x, Handler: index.handler, Role: arn:aws:iam::123456789012:role/x, Code: { ZipFile: "x" } }\n`);
    expect(scenario.simulation.lambdaConcurrencyLimit).toBe(3000);
    expect(new SimulationEngine(scenario).inventory().lambdaAccount).toMatchObject({ concurrentExecutionsLimit: 3000 });
  });
});
