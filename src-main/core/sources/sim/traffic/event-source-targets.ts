/**
 * Traffic targets that are Lambda event sources: an API Gateway HTTP API (clients send HTTP requests
 * to it; APIGW-1…) and an S3 bucket (clients PUT objects into it; S3EV-4).
 */
import type { LoadedResource } from '../scenario/loaded-resource';
import { apiEndpoint, httpApiId } from '../apigateway/resource-types';
import { bucketName } from '../s3/resource-types';

/** Lower-cased target → API id: the API id (Ref), its endpoint URL (GetAtt ApiEndpoint) and the endpoint's host name. */
export function httpApiTargets(resources: readonly LoadedResource[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of resources) {
    if (r.type !== 'AWS::ApiGatewayV2::Api') continue;
    const id = httpApiId(r.identity);
    const endpoint = apiEndpoint(id, r.identity.region);
    for (const name of [id, endpoint, `${endpoint}/`, endpoint.replace(/^https:\/\//, '')]) out.set(name.toLowerCase(), id);
  }
  return out;
}

/** Bucket names (Ref of AWS::S3::Bucket), lower-cased. */
export function bucketTargets(resources: readonly LoadedResource[]): Set<string> {
  const out = new Set<string>();
  for (const r of resources) if (r.type === 'AWS::S3::Bucket') out.add(bucketName(r.identity));
  return out;
}
