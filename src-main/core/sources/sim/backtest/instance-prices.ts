/**
 * On-Demand prices a backtest bills instance-hours at (docs/backtest.md). ILLUSTRATIVE: Linux,
 * shared tenancy, US East (N. Virginia) us-east-1, from aws.amazon.com/ec2/pricing/on-demand/ as
 * listed in 2024–2026; prices change and differ by region, OS and purchase option (Savings Plans,
 * Reserved, Spot), so a backtest's cost is for comparing two runs, not a bill. Covers the instance
 * types the simulator knows (asg/build-asg.ts); a scenario's Simulation.InstanceTypes.<type>.
 * HourlyPrice adds or overrides one. Per-second billing with a 60 s minimum is approximated by
 * per-minute sampling.
 */
import type { InstanceTypeOverrides } from '../scenario/sections';

/** USD per instance-hour, us-east-1, Linux On-Demand (illustrative). */
export const ON_DEMAND_USD_PER_HOUR: Readonly<Record<string, number>> = {
  't3.micro': 0.0104,
  't3.small': 0.0208,
  't3.medium': 0.0416,
  't3.large': 0.0832,
  't3.xlarge': 0.1664,
  'c5.large': 0.085,
  'c5.xlarge': 0.17,
  'c5.2xlarge': 0.34,
  'c6g.large': 0.068,
  'c6g.xlarge': 0.136,
  'c7g.large': 0.0725,
  'm5.large': 0.096,
  'm5.xlarge': 0.192,
  'm5.2xlarge': 0.384,
  'm6g.large': 0.077,
  'm7g.large': 0.0816,
  'r5.large': 0.126,
};

/** The hourly price of a type: the scenario's override, else the table; undefined when neither has it. */
export function hourlyPrice(instanceType: string, overrides?: InstanceTypeOverrides): number | undefined {
  return overrides?.[instanceType]?.hourlyPrice ?? ON_DEMAND_USD_PER_HOUR[instanceType];
}
