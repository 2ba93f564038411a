/**
 * One resource of a loaded scenario. In its own module so that the services' resource specs and
 * validators can name it without importing the loader (which imports them): no import cycle.
 */
import type { ResourceIdentity } from './resource-types';

export interface LoadedResource {
  logicalId: string;
  type: string;
  identity: ResourceIdentity;
  /** What `Ref` returns (an ARN, a name or an id, per type). */
  ref: string;
  /** Properties after intrinsics and validation; shape per type in resource-types.ts. */
  properties: Record<string, unknown>;
  /** The resource's CloudFormation `Metadata` (evaluated), where scenarios put simulator hints. */
  metadata: Record<string, unknown>;
}
