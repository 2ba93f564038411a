/**
 * RDS faults: a DB instance's host fails (FailDBInstance: Multi-AZ failover, RDS-1, or Single-AZ
 * recovery on a new host) and a read replica falls behind (RaiseReplicaLag, RDS-3).
 */
import type { FaultParameters } from '../scenario/timed-entries';
import type { FaultEffect } from '../service-module';
import { RDS_EVENTS } from './rds-events';
import { refusal } from '../../../rules';
import { refusedBy, type RdsInternals } from './rds-instance';

export function applyRdsFault(rds: RdsInternals, type: string, parameters: Record<string, unknown>): FaultEffect | undefined {
  if (type === 'FailDBInstance') {
    const { DBInstanceIdentifier } = parameters as FaultParameters<'FailDBInstance'>;
    const instance = rds.require(DBInstanceIdentifier);
    if (instance.down) return { message: `${instance.identifier} is already ${instance.status}; the failure changes nothing` };
    // Our simplification: a promotion under way runs to its end; the host failure is absorbed by its reboot.
    if (instance.promoting) return { message: `${instance.identifier} is being promoted and reboots anyway; the failure changes nothing` };
    if (instance.multiAZ) {
      const from = instance.availabilityZone;
      const seconds = rds.failover(instance, RDS_EVENTS.primaryUnhealthy);
      return { message: `The primary of ${instance.identifier} failed in ${from}; Multi-AZ failover to the standby in ${instance.secondaryAvailabilityZone} (about ${Math.round(seconds)} s)` };
    }
    const seconds = rds.recover(instance);
    return { message: `${instance.identifier} (Single-AZ) failed in ${instance.availabilityZone}; RDS recovers it on a new host (about ${Math.round(seconds / 60)} min)` };
  }
  if (type === 'RaiseReplicaLag') {
    const { DBInstanceIdentifier, LagSeconds } = parameters as FaultParameters<'RaiseReplicaLag'>;
    const instance = rds.require(DBInstanceIdentifier);
    if (instance.source === undefined) throw refusedBy(refusal('not-a-replica', { id: instance.identifier }));
    instance.lagOffsetSeconds += LagSeconds;
    return {
      message: `Replication on ${instance.identifier} falls ${LagSeconds} s behind ${instance.source}`,
      revert: () => {
        instance.lagOffsetSeconds = Math.max(0, instance.lagOffsetSeconds - LagSeconds);
        if (instance.source === undefined) return `${instance.identifier} is no longer a read replica`;
        // Still that far behind: the changes are now a backlog it replays with its spare capacity.
        instance.backlogWrites += LagSeconds * instance.capacity.replayWritesPerSecond;
        return `${instance.identifier} catches up on ${LagSeconds} s of changes from ${instance.source}`;
      },
    };
  }
  return undefined;
}
