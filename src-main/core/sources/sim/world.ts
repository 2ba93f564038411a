/**
 * The simulator's state that more than one service reads, composed from the parts their owners
 * define: the load balancers (alb/alb-state.ts), Auto Scaling (asg/asg-state.ts) and the alarms
 * (cloudwatch/alarm-state.ts). Each owner's service module makes the transitions of its part; the
 * engine (engine.ts) orders them in time. What a single service alone reads stays inside it (the
 * traffic populations, RDS, Lambda, Route 53 …). The region and the failed Availability Zones belong to
 * no one service: a fault (engine.ts) sets the zones, and the ALB, Auto Scaling and Route 53 read them.
 * Plain objects and Maps with insertion order, so iteration order — and with it every report — is the
 * same on every run.
 */
import { createAlbWorld, type AlbWorld } from './alb/alb-state';
import { createAsgWorld, type AsgWorld } from './asg/asg-state';
import { createAlarmWorld, type AlarmWorld } from './cloudwatch/alarm-state';

export interface World extends AlbWorld, AsgWorld, AlarmWorld {
  region: string;
  /** Fault injection: AZs that are down (instances there stop serving and fail checks) → since when (ms). */
  failedAvailabilityZones: Map<string, number>;
}

export function createWorld(region: string): World {
  return {
    region,
    ...createAlbWorld(),
    ...createAsgWorld(),
    ...createAlarmWorld(),
    failedAvailabilityZones: new Map(),
  };
}
