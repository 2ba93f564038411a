/** The client populations (traffic-service.ts): they send their requests through DNS to the load balancers. */
import { AlbService } from '../alb/alb-service';
import type { SimModule } from '../module-build';
import { buildTraffic, TrafficService } from './traffic-service';

export const TRAFFIC_MODULE: SimModule = {
  id: 'traffic',
  build(ctx, { scenario }) {
    // Rate curves count from the scenario's StartTime, not from where a lead-in begins.
    const populations = buildTraffic(scenario, ctx.random('client-ips'));
    const alb = ctx.services.all.find((service): service is AlbService => service instanceof AlbService);
    if (!alb) throw new Error('the traffic module needs the ALB module before it');
    return new TrafficService(ctx, alb, populations);
  },
};
