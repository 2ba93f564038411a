/**
 * The latency table a client location sees (R53-2): the built-in great-circle model, with the
 * scenario's `Simulation.Latency` entries for the most specific matching location code on top.
 */
import type { ClientLocation } from '../../../contract/model';
import { defaultLatencyTable } from '../../../route53/geography';

export type LatencyOverrides = Record<string, Record<string, number>>;

export function latencyFor(from: ClientLocation, overrides?: LatencyOverrides): Record<string, number> {
  const table = defaultLatencyTable(from);
  if (!overrides) return table;
  const subdivision = from.countryCode && from.subdivisionCode ? `${from.countryCode}-${from.subdivisionCode}` : undefined;
  // Most specific first: the region the resolver is in, subdivision, country, continent.
  const keys = [from.region, subdivision, from.countryCode, from.continentCode].filter((key): key is string => key !== undefined);
  for (const key of keys) {
    const entry = overrides[key] ?? overrides[key.toUpperCase()];
    if (entry) return { ...table, ...entry };
  }
  return table;
}
