/**
 * One scenario problem as the operator reads it: where (file:line:column), what — translated from
 * its code and parameters (i18n `scenarioProblems.<code>`) — and the YAML path, as the CLI prints it.
 * `scenario.problem` is the fallback for diagnostics the loader has not given a code yet: it shows
 * the loader's English `params.message`. A code this window does not know (a newer core) shows its
 * English message when it has one, else the code itself.
 */
import type { ScenarioProblem } from '@contract';

type Translate = (key: string, params?: Record<string, unknown>) => string;
type HasKey = (key: string) => boolean;

export function scenarioProblemText(problem: ScenarioProblem, t: Translate, te: HasKey): string {
  const key = `scenarioProblems.${problem.code}`;
  const text = te(key) ? t(key, problem.params) : String(problem.params.message ?? problem.code);
  const file = problem.file ?? '';
  const where = problem.line > 0 ? `${file}:${problem.line}:${problem.column}` : file;
  return problem.path ? t('scenarioProblems.located', { where, text, path: problem.path }) : t('scenarioProblems.unlocated', { where, text });
}
