/** Route 53 (route53-service.ts), present when the scenario has a hosted zone; the traffic resolves names through it. */
import type { SimModule } from '../module-build';
import { Route53Service } from './route53-service';

export const ROUTE53_MODULE: SimModule = {
  id: 'route53',
  role: 'dns',
  build(ctx, { scenario }) {
    return scenario.resources.some((r) => r.type === 'AWS::Route53::HostedZone') ? new Route53Service(ctx, scenario.resources) : undefined;
  },
};
