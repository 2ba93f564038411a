/**
 * AWS::Lambda::Url (aws-resource-lambda-url.html): a function URL. The simulator models no HTTP endpoint
 * for it; it is loaded so that a template's `!GetAtt Url.FunctionUrl` resolves and so that, without a
 * Traffic section, the function gets a default population that invokes it (traffic/default-traffic.ts).
 */
import { z } from 'zod';
import type { ResourceIdentity, ResourceTypeSpec } from '../scenario/resource-types';

/** `https://<url-id>.lambda-url.<region>.on.aws/` (lambda-urls.html, "Function URL basics"). */
const functionUrl = (id: ResourceIdentity) => `https://${id.hex}.lambda-url.${id.region}.on.aws/`;

export const LAMBDA_URL_RESOURCE_TYPES: Record<string, ResourceTypeSpec> = {
  'AWS::Lambda::Url': {
    properties: z.object({
      TargetFunctionArn: z.string(),
      AuthType: z.enum(['AWS_IAM', 'NONE']),
      Qualifier: z.string().optional(),
      InvokeMode: z.enum(['BUFFERED', 'RESPONSE_STREAM']).optional(),
    }),
    ignored: ['Cors'],
    // A stand-in identifier: nothing in the simulator reads Ref of a function URL.
    ref: (id) => `arn:aws:lambda:${id.region}:${id.accountId}:function:${id.logicalId}`,
    attributes: {
      FunctionUrl: functionUrl,
      FunctionArn: (id, raw) => (typeof raw.TargetFunctionArn === 'string' ? raw.TargetFunctionArn : `arn:aws:lambda:${id.region}:${id.accountId}:function:${id.logicalId}`),
    },
  },
};
