/**
 * The codes a scenario or template problem crosses the contract with (issue 9: codes, not
 * sentences). The loader's diagnostics are typed with them, and the renderer translates each one
 * (i18n `scenarioProblems.<code>`; test/renderer/i18n-codes.test.ts checks every code has en and ko).
 * The wire keeps `code` a plain string so a window older than its core still shows the rest.
 */
import { z } from 'zod';

export const ScenarioProblemCode = z.enum([
  'condition.undeclared',
  'file.invalidJson',
  'file.invalidYaml',
  'file.tooLarge',
  'import.missing',
  'listenerRule.externalListener',
  'output.unavailable',
  'parameter.invalid',
  'parameter.missing',
  'parameter.ssmStandIn',
  'parameter.undeclared',
  'resource.definedTwice',
  'resource.notCreated',
  'resource.propertyIgnored',
  'resource.typeNotSimulated',
  'section.ignored',
  'stack.invalidName',
  'action.durationIgnored',
  'action.unknownType',
  'condition.selfReference',
  'fault.unknownType',
  'getAtt.notAResource',
  'getAtt.unknownAttribute',
  'imports.unknownKey',
  'imports.withoutTemplate',
  'intrinsic.unsupported',
  'parameter.patternUnchecked',
  'parameter.typeMissing',
  'resource.circularReference',
  'resource.classicLoadBalancer',
  'resource.typeMissing',
  'sub.unresolved',
  'traffic.unknownTarget',
  'yaml.duplicateKey',
  // A what-if backtest's change file (docs/backtest.md): what it names must exist in the scenario.
  'change.notMapping',
  'change.unknownSection',
  'change.unknownResource',
  'change.unknownKey',
  'change.unknownProperty',
  'change.notChangeable',
  'change.intrinsic',
  'change.empty',
  'change.tooLarge',
  // A value the loader's schema refused (zod's issue kinds); `params.field` names it and `params.message`
  // still carries the English detail (the bound, the expected kind) until those get parameters of their own.
  'value.custom',
  'value.invalid_type',
  'value.too_big',
  'value.too_small',
  'value.unrecognized_keys',
  'value.invalid_union',
  'value.invalid_value',
  'value.invalid_format',
  'value.not_multiple_of',
  'value.invalid_key',
  'value.invalid_element',
  /**
   * The fallback for a diagnostic that has no code of its own yet: `params.message` is its English
   * text. Shrinks as diagnostics get codes; never used for a new problem.
   */
  'scenario.problem',
]);
export type ScenarioProblemCode = z.infer<typeof ScenarioProblemCode>;
