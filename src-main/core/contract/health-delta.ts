/**
 * Health verdicts as versioned deltas (issue 15 item 5). The whole report (every resource's verdict
 * with its reasons, ~31 kB at scale-1000) used to travel in every frame in which any verdict or
 * reason changed, which at ×3600 is every frame; a frame changes a few resources (~2 kB). A
 * snapshot carries the report whole with its version; an Update carries what changed since the
 * version before it, by key (keyed-list-delta.ts): services by service, resources by kind and id.
 *
 * Pure, JSON in and out, shared with the renderer (contract folder: zod and the contract's own files).
 *
 * Law (tested, test/unit/core/contract/health-delta.test.ts): applyHealthDelta(a, diffHealth(a, b, …))
 * deep-equals b, and a composed delta applied equals the two applied one after the other.
 */
import { z } from 'zod';
import { applyList, composeLists, diffList, listDeltaSchema, sameValue, type KeyedShape, type ListDelta } from './keyed-list-delta';
import { IsoTime } from './model-common';
import { HealthThresholds, ResourceHealth, ServiceHealth, type HealthReport } from './model-health';

const SERVICES: KeyedShape = { key: (service: ServiceHealth) => service.service };
/** A resource is named by its kind and id (core/health/ids): the same name may be two kinds. */
const RESOURCES: KeyedShape = { key: (resource: ResourceHealth) => `${resource.kind}|${resource.id}` };

export const HealthDelta = z
  .object({
    /** The report version it applies to, and the one it makes (a snapshot carries `healthVersion`). */
    from: z.number().int().nonnegative(),
    to: z.number().int().positive(),
    evaluatedAt: IsoTime,
    services: listDeltaSchema(ServiceHealth).optional(),
    resources: listDeltaSchema(ResourceHealth).optional(),
    /** Present when the thresholds changed (Settings). */
    thresholds: HealthThresholds.optional(),
  })
  .strict();
export type HealthDelta = z.infer<typeof HealthDelta>;

/** What changed from `before` to `after`, services and resources by key; the evaluation time always. */
export function diffHealth(before: HealthReport, after: HealthReport, versions: { from: number; to: number }): HealthDelta {
  const services = diffList(SERVICES, before.services, after.services);
  const resources = diffList(RESOURCES, before.resources, after.resources);
  return {
    ...versions,
    evaluatedAt: after.evaluatedAt,
    ...(services ? { services: services as HealthDelta['services'] } : {}),
    ...(resources ? { resources: resources as HealthDelta['resources'] } : {}),
    ...(sameValue(before.thresholds, after.thresholds) ? {} : { thresholds: after.thresholds }),
  };
}

/** The report after `delta`: a new object; services and resources it does not name keep theirs. */
export function applyHealthDelta(report: HealthReport, delta: HealthDelta): HealthReport {
  return {
    evaluatedAt: delta.evaluatedAt,
    services: delta.services ? applyList(SERVICES, report.services, delta.services as ListDelta<ServiceHealth>) : report.services,
    resources: delta.resources ? applyList(RESOURCES, report.resources, delta.resources as ListDelta<ResourceHealth>) : report.resources,
    thresholds: delta.thresholds ?? report.thresholds,
  };
}

/**
 * One delta with the effect of `first` then `second` (the web host merges a slow client's frames).
 * Undefined when they are not consecutive: both must be sent (the client reloads on the gap).
 */
export function composeHealthDeltas(first: HealthDelta, second: HealthDelta): HealthDelta | undefined {
  if (first.to !== second.from) return undefined;
  const compose = (shape: KeyedShape, a: ListDelta | undefined, b: ListDelta | undefined) => (a && b ? composeLists(shape, a, b) : (b ?? a));
  const services = compose(SERVICES, first.services as ListDelta | undefined, second.services as ListDelta | undefined);
  const resources = compose(RESOURCES, first.resources as ListDelta | undefined, second.resources as ListDelta | undefined);
  const thresholds = second.thresholds ?? first.thresholds;
  return {
    from: first.from,
    to: second.to,
    evaluatedAt: second.evaluatedAt,
    ...(services ? { services: services as HealthDelta['services'] } : {}),
    ...(resources ? { resources: resources as HealthDelta['resources'] } : {}),
    ...(thresholds ? { thresholds } : {}),
  };
}
