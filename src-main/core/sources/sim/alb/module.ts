/** The ALB module: load balancers, listeners and target groups from the scenario (alb-service.ts). */
import type { SimModule } from '../module-build';
import { AlbService } from './alb-service';
import { buildAlb } from './build-alb';

export const ALB_MODULE: SimModule = {
  id: 'elbv2',
  role: 'loadBalancers',
  build(ctx, { created }) {
    buildAlb(created, ctx.world);
    return new AlbService(ctx);
  },
};
