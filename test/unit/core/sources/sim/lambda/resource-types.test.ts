import { describe, expect, it } from 'vitest';
import { ScenarioError } from '@main/core/sources/sim/scenario/diagnostics';
import { lambdaScenario } from './lambda-scenario';

function errorsOf(yaml: string): string[] {
  try {
    lambdaScenario(yaml);
  } catch (error) {
    if (error instanceof ScenarioError) return error.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
    throw error;
  }
  throw new Error('expected the scenario to be rejected');
}

describe('AWS::Lambda::Function in scenario files', () => {
  it('loads a function as in a real template: Ref is the name, GetAtt Arn the ARN, deployment properties quietly ignored', () => {
    const scenario = lambdaScenario(`
Resources:
  Api:
    Type: AWS::Lambda::Function
    Properties:
      FunctionName: orders-api
      Runtime: python3.13
      Handler: app.handler
      MemorySize: "512"
      Timeout: 10
      ReservedConcurrentExecutions: 25
      Architectures: [arm64]
      Role: !GetAtt ApiRole.Arn
      Code: { S3Bucket: artifacts, S3Key: api.zip }
      Environment: { Variables: { TABLE: orders } }
      Layers: [arn:aws:lambda:us-east-1:123456789012:layer:deps:3]
      VpcConfig: { SubnetIds: [subnet-1], SecurityGroupIds: [sg-1] }
      Tags: [{ Key: team, Value: shop }]
  ApiRole:
    Type: AWS::IAM::Role
    Properties: { AssumeRolePolicyDocument: {} }
  ApiPermission:
    Type: AWS::Lambda::Permission
    Properties: { FunctionName: !GetAtt Api.Arn, Action: lambda:InvokeFunction, Principal: elasticloadbalancing.amazonaws.com }
  Tg:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties:
      Name: orders-fn
      TargetType: lambda
      Targets: [{ Id: !GetAtt Api.Arn }]
      Tags: [{ Key: function, Value: !Ref Api }]
`);
    expect(scenario.warnings).toEqual([]);
    const api = scenario.resources.find((r) => r.logicalId === 'Api')!;
    expect(api.ref).toBe('orders-api');
    expect(api.properties).toEqual({ FunctionName: 'orders-api', Runtime: 'python3.13', Handler: 'app.handler', MemorySize: 512, Timeout: 10, ReservedConcurrentExecutions: 25, Architectures: ['arm64'] });
    const tg = scenario.resources.find((r) => r.logicalId === 'Tg')!;
    expect(tg.properties.Targets).toEqual([{ Id: 'arn:aws:lambda:us-east-1:123456789012:function:orders-api' }]);
    expect(tg.properties.Tags).toEqual([{ Key: 'function', Value: 'orders-api' }]);
  });

  it('names an unnamed function like CloudFormation (stack-logicalId-SUFFIX, at most 64 characters)', () => {
    const scenario = lambdaScenario('Resources:\n  Handler:\n    Type: AWS::Lambda::Function\n    Properties: { Runtime: nodejs22.x }\n', 'serverless.yaml');
    expect(scenario.resources[0]!.ref).toMatch(/^serverless-Handler-[0-9A-F]{12}$/);
  });

  it('reports MemorySize, Timeout and reserved concurrency outside the AWS bounds with their paths', () => {
    expect(
      errorsOf(`
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties: { MemorySize: 64, Timeout: 901, ReservedConcurrentExecutions: -1 }
`),
    ).toEqual(['MemorySize 64 must be between 128 and 10240 MB', 'Timeout 901 must be between 1 and 900 seconds', 'ReservedConcurrentExecutions -1 cannot be negative']);
    expect(errorsOf('Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties: { MemorySize: 10241 }\n')).toEqual(['MemorySize 10241 must be between 128 and 10240 MB']);
    expect(errorsOf('Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties: { Architectures: [x86_64, arm64] }\n')).toEqual(['Architectures holds exactly one of x86_64, arm64']);
    expect(errorsOf('Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties: { FunctionName: "has space" }\n')).toEqual(['a function name is 1–64 letters, digits, hyphens or underscores']);
  });

  it('warns about a property the simulator does not know, and rejects GetAtt of an attribute functions do not have', () => {
    const scenario = lambdaScenario('Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties: { Banana: 1 }\n');
    expect(scenario.warnings.map((w) => w.message)).toEqual(['property Banana of AWS::Lambda::Function is not supported by the simulator and is ignored']);
    // (The loader evaluates a name property twice, so it reports this twice.)
    expect(new Set(errorsOf('Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n  Tg:\n    Type: AWS::ElasticLoadBalancingV2::TargetGroup\n    Properties: { Name: !GetAtt Fn.Url }\n'))).toEqual(new Set([
      'Fn::GetAtt: AWS::Lambda::Function has no attribute "Url" (known: Arn)',
    ]));
  });

  it('checks AWS::Lambda::EventInvokeConfig bounds: event age 60 s … 6 h, 0 … 2 retries', () => {
    expect(
      errorsOf(`
Resources:
  Fn:
    Type: AWS::Lambda::Function
  Cfg:
    Type: AWS::Lambda::EventInvokeConfig
    Properties: { FunctionName: !Ref Fn, Qualifier: $LATEST, MaximumEventAgeInSeconds: 21601, MaximumRetryAttempts: 3 }
`),
    ).toEqual(['MaximumEventAgeInSeconds 21601 must be between 60 and 21600', 'MaximumRetryAttempts 3 must be between 0 and 2']);
  });
});
