import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveScenarioPath } from '@main/core/scenario-files';
import { loadScenario } from '@main/core/sources/sim/scenario/load-scenario';
import { latencyFor } from '@main/core/sources/sim/route53/latency';
import { traceScenario } from '@main/cli/dns-trace';
import { SimulationEngine } from '@main/core/sources/sim/engine';
import { type Route53Service } from '@main/core/sources/sim/route53/route53-service';
import { englishDnsText } from '@main/cli/dns-text-en';

const globalFailover = (latency = '') =>
  loadScenario(readFileSync(resolveScenarioPath('global-failover'), 'utf8').replace('  Region: us-east-1\n', `  Region: us-east-1\n${latency}`), { file: 'global-failover.yaml' });

describe('Simulation.Latency: the region-to-location latency table (R53-2)', () => {
  it('overrides the built-in model for the most specific location code', () => {
    const overrides = { EU: { 'us-east-1': 5 }, DE: { 'us-east-1': 1 } };
    expect(latencyFor({ continentCode: 'EU', countryCode: 'DE' }, overrides)['us-east-1']).toBe(1);
    expect(latencyFor({ continentCode: 'EU', countryCode: 'FR' }, overrides)['us-east-1']).toBe(5);
    const model = latencyFor({ continentCode: 'AS', countryCode: 'JP' }, overrides);
    expect(model['us-east-1']).toBeGreaterThan(100);
    expect(model['ap-northeast-1']).toBeLessThan(model['us-east-1']!);
  });

  it('changes where latency records send clients, in traces and in traffic', () => {
    const from = { continentCode: 'EU', countryCode: 'DE' };
    const plain = traceScenario(globalFailover(), { name: 'www.example.com', type: 'A', from });
    expect(plain.answer.explanation.map(englishDnsText).join(' ')).toMatch(/eu-west-1/);
    // Say Germany is closest to us-east-1 (a transatlantic cable, a peering quirk): latency routing follows.
    const skewed = globalFailover('  Latency:\n    DE: { us-east-1: 3, eu-west-1: 80, ap-southeast-1: 200 }\n');
    expect(skewed.simulation.latency).toEqual({ DE: { 'us-east-1': 3, 'eu-west-1': 80, 'ap-southeast-1': 200 } });
    const trace = traceScenario(skewed, { name: 'www.example.com', type: 'A', from });
    expect(trace.answer.explanation.map(englishDnsText).join(' ')).toMatch(/us-east-1 \(3 ms\)/);
    const engine = new SimulationEngine(skewed);
    const routes = (engine.services.dns as Route53Service).routeTraffic('www.example.com', from)!;
    expect(routes.find((r) => r.endpoint.includes('us-east-1'))?.probability).toBe(1);
    expect(traceScenario(skewed, { name: 'www.example.com', type: 'A', from, atSeconds: 60 }).answer.explanation.map(englishDnsText).join(' ')).toMatch(/us-east-1/);
  });

  it('rejects a malformed table with its path', () => {
    expect(() => globalFailover('  Latency:\n    DE: { mars-north-1: 3 }\n')).toThrow(/Simulation\.Latency\.DE/);
  });
});
