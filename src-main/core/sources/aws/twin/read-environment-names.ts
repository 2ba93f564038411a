/**
 * The names of each function's environment variables, for a twin's placeholders (docs/twin.md).
 * ListFunctions returns the values too (API_ListFunctions.html, Environment.Variables); they are
 * dropped here, where they are read, so no value ever reaches the export.
 */
import { paginateListFunctions, type LambdaClient } from '@aws-sdk/client-lambda';

export async function readEnvironmentNames(client: LambdaClient): Promise<Record<string, string[]>> {
  const names: Record<string, string[]> = {};
  for await (const page of paginateListFunctions({ client }, {})) {
    for (const fn of page.Functions ?? []) {
      if (fn.FunctionName && fn.Environment?.Variables) names[fn.FunctionName] = Object.keys(fn.Environment.Variables).sort();
    }
  }
  return names;
}
