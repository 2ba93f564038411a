/**
 * IPv4 and IPv6 CIDR blocks as AWS WAF IP sets hold them (AWS::WAFv2::IPSet Addresses: `192.0.2.0/24`,
 * `2001:db8::/32`; parsed here for any prefix length /0–/32 and /0–/128, while an IP set refuses /0 and a
 * bare address — resource-types.ts, API_IPSet.html), and addresses as big integers so that one comparison
 * serves both families.
 */

export interface Cidr {
  version: 4 | 6;
  /** The network address (host bits cleared). */
  network: bigint;
  prefix: number;
}

const BITS = { 4: 32, 6: 128 } as const;

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    value = (value << 8n) | BigInt(Number(part));
  }
  return value;
}

function parseIpv6(text: string): bigint | undefined {
  if (!/^[0-9a-fA-F:]+$/.test(text) || text.split('::').length > 2) return undefined;
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const groups = (part: string | undefined) => (part ? part.split(':') : []);
  const left = groups(head);
  const right = groups(tail);
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? left.length !== 8 : missing < 1) return undefined;
  const all = [...left, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...right];
  let value = 0n;
  for (const group of all) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return undefined;
    value = (value << 16n) | BigInt(parseInt(group, 16));
  }
  return value;
}

/** An address (`203.0.113.7`, `2001:db8::1`) as its family and value, or undefined. */
export function parseAddress(text: string): { version: 4 | 6; value: bigint } | undefined {
  const v4 = parseIpv4(text);
  if (v4 !== undefined) return { version: 4, value: v4 };
  const v6 = parseIpv6(text);
  return v6 === undefined ? undefined : { version: 6, value: v6 };
}

/** `192.0.2.0/24` or `2001:db8::/32` (a bare address is its /32 or /128), or undefined when malformed. */
export function parseCidr(text: string): Cidr | undefined {
  const [address, prefixText, extra] = text.trim().split('/');
  if (address === undefined || extra !== undefined) return undefined;
  const parsed = parseAddress(address);
  if (!parsed) return undefined;
  const bits = BITS[parsed.version];
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = prefixText === undefined ? bits : Number(prefixText);
  if (prefix > bits) return undefined;
  const hostBits = BigInt(bits - prefix);
  return { version: parsed.version, network: (parsed.value >> hostBits) << hostBits, prefix };
}

export function cidrContains(cidr: Cidr, address: { version: 4 | 6; value: bigint }): boolean {
  if (cidr.version !== address.version) return false;
  const hostBits = BigInt(BITS[cidr.version] - cidr.prefix);
  return address.value >> hostBits === cidr.network >> hostBits;
}

/** How many addresses the block holds (capped: only small pools are ever drawn from it). */
export function cidrSize(cidr: Cidr): bigint {
  return 1n << BigInt(BITS[cidr.version] - cidr.prefix);
}

/** The address at `offset` inside the block, written the usual way (IPv6 without zero compression). */
export function addressAt(cidr: Cidr, offset: bigint): string {
  const value = cidr.network + offset;
  if (cidr.version === 4) return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 255n)).join('.');
  const groups: string[] = [];
  for (let shift = 112n; shift >= 0n; shift -= 16n) groups.push(((value >> shift) & 0xffffn).toString(16));
  return groups.join(':');
}
