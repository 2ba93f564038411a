/**
 * Codes that cross the contract must each have a message: a code without one would reach the
 * window as a bare key. (ko.ts has exactly en.ts's keys: test/renderer/i18n.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { DnsTextCode, FaultFieldCode, FaultKindCode, RefusalCode, RequestProblemCode, ScenarioProblemCode, SimActionKindCode, TimelineTextCode } from '@contract';
import { messages } from '@/i18n';

function has(tree: unknown, path: string): boolean {
  const value = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], tree);
  return typeof value === 'string' && value.length > 0;
}

describe('every code crossing the contract has a message in en and ko', () => {
  for (const [locale, tree] of Object.entries(messages)) {
    it(`${locale}: fault kinds, their fields, scenario actions, timeline entries, DNS explanations, scenario problems`, () => {
      const missing = [
        ...FaultKindCode.options.flatMap((code) => [`faultNames.${code}`, `faults.${code}`]),
        ...FaultFieldCode.options.map((code) => `faultFields.${code}`),
        ...SimActionKindCode.options.map((code) => `simActions.${code}`),
        ...TimelineTextCode.options.map((code) => `timelineText.${code}`),
        ...DnsTextCode.options.map((code) => `dnsText.${code}`),
        ...ScenarioProblemCode.options.map((code) => `scenarioProblems.${code}`),
      ].filter((key) => !has(tree, key));
      expect(missing).toEqual([]);
    });

    // A refused or failed request (ContractError.problem): the core's own codes, a control action's
    // refusal (`refusal.<code>`), and the window's own transport failures (utils/request-error.ts).
    it(`${locale}: every problem a refused request can carry`, () => {
      const missing = [
        ...RequestProblemCode.options.map((code) => `requestProblems.${code}`),
        ...RefusalCode.options.map((code) => `actionRules.refusal.${code}`),
        ...['Disconnected', 'Timeout', 'InvalidResponse'].map((code) => `requestProblems.transport.${code}`),
      ].filter((key) => !has(tree, key));
      expect(missing).toEqual([]);
    });
  }
});
