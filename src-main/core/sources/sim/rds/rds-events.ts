/**
 * The RDS events the simulator emits, with the ids, messages and categories of the DB instance table
 * in docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Events.Messages.html ("DB instance events").
 *
 * Real event logs also carry messages that the table does not list (the reason line after a failover,
 * "The user requested a failover of the DB instance."); those have no event id here, as in AWS.
 * The table has no event for a read replica promotion: we emit the documented events of what the
 * promotion does (replication stopped, shutdown, restart) and one id-less notification that names it.
 */

export interface RdsEventTemplate {
  eventId?: string;
  message: string;
  eventCategories: string[];
}

export const RDS_EVENTS = {
  backupStarted: { eventId: 'RDS-EVENT-0001', message: 'Backing up DB instance.', eventCategories: ['backup'] },
  backupFinished: { eventId: 'RDS-EVENT-0002', message: 'Finished DB instance backup.', eventCategories: ['backup'] },
  shutdown: { eventId: 'RDS-EVENT-0004', message: 'DB instance shutdown.', eventCategories: ['availability'] },
  created: { eventId: 'RDS-EVENT-0005', message: 'DB instance created.', eventCategories: ['creation'] },
  // RDS-6: the current USER_Events.Messages wording (older logs say "DB instance restarted.").
  restarted: { eventId: 'RDS-EVENT-0006', message: 'The DB instance restarted.', eventCategories: ['availability'] },
  failoverStarted: { eventId: 'RDS-EVENT-0013', message: 'A Multi-AZ failover that resulted in the promotion of a standby instance has started.', eventCategories: ['failover'] },
  /** Alongside 0049 when the failover is complete; DNS then points at the new primary. */
  failoverToStandbyComplete: { eventId: 'RDS-EVENT-0015', message: 'Multi-AZ failover to standby complete - DNS propagation may take a few minutes.', eventCategories: ['failover'] },
  recoveryStarted: { eventId: 'RDS-EVENT-0020', message: 'Recovery of the DB instance has started. Recovery time will vary with the amount of data to be recovered.', eventCategories: ['recovery'] },
  recoveryComplete: { eventId: 'RDS-EVENT-0021', message: 'Recovery of the DB instance is complete.', eventCategories: ['recovery'] },
  backupsEnabled: { eventId: 'RDS-EVENT-0032', message: 'Enabled automated backups.', eventCategories: ['configuration change'] },
  replicationResumed: { eventId: 'RDS-EVENT-0046', message: 'Replication for the Read Replica resumed.', eventCategories: ['read replica'] },
  failoverCompleted: { eventId: 'RDS-EVENT-0049', message: 'A Multi-AZ failover has completed.', eventCategories: ['failover'] },
  replicationStopped: { eventId: 'RDS-EVENT-0062', message: 'Replication for the Read Replica has been manually stopped.', eventCategories: ['read replica'] },
  userRequestedFailover: { message: 'The user requested a failover of the DB instance.', eventCategories: ['failover'] },
  primaryUnhealthy: { message: 'The primary host of the RDS Multi-AZ instance is unhealthy.', eventCategories: ['failover'] },
  promoted: { message: 'Promoted read replica to a standalone DB instance.', eventCategories: ['notification'] },
} satisfies Record<string, RdsEventTemplate>;

export type RdsEventName = keyof typeof RDS_EVENTS;
