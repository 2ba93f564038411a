/** How each dataset's state is reported: its age, and its failure as a code with the service's endpoint and proxy. */
import type { DatasetStatus, DatasetStatuses } from '../../../contract/model';
import type { ProfileKind } from '../../../contract/model-aws';
import { redactText } from '../../../redact';
import { awsCallHint, isAwsCallError } from '../aws-errors';
import { datasetProblem, defaultEndpoint, type Problem } from '../dataset-problem';
import { resolveEndpoints, type EndpointService } from '../endpoints';
import { AwsNetworkAgent } from '../network/network-agent';
import { AWS_DATASETS, STALE_AFTER_INTERVALS, type AwsDataset } from '../poll-plan';
import type { SharedFiles } from '../profiles/shared-ini';

/** Each dataset's status, with `stale` for data older than STALE_AFTER_INTERVALS intervals, secrets removed. */
export function reportedStatuses(datasets: DatasetStatuses, options: { now: number; intervals: Record<AwsDataset, number>; secrets: string[] }): DatasetStatuses {
  const result: DatasetStatuses = {};
  for (const dataset of AWS_DATASETS) {
    const status = datasets[dataset];
    if (!status) continue;
    const intervalMs = options.intervals[dataset];
    const staleAfterMs = STALE_AFTER_INTERVALS * intervalMs;
    const aged = status.state === 'ok' && status.fetchedAt !== undefined && options.now - status.fetchedAt > staleAfterMs;
    result[dataset] = { ...status, ...(aged ? { state: 'stale' as const } : {}), intervalMs, staleAfterMs };
    // An SDK error can quote an endpoint URL with its userinfo.
    if (status.error) {
      const { problem } = status.error;
      const redact = (text: string) => redactText(text, options.secrets);
      result[dataset]!.error = {
        ...status.error,
        message: redact(status.error.message),
        ...(status.error.hint ? { hint: redact(status.error.hint) } : {}),
        ...(problem ? { problem: { code: problem.code, params: Object.fromEntries(Object.entries(problem.params).map(([k, v]) => [k, redact(v)])) } } : {}),
      };
    }
  }
  return result;
}

export interface SessionPlace {
  files: SharedFiles;
  configProfile: string;
  env: NodeJS.ProcessEnv;
  region: string;
  profile: string;
  kind: ProfileKind;
}

/**
 * Where this session sends a service's calls: the custom endpoint, when the profile or environment sets
 * one, and the proxy the environment names for that endpoint (or for `defaultUrl` without one).
 */
export function serviceRoute(place: SessionPlace, service: EndpointService, defaultUrl: string): { endpoint?: string; proxy?: string } {
  const endpoint = resolveEndpoints(place.files, place.configProfile, place.env)[service];
  const url = new URL(endpoint ?? defaultUrl);
  const secure = url.protocol === 'https:';
  const proxy = AwsNetworkAgent.proxyFor(secure, url.hostname, Number(url.port) || (secure ? 443 : 80));
  return { ...(endpoint ? { endpoint } : {}), ...(proxy ? { proxy } : {}) };
}

/** A dataset's failure as a code + parameters (dataset-problem.ts), with its service's endpoint and proxy. */
export function failureProblem(error: unknown, place: SessionPlace): Problem {
  const service = isAwsCallError(error) ? error.params.service : undefined;
  const route = service ? serviceRoute(place, service, defaultEndpoint(service, place.region)) : {};
  return datasetProblem(error, { region: place.region, profile: place.profile, kind: place.kind, ...route });
}

/** A failed poll: the data held stays, marked stale with its age; without data the dataset is in error. */
export function failedStatus(previous: DatasetStatus | undefined, error: unknown, problem: Problem): DatasetStatus {
  const e = isAwsCallError(error) ? error : undefined;
  return {
    state: previous?.fetchedAt !== undefined ? 'stale' : 'error',
    ...(previous?.fetchedAt !== undefined ? { fetchedAt: previous.fetchedAt } : {}),
    error: { code: e?.params.awsCode ?? 'Error', message: e?.message ?? (error instanceof Error ? error.message : String(error)), ...(e && awsCallHint(e) ? { hint: awsCallHint(e) } : {}), problem },
  };
}
