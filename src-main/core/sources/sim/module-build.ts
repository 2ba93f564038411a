/**
 * How a service module builds its service (service-module.ts describes what a service does once built).
 * Apart from service-module.ts because it names the context, which names the services: no import cycle.
 */
import type { LoadedResource, ScenarioModel } from './scenario/load-scenario';
import type { SimRole, SimService, SimServices } from './service-module';
import type { SimContext } from './sim-context';

/** What a module builds its service from. */
export interface ModuleBuild {
  /** The scenario as loaded: rate curves and the timeline count from its StartTime. */
  scenario: ScenarioModel;
  /**
   * The same scenario with StartTime moved back to where the clock begins (a lead-in): the stack exists
   * from then, so its health checks, alarms and schedules do too. Equal to `scenario` without a lead-in.
   */
  created: ScenarioModel;
}

interface ModuleOf<S extends SimService> {
  readonly id: string;
  /** Its service, or undefined when the scenario has none of its resources. */
  build(ctx: SimContext, build: ModuleBuild): S | undefined;
}

/**
 * One AWS service of the simulator: how its service is built, and which role it plays for the others —
 * the narrow interface the engine and the other services reach it through (SimServices), if any. A
 * module with a role must build a service of that role's interface (checked at compile time).
 */
export type SimModule = ({ [R in SimRole]: ModuleOf<NonNullable<SimServices[R]>> & { readonly role: R } }[SimRole]) | (ModuleOf<SimService> & { readonly role?: undefined });

/**
 * A module whose service exists when the scenario has at least one resource of `resourceType` (a web ACL,
 * a hosted zone, an HTTP API, a bucket), built from the scenario's resources: the rule "present when the
 * scenario has one" written once.
 */
export function moduleForResourceType<R extends SimRole>(
  id: string,
  role: R,
  resourceType: string,
  create: (ctx: SimContext, resources: LoadedResource[]) => NonNullable<SimServices[R]>,
): SimModule {
  const module: ModuleOf<NonNullable<SimServices[R]>> & { readonly role: R } = {
    id,
    role,
    build: (ctx, { scenario }) => (scenario.resources.some((r) => r.type === resourceType) ? create(ctx, scenario.resources) : undefined),
  };
  // A generic R is not narrowed into SimModule's union over the roles; the object above is checked
  // against the one member for R, which is what the union requires.
  return module as SimModule;
}
