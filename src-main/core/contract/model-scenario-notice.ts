/**
 * Things loading a scenario did on the operator's behalf that they should know about (not problems):
 * carried as a code and parameters, translated by the renderer (i18n `scenarioNotices.<code>`).
 */
import { z } from 'zod';

export const ScenarioNotice = z.discriminatedUnion('code', [
  /** No Traffic section: a default population was added for an internet-facing load balancer or a function URL. */
  z.object({
    code: z.literal('defaultTraffic'),
    params: z.object({ population: z.string().max(300), target: z.string().max(300), rate: z.number() }),
  }),
  /** No Traffic section and nothing a default population could call: the run will show no load. */
  z.object({ code: z.literal('nothingToDrive'), params: z.object({}) }),
]);
export type ScenarioNotice = z.infer<typeof ScenarioNotice>;
