/**
 * The inventory a source has published, with its version (issue 15 item 5): both sources publish
 * per-resource deltas through it instead of the whole inventory, and serve it in snapshots. The
 * version counts up and never restarts within a source, so a delta can never be taken for one
 * that applies to another state.
 */
import { applyInventoryDelta, diffInventory, type InventoryPart } from '../contract/inventory-delta';
import { withMemberCounts } from '../contract/member-counts';
import type { Inventory, InventoryDelta } from '../contract/model';

export class InventoryTracker {
  private held: Inventory;
  private at = 0;

  constructor(initial: Inventory) {
    this.held = structuredClone(withMemberCounts(initial));
  }

  /** The published inventory (treat as read-only: it is shared with the snapshot it went into). */
  get current(): Inventory {
    return this.held;
  }

  get version(): number {
    return this.at;
  }

  /**
   * Takes in the new state of the collections `next` names (the others stay as they are) and
   * returns what changed, by key, or undefined when nothing did (the version stays).
   */
  publish(next: InventoryPart): InventoryDelta | undefined {
    // Counts on every group and target group: windows that do not list their members read these (contract/member-counts.ts).
    const found = diffInventory(this.held, withMemberCounts(next), { from: this.at, to: this.at + 1 });
    if (!found) return undefined;
    // A copy: a source may share arrays with its live state and change them in place later, and a
    // delta may wait in a slow client's queue; neither may change what was published.
    const delta = structuredClone(found);
    this.held = applyInventoryDelta(this.held, delta);
    this.at = delta.to;
    return delta;
  }

  /** Starts over from `inventory` (another scenario, another account): clients reload the snapshot. */
  reset(inventory: Inventory): void {
    this.held = structuredClone(withMemberCounts(inventory));
    this.at++;
  }
}
