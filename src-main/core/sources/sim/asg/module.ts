/** The Auto Scaling module: groups, policies and scheduled actions (asg-service.ts); after ALB, whose target groups it names. */
import type { SimModule } from '../module-build';
import { AsgService } from './asg-service';
import { buildAsg } from './build-asg';

export const ASG_MODULE: SimModule = {
  id: 'autoscaling',
  role: 'scaling',
  build(ctx, { created, scenario }) {
    buildAsg(created, ctx.world);
    const desired = new Map(
      scenario.resources
        .filter((r) => r.type === 'AWS::AutoScaling::AutoScalingGroup')
        .map((r) => [r.identity.name, (r.properties.DesiredCapacity as number | undefined) ?? (r.properties.MinSize as number)]),
    );
    return new AsgService(ctx, desired);
  },
};
