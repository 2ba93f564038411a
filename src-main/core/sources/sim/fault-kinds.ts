/**
 * The fault menu's description of every fault kind the simulator can inject (sim.faultKinds): its
 * type, what it does, and its AWS-named parameters as a JSON Schema the window builds its form from.
 * Lives beside the simulator because only the simulator knows its faults; the host just forwards.
 */
import { z } from 'zod';
import type { ResponseOf } from '../../contract';
import { FAULT_DESCRIPTIONS, FAULT_PARAMETERS } from './scenario/timed-entries';

export function describeFaultKinds(): ResponseOf<'sim.faultKinds'> {
  return Object.entries(FAULT_PARAMETERS).map(([type, schema]) => ({
    type,
    description: FAULT_DESCRIPTIONS[type as keyof typeof FAULT_DESCRIPTIONS],
    parameters: z.toJSONSchema(schema) as Record<string, unknown>,
  }));
}
