/**
 * One AWS dataset's poll (issue 9 item 6): each dataset's poller reads its services and returns its
 * part of the inventory and the events it found; it changes nothing the others can see. AwsSource
 * compares the part with what it published, by resource key (core/contract/inventory-delta.ts),
 * and publishes only what changed.
 */
import type { Inventory, Update } from '../../../contract/model';
import { Inventory as InventorySchema } from '../../../contract/model';
import type { InventoryPart } from '../../../contract/inventory-delta';
import { awsCallError, isAwsCallError, type AwsCallError } from '../aws-errors';
import type { AwsClients } from '../clients';
import type { AwsDataset } from '../poll-plan';

export interface PollContext {
  clients: AwsClients;
  now: number;
  /** The rarely-changing settings held may be reused instead of read again (poll-plan.ts). */
  reuseSettings: boolean;
  /** The inventory published so far (read-only): held settings, and what other datasets found. */
  held(): Inventory;
  /** A secondary call whose failure is reported with the dataset instead of discarding its main data. */
  optional<T>(read: () => Promise<T>): Promise<T | undefined>;
  /** Secondary failures found some other way (metric batches). */
  partial: AwsCallError[];
}

/** New events only: they are appended by the renderer and the health monitor. */
export type DatasetEvents = Partial<Pick<Update, 'metrics' | 'scalingActivities' | 'alarmHistory' | 'rdsEvents'>>;

export interface DatasetResult {
  /** The dataset's part of the inventory as read now (only the collections it owns, and what it derives). */
  part: InventoryPart;
  events?: DatasetEvents;
}

export interface DatasetPoller {
  poll(context: PollContext): Promise<DatasetResult>;
  /** Another identity: nothing read before may be kept. */
  forget?(): void;
}

/** A context whose `optional` collects secondary failures into `partial` (credential failures still throw). */
export function pollContext(fields: Omit<PollContext, 'optional' | 'partial'>): PollContext {
  const partial: AwsCallError[] = [];
  return {
    ...fields,
    partial,
    optional: async (read) => {
      try {
        return await read();
      } catch (error) {
        if (!isAwsCallError(error) || error.params.kind === 'credentials') throw error;
        partial.push(error);
        return undefined;
      }
    },
  };
}

/**
 * A response that does not have the shape AWS documents (a proxy, an emulator, a bug) must not
 * reach the screen half-mapped: the dataset fails and the last good data stays.
 */
export function checkShape(dataset: AwsDataset, part: InventoryPart): void {
  const keys = Object.fromEntries(Object.keys(part).map((key) => [key, true])) as Partial<Record<keyof Inventory, true>>;
  const checked = InventorySchema.pick(keys).safeParse(part);
  if (checked.success) return;
  const issue = checked.error.issues[0];
  throw awsCallError('other', 'MalformedResponse', `${dataset}: a response did not have the shape AWS documents (${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'})`, dataset, 'Describe');
}
