/**
 * The simulator's services, in the order the engine runs each phase (service-module.ts): ALB before
 * Auto Scaling (whose groups name its target groups), AWS WAF beside the ALB (its web ACLs screen the
 * load balancers' requests), the traffic after both, the optional services (API Gateway and S3 after
 * Lambda, whose functions they invoke),
 * and the alarms last (they evaluate what the others published in the minute). Adding an AWS service
 * to the simulator is adding its module here, not editing the engine.
 */
import { ALB_MODULE } from './alb/module';
import { APIGATEWAY_MODULE } from './apigateway/module';
import { ASG_MODULE } from './asg/module';
import { ALARMS_MODULE } from './cloudwatch/module';
import { LAMBDA_MODULE } from './lambda/module';
import { RDS_MODULE } from './rds/module';
import { ROUTE53_MODULE } from './route53/module';
import { S3_MODULE } from './s3/module';
import type { SimModule } from './module-build';
import { TRAFFIC_MODULE } from './traffic/module';
import { WAF_MODULE } from './waf/module';

export const SIM_MODULES: readonly SimModule[] = [ALB_MODULE, WAF_MODULE, ASG_MODULE, TRAFFIC_MODULE, ROUTE53_MODULE, LAMBDA_MODULE, APIGATEWAY_MODULE, S3_MODULE, RDS_MODULE, ALARMS_MODULE];
