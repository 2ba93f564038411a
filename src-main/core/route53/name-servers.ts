/**
 * R53-8: every hosted zone gets a delegation set of four name servers and an SOA record.
 * docs.aws.amazon.com/Route53/latest/DeveloperGuide/SOA-NSrecords.html
 *
 * Route 53 picks one name server under each of its four TLDs — .com, .net, .org and .co.uk — so
 * that a problem with one TLD cannot take a zone down. The names follow a pattern visible in any
 * delegation set (not documented, observed): `ns-N.awsdns-NN.<tld>` where N is 0–511 for .com,
 * 512–1023 for .net, 1024–1535 for .org and 1536–2047 for .co.uk, and NN is (N mod 512) / 8
 * rounded down, two digits (`ns-1049.awsdns-03.org`). The simulator derives N from the zone so
 * the same zone always gets the same servers.
 */
import { normalizeName } from './names';

const TLDS = [
  { tld: 'com', base: 0 },
  { tld: 'net', base: 512 },
  { tld: 'org', base: 1024 },
  { tld: 'co.uk', base: 1536 },
] as const;

export function awsdnsName(n: number): string {
  const tld = TLDS[Math.floor(n / 512)];
  if (!tld || !Number.isInteger(n) || n < 0) throw new RangeError(`ns-${n} is outside Route 53's 0–2047 name servers`);
  return `ns-${n}.awsdns-${String(Math.floor((n % 512) / 8)).padStart(2, '0')}.${tld.tld}`;
}

/** Four name servers, one per TLD, from a hex string derived from the zone (without trailing dots, as GetHostedZone lists them). */
export function route53NameServers(hex: string): string[] {
  return TLDS.map(({ base }, index) => {
    const chunk = parseInt(hex.slice(index * 4, index * 4 + 4).padEnd(4, '0'), 16);
    return awsdnsName(base + (Number.isFinite(chunk) ? chunk : index) % 512);
  });
}

/** Route 53's default TTLs for the records it creates with a zone. */
export const NS_TTL = 172_800;
export const SOA_TTL = 900;

/**
 * The SOA Route 53 creates: the first name server, the awsdns-hostmaster address, serial 1,
 * refresh 7200, retry 900, expire 1209600 and a minimum (negative-caching) TTL of 86400 seconds.
 */
export function soaValue(nameServers: readonly string[]): string {
  return `${normalizeName(nameServers[0] ?? 'ns-0.awsdns-00.com')} awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400`;
}
