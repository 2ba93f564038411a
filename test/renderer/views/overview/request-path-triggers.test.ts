/**
 * Lambda event sources on the map (S3EV, APIGW): a function invoked by an HTTP API or by S3 events has
 * that API or bucket in front of it (the target-group column), instead of standing unconnected.
 */
import { describe, expect, it } from 'vitest';
import { Inventory } from '@contract';
import { buildRequestPath } from '@/views/overview/request-path';
import { fullInventory } from '../../support/fixtures';

function withTriggers(): Inventory {
  const inventory = fullInventory();
  const fn = inventory.lambdaFunctions[0]!;
  return Inventory.parse({
    ...inventory,
    lambdaFunctions: [
      {
        ...fn,
        triggers: [
          { kind: 'apiGateway', apiId: 'a1b2c3d4e5', apiName: 'photos-mobile-api', routeKeys: ['GET /v1/photos', 'GET /v1/photos/{id}'] },
          { kind: 's3', bucket: 'photos-uploads', events: ['s3:ObjectCreated:*'], prefix: 'uploads/', suffix: '.jpg' },
          { kind: 'other', principal: 'events.amazonaws.com' },
        ],
      },
    ],
  });
}

describe('Lambda triggers on the request path', () => {
  it('S3EV-1/APIGW-1: the HTTP API and the S3 bucket stand in front of the function, in the target-group column, each with an edge to the function it invokes', () => {
    const path = buildRequestPath(withTriggers());
    const fn = path.nodes.find((n) => n.kind === 'function')!;
    const api = path.nodes.find((n) => n.kind === 'apiGateway')!;
    const bucket = path.nodes.find((n) => n.kind === 's3Bucket')!;
    const column = path.nodes.find((n) => n.kind === 'targetGroup')!.column;
    expect(api).toMatchObject({ label: 'photos-mobile-api', detail: 'GET /v1/photos, GET /v1/photos/{id}', column, route: 'lambda', focus: 'thumbnailer' });
    expect(bucket).toMatchObject({ label: 'photos-uploads', detail: 's3:ObjectCreated:* · uploads/ · .jpg', column });
    expect(path.edges).toContainEqual({ from: api.id, to: fn.id });
    expect(path.edges).toContainEqual({ from: bucket.id, to: fn.id });
    // Only the two kinds the map can name: an "other" principal adds no node.
    expect(path.nodes.filter((n) => n.column === column).map((n) => n.kind).sort()).toEqual(['apiGateway', 's3Bucket', 'targetGroup']);
  });

  it('a function without triggers keeps the map as it was (no entry node)', () => {
    const path = buildRequestPath(fullInventory());
    expect(path.nodes.some((n) => n.kind === 'apiGateway' || n.kind === 's3Bucket')).toBe(false);
  });
});
