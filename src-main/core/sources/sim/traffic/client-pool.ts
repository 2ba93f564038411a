/**
 * The client addresses of a population (Traffic ClientIps): a few addresses of each CIDR block, drawn
 * once from the seeded stream, each with an equal part of its block's weight. AWS WAF IP sets and
 * rate-based rules (per client IP) read them; the fluid request counts are apportioned over them.
 */
import type { Random } from '../kernel/random';
import { addressAt, cidrSize, parseCidr } from '../waf/cidr';
import type { SimClient } from './traffic-state';

/** Distinct clients drawn from one block (fewer when the block is smaller). Our choice. */
export const CLIENTS_PER_BLOCK = 64;
/** TEST-NET-3 (RFC 5737): clients of a population that names no ClientIps. */
export const DEFAULT_CLIENT_BLOCK = '203.0.113.0/24';

export function buildClientPool(blocks: readonly { Cidr: string; Weight?: number }[] | undefined, random: Random): SimClient[] {
  const clients: SimClient[] = [];
  for (const block of blocks ?? [{ Cidr: DEFAULT_CLIENT_BLOCK, Weight: 1 }]) {
    const cidr = parseCidr(block.Cidr);
    const weight = block.Weight ?? 1;
    if (!cidr || weight <= 0) continue;
    const size = cidrSize(cidr);
    const count = size < BigInt(CLIENTS_PER_BLOCK) ? Number(size) : CLIENTS_PER_BLOCK;
    const offsets = new Set<bigint>();
    if (count === Number(size)) for (let k = 0n; k < size; k++) offsets.add(k);
    // Random offsets inside the block: the draws use 52 bits at most, enough for any pool this small.
    while (offsets.size < count) offsets.add(BigInt(Math.floor(random.next() * Number(size < 2n ** 52n ? size : 2n ** 52n))));
    for (const offset of offsets) {
      const address = addressAt(cidr, offset);
      clients.push({ address, parsed: { version: cidr.version, value: cidr.network + offset }, weight: weight / count });
    }
  }
  return clients;
}
