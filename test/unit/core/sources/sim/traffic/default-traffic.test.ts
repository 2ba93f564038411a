/**
 * Issue 14 item 6: without a Traffic section a template still shows a living system — a default
 * population per internet-facing Application Load Balancer (its mix reaching every listener rule a
 * request can meet: path, host, method, header; rule-condition-types.html) and per Lambda function URL
 * (invoking the function, LAM-8), each announced as a notice; Traffic may target a DB instance directly;
 * request classes carry a method and headers so http-request-method and http-header rules match.
 */
import { describe, expect, it } from 'vitest';
import { SimulationEngine } from '@main/core/sources/sim/engine';
import { loadScenario } from '@main/core/sources/sim/scenario/load-scenario';
import { DEFAULT_LOAD_BALANCER_RATE, formatNotice } from '@main/core/sources/sim/traffic/default-traffic';

const HEAD = `
Simulation:
  StartTime: 2026-11-20T08:00:00Z
  Tick: 5s
`;

/** An ALB whose rules split on path, method and header, each to its own fixed response (the default: 200). */
function albStack(scheme = 'internet-facing'): string {
  const rule = (id: string, priority: number, condition: string, code: number) => `
  ${id}:
    Type: AWS::ElasticLoadBalancingV2::ListenerRule
    Properties:
      ListenerArn: !Ref Listener
      Priority: ${priority}
      Conditions: [${condition}]
      Actions: [{ Type: fixed-response, FixedResponseConfig: { StatusCode: "${code}" } }]`;
  return `
Resources:
  Alb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties: { Name: shop, Scheme: ${scheme} }
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Alb
      DefaultActions: [{ Type: fixed-response, FixedResponseConfig: { StatusCode: "200" } }]
${rule('Api', 10, '{ Field: path-pattern, Values: ["/api/*"] }', 404)}
${rule('Posts', 20, '{ Field: http-request-method, HttpRequestMethodConfig: { Values: [POST] } }', 401)}
${rule('Beta', 30, '{ Field: http-header, HttpHeaderConfig: { HttpHeaderName: X-Beta, Values: ["on*"] } }', 500)}
`;
}

function counts(engine: SimulationEngine) {
  const sum = (name: string) => [...engine.metrics.all()].filter((s) => s.metricName === name && s.dimensions.TargetGroup === undefined).reduce((t, s) => t + s.points('Sum').reduce((a, p) => a + p[1], 0), 0);
  return { requests: sum('RequestCount'), fixed: sum('HTTP_Fixed_Response_Count'), elb4xx: sum('HTTPCode_ELB_4XX_Count'), elb500: sum('HTTPCode_ELB_500_Count') };
}

describe('default Traffic (no Traffic section)', () => {
  it('an internet-facing load balancer gets a population whose mix reaches every rule a request can meet, announced as a notice', () => {
    const scenario = loadScenario(HEAD + albStack(), { file: 'shop.yaml' });
    expect(scenario.notices).toEqual([{ code: 'defaultTraffic', params: { population: 'default-shop', target: expect.stringMatching(/^shop-\d+\.us-east-1\.elb\.amazonaws\.com$/), rate: DEFAULT_LOAD_BALANCER_RATE } }]);
    expect(formatNotice(scenario.notices![0]!)).toMatch(/^notice: no Traffic section; default population default-shop sends 20 requests\/s to shop-/);
    // "/", "/api/" (path), POST (method), X-Beta: on (header).
    expect(scenario.traffic[0]!.Requests).toEqual([
      { Path: '/', Share: 1 },
      { Path: '/api/', Share: 1 },
      { Path: '/', Method: 'POST', Share: 1 },
      { Path: '/', Headers: { 'X-Beta': 'on' }, Share: 1 },
    ]);
    const engine = new SimulationEngine(scenario);
    engine.advanceBy(5 * 60);
    const c = counts(engine);
    expect(c.requests).toBeGreaterThan(5 * 60 * DEFAULT_LOAD_BALANCER_RATE * 0.9);
    // A quarter each: the default action (200), the path rule (404), the method rule (401), the header rule (500).
    expect(c.fixed).toBe(c.requests);
    expect(c.elb4xx / c.requests).toBeCloseTo(0.5, 1);
    expect(c.elb500 / c.requests).toBeCloseTo(0.25, 1);
  });

  it('an internal load balancer gets none, and the notice says nothing drives the stack', () => {
    const scenario = loadScenario(HEAD + albStack('internal'), { file: 'internal.yaml' });
    expect(scenario.traffic).toEqual([]);
    expect(scenario.notices).toEqual([{ code: 'nothingToDrive', params: {} }]);
  });

  it('Traffic: [] means no traffic and no notice', () => {
    const scenario = loadScenario(`${HEAD}Traffic: []\n${albStack()}`, { file: 'quiet.yaml' });
    expect(scenario.traffic).toEqual([]);
    expect(scenario.notices).toBeUndefined();
  });

  it('a function URL (SAM FunctionUrlConfig) gets a population that invokes the function', () => {
    const template = `
Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::Function
    Properties: { Handler: index.handler, Runtime: nodejs20.x, InlineCode: "exports.handler = async () => ({})", FunctionUrlConfig: { AuthType: NONE } }
`;
    const scenario = loadScenario(HEAD, { file: 'url.yaml', template: { text: template, file: 'template.yaml' } });
    expect(scenario.notices).toEqual([{ code: 'defaultTraffic', params: { population: 'default-ApiUrl', target: expect.stringMatching(/^template-Api-[0-9A-F]{12}$/), rate: 5 } }]);
    const engine = new SimulationEngine(scenario);
    engine.advanceBy(5 * 60);
    const invocations = [...engine.metrics.all()].filter((s) => s.metricName === 'Invocations' && s.dimensions.FunctionName).reduce((t, s) => t + s.points('Sum').reduce((a, p) => a + p[1], 0), 0);
    expect(invocations).toBeGreaterThan(5 * 60 * 5 * 0.9);
  });
});

describe('Traffic aimed at a DB instance, and methods and headers in an explicit mix', () => {
  it('clients querying a DB instance directly: reads and writes per Database.WriteShare (an RDS-only stack can be driven)', () => {
    const yaml = `${HEAD}
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties: { DBInstanceIdentifier: reports, Engine: mysql, EngineVersion: '8.0.40', DBInstanceClass: db.r6g.large, AllocatedStorage: 100 }
Traffic:
  - Name: reporting
    Target: !Ref Db
    Rate: 50
    Database: { DBInstanceIdentifier: reports, WriteShare: 0.5 }
`;
    const engine = new SimulationEngine(loadScenario(yaml, { file: 'db.yaml' }));
    engine.advanceBy(5 * 60);
    const mean = (name: string) => {
      const points = engine.metrics.get('AWS/RDS', name, { DBInstanceIdentifier: 'reports' })!.points('Average');
      return points.reduce((a, p) => a + p[1], 0) / points.length;
    };
    expect(mean('ReadIOPS')).toBeGreaterThan(0);
    expect(mean('WriteIOPS')).toBeGreaterThan(0);
    expect(mean('DatabaseConnections')).toBeGreaterThan(0);
  });

  it('a Traffic target that is nothing of the stack names the DB instance among the accepted forms', () => {
    expect(() => loadScenario(`${HEAD}${albStack()}Traffic: [{ Name: x, Target: nowhere, Rate: 1 }]\n`, { file: 'bad.yaml' })).toThrow(/a Lambda function, a DB instance/);
  });

  it('Method and Headers in Requests reach http-request-method and http-header rules', () => {
    const yaml = `${HEAD}${albStack()}Traffic:
  - Name: users
    Target: !GetAtt Alb.DNSName
    Rate: 10
    Requests:
      - { Path: /, Method: POST, Share: 1 }
      - { Path: /, Headers: { x-beta: ON-please }, Share: 1 }
`;
    const engine = new SimulationEngine(loadScenario(yaml, { file: 'mix.yaml' }));
    engine.advanceBy(5 * 60);
    const c = counts(engine);
    // Header names and values compare case-insensitively, with wildcards (rule-condition-types.html).
    expect(c.elb4xx).toBeCloseTo(c.requests / 2, -1);
    expect(c.elb500).toBeCloseTo(c.requests / 2, -1);
    expect(c.fixed).toBe(c.requests);
  });
});
