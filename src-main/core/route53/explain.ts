/**
 * The resolver explains itself in codes, not English (issue 9): each sentence is a `DnsText` — a
 * code from the contract and its parameters — that the renderer translates and the CLI prints in
 * English (src-main/cli/dns-text-en.ts). These helpers keep the resolver's lines short.
 */
import type { ClientLocation, DnsList, DnsParam, DnsText, DnsTextCode } from '../contract/model-dns';
import { describeLocation } from './geography';

export const say = (code: DnsTextCode, params: Record<string, DnsParam> = {}): DnsText => ({ code, params });

/** A list of phrases or values; values that need no translation can be pre-joined as one string instead. */
export const list = (items: DnsParam[], join: DnsList['join'] = ', '): DnsList => ({ join, items });

/** A phrase that is there or not: absent optional parts are the empty string, so templates stay flat. */
export const optional = (text: DnsText | undefined): DnsParam => text ?? '';

/** Where the client is, as codes describe it (`eu-central-1 (DE, EU)`), or "an unknown location". */
export function locationParam(location: ClientLocation): DnsParam {
  const parts = [location.region, location.countryCode, location.continentCode].filter(Boolean);
  return parts.length > 0 ? describeLocation(location) : say('location.unknown');
}

/** `70%`: the share a record set gets, rounded to hundredths of a percent. */
export const percent = (p: number): string => `${Math.round(p * 10_000) / 100}%`;
