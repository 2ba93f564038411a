/**
 * The CloudWatch alarm part of the simulator's state. The alarms module builds the scenario's alarms
 * (build-alarms.ts) and its service (alarm-service.ts) owns the transitions (evaluation, state
 * changes, actions). The map lives on the World (world.ts, `AlarmWorld` below) because Auto Scaling
 * writes and reads it too: each target-tracking policy adds its alarm pair (asg/build-asg.ts), and
 * DescribePolicies names a policy's alarms (ASG-16).
 */
import type { AlarmDefinition, AlarmState } from './alarm';

export interface SimAlarm {
  definition: AlarmDefinition;
  state: AlarmState;
  stateReason: string;
  stateUpdated: number;
}

/** The alarms the World holds, by AlarmName, in creation order (the order they are evaluated in). */
export interface AlarmWorld {
  alarms: Map<string, SimAlarm>;
}

export function createAlarmWorld(): AlarmWorld {
  return { alarms: new Map() };
}
