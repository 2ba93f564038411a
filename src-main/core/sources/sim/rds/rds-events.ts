/**
 * The RDS events the simulator emits, with the ids, categories and texts of the "DB instance events"
 * table in docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Events.Messages.html (RDS-6), quoted
 * from that table's description column as the issue and AWS-SEMANTICS quote it (RDS-EVENT-0013 "A
 * Multi-AZ failover that resulted in the promotion of a standby instance has started."). The console
 * of a live account prints shorter texts for some of them ("Multi-AZ instance failover started.");
 * an operator who greps should grep for the event id, which is the same in both.
 *
 * Real event logs also carry messages that the table does not list (the reason line after a failover,
 * "The user requested a failover of the DB instance."); those have no event id here, as in AWS.
 * The table has no event for a read replica promotion: we emit the documented events of what the
 * promotion does (replication stopped, shutdown, restart, backups enabled or disabled) and one
 * id-less notification that names it.
 *
 * Not emitted, because the simulator does not model what they report: RDS-EVENT-0015 (DNS moved to
 * the new primary after a failover; the simulated endpoint moves at once, and real failover logs
 * show 0013/0006/0049), 0050/0051/0052/0053 (Multi-AZ activation and recovery after a standby is
 * rebuilt), 0045/0057 (replication errors; a stopped source only pauses replication here, and
 * RDS-EVENT-0046 reports its resumption), and no id reports replica lag in this table.
 */

export interface RdsEventTemplate {
  eventId?: string;
  message: string;
  eventCategories: string[];
}

export const RDS_EVENTS = {
  backupStarted: { eventId: 'RDS-EVENT-0001', message: 'Backing up the DB instance.', eventCategories: ['backup'] },
  backupFinished: { eventId: 'RDS-EVENT-0002', message: 'Finished DB Instance backup.', eventCategories: ['backup'] },
  shutdown: { eventId: 'RDS-EVENT-0004', message: 'DB instance shutdown.', eventCategories: ['availability'] },
  created: { eventId: 'RDS-EVENT-0005', message: 'DB instance created.', eventCategories: ['creation'] },
  restarted: { eventId: 'RDS-EVENT-0006', message: 'The DB instance restarted.', eventCategories: ['availability'] },
  failoverStarted: { eventId: 'RDS-EVENT-0013', message: 'A Multi-AZ failover that resulted in the promotion of a standby instance has started.', eventCategories: ['failover'] },
  recoveryStarted: { eventId: 'RDS-EVENT-0020', message: 'Recovery of the DB instance has started. Recovery time will vary with the amount of data to be recovered.', eventCategories: ['recovery'] },
  recoveryComplete: { eventId: 'RDS-EVENT-0021', message: 'Recovery of the DB instance is complete.', eventCategories: ['recovery'] },
  backupsDisabled: { eventId: 'RDS-EVENT-0028', message: 'Automatic backups for this DB instance have been disabled.', eventCategories: ['configuration change'] },
  backupsEnabled: { eventId: 'RDS-EVENT-0032', message: 'Automatic backups for this DB instance have been enabled.', eventCategories: ['configuration change'] },
  replicationResumed: { eventId: 'RDS-EVENT-0046', message: 'The read replica has resumed replication.', eventCategories: ['read replica'] },
  failoverCompleted: { eventId: 'RDS-EVENT-0049', message: 'A Multi-AZ failover has completed.', eventCategories: ['failover'] },
  replicationStopped: { eventId: 'RDS-EVENT-0062', message: 'Replication on the read replica was manually stopped.', eventCategories: ['read replica'] },
  restoredFromInstance: { eventId: 'RDS-EVENT-0019', message: 'Restored from DB instance {source} to {target}.', eventCategories: ['restoration'] },
  // DB snapshot events (source type db-snapshot).
  manualSnapshotCreating: { eventId: 'RDS-EVENT-0040', message: 'Creating manual snapshot.', eventCategories: ['creation'] },
  manualSnapshotCreated: { eventId: 'RDS-EVENT-0042', message: 'Manual snapshot created.', eventCategories: ['creation'] },
  automatedSnapshotCreating: { eventId: 'RDS-EVENT-0090', message: 'Creating automated snapshot.', eventCategories: ['creation'] },
  automatedSnapshotCreated: { eventId: 'RDS-EVENT-0091', message: 'Automated snapshot created.', eventCategories: ['creation'] },
  userRequestedFailover: { message: 'The user requested a failover of the DB instance.', eventCategories: ['failover'] },
  primaryUnhealthy: { message: 'The primary host of the RDS Multi-AZ instance is unhealthy.', eventCategories: ['failover'] },
  promoted: { message: 'Promoted read replica to a standalone DB instance.', eventCategories: ['notification'] },
} satisfies Record<string, RdsEventTemplate>;

export type RdsEventName = keyof typeof RDS_EVENTS;
