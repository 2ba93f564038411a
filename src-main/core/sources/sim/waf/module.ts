/** AWS WAF (waf-service.ts), present when the scenario has a web ACL; the load balancers screen requests through it. */
import { moduleForResourceType } from '../module-build';
import { WafService } from './waf-service';

export const WAF_MODULE = moduleForResourceType('wafv2', 'firewall', 'AWS::WAFv2::WebACL', (ctx, resources) => new WafService(ctx, resources));
