/** AWS WAF (waf-service.ts), present when the scenario has a web ACL; the load balancers screen requests through it. */
import type { SimModule } from '../module-build';
import { WafService } from './waf-service';

export const WAF_MODULE: SimModule = {
  id: 'wafv2',
  role: 'firewall',
  build(ctx, { scenario }) {
    return scenario.resources.some((r) => r.type === 'AWS::WAFv2::WebACL') ? new WafService(ctx, scenario.resources) : undefined;
  },
};
