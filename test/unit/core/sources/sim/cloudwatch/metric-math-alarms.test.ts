/**
 * Metric-math alarms from a template (AWS::CloudWatch::Alarm `Metrics:`, aws-resource-cloudwatch-alarm.html;
 * evaluation per "Using metric math", docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/using-metric-math.html
 * and Create_Metric_Math_Alarm.html). Issue 14 item 4: such an alarm never fails the load; what the
 * simulator cannot evaluate is a warning naming the alarm and the function, and that alarm stays
 * INSUFFICIENT_DATA; an alarm on a metric the simulator never publishes is a warning naming the metric.
 */
import { describe, expect, it } from 'vitest';
import { SimulationEngine } from '@main/core/sources/sim/engine';
import { scenarioFrom, webTier } from '../../../../../helpers/scenarios';

function withAlarms(alarms: string, rate = '60'): string {
  return webTier({ rate }).replace('\nTraffic:', `${alarms}\nTraffic:`);
}

const RATE_ALARMS = `
  RequestsPerInstance:
    Type: AWS::CloudWatch::Alarm
    Properties:
      AlarmName: requests-per-instance
      EvaluationPeriods: 2
      Threshold: 1000
      ComparisonOperator: GreaterThanThreshold
      Metrics:
        - Id: requests
          ReturnData: false
          MetricStat:
            Metric: { Namespace: AWS/ApplicationELB, MetricName: RequestCount, Dimensions: [{ Name: LoadBalancer, Value: !GetAtt Alb.LoadBalancerFullName }] }
            Period: 60
            Stat: Sum
        - Id: instances
          ReturnData: false
          MetricStat:
            Metric: { Namespace: AWS/AutoScaling, MetricName: GroupInServiceInstances, Dimensions: [{ Name: AutoScalingGroupName, Value: !Ref Asg }] }
            Period: 60
            Stat: Average
        - Id: perInstance
          Expression: IF(instances > 0, requests / instances, 0)
  ErrorRate:
    Type: AWS::CloudWatch::Alarm
    Properties:
      AlarmName: error-rate
      EvaluationPeriods: 3
      Threshold: 1
      ComparisonOperator: GreaterThanOrEqualToThreshold
      Metrics:
        - Id: errors
          ReturnData: false
          MetricStat:
            Metric: { Namespace: AWS/ApplicationELB, MetricName: HTTPCode_ELB_5XX_Count, Dimensions: [{ Name: LoadBalancer, Value: !GetAtt Alb.LoadBalancerFullName }] }
            Period: 60
            Stat: Sum
        - Id: requests
          ReturnData: false
          MetricStat:
            Metric: { Namespace: AWS/ApplicationELB, MetricName: RequestCount, Dimensions: [{ Name: LoadBalancer, Value: !GetAtt Alb.LoadBalancerFullName }] }
            Period: 60
            Stat: Sum
        - Id: rate
          Expression: 100 * FILL(errors, 0) / requests
`;

describe('metric-math alarms from a template (using-metric-math.html)', () => {
  it('load without error and are evaluated from the metric store each period', () => {
    const scenario = scenarioFrom(withAlarms(RATE_ALARMS));
    expect(scenario.warnings.filter((w) => /Alarm|alarm/.test(w.message))).toEqual([]);
    const engine = new SimulationEngine(scenario);
    engine.advanceBy(10 * 60);
    const alarms = engine.inventory().alarms;
    // 60 req/s over 2 instances: 1800 requests per instance per minute, above 1000.
    expect(alarms.find((a) => a.alarmName === 'requests-per-instance')).toMatchObject({ stateValue: 'ALARM', stateReason: expect.stringMatching(/^Threshold Crossed: 2 out of the last 2 datapoints \[1800 /) });
    // FILL(errors, 0): the 5XX count is never published without errors; the rate is 0 %, so OK, not INSUFFICIENT_DATA.
    const errorRate = alarms.find((a) => a.alarmName === 'error-rate')!;
    expect(errorRate.stateValue).toBe('OK');
    expect(errorRate.namespace).toBeUndefined();
  });

  it('an unsupported function is a warning naming the alarm and the function; that alarm stays INSUFFICIENT_DATA', () => {
    const alarms = `
  Anomaly:
    Type: AWS::CloudWatch::Alarm
    Properties:
      AlarmName: latency-anomaly
      EvaluationPeriods: 1
      ComparisonOperator: GreaterThanUpperThreshold
      ThresholdMetricId: band
      Metrics:
        - Id: m1
          MetricStat:
            Metric: { Namespace: AWS/ApplicationELB, MetricName: TargetResponseTime, Dimensions: [{ Name: LoadBalancer, Value: !GetAtt Alb.LoadBalancerFullName }] }
            Period: 60
            Stat: Average
        - Id: band
          Expression: ANOMALY_DETECTION_BAND(m1, 2)
`;
    const scenario = scenarioFrom(withAlarms(alarms));
    const warning = scenario.warnings.find((w) => w.path.startsWith('Resources.Anomaly'))!;
    expect(warning.message).toMatch(/alarm latency-anomaly stays INSUFFICIENT_DATA.*band comparison GreaterThanUpperThreshold; function ANOMALY_DETECTION_BAND in band/);
    expect(warning.line).toBeGreaterThan(0);
    const engine = new SimulationEngine(scenario);
    engine.advanceBy(10 * 60);
    expect(engine.inventory().alarms.find((a) => a.alarmName === 'latency-anomaly')).toMatchObject({ stateValue: 'INSUFFICIENT_DATA', stateReason: expect.stringMatching(/ANOMALY_DETECTION_BAND/) });
  });

  it('an alarm on a metric the simulator never publishes is a warning naming namespace, name and dimensions', () => {
    const alarms = `
  Memory:
    Type: AWS::CloudWatch::Alarm
    Properties:
      AlarmName: memory-high
      Namespace: CWAgent
      MetricName: mem_used_percent
      Dimensions: [{ Name: AutoScalingGroupName, Value: !Ref Asg }]
      Statistic: Average
      Period: 60
      EvaluationPeriods: 1
      Threshold: 80
      ComparisonOperator: GreaterThanThreshold
  Free:
    Type: AWS::CloudWatch::Alarm
    Properties:
      Namespace: AWS/RDS
      MetricName: FreeStorageSpace
      Dimensions: [{ Name: DBInstanceIdentifier, Value: db1 }]
      Statistic: Average
      Period: 300
      EvaluationPeriods: 1
      Threshold: 1000000
      ComparisonOperator: LessThanThreshold
`;
    const messages = scenarioFrom(withAlarms(alarms)).warnings.map((w) => w.message);
    expect(messages).toContainEqual(expect.stringMatching(/alarm memory-high stays INSUFFICIENT_DATA.*CWAgent mem_used_percent \{AutoScalingGroupName=web-asg\}.*publishes nothing in namespace CWAgent/));
    expect(messages).toContainEqual(expect.stringMatching(/AWS\/RDS FreeStorageSpace \{DBInstanceIdentifier=db1\}.*does not publish FreeStorageSpace/));
  });

  it('queries that do not say which one the alarm watches: a warning, not a failed load', () => {
    const alarms = RATE_ALARMS.replace(/ *ReturnData: false\n/g, '');
    const scenario = scenarioFrom(withAlarms(alarms));
    expect(scenario.warnings.map((w) => w.message)).toContainEqual(expect.stringMatching(/alarm requests-per-instance stays INSUFFICIENT_DATA.*3 queries return data, exactly one must/));
  });
});
