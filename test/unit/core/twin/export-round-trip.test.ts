/**
 * Export → load → export gives the same Resources (issue 17 item 1): an account (here the bundled
 * shop and global-failover stacks, run by the simulator, whose inventory is the very contract shape
 * AWS mode reads) is exported, the file loads through the normal loader, and the twin's own
 * inventory exports to the same Resources.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readScenario } from '@main/core/scenario-files';
import { loadScenario } from '@main/core/sources/sim/scenario/load-scenario';
import { SimulationEngine } from '@main/core/sources/sim/engine';
import { buildTwin, twinYaml } from '@main/core/twin/build-twin';
import { exportResources, PLACEHOLDER } from '@main/core/twin/export-resources';
import { environmentNamesOf } from '@main/core/twin/twin-section';
import type { Inventory } from '@main/core/contract/model-inventory';

const window = { start: '2026-12-06T00:00:00.000Z', end: '2026-12-07T00:00:00.000Z' };
const source = { account: '123456789012', region: 'us-east-1' };

function inventoryOf(name: string): Inventory {
  const engine = new SimulationEngine(readScenario(name), { trackChanges: false });
  engine.advanceBy(60);
  return engine.inventory();
}

function exportText(inventory: Inventory, environmentNames: Record<string, string[]> = {}): string {
  return twinYaml(buildTwin({ inventory, environmentNames, source, window, periodSeconds: 300, observed: [] }));
}

describe('twin export round trip', () => {
  for (const name of ['shop', 'global-failover', 'serverless']) {
    it(`${name}: export → load → export gives the same Resources`, () => {
      const first = exportText(inventoryOf(name));
      const loaded = loadScenario(first, { file: `${name}-twin.yaml` });
      expect(loaded.warnings.filter((w) => !/PLACEHOLDER|not simulated|ignored/.test(w.message))).toEqual([]);
      expect(loaded.twin).toMatchObject({ source, window, periodSeconds: 300 });
      const engine = new SimulationEngine(loaded, { trackChanges: false });
      engine.advanceBy(60);
      const second = exportText(engine.inventory());
      expect(parse(second).Resources).toEqual(parse(first).Resources);
    });
  }

  it('keeps environment variable names through the round trip (from the twin\'s own placeholders), never their values', () => {
    const inventory = inventoryOf('serverless');
    const names = Object.fromEntries(inventory.lambdaFunctions.map((fn) => [fn.functionName, ['DB_PASSWORD', 'STAGE']]));
    const first = exportText(inventory, names);
    const loaded = loadScenario(first, { file: 'serverless-twin.yaml' });
    const engine = new SimulationEngine(loaded, { trackChanges: false });
    const byId = new Map(loaded.resources.map((r) => [r.logicalId, r.properties.FunctionName as string | undefined]));
    const second = exportText(engine.inventory(), environmentNamesOf(loaded.twin!, (id) => byId.get(id)));
    expect(parse(second).Resources).toEqual(parse(first).Resources);
    expect(parse(second).Twin.Placeholders).toEqual(parse(first).Twin.Placeholders);
    expect(loaded.twin!.placeholders.length).toBe(2 * inventory.lambdaFunctions.length);
  });

  it('never exports a secret: environment values and master passwords become placeholders, listed', () => {
    const inventory = inventoryOf('shop');
    const fn = inventory.lambdaFunctions[0]!;
    const exported = exportResources({ inventory, environmentNames: { [fn.functionName]: ['DB_PASSWORD', 'API_KEY'] } });
    const text = JSON.stringify(exported.resources);
    expect(text).not.toContain('hunter2');
    const id = exported.ids.functions.get(fn.functionName)!;
    expect(exported.resources[id]!.Properties.Environment).toEqual({ Variables: { API_KEY: PLACEHOLDER, DB_PASSWORD: PLACEHOLDER } });
    expect(exported.placeholders).toEqual(expect.arrayContaining([{ resource: id, path: 'Environment.Variables.DB_PASSWORD' }, { resource: id, path: 'Environment.Variables.API_KEY' }]));
  });
});
