import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SimulationEngine } from '@main/core/sources/sim/engine';
import { readScenario } from '@main/core/scenario-files';

const doc = readFileSync(join(__dirname, '../../../../../../docs/metrics.md'), 'utf8');

/** The status the docs table gives a metric (a row may list several names separated by commas). */
function status(metric: string): string | undefined {
  for (const line of doc.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 4) continue;
    if (cells[1]!.split(/,\s*/).includes(metric)) return cells[2];
  }
  return undefined;
}

const ALB_14 = ['RequestCount', 'RequestCountPerTarget', 'TargetResponseTime', 'HTTPCode_ELB_3XX_Count', 'HTTPCode_ELB_4XX_Count', 'HTTPCode_ELB_5XX_Count', 'HTTPCode_ELB_500_Count', 'HTTPCode_ELB_502_Count', 'HTTPCode_ELB_503_Count', 'HTTPCode_ELB_504_Count', 'HTTPCode_Target_2XX_Count', 'HTTPCode_Target_3XX_Count', 'HTTPCode_Target_4XX_Count', 'HTTPCode_Target_5XX_Count', 'HTTP_Redirect_Count', 'HTTP_Fixed_Response_Count', 'TargetConnectionErrorCount', 'ActiveConnectionCount', 'NewConnectionCount', 'ProcessedBytes', 'ConsumedLCUs', 'RuleEvaluations', 'LambdaUserError', 'LambdaInternalError'];
const RDS_7 = ['FreeStorageSpace', 'FreeableMemory', 'ReadLatency', 'WriteLatency', 'DiskQueueDepth', 'ReadThroughput', 'WriteThroughput', 'NetworkReceiveThroughput', 'NetworkTransmitThroughput'];

// docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html,
// docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-metrics.html
describe('ALB-14/RDS-7: every catalogued metric is published or listed as not modelled (docs/metrics.md)', () => {
  it.each([...ALB_14.map((m) => ['ALB-14', m]), ...RDS_7.map((m) => ['RDS-7', m])])('%s: %s has a status', (_id, metric) => {
    expect(['published', 'not modelled']).toContain(status(metric));
  });

  it('ALB-14/RDS-7: what the table calls published is published by a bundled scenario, and "not modelled" never is', () => {
    const published = new Set<string>();
    for (const name of ['shop', 'serverless']) {
      const engine = new SimulationEngine(readScenario(name));
      engine.advanceBy(30 * 60);
      for (const series of engine.metrics.all()) published.add(`${series.namespace}|${series.metricName}`);
    }
    for (const metric of [...ALB_14, ...RDS_7]) {
      const ns = RDS_7.includes(metric) ? 'AWS/RDS' : 'AWS/ApplicationELB';
      if (status(metric) === 'not modelled') expect(published.has(`${ns}|${metric}`), metric).toBe(false);
    }
    for (const metric of ['RequestCount', 'RequestCountPerTarget', 'HTTPCode_Target_2XX_Count', 'TargetResponseTime']) {
      expect(published.has(`AWS/ApplicationELB|${metric}`), metric).toBe(true);
    }
  });
});
