/**
 * How a service module builds its service (service-module.ts describes what a service does once built).
 * Apart from service-module.ts because it names the context, which names the services: no import cycle.
 */
import type { ScenarioModel } from './scenario/load-scenario';
import type { SimService } from './service-module';
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

/** One AWS service of the simulator: how its service is built, and which role it plays for the others. */
export interface SimModule {
  readonly id: string;
  /** The narrow interface the other services reach it through (SimServices), if any. */
  readonly role?: 'dns' | 'database' | 'functions' | 'firewall' | 'buckets' | 'httpApis';
  /** Its service, or undefined when the scenario has none of its resources. */
  build(ctx: SimContext, build: ModuleBuild): SimService | undefined;
}
