/**
 * Issue 9 item 2: every kind of zod issue crosses as a code and parameters that are names, values
 * and numbers — never an English sentence (the window translates the code; the CLI keeps printing
 * the English `message`, which is unchanged).
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ScenarioError, type Diagnostic } from '@main/core/sources/sim/scenario/diagnostics';
import { loadScenario } from '@main/core/sources/sim/scenario/load-scenario';
import { listOf, numberIn } from '@main/core/sources/sim/scenario/limits';
import { parseSection } from '@main/core/sources/sim/scenario/section-issues';
import { SimulationSchema, TrafficSchema } from '@main/core/sources/sim/scenario/sections';
import { FAULT_PARAMETERS } from '@main/core/sources/sim/scenario/timed-entries';
import { ALB_RESOURCE_TYPES, ListenerActionSchema } from '@main/core/sources/sim/alb/resource-types';
import { APIGATEWAY_RESOURCE_TYPES } from '@main/core/sources/sim/apigateway/resource-types';
import { ROUTE53_RESOURCE_TYPES } from '@main/core/sources/sim/route53/resource-types';
import { TwinSectionSchema } from '@main/core/twin/twin-section';

interface Reported {
  message: string;
  code: string;
  params: Record<string, string | number>;
}

function reported(schema: z.ZodType, value: unknown): Reported[] {
  const found: Reported[] = [];
  parseSection(schema, value, ['Section'], (_severity, _path, message, coded) => found.push({ message, code: coded?.code ?? 'none', params: coded?.params ?? {} }));
  return found;
}

/** A sentence is two words in a row; names, values, numbers, lists of names and patterns are not. */
function expectNoSentence(problem: Reported): void {
  expect(problem.params, problem.code).not.toHaveProperty('message');
  for (const [name, value] of Object.entries(problem.params)) {
    if (typeof value === 'string' && name !== 'pattern') expect(value, `${problem.code} ${name}`).not.toMatch(/[A-Za-z']{2,} [A-Za-z']{2,}/);
  }
}

function only(schema: z.ZodType, value: unknown): Reported {
  const found = reported(schema, value);
  expect(found, JSON.stringify(found)).toHaveLength(1);
  expectNoSentence(found[0]!);
  return found[0]!;
}

describe('each zod issue kind as a code with parameters', () => {
  it('a bound of numberIn (too big, too small) carries the bound passed and the value; a fraction where a whole number is needed', () => {
    const count = z.object({ Count: numberIn('Count', 1, 100, { integer: true, why: 'instances per group' }) });
    expect(only(count, { Count: 500 })).toMatchObject({ code: 'value.numberAboveMaximum', params: { field: 'Count', bound: 100, value: 500 } });
    expect(only(count, { Count: 0 })).toMatchObject({ code: 'value.numberBelowMinimum', params: { field: 'Count', bound: 1, value: 0 } });
    expect(only(count, { Count: 1.5 })).toMatchObject({ code: 'value.notAWholeNumber', params: { field: 'Count', value: 1.5 } });
    // The CLI's English is as before.
    expect(reported(count, { Count: 500 })[0]!.message).toBe('Count must be between 1 and 100 (instances per group); got 500');
  });

  it('a number bound of only one side, with its own English message', () => {
    const schema = z.object({ TTL: z.number().min(0, 'TTL must be between 0 and 9').max(9, 'TTL must be between 0 and 9') });
    expect(only(schema, { TTL: 12 })).toMatchObject({ code: 'value.numberAboveMaximum', params: { field: 'TTL', bound: 9, value: 12 } });
  });

  it('wrong type, with the kind expected and the kind given', () => {
    expect(only(z.object({ Rate: z.number() }), { Rate: 'fast' })).toMatchObject({ code: 'value.wrongType', params: { field: 'Rate', expectedKind: 'number', gotKind: 'string', value: '"fast"' } });
    expect(only(z.object({ Rate: numberIn('Rate', 0, 10) }), { Rate: [1] })).toMatchObject({ code: 'value.wrongType', params: { field: 'Rate', expectedKind: 'number', gotKind: 'list' } });
  });

  it('a union none of whose forms fits', () => {
    const schema = z.object({ Rate: z.union([z.number(), z.object({ Ramp: z.number() }).strict()]) });
    expect(only(schema, { Rate: 'x' })).toMatchObject({ code: 'value.wrongForm', params: { field: 'Rate', expectedKinds: 'number,mapping', gotKind: 'string', value: '"x"' } });
    const shapes = z.object({ V: z.union([z.object({ A: z.number() }).strict(), z.object({ B: z.number() }).strict()]) });
    expect(only(shapes, { V: { C: 1 } })).toMatchObject({ code: 'value.unsupportedForm', params: { field: 'V', gotKind: 'mapping' } });
  });

  it('list bounds: too few, too many (listOf), exactly', () => {
    expect(only(z.object({ Points: z.array(z.number()).min(1) }), { Points: [] })).toMatchObject({ code: 'value.listTooShort', params: { field: 'Points', minimum: 1, count: 0 } });
    expect(only(z.object({ Ips: listOf('Ips', z.string(), 2) }), { Ips: ['a', 'b', 'c'] })).toMatchObject({ code: 'value.listTooLong', params: { field: 'Ips', maximum: 2, count: 3 } });
    expect(only(z.object({ Arch: z.array(z.string()).length(1, 'Arch holds exactly one') }), { Arch: ['a', 'b'] })).toMatchObject({ code: 'value.listLength', params: { field: 'Arch', length: 1, count: 2 } });
  });

  it('strings: empty, too long, not matching a pattern (its own English hint aside), not a format', () => {
    expect(only(z.object({ Name: z.string().min(1, 'a name please') }), { Name: '' })).toMatchObject({ code: 'value.stringEmpty', params: { field: 'Name' } });
    expect(only(z.object({ Name: z.string().max(3, 'short names only') }), { Name: 'abcd' })).toMatchObject({ code: 'value.stringTooLong', params: { field: 'Name', maximum: 3 } });
    expect(only(z.object({ Region: z.string().regex(/^[a-z]{2}-[a-z]+-\d$/, 'an AWS region such as eu-west-1') }), { Region: 'Mars' })).toMatchObject({ code: 'value.patternMismatch', params: { field: 'Region', value: '"Mars"', pattern: '^[a-z]{2}-[a-z]+-\\d$' } });
    expect(only(z.object({ Mail: z.string().email() }), { Mail: 'x' })).toMatchObject({ code: 'value.invalidFormat', params: { field: 'Mail', format: 'email', value: '"x"' } });
  });

  it('enum values: a string and another kind of value', () => {
    expect(only(z.object({ Mode: z.enum(['a', 'b']) }), { Mode: 'c' })).toMatchObject({ code: 'value.notOneOf', params: { field: 'Mode', values: 'a, b', value: '"c"' } });
    expect(only(z.object({ Mode: z.enum(['a', 'b']) }), { Mode: 5 })).toMatchObject({ code: 'value.notOneOfKind', params: { field: 'Mode', values: 'a, b', gotKind: 'number', value: 5 } });
  });

  it('unknown keys, and an unknown key that is probably a misspelt required one', () => {
    expect(only(z.object({ A: z.number().optional() }).strict(), { B: 1, C: 2 })).toMatchObject({ code: 'value.unknownKeys', params: { keys: 'B, C', count: 2 } });
    expect(only(z.object({ Rate: z.number() }).strict(), { Rat: 1 })).toMatchObject({ code: 'value.unknownKeysMeantRequired', params: { keys: 'Rat', count: 1, required: 'Rate' } });
  });

  it('not a multiple, an invalid record key', () => {
    expect(only(z.object({ Period: z.number().multipleOf(60) }), { Period: 61 })).toMatchObject({ code: 'value.notMultipleOf', params: { field: 'Period', divisor: 60, value: 61 } });
    expect(only(z.object({ Latency: z.record(z.string().regex(/^[A-Z]+$/, 'a location code'), z.number()) }), { Latency: { eu: 1 } })).toMatchObject({
      code: 'value.invalidKey',
      params: { field: 'Latency', key: 'eu' },
    });
  });

  it('a custom check without a code of its own still says which field and value, without English', () => {
    const schema = z.object({ Share: z.number().refine((share) => share > 0, 'Share must be greater than 0') });
    expect(only(schema, { Share: 0 })).toMatchObject({ code: 'value.invalid', params: { field: 'Share', value: 0 } });
  });
});

describe('a scenario with a value out of range', () => {
  function diagnostics(text: string): Diagnostic[] {
    try {
      return loadScenario(text, { file: 's.yaml' }).warnings;
    } catch (error) {
      if (error instanceof ScenarioError) return error.diagnostics;
      throw error;
    }
  }

  it('Rate above its limit: value.numberAboveMaximum with the bound, the English unchanged for the CLI', () => {
    const found = diagnostics('Resources:\n  Lt:\n    Type: AWS::EC2::LaunchTemplate\n    Properties: {}\nTraffic:\n  - Name: shoppers\n    Rate: 2000000\n');
    const rate = found.find((d) => d.path === 'Traffic[0].Rate');
    expect(rate, JSON.stringify(found)).toMatchObject({ code: 'value.numberAboveMaximum', params: { field: 'Rate', bound: 1_000_000, value: 2_000_000 } });
    expect(rate!.message).toBe('Rate must be between 0 and 1000000 (requests per second of one population); got 2000000');
  });
});

describe('custom checks carry codes of their own (their English stays for the CLI)', () => {
  const codes = (schema: z.ZodType, value: unknown) =>
    reported(schema, value).map((problem) => {
      expectNoSentence(problem);
      return { code: problem.code, params: problem.params };
    });

  it('traffic: a share of 0, a CIDR that is not one, too many headers, a step of 0 seconds, a span over a year', () => {
    const traffic = { Name: 'u', Target: 'x', Rate: 1, Requests: [{ Path: '/', Share: 0, Headers: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`h${i}`, 'v'])) }], ClientIps: [{ Cidr: 'nope' }] };
    expect(codes(TrafficSchema, traffic)).toEqual(
      expect.arrayContaining([
        { code: 'value.numberNotAboveMinimum', params: { field: 'Share', bound: 0, value: 0, gotKind: 'number' } },
        expect.objectContaining({ code: 'value.tooManyKeys', params: expect.objectContaining({ field: 'Headers', maximum: 10 }) }),
        { code: 'value.notACidr', params: { field: 'Cidr', value: '"nope"', gotKind: 'string' } },
      ]),
    );
    expect(codes(TrafficSchema, { Name: 'u', Target: 'x', Rate: { Steps: { Every: '0s', Values: [1] } } })).toEqual([{ code: 'value.durationBelowMinimum', params: { field: 'Every', minSeconds: 1, value: '"0s"', gotKind: 'string' } }]);
    expect(codes(TrafficSchema, { Name: 'u', Target: 'x', Rate: { Points: [['400d', 1]] } })).toEqual([{ code: 'value.durationAboveMaximum', params: { field: 'Points[0][0]', maxSeconds: 366 * 86_400, value: '"400d"', gotKind: 'string' } }]);
  });

  it('simulation: a StartTime outside the years it takes', () => {
    expect(codes(SimulationSchema, { StartTime: '1990-01-01T00:00:00Z' })).toEqual([
      { code: 'value.dateTimeOutOfRange', params: { field: 'StartTime', min: '2000-01-01T00:00:00.000Z', max: '2100-01-01T00:00:00.000Z', value: '1990-01-01T00:00:00Z' } },
    ]);
  });

  it('faults: a factor of 0', () => {
    expect(codes(FAULT_PARAMETERS.MultiplyTraffic, { Factor: 0 })).toEqual([{ code: 'value.numberNotAboveMinimum', params: { field: 'Factor', bound: 0, value: 0, gotKind: 'number' } }]);
  });

  it('resource types: a target group attribute out of range, a status code, a route key, a Route 53 health check', () => {
    const group = { TargetGroupAttributes: [{ Key: 'slow_start.duration_seconds', Value: '1000' }] };
    expect(codes(ALB_RESOURCE_TYPES['AWS::ElasticLoadBalancingV2::TargetGroup']!.properties, group)).toEqual([
      { code: 'value.numberAboveMaximum', params: { field: 'slow_start.duration_seconds', bound: 900, value: '"1000"' } },
    ]);
    expect(codes(ListenerActionSchema, { Type: 'fixed-response', FixedResponseConfig: { StatusCode: '302' } })).toEqual([
      { code: 'value.notAnHttpStatus', params: { field: 'StatusCode', value: '"302"', gotKind: 'string', allowed: '2XX, 4XX, 5XX' } },
    ]);
    expect(codes(APIGATEWAY_RESOURCE_TYPES['AWS::ApiGatewayV2::Route']!.properties, { ApiId: 'a', RouteKey: 'GET' })).toEqual([{ code: 'apiGateway.routeKeyInvalid', params: { value: 'GET', defaultKey: '$default' } }]);
    expect(codes(ROUTE53_RESOURCE_TYPES['AWS::Route53::HealthCheck']!.properties, { HealthCheckConfig: { Type: 'TCP', IPAddress: '192.0.2.1' } })).toEqual([{ code: 'route53.healthCheckNeedsPort', params: {} }]);
    expect(codes(ROUTE53_RESOURCE_TYPES['AWS::Route53::HealthCheck']!.properties, { HealthCheckConfig: { Type: 'CALCULATED', ChildHealthChecks: ['a'], HealthThreshold: 1, Port: 80 } })).toEqual([
      { code: 'route53.healthCheckOmitForCalculated', params: { key: 'Port' } },
    ]);
  });

  it('the twin section: a period that is not whole minutes', () => {
    const twin = { Source: { Account: '123456789012', Region: 'eu-west-1' }, Window: { Start: '2026-01-01T00:00:00Z', End: '2026-01-02T00:00:00Z' }, PeriodSeconds: 90 };
    expect(codes(TwinSectionSchema, twin)).toEqual([{ code: 'value.notMultipleOf', params: { field: 'PeriodSeconds', divisor: 60, value: 90, gotKind: 'number' } }]);
  });
});
