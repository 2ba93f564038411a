/**
 * A twin scenario from what AWS mode read (docs/twin.md): Resources (export-resources.ts), Traffic
 * from the recorded window (traffic-from-history.ts), the fitted parameters (calibrate.ts) and the
 * `Twin` section with the recording itself, as YAML the normal scenario loader reads.
 */
import { Document, isScalar, visit } from 'yaml';
import type { Inventory } from '../contract/model-inventory';
import { calibrate, CALIBRATION_METHOD } from './calibrate';
import { exportResources, type Placeholder } from './export-resources';
import { trafficFromHistory } from './traffic-from-history';
import type { ObservedSeries, TwinInfo } from './twin-section';

export interface TwinInput {
  inventory: Inventory;
  environmentNames?: Record<string, string[]>;
  source: TwinInfo['source'];
  /** ISO times; Start is the twin's Simulation.StartTime. */
  window: { start: string; end: string };
  periodSeconds: number;
  /** One series per history query, values per period from window.start. */
  observed: ObservedSeries[];
}

export interface BuiltTwin {
  document: Record<string, unknown>;
  placeholders: Placeholder[];
  /** What was read and left out, said on stderr and in the file's Description. */
  skipped: string[];
}

export function buildTwin(input: TwinInput): BuiltTwin {
  const exported = exportResources({ inventory: input.inventory, environmentNames: input.environmentNames });
  startWhereTheWindowStarted(exported, input);
  const calibration = calibrate(input.inventory, input.observed, input.periodSeconds);
  const { traffic, skipped } = trafficFromHistory({ inventory: input.inventory, exported, observed: input.observed, periodSeconds: input.periodSeconds, cpu: calibration.cpuPerRequest });
  const all = [...exported.skipped, ...skipped];
  const document: Record<string, unknown> = {
    Description: `Twin of account ${input.source.account} in ${input.source.region}, ${input.window.start} to ${input.window.end} (flightdeck aws export)`,
    Simulation: { StartTime: input.window.start, Region: input.source.region, Seed: 1 },
    Resources: exported.resources,
    // An explicit list (possibly empty): a twin replays what was recorded, never the default traffic.
    Traffic: traffic,
    Twin: {
      Source: { Account: input.source.account, Region: input.source.region, ...(input.source.profile ? { Profile: input.source.profile } : {}) },
      Window: { Start: input.window.start, End: input.window.end },
      PeriodSeconds: input.periodSeconds,
      Placeholders: exported.placeholders.map((p) => ({ Resource: p.resource, Path: p.path })),
      Observed: input.observed
        .filter((s) => s.values.some((v) => v !== null))
        .map((s) => ({ Namespace: s.namespace, MetricName: s.metricName, Dimensions: s.dimensions, Stat: s.stat, Values: s.values })),
      Calibration: {
        Method: CALIBRATION_METHOD,
        CpuPerRequest: calibration.cpuPerRequest.map((c) => ({
          AutoScalingGroupName: c.autoScalingGroupName,
          ...(c.targetGroupName ? { TargetGroupName: c.targetGroupName } : {}),
          VCpus: c.vcpus,
          CpuPerRequestSeconds: c.cpuPerRequestSeconds,
          Points: c.points,
          FitError: c.fitError,
        })),
        Latency: calibration.latency.map((l) => ({ LoadBalancerName: l.loadBalancerName, ServiceSeconds: l.serviceSeconds, Points: l.points, FitError: l.fitError })),
      },
    },
  };
  return { document, placeholders: exported.placeholders, skipped: all };
}

/** YAML with short lists (values, dimensions) on one line each, so a day of history stays readable. */
export function twinYaml(built: BuiltTwin): string {
  // No anchors and aliases (`&a1` … `*a1`) for values that repeat: each entry reads on its own.
  const doc = new Document(built.document, { aliasDuplicateObjects: false });
  visit(doc, {
    Seq(_, node) {
      if (node.items.length > 0 && node.items.every((item) => isScalar(item))) node.flow = true;
    },
  });
  const header = [
    '# A twin of a real account, written by `flightdeck aws export` (docs/twin.md).',
    '# No secret is in this file: the values listed under Twin.Placeholders were left out.',
    ...(built.skipped.length > 0 ? ['# Read but not exported:', ...built.skipped.map((s) => `#   - ${s}`)] : []),
  ].join('\n');
  return `${header}\n${doc.toString({ lineWidth: 0 })}`;
}

/**
 * The inventory is read at the end of the window, but the replay starts at its beginning: a group
 * whose instances in service were recorded starts with as many as it had then (within its Min/Max),
 * not with its size at export time.
 */
function startWhereTheWindowStarted(exported: ReturnType<typeof exportResources>, input: TwinInput): void {
  for (const group of input.inventory.autoScalingGroups) {
    const recorded = input.observed.find((s) => s.namespace === 'AWS/AutoScaling' && s.metricName === 'GroupInServiceInstances' && s.dimensions.AutoScalingGroupName === group.autoScalingGroupName);
    const first = recorded?.values.find((v) => v !== null);
    const resource = exported.resources[exported.ids.groups.get(group.autoScalingGroupName) ?? ''];
    if (first == null || !resource) continue;
    resource.Properties.DesiredCapacity = Math.min(group.maxSize, Math.max(group.minSize, Math.round(first)));
  }
}
