/** Lambda (lambda-service.ts), present when the scenario has a function. */
import { moduleForResourceType } from '../module-build';
import { LambdaService } from './lambda-service';

export const LAMBDA_MODULE = moduleForResourceType('lambda', 'functions', 'AWS::Lambda::Function', (ctx, resources) => {
  const limit = ctx.settings.lambdaConcurrencyLimit;
  return new LambdaService(ctx, resources, limit !== undefined ? { concurrentExecutionsLimit: limit } : {});
});
