/**
 * The compatibility corpus (issue 14, item 8): real public CloudFormation templates, unmodified, loaded
 * as `sim run --template` loads them, with at most parameter values and Imports given. Each has its
 * expected outcome in test/fixtures/cfn-corpus/corpus.yaml: the logical ids the simulator models, or
 * the one error an operator reads.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '@main/core/sources/sim/scenario/diagnostics';
import { loadScenario, type ScenarioModel } from '@main/core/sources/sim/scenario/load-scenario';
import { RESOURCE_TYPES } from '@main/core/sources/sim/scenario/resource-registry';
import { SimulationEngine } from '@main/core/sources/sim/engine';
import { runSimulation } from '@main/core/sources/sim/report';
import { readYaml } from '@main/core/sources/sim/scenario/yaml-source';

const DIR = join(import.meta.dirname, '../../../../../fixtures/cfn-corpus');

interface CorpusEntry {
  file: string;
  source: string;
  licence: string;
  parameters?: Record<string, string | number>;
  scenario?: string;
  modelled?: string[];
  warning?: string;
  error?: string;
}

const corpus = (parse(readFileSync(join(DIR, 'corpus.yaml'), 'utf8')) as { Templates: CorpusEntry[] }).Templates;

function load(entry: CorpusEntry): ScenarioModel {
  const parameters = Object.fromEntries(Object.entries(entry.parameters ?? {}).map(([key, value]) => [key, String(value)]));
  return loadScenario(entry.scenario ?? 'Simulation:\n  Seed: 1\n', {
    file: 'load.yaml',
    template: { text: readFileSync(join(DIR, entry.file), 'utf8'), file: entry.file },
    parameters,
  });
}

/** Resources of the template whose type the simulator models and that have no Condition: all must be modelled. */
function simulatedUnconditional(entry: CorpusEntry): string[] {
  const template = readYaml(readFileSync(join(DIR, entry.file), 'utf8'), entry.file).value as { Resources: Record<string, { Type: string; Condition?: string }> };
  return Object.entries(template.Resources)
    .filter(([, resource]) => RESOURCE_TYPES[resource.Type] !== undefined && resource.Condition === undefined)
    .map(([id]) => id);
}

describe('CloudFormation compatibility corpus (test/fixtures/cfn-corpus)', () => {
  it('has at least 15 templates, each with a source URL and a permissive licence', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(15);
    for (const entry of corpus) {
      expect(entry.source).toMatch(/^https:\/\/github\.com\/[^/]+\/[^/]+\/blob\/[0-9a-f]{40}\//);
      expect(['Apache-2.0', 'MIT', 'MIT-0']).toContain(entry.licence);
      expect(entry.modelled !== undefined || entry.error !== undefined).toBe(true);
    }
  });

  it('at least 15 load unmodified (at most parameter values and Imports given)', () => {
    const loading = corpus.filter((entry) => entry.modelled !== undefined);
    expect(loading.length).toBeGreaterThanOrEqual(15);
  });

  for (const entry of corpus) {
    if (entry.modelled) {
      it(`${entry.file}: loads, models ${entry.modelled.join(', ')}, and runs`, () => {
        const model = load(entry);
        expect(model.resources.map((r) => r.logicalId).sort()).toEqual([...entry.modelled!].sort());
        for (const id of simulatedUnconditional(entry)) expect(entry.modelled).toContain(id);
        if (entry.warning) expect(model.warnings.map((w) => w.message)).toContainEqual(expect.stringContaining(entry.warning));
        const report = runSimulation(new SimulationEngine(model), 120);
        expect(report.simulatedSeconds).toBe(120);
      });
    } else {
      it(`${entry.file}: refused with one error: ${entry.error}`, () => {
        let error: unknown;
        try {
          load(entry);
        } catch (thrown) {
          error = thrown;
        }
        expect(error).toBeInstanceOf(ScenarioError);
        const errors = (error as ScenarioError).diagnostics.filter((d) => d.severity === 'error');
        expect(errors).toHaveLength(1);
        expect(errors[0]!.message).toContain(entry.error);
        expect(errors[0]!.file).toBe(entry.file);
      });
    }
  }
});
