/** Scenarios with Lambda resources, loaded through the real scenario loader. */
import { loadScenario, type ScenarioModel } from '../../../../../../src-main/core/sources/sim/scenario/load-scenario';

export function lambdaScenario(yaml: string, file = 'lambda-test.yaml'): ScenarioModel {
  return loadScenario(yaml, { file });
}

export interface FunctionSpec {
  name: string;
  memory?: number;
  timeout?: number;
  reserved?: number;
  architecture?: 'x86_64' | 'arm64';
}

/** A Resources section with one AWS::Lambda::Function per spec (logical ids F0, F1, …). */
export function functionsYaml(specs: FunctionSpec[]): string {
  const lines = ['Resources:'];
  specs.forEach((spec, index) => {
    lines.push(`  F${index}:`, '    Type: AWS::Lambda::Function', '    Properties:', `      FunctionName: ${spec.name}`, '      Runtime: nodejs22.x', '      Handler: index.handler');
    lines.push('      Role: arn:aws:iam::123456789012:role/lambda-exec', '      Code: { ZipFile: "exports.handler = async () => ({ statusCode: 200 })" }');
    if (spec.memory !== undefined) lines.push(`      MemorySize: ${spec.memory}`);
    if (spec.timeout !== undefined) lines.push(`      Timeout: ${spec.timeout}`);
    if (spec.reserved !== undefined) lines.push(`      ReservedConcurrentExecutions: ${spec.reserved}`);
    if (spec.architecture) lines.push(`      Architectures: [${spec.architecture}]`);
  });
  return lines.join('\n') + '\n';
}

export function functionResources(specs: FunctionSpec[]) {
  return lambdaScenario(functionsYaml(specs)).resources;
}
