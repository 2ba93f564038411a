/**
 * The AWS call that performs each control action: one entry per action type (exhaustive at compile
 * time), each one SDK command, answering with AWS's acknowledgement in one line.
 * API_PromoteReadReplica.html, API_RebootDBInstance.html (RDS); API_SetDesiredCapacity.html,
 * API_ExecutePolicy.html (EC2 Auto Scaling); API_CreateDBSnapshot.html, API_RestoreDBInstanceToPointInTime.html.
 */
import { ExecutePolicyCommand, SetDesiredCapacityCommand } from '@aws-sdk/client-auto-scaling';
import { CreateDBSnapshotCommand, PromoteReadReplicaCommand, RebootDBInstanceCommand, RestoreDBInstanceToPointInTimeCommand } from '@aws-sdk/client-rds';
import type { ActionOf, ActionType, ControlAction } from '../../../contract/model';
import type { AwsClients } from '../clients';

export type ActionClients = Pick<AwsClients, 'rds' | 'autoscaling'>;

export interface AwsActionCall<K extends ActionType> {
  /** The client the call goes through (for the IAM policy and the poll plan). */
  client: keyof ActionClients;
  send(clients: ActionClients, action: ActionOf<K>): Promise<string>;
}

export const AWS_ACTION_CALLS: { [K in ActionType]: AwsActionCall<K> } = {
  PromoteReadReplica: {
    client: 'rds',
    async send(clients, action) {
      const out = await clients.rds.send(
        new PromoteReadReplicaCommand({ DBInstanceIdentifier: action.dbInstanceIdentifier, ...(action.backupRetentionPeriod !== undefined ? { BackupRetentionPeriod: action.backupRetentionPeriod } : {}) }),
      );
      return `PromoteReadReplica accepted: ${action.dbInstanceIdentifier} is ${out.DBInstance?.DBInstanceStatus ?? 'modifying'}.`;
    },
  },
  RebootDBInstance: {
    client: 'rds',
    async send(clients, action) {
      const out = await clients.rds.send(new RebootDBInstanceCommand({ DBInstanceIdentifier: action.dbInstanceIdentifier, ForceFailover: action.forceFailover }));
      return `RebootDBInstance accepted: ${action.dbInstanceIdentifier} is ${out.DBInstance?.DBInstanceStatus ?? 'rebooting'}.`;
    },
  },
  CreateDBSnapshot: {
    client: 'rds',
    async send(clients, action) {
      const out = await clients.rds.send(new CreateDBSnapshotCommand({ DBInstanceIdentifier: action.dbInstanceIdentifier, DBSnapshotIdentifier: action.dbSnapshotIdentifier }));
      return `CreateDBSnapshot accepted: ${out.DBSnapshot?.DBSnapshotIdentifier ?? action.dbSnapshotIdentifier} is ${out.DBSnapshot?.Status ?? 'creating'}.`;
    },
  },
  RestoreDBInstanceToPointInTime: {
    client: 'rds',
    async send(clients, action) {
      const out = await clients.rds.send(
        new RestoreDBInstanceToPointInTimeCommand({
          SourceDBInstanceIdentifier: action.sourceDBInstanceIdentifier,
          TargetDBInstanceIdentifier: action.targetDBInstanceIdentifier,
          ...(action.restoreTime !== undefined ? { RestoreTime: new Date(action.restoreTime) } : {}),
          ...(action.useLatestRestorableTime !== undefined ? { UseLatestRestorableTime: action.useLatestRestorableTime } : {}),
          ...(action.multiAZ !== undefined ? { MultiAZ: action.multiAZ } : {}),
        }),
      );
      return `RestoreDBInstanceToPointInTime accepted: ${out.DBInstance?.DBInstanceIdentifier ?? action.targetDBInstanceIdentifier} is ${out.DBInstance?.DBInstanceStatus ?? 'creating'}.`;
    },
  },
  SetDesiredCapacity: {
    client: 'autoscaling',
    async send(clients, action) {
      // An operator's explicit change does not wait for a cooldown unless asked to.
      await clients.autoscaling.send(new SetDesiredCapacityCommand({ AutoScalingGroupName: action.autoScalingGroupName, DesiredCapacity: action.desiredCapacity, HonorCooldown: action.honorCooldown ?? false }));
      return `SetDesiredCapacity accepted: ${action.autoScalingGroupName} → ${action.desiredCapacity}.`;
    },
  },
  ExecutePolicy: {
    client: 'autoscaling',
    async send(clients, action) {
      await clients.autoscaling.send(
        new ExecutePolicyCommand({
          AutoScalingGroupName: action.autoScalingGroupName,
          PolicyName: action.policyName,
          ...(action.honorCooldown !== undefined ? { HonorCooldown: action.honorCooldown } : {}),
          ...(action.metricValue !== undefined ? { MetricValue: action.metricValue } : {}),
          ...(action.breachThreshold !== undefined ? { BreachThreshold: action.breachThreshold } : {}),
        }),
      );
      return `ExecutePolicy accepted: ${action.policyName} on ${action.autoScalingGroupName}.`;
    },
  },
};

export function sendAction<K extends ActionType>(clients: ActionClients, action: ActionOf<K>): Promise<string> {
  return (AWS_ACTION_CALLS[action.type as K] as AwsActionCall<K>).send(clients, action);
}

export const sendControlAction = (clients: ActionClients, action: ControlAction): Promise<string> => sendAction(clients, action);
