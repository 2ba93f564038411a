import { describe, expect, it } from 'vitest';
import { SimulationEngine } from '@main/core/sources/sim/engine';
import { scenarioFrom, webTier } from '../../../../../helpers/scenarios';

/**
 * Traffic keeps each population's multiplier between MultiplyTraffic faults (issue 15 item 6): it must
 * be worked out again whenever a fault or its revert changes one, named or for every population.
 */
describe('traffic multipliers follow their faults', () => {
  it('a population\'s own and the global multiplier combine, and each revert takes effect at once', () => {
    const engine = new SimulationEngine(scenarioFrom(webTier({ rate: '50' })));
    const offered = () => engine.metrics.get('Flightdeck/Traffic', 'OfferedRequests', { Population: 'users' })!;
    engine.advanceBy(60);
    engine.injectFault('MultiplyTraffic', { Name: 'users', Factor: 2 }, 120);
    engine.advanceBy(60);
    engine.injectFault('MultiplyTraffic', { Factor: 3 }, 60);
    engine.advanceBy(120);
    expect(offered().points('Sum').map((p) => p[1])).toEqual([3000, 6000, 18000, 3000]);
  });
});
