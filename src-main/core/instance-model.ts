/**
 * How the simulator turns requests into CPU and latency, shared by the simulator (sources/sim) and
 * the twin's calibration (core/twin), which fits its parameters to a real account's history: both
 * must read the same figures. Neither sources/aws nor sources/sim owns it.
 */

/**
 * vCPUs per instance type (EC2 instance-types page); unknown types get 2, said in docs/scenario-format.md.
 * A scenario's Simulation.InstanceTypes.<type>.Vcpus wins (a twin's own types, a backtest's "bigger instance").
 */
const VCPUS: Record<string, number> = {
  't3.micro': 2,
  't3.small': 2,
  't3.medium': 2,
  't3.large': 2,
  't3.xlarge': 4,
  'c5.large': 2,
  'c5.xlarge': 4,
  'c5.2xlarge': 8,
  'c6g.large': 2,
  'c6g.xlarge': 4,
  'c7g.large': 2,
  'm5.large': 2,
  'm5.xlarge': 4,
  'm5.2xlarge': 8,
  'm6g.large': 2,
  'm7g.large': 2,
  'r5.large': 2,
};
export const vcpusOf = (instanceType: string, overrides?: Readonly<Record<string, { vcpus?: number }>>): number =>
  overrides?.[instanceType]?.vcpus ?? VCPUS[instanceType] ?? 2;

/**
 * The part of a response time that is not the target's CPU work (network, parsing): added to each
 * request's CPU time, then stretched by the target's utilisation (sim/alb/alb-service.ts, ALB-11).
 */
export const BASE_LATENCY_SECONDS = 0.01;
