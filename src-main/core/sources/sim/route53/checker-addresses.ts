/**
 * The address a simulated Route 53 health checker sends its requests from. Route 53 health checkers use
 * the ranges published in ip-ranges.json under "service": "ROUTE53_HEALTHCHECKS" (route-53-ip-addresses.html);
 * a firewall or a web ACL sees these addresses (WAF-10). One published /26 per health-checker region, taken
 * from that list (AWS can change it; the simulator keeps these fixed so a run stays reproducible); checker n
 * of a region uses the (n + 1)th address of its region's range.
 */
import type { HEALTH_CHECKER_REGIONS } from './resource-types';

export const HEALTH_CHECKER_RANGES: Readonly<Record<(typeof HEALTH_CHECKER_REGIONS)[number], string>> = {
  'us-east-1': '54.243.31.192/26',
  'us-west-1': '54.183.255.128/26',
  'us-west-2': '54.244.52.192/26',
  'eu-west-1': '54.228.16.0/26',
  'ap-southeast-1': '54.251.31.128/26',
  'ap-southeast-2': '54.252.79.128/26',
  'ap-northeast-1': '54.248.220.0/26',
  'sa-east-1': '54.232.40.64/26',
};

/** The IPv4 address of checker `index` (0-based, under 62) in `region`'s range. */
export function checkerAddress(region: string, index: number): string {
  const range = (HEALTH_CHECKER_RANGES as Record<string, string>)[region] ?? HEALTH_CHECKER_RANGES['us-east-1'];
  const [base] = range.split('/') as [string];
  const octets = base.split('.').map(Number);
  octets[3] = octets[3]! + 1 + (index % 62);
  return octets.join('.');
}
