/**
 * One scenario problem as the operator reads it: where (file:line:column), what — translated from
 * its code and parameters (i18n `scenarioProblems.<code>`) — and the YAML path, as the CLI prints it.
 * `scenario.problem` is the fallback for diagnostics the loader has not given a code yet: it shows
 * the loader's English `params.message`. A code this window does not know (a newer core) shows its
 * English message when it has one, else the code itself. Parameters named `…Kind` (one kind of value)
 * and `…Kinds` (several, comma-separated) are kind names translated through `scenarioValueKinds`;
 * `cronField` and `fileType` through their own sections; a YAML parser's `yamlCode` or the system's
 * `errno` replaces the English `reason`.
 */
import type { ScenarioProblem } from '@contract';

type Translate = (key: string, params?: Record<string, unknown>) => string;
type HasKey = (key: string) => boolean;

export function scenarioProblemText(problem: ScenarioProblem, t: Translate, te: HasKey): string {
  const text = scenarioProblemMessage(problem, t, te) ?? String(problem.params.message ?? problem.code);
  const file = problem.file ?? '';
  const where = problem.line > 0 ? `${file}:${problem.line}:${problem.column}` : file;
  return problem.path ? t('scenarioProblems.located', { where, text, path: problem.path }) : t('scenarioProblems.unlocated', { where, text });
}

/**
 * What a problem says, translated from its code and parameters, without where it is; undefined for a
 * code this window has no words for. Also words the reason a refused request wraps (utils/request-error.ts).
 */
export function scenarioProblemMessage(problem: Pick<ScenarioProblem, 'code' | 'params'>, t: Translate, te: HasKey): string | undefined {
  const key = `scenarioProblems.${problem.code}`;
  if (!te(key)) return undefined;
  return t(key, { ...problem.params, ...kinds(problem, t, te), ...codedReason(problem, t, te), ...reason(problem, t, te) });
}

/**
 * A problem that wraps another (`output.unavailable`: why an output is not shown) carries the inner
 * problem's code as `reasonCode` and its parameters prefixed `reason.`; the reason is translated too.
 */
function reason(problem: Pick<ScenarioProblem, 'params'>, t: Translate, te: HasKey): { reason?: string } {
  const code = problem.params.reasonCode;
  if (typeof code !== 'string' || !te(`scenarioProblems.${code}`)) return {};
  const params = Object.fromEntries(Object.entries(problem.params).flatMap(([name, value]) => (name.startsWith('reason.') ? [[name.slice('reason.'.length), value]] : [])));
  // Worded as any problem is (its kinds of values translated too).
  return { reason: scenarioProblemMessage({ code, params }, t, te) ?? t(`scenarioProblems.${code}`, params) };
}

/** Parameters whose values are names with a text of their own (a cron field, a kind of file). */
const NAMED_PARAMS: Record<string, string> = { cronField: 'scenarioCronFields', fileType: 'scenarioFileTypes', valueSource: 'scenarioParameterSources' };

/** `expectedKind: number` → `a number`; `expectedKinds: number,mapping` → `a number or a mapping`. */
function kinds(problem: Pick<ScenarioProblem, 'params'>, t: Translate, te: HasKey): Record<string, string> {
  const kind = (name: string) => (te(`scenarioValueKinds.${name}`) ? t(`scenarioValueKinds.${name}`) : name);
  const translated: Record<string, string> = {};
  for (const [name, value] of Object.entries(problem.params)) {
    if (typeof value !== 'string') continue;
    const section = NAMED_PARAMS[name];
    if (section && te(`${section}.${value}`)) translated[name] = t(`${section}.${value}`);
    else if (name.endsWith('Kind')) translated[name] = kind(value);
    else if (name.endsWith('Kinds')) translated[name] = value.split(',').map(kind).join(` ${t('scenarioValueKinds.or')} `);
  }
  return translated;
}

/**
 * A parser's or the system's words (`reason`) replaced by the window's for its error code (a YAML
 * parser's `yamlCode`, the system's `errno`), when the window has them.
 */
function codedReason(problem: Pick<ScenarioProblem, 'params'>, t: Translate, te: HasKey): { reason?: string } {
  for (const [param, section] of [['yamlCode', 'scenarioYamlErrors'], ['errno', 'scenarioSystemErrors']] as const) {
    const code = problem.params[param];
    if (typeof code === 'string' && te(`${section}.${code}`)) return { reason: t(`${section}.${code}`) };
  }
  return {};
}
