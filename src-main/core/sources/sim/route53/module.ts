/** Route 53 (route53-service.ts), present when the scenario has a hosted zone; the traffic resolves names through it. */
import { moduleForResourceType } from '../module-build';
import { Route53Service } from './route53-service';

export const ROUTE53_MODULE = moduleForResourceType('route53', 'dns', 'AWS::Route53::HostedZone', (ctx, resources) => new Route53Service(ctx, resources));
