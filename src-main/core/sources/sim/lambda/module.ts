/** Lambda (lambda-service.ts), present when the scenario has a function. */
import type { SimModule } from '../module-build';
import { LambdaService } from './lambda-service';

export const LAMBDA_MODULE: SimModule = {
  id: 'lambda',
  role: 'functions',
  build(ctx, { scenario }) {
    if (!scenario.resources.some((r) => r.type === 'AWS::Lambda::Function')) return undefined;
    const limit = ctx.settings.lambdaConcurrencyLimit;
    return new LambdaService(ctx, scenario.resources, limit !== undefined ? { concurrentExecutionsLimit: limit } : {});
  },
};
