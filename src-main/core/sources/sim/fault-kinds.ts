/**
 * The fault menu's description of every fault kind the simulator can inject (sim.faultKinds): its
 * type code and its AWS-named parameters as a JSON Schema the window builds its form from. Codes
 * only: the renderer names each kind and field through i18n (faultNames, faults, faultFields).
 * Lives beside the simulator because only the simulator knows its faults; the host just forwards.
 */
import { z } from 'zod';
import type { ResponseOf } from '../../contract';
import { FAULT_PARAMETERS, type FaultType } from './scenario/timed-entries';

export function describeFaultKinds(): ResponseOf<'sim.faultKinds'> {
  return Object.entries(FAULT_PARAMETERS).map(([type, schema]) => ({
    type: type as FaultType,
    parameters: z.toJSONSchema(schema) as Record<string, unknown>,
  }));
}
