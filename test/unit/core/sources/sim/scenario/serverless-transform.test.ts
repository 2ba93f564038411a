/**
 * Issue 14 items 5–6: the AWS SAM transform for AWS::Serverless::Function (sam-resource-function.html;
 * generated resources: sam-specification-generated-resources-function.html; Globals:
 * sam-specification-template-anatomy-globals.html), no Lambda target shown healthy while every request
 * gets 503, a health-check Matcher range honoured (API_Matcher: "200-299", codes 200–499 for an ALB) and
 * a boolean target-group attribute value accepted.
 */
import { describe, expect, it } from 'vitest';
import { SimulationEngine } from '@main/core/sources/sim/engine';
import { loadScenario } from '@main/core/sources/sim/scenario/load-scenario';
import { ScenarioError } from '@main/core/sources/sim/scenario/diagnostics';

const SCENARIO = `
Simulation:
  StartTime: 2026-11-20T08:00:00Z
  Tick: 5s
Traffic:
  - Name: users
    Target: !GetAtt Alb.DNSName
    Rate: 10
    Requests: [{ Path: /hello, Share: 1 }]
`;

/** The shape of aws-samples/serverless-patterns alb-lambda-rest-api-sam-py (MIT-0), trimmed. */
function samTemplate(functionType = 'AWS::Serverless::Function', transform = 'Transform: AWS::Serverless-2016-10-31'): string {
  return `
AWSTemplateFormatVersion: '2010-09-09'
${transform}
Globals:
  Function:
    Timeout: 3
    MemorySize: 256
    Environment: { Variables: { LEVEL: INFO } }
Resources:
  HelloFunction:
    Type: ${functionType}
    Properties:
      CodeUri: .
      Handler: app.handler
      Runtime: python3.12
      Timeout: 10
      Environment: { Variables: { NAME: hello } }
      Policies: [AWSLambdaBasicExecutionRole]
      EventInvokeConfig: { MaximumRetryAttempts: 1 }
      Events:
        GetHello: { Type: Api, Properties: { Path: /hello, Method: get } }
  Permission:
    Type: AWS::Lambda::Permission
    Properties: { FunctionName: !GetAtt HelloFunction.Arn, Action: lambda:InvokeFunction, Principal: elasticloadbalancing.amazonaws.com }
  Alb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties: { Name: hello-alb, Scheme: internet-facing }
  Tg:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties:
      Name: hello-tg
      HealthCheckEnabled: false
      TargetType: lambda
      Targets: [{ Id: !GetAtt HelloFunction.Arn }]
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Alb
      Port: 80
      DefaultActions: [{ Type: forward, TargetGroupArn: !Ref Tg }]
`;
}

function load(template: string) {
  return loadScenario(SCENARIO, { file: 'hello.yaml', template: { text: template, file: 'template.yaml' } });
}

function run(template: string) {
  const engine = new SimulationEngine(load(template));
  engine.advanceBy(5 * 60);
  const sum = (name: string) =>
    [...engine.metrics.all()].filter((s) => s.metricName === name && s.dimensions.TargetGroup === undefined).reduce((total, s) => total + s.points('Sum').reduce((a, p) => a + p[1], 0), 0);
  return { engine, sum };
}

describe('the SAM transform (AWS::Serverless::Function)', () => {
  it('a SAM function behind an ALB serves the requests: no 503, the function is invoked', () => {
    const { engine, sum } = run(samTemplate());
    expect(sum('HTTPCode_ELB_503_Count')).toBe(0);
    expect(sum('Invocations')).toBeGreaterThan(2500);
    expect(sum('HTTPCode_Target_2XX_Count')).toBe(sum('RequestCount'));
    const fn = engine.inventory().lambdaFunctions.find((f) => f.functionName.includes('HelloFunction'))!;
    // Globals.Function applies, the function's own Timeout wins, maps merge (sam-specification-template-anatomy-globals).
    expect(fn).toMatchObject({ memorySize: 256, timeout: 10 });
    expect(engine.inventory().targetGroups[0]!.targets[0]!.targetId).toBe(fn.functionArn);
  });

  it('names each event source the simulator does not run, and what drives the function instead', () => {
    const warnings = load(samTemplate()).warnings;
    expect(warnings).toContainEqual(
      expect.objectContaining({ file: 'template.yaml', path: 'Resources.HelloFunction.Properties.Events.GetHello', message: expect.stringMatching(/event GetHello \(Api\) of HelloFunction .*API Gateway REST APIs are not simulated.*Traffic with Target: !Ref HelloFunction/) }),
    );
    expect(warnings.find((w) => w.path === 'Resources.HelloFunction.Properties.Events.GetHello')!.line).toBeGreaterThan(0);
    // EventInvokeConfig becomes the AWS::Lambda::EventInvokeConfig SAM generates; IAM properties are quiet.
    expect(warnings.filter((w) => /EventInvokeConfig|Policies|CodeUri|Globals/.test(w.message))).toEqual([]);
  });

  it('resolves SAM references to generated resources (MyApi.Stage, Fn.Alias) and the implicit ServerlessRestApi', () => {
    // The shape of aws-samples/serverless-patterns apigw-lambda-sns-monitoring-sam (MIT-0), trimmed.
    // REST API metrics (5XXError by ApiName) are not simulated: HTTP APIs publish 5xx by ApiId (APIGW-5).
    const template = `${samTemplate()}
  RestApi:
    Type: AWS::Serverless::Api
    Properties: { StageName: s1 }
  ApiErrors:
    Type: AWS::CloudWatch::Alarm
    Properties:
      Namespace: AWS/ApiGateway
      MetricName: 5XXError
      Dimensions: [{ Name: ApiName, Value: !Ref ServerlessRestApi }, { Name: Stage, Value: !Ref RestApi.Stage }]
      Statistic: Sum
      Period: 60
      EvaluationPeriods: 1
      Threshold: 1
      ComparisonOperator: GreaterThanOrEqualToThreshold
`;
    const scenario = load(template);
    const alarm = scenario.resources.find((r) => r.logicalId === 'ApiErrors')!;
    expect((alarm.properties.Dimensions as { Value: string }[])[1]!.Value).toBe('s1');
    expect(scenario.warnings.map((w) => w.message)).toContainEqual(expect.stringMatching(/AWS\/ApiGateway 5XXError \{ApiName=.*, Stage=s1\}.*does not publish 5XXError in AWS\/ApiGateway/));
  });

  it('without the Transform, a SAM type is an error that says what is missing', () => {
    expect(() => load(samTemplate(undefined, ''))).toThrow(ScenarioError);
    try {
      load(samTemplate(undefined, ''));
    } catch (error) {
      expect((error as ScenarioError).message).toMatch(/AWS::Serverless::Function needs "Transform: AWS::Serverless-2016-10-31".*sam build/);
    }
  });

  it('a Lambda target that is no function of the stack is not shown healthy while requests get 503', () => {
    // Before the fix: the ignored type left "HelloFunction-…/Arn" registered and healthy, and 100 % of requests got 503.
    const template = samTemplate('AWS::Serverless::Function').replace('Targets: [{ Id: !GetAtt HelloFunction.Arn }]', 'Targets: [{ Id: arn:aws:lambda:us-east-1:999999999999:function:elsewhere }]');
    const scenario = load(template);
    expect(scenario.warnings).toContainEqual(expect.objectContaining({ path: 'Resources.Tg.Properties.Targets[0].Id', message: expect.stringMatching(/not a Lambda function of this stack.*503/) }));
    const { engine, sum } = run(template);
    expect(engine.inventory().targetGroups[0]!.targets).toEqual([]);
    expect(sum('HTTPCode_ELB_503_Count')).toBe(sum('RequestCount'));
  });
});

describe('target group Matcher and attributes (API_Matcher, elb target group attributes)', () => {
  const withTg = (tg: string) => samTemplate().replace('      HealthCheckEnabled: false\n', `      HealthCheckEnabled: true\n${tg}`);

  it('a Matcher range 200-299 is kept as written, and a matcher that excludes 200 fails the health checks', () => {
    const { engine } = run(withTg('      Matcher: { HttpCode: 200-299 }\n'));
    const group = engine.inventory().targetGroups[0]!;
    expect(group.healthCheck?.matcher).toBe('200-299');
    expect(group.targets[0]!.state).toBe('healthy');
    const failing = run(withTg('      Matcher: { HttpCode: "301,302" }\n')).engine.inventory().targetGroups[0]!;
    expect(failing.targets[0]).toMatchObject({ state: 'unhealthy', reason: 'Target.FailedHealthChecks' });
  });

  it('a Matcher outside 200–499 or not a code list is an error at its line', () => {
    expect(() => load(withTg('      Matcher: { HttpCode: 200-600 }\n'))).toThrow(/Matcher HttpCode "200-600": an Application Load Balancer accepts codes from 200 to 499/);
    expect(() => load(withTg('      Matcher: { HttpCode: ok }\n'))).toThrow(/must be codes such as 200/);
  });

  it('a boolean attribute value (Value: false) is accepted as CloudFormation passes it', () => {
    const scenario = load(withTg('      TargetGroupAttributes: [{ Key: stickiness.enabled, Value: false }, { Key: deregistration_delay.timeout_seconds, Value: 20 }]\n'));
    const tg = scenario.resources.find((r) => r.logicalId === 'Tg')!;
    expect(tg.properties.TargetGroupAttributes).toEqual([{ Key: 'stickiness.enabled', Value: 'false' }, { Key: 'deregistration_delay.timeout_seconds', Value: '20' }]);
  });
});
