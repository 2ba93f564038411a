/** A shop behind an ALB with a web ACL: the scenario the WAF tests share (waf.test.ts). */
export const WAF_SCENARIO = `
Simulation: { StartTime: 2026-11-20T08:00:00Z, Seed: 7, Tick: 10s, InstanceBootTime: 30s }
Resources:
  Alb: { Type: AWS::ElasticLoadBalancingV2::LoadBalancer, Properties: { Name: shop } }
  Web: { Type: AWS::ElasticLoadBalancingV2::TargetGroup, Properties: { Name: web, HealthCheckIntervalSeconds: 10, HealthyThresholdCount: 2 } }
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties: { LoadBalancerArn: !Ref Alb, Port: 80, DefaultActions: [{ Type: forward, TargetGroupArn: !Ref Web }] }
  Lt: { Type: AWS::EC2::LaunchTemplate, Properties: { LaunchTemplateData: { InstanceType: c5.xlarge } } }
  Asg: { Type: AWS::AutoScaling::AutoScalingGroup, Properties: { AutoScalingGroupName: web, MinSize: 2, MaxSize: 2, AvailabilityZones: [us-east-1a, us-east-1b], LaunchTemplate: { LaunchTemplateId: !Ref Lt }, TargetGroupARNs: [!Ref Web] } }
  BadIps:
    Type: AWS::WAFv2::IPSet
    Properties: { Name: bad-ips, Scope: REGIONAL, IPAddressVersion: IPV4, Addresses: [198.51.100.0/24] }
  Acl:
    Type: AWS::WAFv2::WebACL
    Properties:
      Name: shop-acl
      Scope: REGIONAL
      DefaultAction: { Allow: {} }
      VisibilityConfig: { CloudWatchMetricsEnabled: true, MetricName: shop-acl, SampledRequestsEnabled: true }
      Rules:
        - Name: block-bad-ips
          Priority: 0
          Action: { Block: {} }
          Statement: { IPSetReferenceStatement: { Arn: !GetAtt BadIps.Arn } }
          VisibilityConfig: { CloudWatchMetricsEnabled: true, MetricName: BlockBadIps, SampledRequestsEnabled: true }
        - Name: count-wp
          Priority: 1
          Action: { Count: {} }
          Statement:
            ByteMatchStatement:
              FieldToMatch: { UriPath: {} }
              PositionalConstraint: STARTS_WITH
              SearchString: /wp-
              TextTransformations: [{ Priority: 0, Type: LOWERCASE }]
          VisibilityConfig: { CloudWatchMetricsEnabled: true, MetricName: CountWp, SampledRequestsEnabled: true }
        - Name: block-old-host
          Priority: 2
          Action: { Block: {} }
          Statement:
            ByteMatchStatement:
              FieldToMatch: { SingleHeader: { Name: host } }
              PositionalConstraint: EXACTLY
              SearchString: old.example.com
              TextTransformations: [{ Priority: 0, Type: LOWERCASE }]
          VisibilityConfig: { CloudWatchMetricsEnabled: true, MetricName: BlockOldHost, SampledRequestsEnabled: true }
        - Name: rate-limit
          Priority: 3
          Action: { Block: {} }
          Statement: { RateBasedStatement: { Limit: 1000, AggregateKeyType: IP, EvaluationWindowSec: 60 } }
          VisibilityConfig: { CloudWatchMetricsEnabled: true, MetricName: RateLimit, SampledRequestsEnabled: true }
  Assoc:
    Type: AWS::WAFv2::WebACLAssociation
    Properties: { ResourceArn: !Ref Alb, WebACLArn: !GetAtt Acl.Arn }
Traffic:
  - Name: users
    Target: !GetAtt Alb.DNSName
    Rate: 100
    ClientIps: [{ Cidr: 203.0.113.0/24, Weight: 1 }]
    Requests:
      - { Path: /, Share: 6 }
      - { Path: /WP-login.php, Share: 2 }
      - { Path: /, Host: OLD.example.com, Share: 2 }
  - Name: bad
    Target: !GetAtt Alb.DNSName
    Rate: 10
    ClientIps: [{ Cidr: 198.51.100.0/28, Weight: 1 }]
  - Name: scraper
    Target: !GetAtt Alb.DNSName
    Rate: 50
    ClientIps: [{ Cidr: 192.0.2.7/32, Weight: 1 }]
`;
