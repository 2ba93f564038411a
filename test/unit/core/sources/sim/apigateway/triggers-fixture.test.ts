/** The e2e fixture of issue 16 item 4 (test/fixtures/scenarios/lambda-triggers.yaml) runs and shows what its header promises. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SimulationEngine } from '@main/core/sources/sim/engine';
import { loadScenario } from '@main/core/sources/sim/scenario/load-scenario';

const FILE = new URL('../../../../../fixtures/scenarios/lambda-triggers.yaml', import.meta.url);
const sum = (points: [number, number][] | undefined) => (points ?? []).reduce((total, [, v]) => total + v, 0);

describe('the lambda-triggers fixture', () => {
  it('APIGW-5/S3EV-4: the HTTP API publishes Count/4xx/5xx and the S3-triggered function\'s invocations rise with the uploads', () => {
    const model = loadScenario(readFileSync(FILE, 'utf8'), { file: 'lambda-triggers.yaml' });
    expect(model.warnings).toEqual([]);
    const engine = new SimulationEngine(model);
    engine.advanceBy(40 * 60);
    const fns = Object.fromEntries(engine.inventory().lambdaFunctions.map((f) => [f.functionName, f]));
    const api = fns['items-api']!.triggers![0]!;
    expect(api).toMatchObject({ kind: 'apiGateway', apiName: 'shop-api', routeKeys: ['GET /items/{id}', 'GET /items'], stages: ['$default'] });
    expect(fns.thumbnailer!.triggers).toEqual([{ kind: 's3', bucket: 'flightdeck-photo-uploads', events: ['s3:ObjectCreated:*'], prefix: 'uploads/', suffix: '.jpg' }]);
    const apiId = api.kind === 'apiGateway' ? api.apiId : '';
    const gw = (name: string) => sum(engine.metrics.get('AWS/ApiGateway', name, { ApiId: apiId })?.points('Sum'));
    expect(gw('Count')).toBeGreaterThan(0);
    // /health matches no route (10 %), and the ramp beyond 40 requests/s is throttled.
    expect(gw('4xx') / gw('Count')).toBeGreaterThan(0.1);
    expect(gw('5xx')).toBeGreaterThan(0);
    const invocations = engine.metrics.get('AWS/Lambda', 'Invocations', { FunctionName: 'thumbnailer' })!.points('Sum');
    const firstMinutes = sum(invocations.slice(0, 5));
    const lastMinutes = sum(invocations.slice(-5));
    expect(lastMinutes).toBeGreaterThan(2 * firstMinutes);
    expect(sum(engine.metrics.get('AWS/Lambda', 'Throttles', { FunctionName: 'thumbnailer' })?.points('Sum'))).toBeGreaterThan(0);
  });
});
