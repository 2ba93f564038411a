/** RDS (rds-service.ts), present when the scenario has a DB instance the simulator models (not Aurora). */
import type { SimModule } from '../module-build';
import { hasSimulatedDbInstances, RdsService } from './rds-service';

export const RDS_MODULE: SimModule = {
  id: 'rds',
  role: 'database',
  build(ctx, { scenario }) {
    return hasSimulatedDbInstances(scenario.resources) ? new RdsService(ctx, scenario.resources) : undefined;
  },
};
