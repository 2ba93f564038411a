/**
 * A dataset's error as the operator reads it: the translation of its problem code (the session's
 * `awsSetup.problem.*` codes, or the dataset's own `datasetProblem.*`), with the fix when there is
 * one. The English `message`/`hint` the core also sends (for the CLI and logs) are never shown:
 * they can be SDK or parser text (`Unexpected token '<', "<!doctype "...`).
 */
import type { DatasetStatus } from '@contract';

type Translate = (key: string, params?: Record<string, unknown>) => string;
type Exists = (key: string) => boolean;

export function datasetProblemText(error: NonNullable<DatasetStatus['error']>, t: Translate, te: Exists): { message: string; fix?: string } {
  const problem = error.problem;
  if (problem) {
    for (const [messages, fixes] of [['awsSetup.problem', 'awsSetup.fix'], ['datasetProblem', 'datasetProblem.fix']] as const) {
      if (!te(`${messages}.${problem.code}`)) continue;
      const fix = te(`${fixes}.${problem.code}`) ? t(`${fixes}.${problem.code}`, problem.params) : undefined;
      return { message: t(`${messages}.${problem.code}`, problem.params), ...(fix ? { fix } : {}) };
    }
  }
  return { message: t('datasets.failed') };
}
