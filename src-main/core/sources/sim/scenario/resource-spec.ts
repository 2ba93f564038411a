/**
 * What a CloudFormation resource type's spec says (each service keeps its specs beside its code:
 * alb/, route53/, rds/, lambda/ resource-types.ts; Auto Scaling and CloudWatch in scenario/resource-types.ts),
 * and the identity every ARN and id derives from. Its own module so that a service's specs need not
 * import the loader or another service.
 */
import type { z } from 'zod';
import type { DiagnosticCode } from './diagnostics';

/** Identity of a resource once its name is known; every ARN and id derives from it. */
export interface ResourceIdentity {
  logicalId: string;
  /** The physical name: the Name-like property if given, else generated like CloudFormation does. */
  name: string;
  /** Stable hex derived from stack + logical id, used where AWS puts a random suffix. */
  hex: string;
  region: string;
  accountId: string;
}

export interface ResourceTypeSpec {
  properties: z.ZodObject<z.ZodRawShape>;
  ignored?: readonly string[];
  /** Simulator hints the type reads from the resource's `Metadata` (validated with path and line). */
  metadata?: z.ZodType;
  /** The property that names the resource (e.g. `Name`, `AutoScalingGroupName`). */
  nameProperty?: string;
  /** CloudFormation's generated names are limited for some types (ALB names: 32 characters). */
  maxNameLength?: number;
  ref(id: ResourceIdentity): string;
  /** DNS names this resource answers to, so Traffic may call them (an ALB's DNSName, a record's Name). */
  servedNames?(id: ResourceIdentity, properties: Record<string, unknown>): string[];
  /** Checks across properties (MinSize <= MaxSize …); `report` takes a property name. */
  check?(properties: Record<string, unknown>, report: SpecCheckReport): void;
  /** `rawProperties` are the resource's Properties as written (intrinsics not evaluated), for attributes that depend on them. */
  attributes: Record<string, (id: ResourceIdentity, rawProperties: Record<string, unknown>) => unknown>;
}

/** A spec check's report: the property, the English message (CLI), and optionally its code (issue 9). */
export type SpecCheckReport = (property: string, message: string, detail?: DiagnosticCode) => void;
