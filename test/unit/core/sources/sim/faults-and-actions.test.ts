import { describe, expect, it } from 'vitest';
import { SimulationEngine } from '@main/core/sources/sim/engine';
import { type ScenarioError } from '@main/core/sources/sim/scenario/diagnostics';
import { buildReport } from '@main/core/sources/sim/report';
import { scenarioFrom, webTier } from '../../../../helpers/scenarios';

const withTimeline = (extra: string, options: Parameters<typeof webTier>[0] = {}) => `${webTier(options)}${extra}`;

describe('Faults and Actions sections', () => {
  it('schedules faults and actions by offset or ISO time, in time order', () => {
    const scenario = scenarioFrom(
      withTimeline(`Faults:
  - At: 30m
    Type: FailAvailabilityZone
    AvailabilityZone: us-east-1a
    Duration: 10m
Actions:
  - At: 2026-11-20T08:10:00Z
    Type: SetDesiredCapacity
    AutoScalingGroupName: web-asg
    DesiredCapacity: 4
`),
    );
    expect(scenario.timeline.map((e) => [e.kind, e.type, e.atSeconds])).toEqual([
      ['action', 'SetDesiredCapacity', 600],
      ['fault', 'FailAvailabilityZone', 1800],
    ]);
    expect(scenario.timeline[1]).toMatchObject({ durationSeconds: 600, parameters: { AvailabilityZone: 'us-east-1a' } });
  });

  it('reports an unknown type, a bad parameter and a bad time with path and line', () => {
    const yaml = withTimeline(`Faults:
  - At: 5m
    Type: SetOnFire
  - At: later
    Type: MultiplyTraffic
    Factor: 3
  - At: 5m
    Type: FailAvailabilityZone
    AvailabilityZone: the-moon
`);
    let diagnostics: ScenarioError['diagnostics'] = [];
    try {
      scenarioFrom(yaml);
    } catch (error) {
      diagnostics = (error as ScenarioError).diagnostics;
    }
    const lineOf = (text: string) => yaml.split('\n').findIndex((l) => l.includes(text)) + 1;
    expect(diagnostics).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'Faults[0].Type', line: lineOf('SetOnFire'), message: expect.stringContaining('unknown fault type "SetOnFire"') }),
        expect.objectContaining({ path: 'Faults[1].At', line: lineOf('At: later') }),
        expect.objectContaining({ path: 'Faults[2].AvailabilityZone', line: lineOf('the-moon') }),
      ]),
    );
  });

  it('applies a fault at its time and reverts it after its Duration, both on the timeline', () => {
    const engine = new SimulationEngine(
      scenarioFrom(
        withTimeline(`Faults:
  - { At: 5m, Type: FailAvailabilityZone, AvailabilityZone: us-east-1a, Duration: 10m }
`),
      ),
    );
    engine.advanceBy(5 * 60 - 5);
    expect(engine.world.failedAvailabilityZones.size).toBe(0);
    engine.advanceBy(5);
    expect([...engine.world.failedAvailabilityZones.keys()]).toEqual(['us-east-1a']);
    engine.advanceBy(10 * 60);
    expect(engine.world.failedAvailabilityZones.size).toBe(0);
    const kinds = engine.timeline.filter((t) => t.service === 'simulator').map((t) => [t.kind, t.time]);
    expect(kinds).toEqual([
      ['FaultInjected', '2026-11-20T08:05:00.000Z'],
      ['FaultEnded', '2026-11-20T08:15:00.000Z'],
    ]);
    // Codes for the renderer (issue 9): the kind and the resource, never the English sentence.
    expect(engine.timeline.filter((t) => t.service === 'simulator').map((t) => t.text)).toEqual([
      { code: 'fault.injectedFor', params: { kind: 'FailAvailabilityZone', resource: 'us-east-1a', seconds: 600 } },
      { code: 'fault.ended', params: { kind: 'FailAvailabilityZone', resource: 'us-east-1a' } },
    ]);
  });

  it('a refused scenario action becomes a timeline error and the run goes on', () => {
    const engine = new SimulationEngine(
      scenarioFrom(
        withTimeline(`Actions:
  - { At: 1m, Type: SetDesiredCapacity, AutoScalingGroupName: web-asg, DesiredCapacity: 99 }
  - { At: 2m, Type: SetDesiredCapacity, AutoScalingGroupName: web-asg, DesiredCapacity: 3 }
`),
      ),
    );
    engine.advanceBy(180);
    const report = buildReport(engine);
    expect(report.timeline.find((t) => t.kind === 'ActionRefused')!.message).toContain('New SetDesiredCapacity value 99 is above max value 10');
    expect(report.timeline.find((t) => t.kind === 'ActionRefused')!.text).toMatchObject({ code: 'action.refused', params: { kind: 'SetDesiredCapacity' } });
    expect(report.timeline.find((t) => t.kind === 'Action')!.text).toEqual({ code: 'action.ran', params: { kind: 'SetDesiredCapacity', resource: 'web-asg' } });
    expect(engine.world.autoScalingGroups.get('web-asg')!.desiredCapacity).toBe(3);
  });

  it('MultiplyTraffic multiplies every population, and reverts', () => {
    const engine = new SimulationEngine(scenarioFrom(webTier({ rate: '50' })));
    const offered = () => engine.metrics.get('Flightdeck/Traffic', 'OfferedRequests', { Population: 'users' })!;
    engine.advanceBy(60);
    engine.injectFault('MultiplyTraffic', { Factor: 3 }, 60);
    engine.advanceBy(120);
    const perMinute = offered().points('Sum').map((p) => p[1]);
    expect(perMinute).toEqual([3000, 9000, 3000]);
  });

  it('TerminateInstances: the group replaces what EC2 lost', () => {
    const engine = new SimulationEngine(scenarioFrom(webTier({ min: 3 })));
    engine.advanceBy(120);
    const record = engine.injectFault('TerminateInstances', { AutoScalingGroupName: 'web-asg', Count: 2 });
    expect(record.message).toMatch(/^Terminated 2 instances of web-asg: i-/);
    engine.advanceBy(120);
    const live = [...engine.world.autoScalingGroups.get('web-asg')!.instances.values()].filter((i) => i.lifecycleState === 'InService');
    expect(live).toHaveLength(3);
  });

  it('refuses faults for resources that do not exist, with the AWS-like message', () => {
    const engine = new SimulationEngine(scenarioFrom(webTier()));
    expect(() => engine.injectFault('TerminateInstances', { AutoScalingGroupName: 'nope' })).toThrow("AutoScalingGroup 'nope' not found");
    expect(() => engine.injectFault('FailTargets', { TargetGroupName: 'nope' })).toThrow('One or more target groups not found: nope');
    expect(() => engine.injectFault('MultiplyTraffic', { Factor: -1 })).toThrow(/Factor/);
    expect(() => engine.injectFault('Meteor', {})).toThrow('unknown fault type Meteor');
    expect(() => engine.injectFault('FailDBInstance', { DBInstanceIdentifier: 'db' })).toThrow('needs a service this scenario does not have');
  });

  it('each refusal names its problem code and parameters, for a window to word (issue 9)', () => {
    const engine = new SimulationEngine(scenarioFrom(webTier()));
    const refusal = (type: string, parameters: Record<string, unknown>) => {
      try {
        engine.injectFault(type, parameters);
      } catch (error) {
        return { problem: (error as { problem?: string }).problem, params: (error as { params?: unknown }).params };
      }
      throw new Error(`${type} was not refused`);
    };
    expect(refusal('TerminateInstances', { AutoScalingGroupName: 'nope' })).toEqual({ problem: 'fault.groupNotFound', params: { name: 'nope' } });
    expect(refusal('FailTargets', { TargetGroupName: 'nope' })).toEqual({ problem: 'fault.targetGroupNotFound', params: { name: 'nope' } });
    expect(refusal('MultiplyTraffic', { Factor: 2, Name: 'nobody' })).toEqual({ problem: 'fault.trafficNotFound', params: { name: 'nobody' } });
    expect(refusal('FailDBInstance', { DBInstanceIdentifier: 'db' })).toEqual({ problem: 'fault.serviceMissing', params: { kind: 'FailDBInstance' } });
    expect(refusal('MultiplyTraffic', { Factor: -1 })).toMatchObject({ problem: 'fault.parameterInvalid', params: { kind: 'MultiplyTraffic', parameter: 'Factor', reasonCode: expect.stringMatching(/^value\./) } });
  });
});
