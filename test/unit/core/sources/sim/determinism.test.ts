import { describe, expect, it } from 'vitest';
import { readScenario } from '@main/core/scenario-files';
import { SimulationEngine } from '@main/core/sources/sim/engine';
import { runSimulation, serializeReport } from '@main/core/sources/sim/report';
import { scenarioFrom, webTier } from '../../../../helpers/scenarios';

const reportFor = (seed: number, seconds = 2 * 3600) => serializeReport(runSimulation(new SimulationEngine(readScenario('shop', { seed })), seconds));

describe('determinism: same seed, same bytes', () => {
  it('the bundled shop scenario gives byte-identical reports for one seed', () => {
    expect(reportFor(7)).toBe(reportFor(7));
  });

  it('the bundled photos scenario (WAF with carried client shares, API Gateway, S3 events, backups) gives byte-identical reports for one seed', () => {
    const photos = () => serializeReport(runSimulation(new SimulationEngine(readScenario('photos', { seed: 5 })), 1800));
    const first = photos();
    expect(first).toContain('"BlockedRequests"');
    expect(photos()).toBe(first);
  });

  it('a different seed gives a different run', () => {
    expect(reportFor(7, 1800)).not.toBe(reportFor(8, 1800));
  });

  it('running in many small steps gives the same result as one long run', () => {
    const stepped = new SimulationEngine(readScenario('shop', { seed: 3 }));
    for (let i = 0; i < 360; i++) stepped.advanceBy(10);
    const once = new SimulationEngine(readScenario('shop', { seed: 3 }));
    once.advanceBy(3600);
    expect(serializeReport(runSimulation(stepped, 0))).toBe(serializeReport(runSimulation(once, 0)));
  });

  it('EC2-1 per-instance CPU series (Simulation.InstanceMetrics) keep same seed, same bytes', () => {
    const yaml = webTier({ rate: '80' }).replace('  InstanceBootTime: 60s', '  InstanceBootTime: 60s\n  InstanceMetrics: true');
    const run = () => serializeReport(runSimulation(new SimulationEngine(scenarioFrom(yaml)), 3600));
    const first = run();
    expect(first).toContain('"InstanceId"');
    expect(run()).toBe(first);
  });

  it('the report has the documented fields', () => {
    const report = JSON.parse(reportFor(1, 3600));
    expect(report).toMatchObject({ format: 'flightdeck-sim-report/1', scenario: 'shop', seed: 1, simulatedSeconds: 3600 });
    expect(report.scalingActivities[0]).toEqual(
      expect.objectContaining({ autoScalingGroupName: 'shop-web-asg', startTime: expect.any(String), statusCode: expect.any(String), cause: expect.any(String) }),
    );
    const cpu = report.metrics.find((m: { namespace: string; metricName: string }) => m.namespace === 'AWS/EC2' && m.metricName === 'CPUUtilization');
    expect(cpu).toMatchObject({ namespace: 'AWS/EC2', dimensions: { AutoScalingGroupName: 'shop-web-asg' }, stat: 'Average', period: 60 });
    expect(cpu.points[0]).toEqual([expect.any(Number), expect.any(Number)]);
    expect(cpu.points[1][0] - cpu.points[0][0]).toBe(60);
  });
});
