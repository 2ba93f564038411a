import { describe, expect, it } from 'vitest';
import { SimulationEngine } from '@main/core/sources/sim/engine';
import type { LambdaService } from '@main/core/sources/sim/lambda/lambda-service';
import { configurationsOverlap, eventTypeMatches, keyMatches } from '@main/core/sources/sim/s3/s3-event-filter';
import { scenarioFrom } from '../../../../../helpers/scenarios';

const sum = (points: [number, number][] | undefined) => (points ?? []).reduce((total, [, v]) => total + v, 0);

function scenario(options: { errorRate?: number; notifications?: string; keys?: string; rate?: number } = {}): string {
  return `
Simulation: { StartTime: 2026-11-20T08:00:00Z, Seed: 3, Tick: 5s }
Resources:
  Thumbnailer:
    Type: AWS::Lambda::Function
    Metadata: { Simulation: { DurationMs: 200, DurationSpread: 0.01, ColdStartMs: 0, ErrorRate: ${options.errorRate ?? 0} } }
    Properties: { FunctionName: thumbnailer, Role: r, Code: { ZipFile: x } }
  Uploads:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: photo-uploads
      NotificationConfiguration:
        LambdaConfigurations:
${options.notifications ?? `          - Event: s3:ObjectCreated:*
            Function: !GetAtt Thumbnailer.Arn
            Filter: { S3Key: { Rules: [ { Name: prefix, Value: uploads/ }, { Name: suffix, Value: .jpg } ] } }`}
Traffic:
  - Name: uploaders
    Target: !Ref Uploads
    Rate: ${options.rate ?? 4}
    Keys: ${options.keys ?? '[ { Key: uploads/*.jpg, Share: 3 }, { Key: uploads/*.png, Share: 1 } ]'}
`;
}

// docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-event-types-and-destinations.html
describe('S3EV-1: event types, one API or all of a kind with * (notification-how-to-event-types-and-destinations)', () => {
  it('S3EV-1: s3:ObjectCreated:* and s3:ObjectCreated:Put match a PUT; :Post, :Copy and ObjectRemoved do not', () => {
    expect(eventTypeMatches('s3:ObjectCreated:*', 's3:ObjectCreated:Put')).toBe(true);
    expect(eventTypeMatches('s3:ObjectCreated:Put', 's3:ObjectCreated:Put')).toBe(true);
    expect(eventTypeMatches('s3:ObjectCreated:Post', 's3:ObjectCreated:Put')).toBe(false);
    expect(eventTypeMatches('s3:ObjectCreated:Copy', 's3:ObjectCreated:Put')).toBe(false);
    expect(eventTypeMatches('s3:ObjectRemoved:*', 's3:ObjectCreated:Put')).toBe(false);
  });

  it('S3EV-1: a bucket notified only of s3:ObjectCreated:Copy does not invoke its function for PUTs', () => {
    const yaml = scenario({ notifications: `          - Event: s3:ObjectCreated:Copy\n            Function: !GetAtt Thumbnailer.Arn` });
    const engine = new SimulationEngine(scenarioFrom(yaml));
    engine.advanceBy(120);
    expect(engine.metrics.get('AWS/Lambda', 'Invocations', { FunctionName: 'thumbnailer' })).toBeUndefined();
  });

  it('S3EV-1: an event type S3 does not know is a load error naming it', () => {
    const yaml = scenario({ notifications: `          - Event: s3:ObjectCreated:Upload\n            Function: !GetAtt Thumbnailer.Arn` });
    expect(() => scenarioFrom(yaml)).toThrow(/an S3 event type such as s3:ObjectCreated.*LambdaConfigurations\[0\]\.Event/);
  });
});

// docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-filtering.html
describe('S3EV-2: key name filtering by prefix and suffix (notification-how-to-filtering)', () => {
  it('S3EV-2: a key matches when it begins with the prefix and ends with the suffix', () => {
    expect(keyMatches({ prefix: 'uploads/', suffix: '.jpg' }, 'uploads/a.jpg')).toBe(true);
    expect(keyMatches({ prefix: 'uploads/', suffix: '.jpg' }, 'uploads/a.png')).toBe(false);
    expect(keyMatches({ prefix: 'uploads/', suffix: '.jpg' }, 'other/a.jpg')).toBe(false);
    expect(keyMatches({}, 'anything')).toBe(true);
  });

  it('S3EV-2: only the PUTs whose keys pass the filter invoke the function (3 of 4 here)', () => {
    const engine = new SimulationEngine(scenarioFrom(scenario()));
    engine.advanceBy(10 * 60);
    const received = sum(engine.metrics.get('AWS/Lambda', 'AsyncEventsReceived', { FunctionName: 'thumbnailer' })?.points('Sum'));
    const puts = sum(engine.metrics.get('Flightdeck/Traffic', 'OfferedRequests', { Population: 'uploaders' })?.points('Sum'));
    expect(puts).toBe(4 * 600);
    expect(received).toBe(3 * 600);
  });
});

// AWS::S3::Bucket S3KeyFilter (aws-properties-s3-bucket-s3keyfilter.html): "The same type of filter rule
// cannot be used more than once. For example, you cannot specify two prefix rules."
describe('S3EV-2: a key filter holds at most one prefix and one suffix rule (aws-properties-s3-bucket-s3keyfilter)', () => {
  it('S3EV-2: two prefix rules in one filter are a load error naming the configuration, not a silently ignored rule', () => {
    const yaml = scenario({
      notifications: `          - Event: s3:ObjectCreated:*\n            Function: !GetAtt Thumbnailer.Arn\n            Filter: { S3Key: { Rules: [ { Name: prefix, Value: uploads/ }, { Name: Prefix, Value: other/ } ] } }`,
    });
    expect(() => scenarioFrom(yaml)).toThrow(/more than one prefix rule[^]*LambdaConfigurations[^]*0[^]*Rules/);
  });

  it('S3EV-2: two suffix rules in one filter are a load error too', () => {
    const yaml = scenario({
      notifications: `          - Event: s3:ObjectCreated:*\n            Function: !GetAtt Thumbnailer.Arn\n            Filter: { S3Key: { Rules: [ { Name: suffix, Value: .jpg }, { Name: suffix, Value: .png } ] } }`,
    });
    expect(() => scenarioFrom(yaml)).toThrow(/more than one suffix rule/);
  });
});

describe('S3EV-3: overlapping notification configurations are refused (notification-how-to-filtering)', () => {
  it('S3EV-3: the same event type with overlapping prefixes and suffixes is "ambiguously defined"', () => {
    expect(configurationsOverlap({ event: 's3:ObjectCreated:*', prefix: 'uploads/' }, { event: 's3:ObjectCreated:Put', prefix: 'uploads/images/' })).toBe(true);
    expect(configurationsOverlap({ event: 's3:ObjectCreated:*', prefix: 'a/' }, { event: 's3:ObjectCreated:*', prefix: 'b/' })).toBe(false);
    expect(configurationsOverlap({ event: 's3:ObjectCreated:*', suffix: '.jpg' }, { event: 's3:ObjectCreated:*', suffix: '.png' })).toBe(false);
    expect(configurationsOverlap({ event: 's3:ObjectCreated:*' }, { event: 's3:ObjectRemoved:*' })).toBe(false);
    const yaml = scenario({
      notifications: `          - Event: s3:ObjectCreated:*\n            Function: !GetAtt Thumbnailer.Arn\n          - Event: s3:ObjectCreated:Put\n            Function: !GetAtt Thumbnailer.Arn\n            Filter: { S3Key: { Rules: [ { Name: prefix, Value: uploads/ } ] } }`,
    });
    expect(() => scenarioFrom(yaml)).toThrow(/Configuration is ambiguously defined/);
  });
});

// docs.aws.amazon.com/lambda/latest/dg/with-s3.html, …/invocation-async-error-handling.html
describe('S3EV-4: S3 invokes the function asynchronously (with-s3)', () => {
  it('S3EV-4: every matching PUT is an asynchronous event; failed events are retried twice by Lambda', () => {
    const engine = new SimulationEngine(scenarioFrom(scenario({ errorRate: 1, rate: 2, keys: '[ { Key: uploads/*.jpg, Share: 1 } ]' })));
    engine.advanceBy(20 * 60);
    const dims = { FunctionName: 'thumbnailer' };
    const received = sum(engine.metrics.get('AWS/Lambda', 'AsyncEventsReceived', dims)?.points('Sum'));
    const invocations = sum(engine.metrics.get('AWS/Lambda', 'Invocations', dims)?.points('Sum'));
    expect(received).toBe(2 * 1200);
    // One attempt and two retries (after 1 and 2 more minutes) for the events old enough to have had them.
    expect(invocations).toBeGreaterThan(2.5 * received);
    expect(invocations).toBeLessThanOrEqual(3 * received);
    expect(sum(engine.metrics.get('AWS/Lambda', 'AsyncEventsDropped', dims)?.points('Sum'))).toBeGreaterThan(0);
  });

  it('S3EV-4: events beyond the function\'s concurrency wait in the queue instead of failing (no throttle reaches S3)', () => {
    const yaml = scenario({ rate: 50, keys: '[ { Key: uploads/*.jpg, Share: 1 } ]' }).replace('Code: { ZipFile: x } }', 'Code: { ZipFile: x }, ReservedConcurrentExecutions: 2 }');
    const engine = new SimulationEngine(scenarioFrom(yaml));
    engine.advanceBy(5 * 60);
    const dims = { FunctionName: 'thumbnailer' };
    expect(sum(engine.metrics.get('AWS/Lambda', 'Throttles', dims)?.points('Sum'))).toBeGreaterThan(0);
    // Queued, not lost: nothing is dropped within the event age, and the service holds the rest.
    expect(engine.metrics.get('AWS/Lambda', 'AsyncEventsDropped', dims)).toBeUndefined();
    expect((engine.services.functions as LambdaService).queuedEvents('thumbnailer')).toBeGreaterThan(0);
    expect(sum(engine.metrics.get('AWS/Lambda', 'AsyncEventsReceived', dims)?.points('Sum'))).toBe(50 * 300);
  });

  it('S3EV-4: the function lists the bucket as its trigger, with the event and the filter', () => {
    const engine = new SimulationEngine(scenarioFrom(scenario()));
    const fn = engine.inventory().lambdaFunctions.find((f) => f.functionName === 'thumbnailer')!;
    expect(fn.triggers).toEqual([{ kind: 's3', bucket: 'photo-uploads', events: ['s3:ObjectCreated:*'], prefix: 'uploads/', suffix: '.jpg' }]);
  });

  it('S3EV-4: HTTP request classes (Requests) or an InvocationType on a bucket target are load errors, not silently ignored', () => {
    // A bucket's PUTs take Keys; a Requests list there used to be dropped and every PUT wrote `object`.
    const requests = scenario().replace("Keys: [ { Key: uploads/*.jpg, Share: 3 }, { Key: uploads/*.png, Share: 1 } ]", 'Requests: [ { Path: /uploads/a.jpg, Share: 1 } ]');
    expect(() => scenarioFrom(requests)).toThrow(/Requests applies to a load balancer or an HTTP API[^]*Traffic\[0\]\.Requests/);
    const invocation = scenario().replace('Rate: 4', 'Rate: 4\n    InvocationType: Event');
    expect(() => scenarioFrom(invocation)).toThrow(/InvocationType applies only when Target is a Lambda function[^]*Traffic\[0\]\.InvocationType/);
  });

  it('S3EV-4: Keys on a target that is not a bucket is a load error', () => {
    const yaml = scenario().replace('Target: !Ref Uploads', 'Target: thumbnailer');
    expect(() => scenarioFrom(yaml)).toThrow(/Keys applies only when Target is an S3 bucket/);
  });
});
