/**
 * CloudWatch alarms (alarm-service.ts). Last in module order: at a minute boundary they evaluate what
 * every other service published, and an alarm's action goes to the service that owns its ARN.
 */
import type { SimModule } from '../module-build';
import { AlarmService } from './alarm-service';
import { buildAlarms } from './build-alarms';

export const ALARMS_MODULE: SimModule = {
  id: 'cloudwatch',
  role: 'alarms',
  build(ctx, { created }) {
    buildAlarms(created, ctx.world);
    return new AlarmService(ctx, (actionArn, trigger) => {
      for (const service of ctx.services.all) if (service.alarmAction?.(actionArn, trigger)) return;
    });
  },
};
