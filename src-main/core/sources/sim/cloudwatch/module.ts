/**
 * CloudWatch alarms (alarm-service.ts). Last in module order: at a minute boundary they evaluate what
 * every other service published, and an alarm's action goes to the service that owns its ARN.
 */
import type { SimModule } from '../module-build';
import { AlarmService } from './alarm-service';

export const ALARMS_MODULE: SimModule = {
  id: 'cloudwatch',
  role: 'alarms',
  build(ctx) {
    return new AlarmService(ctx, (actionArn, trigger) => {
      for (const service of ctx.services.all) if (service.alarmAction?.(actionArn, trigger)) return;
    });
  },
};
