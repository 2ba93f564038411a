/** S3 buckets as Lambda event sources (bucket-service.ts), present when the scenario has a bucket. */
import type { SimModule } from '../module-build';
import { BucketService } from './bucket-service';

export const S3_MODULE: SimModule = {
  id: 's3',
  role: 'buckets',
  build(ctx, { scenario }) {
    if (!scenario.resources.some((r) => r.type === 'AWS::S3::Bucket')) return undefined;
    return new BucketService(ctx, scenario.resources);
  },
};
