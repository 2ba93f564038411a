/** API Gateway HTTP APIs (http-api-service.ts), present when the scenario has an AWS::ApiGatewayV2::Api. */
import { moduleForResourceType } from '../module-build';
import { HttpApiService } from './http-api-service';

export const APIGATEWAY_MODULE = moduleForResourceType('apigateway', 'httpApis', 'AWS::ApiGatewayV2::Api', (ctx, resources) => new HttpApiService(ctx, resources));
