/**
 * The rules of the control actions, shared by both data sources (like core/route53/): for each
 * action type its pre-flight checks, consequences and refusals as pure functions of the contract's
 * model → `{ code, status, params }`. The simulator's services refuse with them, the simulator's and
 * the AWS action backends prepare with them; nothing here imports the simulator or the AWS SDK.
 * Decisions where the two used to disagree: docs/rules.md.
 */
import type { ActionOf, ActionType, ControlAction, DbInstance, DbSnapshot, Refusal } from '../contract/model';
import { capacityPreflight, capacityRefusal, executePolicyPreflight, executePolicyRefusal, type GroupState } from './asg-rules';
import { promotionPreflight, promotionRefusal, rebootPreflight, rebootRefusal, restorePreflight, restoreRefusal, snapshotPreflight, snapshotRefusal } from './rds-rules';
import type { Preflight } from './verdicts';

export * from './asg-rules';
export * from './rds-rules';
export { ActionRefusedError, API_ERROR_CODES, refusalCarriedBy, refusalMessage } from './refusal-text';
export { check, consequence, refusal, refusalOf, summary, type Preflight } from './verdicts';

/** Everything a rule may read; each backend fills what the action's subject needs (see `subjectOf`). */
export interface ActionState {
  db?: DbInstance;
  /** The DB instance `db` replicates from. */
  source?: DbInstance;
  group?: GroupState;
  /** The DB snapshot that already has the name a CreateDBSnapshot asks for. */
  snapshot?: DbSnapshot;
  /** The DB instance that already has the name a restore asks for. */
  target?: DbInstance;
  /** Epoch ms (simulated time in the simulator). */
  nowMs: number;
}

/** The resource an action is about, so a backend knows what to read before asking the rules. */
export type ActionSubject =
  /** A DB instance; with the new snapshot or instance name the action would create, to look up too. */
  { kind: 'db'; id: string; snapshotId?: string; newInstanceId?: string } | { kind: 'group'; name: string };

export interface ActionRules<K extends ActionType> {
  subject(action: ActionOf<K>): ActionSubject;
  preflight(state: ActionState, action: ActionOf<K>): Preflight;
  /** What the service answers: undefined when it accepts the request. */
  refusal(state: ActionState, action: ActionOf<K>): Refusal | undefined;
}

const db = (action: { dbInstanceIdentifier: string }): ActionSubject => ({ kind: 'db', id: action.dbInstanceIdentifier });
const group = (action: { autoScalingGroupName: string }): ActionSubject => ({ kind: 'group', name: action.autoScalingGroupName });

/** One entry per action type; a new ControlAction type does not compile until it has its rules. */
export const ACTION_RULES: { [K in ActionType]: ActionRules<K> } = {
  PromoteReadReplica: { subject: db, preflight: (s, a) => promotionPreflight({ db: s.db, source: s.source, nowMs: s.nowMs }, a), refusal: (s, a) => promotionRefusal({ db: s.db, nowMs: s.nowMs }, a) },
  RebootDBInstance: { subject: db, preflight: (s, a) => rebootPreflight({ db: s.db, nowMs: s.nowMs }, a), refusal: (s, a) => rebootRefusal({ db: s.db, nowMs: s.nowMs }, a) },
  SetDesiredCapacity: { subject: group, preflight: (s, a) => capacityPreflight(s.group, a), refusal: (s, a) => capacityRefusal(s.group, a) },
  ExecutePolicy: { subject: group, preflight: (s, a) => executePolicyPreflight(s.group, a), refusal: (s, a) => executePolicyRefusal(s.group, a) },
  CreateDBSnapshot: {
    subject: (a) => ({ kind: 'db', id: a.dbInstanceIdentifier, snapshotId: a.dbSnapshotIdentifier }),
    preflight: (s, a) => snapshotPreflight({ db: s.db, snapshot: s.snapshot, nowMs: s.nowMs }, a),
    refusal: (s, a) => snapshotRefusal({ db: s.db, snapshot: s.snapshot, nowMs: s.nowMs }, a),
  },
  RestoreDBInstanceToPointInTime: {
    subject: (a) => ({ kind: 'db', id: a.sourceDBInstanceIdentifier, newInstanceId: a.targetDBInstanceIdentifier }),
    preflight: (s, a) => restorePreflight({ db: s.db, target: s.target, nowMs: s.nowMs }, a),
    refusal: (s, a) => restoreRefusal({ db: s.db, target: s.target, nowMs: s.nowMs }, a),
  },
};

function rulesOf<K extends ActionType>(action: ActionOf<K>): ActionRules<K> {
  return ACTION_RULES[action.type as K];
}

export const subjectOf = (action: ControlAction): ActionSubject => rulesOf(action).subject(action);
export const preflightOf = (state: ActionState, action: ControlAction): Preflight => rulesOf(action).preflight(state, action);
export const refusalOfAction = (state: ActionState, action: ControlAction): Refusal | undefined => rulesOf(action).refusal(state, action);
