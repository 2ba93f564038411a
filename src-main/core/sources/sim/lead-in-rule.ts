/**
 * What a lead-in may be (Simulation.LeadIn, `--lead-in`): history the simulator runs before the
 * scenario's StartTime. Whole minutes, so the engine's clock begins on a minute boundary and every
 * one-minute metric period of the history is complete; at most 24 h, what the renderer keeps.
 */
export const MAX_LEAD_IN_SECONDS = 24 * 3600;

export const LEAD_IN_RULE = 'a lead-in is whole minutes from 0 to 24h (e.g. 0, 30m, 1h)';

export function isValidLeadIn(seconds: number): boolean {
  return Number.isInteger(seconds) && seconds >= 0 && seconds <= MAX_LEAD_IN_SECONDS && seconds % 60 === 0;
}
