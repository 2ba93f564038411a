/** What every part of the scenario loader shares about the simulated stack: its account, zones, outputs. */
import type { PathSegment } from './diagnostics';

export const ACCOUNT_ID = '123456789012';

/** An entry of the stack's Outputs section, evaluated as CloudFormation shows it (DescribeStacks). */
export interface StackOutput {
  key: string;
  value: string;
  description?: string;
  exportName?: string;
}

/** Availability zones the simulator offers per region: a, b, c (our choice; real regions have 3–6). */
export function availabilityZonesOf(region: string): string[] {
  return ['a', 'b', 'c'].map((suffix) => `${region}${suffix}`);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Paths where the simulator keeps nothing that drives the simulation: a parameter without a value may
 * be used there (UserData, Tags, Metadata such as AWS::CloudFormation::Init, and Outputs, which show
 * `<Name>` in its place).
 */
export function ignoredBySimulator(path: readonly PathSegment[]): boolean {
  return path[0] === 'Outputs' || path.some((segment) => segment === 'UserData' || segment === 'Tags' || segment === 'Metadata');
}
