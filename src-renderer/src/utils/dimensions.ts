/**
 * CloudWatch dimension values derived from ARNs, exactly as AWS/ApplicationELB names them:
 * LoadBalancer = `app/<name>/<id>` (the ARN after `loadbalancer/`), TargetGroup =
 * `targetgroup/<name>/<id>` (the ARN's last part). docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html
 */
export function loadBalancerDimension(arn: string): string {
  const index = arn.indexOf(':loadbalancer/');
  return index >= 0 ? arn.slice(index + ':loadbalancer/'.length) : arn;
}

export function targetGroupDimension(arn: string): string {
  const index = arn.lastIndexOf(':');
  return index >= 0 ? arn.slice(index + 1) : arn;
}
