/** S3 buckets as Lambda event sources (bucket-service.ts), present when the scenario has a bucket. */
import { moduleForResourceType } from '../module-build';
import { BucketService } from './bucket-service';

export const S3_MODULE = moduleForResourceType('s3', 'buckets', 'AWS::S3::Bucket', (ctx, resources) => new BucketService(ctx, resources));
