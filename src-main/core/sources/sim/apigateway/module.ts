/** API Gateway HTTP APIs (http-api-service.ts), present when the scenario has an AWS::ApiGatewayV2::Api. */
import type { SimModule } from '../module-build';
import { HttpApiService } from './http-api-service';

export const APIGATEWAY_MODULE: SimModule = {
  id: 'apigateway',
  role: 'httpApis',
  build(ctx, { scenario }) {
    if (!scenario.resources.some((r) => r.type === 'AWS::ApiGatewayV2::Api')) return undefined;
    return new HttpApiService(ctx, scenario.resources);
  },
};
