/**
 * Loads one large scenario in its own process and prints {loadMs, buildMs, bootMs, instances} as JSON:
 * loadMs = YAML → validated model, buildMs = the engine built with every instance launched,
 * bootMs = 120 simulated seconds, in which every instance boots and registers with its target group.
 * Usage: node --import tsx bench/scenario-load-worker.ts <instances>
 */
import { SimulationEngine } from '../src-main/core/sources/sim/engine';
import { loadScenario } from '../src-main/core/sources/sim/scenario/load-scenario';
import { MAX_GROUP_INSTANCES } from '../src-main/core/sources/sim/scenario/limits';

/** `instances` in as few groups as the per-group cap allows, all behind one ALB: the heaviest shape per group. */
export function bigGroupsYaml(instances: number): string {
  const groups = Math.ceil(instances / MAX_GROUP_INSTANCES);
  const size = Math.ceil(instances / groups);
  const lines = [
    'Resources:',
    '  Alb: { Type: AWS::ElasticLoadBalancingV2::LoadBalancer, Properties: { Name: big } }',
    '  Tg: { Type: AWS::ElasticLoadBalancingV2::TargetGroup, Properties: { Name: big-tg, Port: 80 } }',
    '  Listener:',
    '    Type: AWS::ElasticLoadBalancingV2::Listener',
    '    Properties: { LoadBalancerArn: !Ref Alb, DefaultActions: [{ Type: forward, TargetGroupArn: !Ref Tg }] }',
  ];
  for (let g = 0; g < groups; g++) {
    lines.push(`  Group${g}:`, '    Type: AWS::AutoScaling::AutoScalingGroup', `    Properties: { MinSize: 0, MaxSize: ${size}, DesiredCapacity: "${size}", AvailabilityZones: !GetAZs "", TargetGroupARNs: [!Ref Tg] }`);
  }
  return `${lines.join('\n')}\n`;
}

if (process.argv[1]?.endsWith('scenario-load-worker.ts')) {
  const instances = Number(process.argv[2] ?? '2000');
  const text = bigGroupsYaml(instances);
  let start = performance.now();
  const scenario = loadScenario(text, { file: `big-${instances}.yaml` });
  const loadMs = performance.now() - start;
  start = performance.now();
  const engine = new SimulationEngine(scenario);
  const buildMs = performance.now() - start;
  start = performance.now();
  engine.advanceBy(120);
  const bootMs = performance.now() - start;
  process.stdout.write(`${JSON.stringify({ loadMs, buildMs, bootMs, instances: engine.world.instances.size })}\n`);
}
