/**
 * An S3 event notification's destination must be a Lambda function of this stack for the simulator to
 * deliver its events. S3 itself refuses a configuration whose function does not exist or does not
 * allow s3.amazonaws.com to invoke it ("Unable to validate the following destination configurations",
 * AmazonS3/latest/userguide/how-to-enable-disable-notification-intro.html); a function of another
 * stack may exist in the account, so this is a warning that says the events go nowhere here, not an
 * error — like a Lambda target group's target outside the stack (sim/alb/validate.ts).
 */
import type { ScenarioReport } from '../scenario/scenario-checks';
import type { LoadedResource } from '../scenario/loaded-resource';
import { functionTargets } from '../traffic/function-targets';
import { bucketName, lambdaNotifications } from './resource-types';

export function checkBucketResources(resources: readonly LoadedResource[], report: ScenarioReport): void {
  const functions = functionTargets(resources);
  // A qualified ARN (…:function:name:alias) names the same function.
  const ofStack = (ref: string) => functions.has(ref.toLowerCase()) || functions.has(ref.toLowerCase().replace(/:[^:]+$/, ''));
  for (const r of resources) {
    if (r.type !== 'AWS::S3::Bucket') continue;
    lambdaNotifications(r.properties).forEach((notification, index) => {
      if (ofStack(notification.functionArn)) return;
      report(
        'warning',
        ['Resources', r.logicalId, 'Properties', 'NotificationConfiguration', 'LambdaConfigurations', index, 'Function'],
        `${notification.functionArn} is not a Lambda function of this stack, so the ${notification.event} events of bucket ${bucketName(r.identity)} invoke nothing in the simulation (S3 refuses a destination that does not exist)`,
        { code: 's3.functionNotInStack', params: { function: notification.functionArn, event: notification.event, bucket: bucketName(r.identity) } },
      );
    });
  }
}
