/**
 * One GetMetricData call, followed through NextToken until its results are complete
 * (docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricData.html: "If there
 * are more results than can be returned in one call, NextToken is set"), and the query for one
 * series: written once for the metric poller, the CPU-monitoring probe and the twin's history.
 */
import { GetMetricDataCommand, type CloudWatchClient, type GetMetricDataCommandInput, type MetricDataQuery, type MetricDataResult } from '@aws-sdk/client-cloudwatch';
import type { MetricKey } from '../../../contract/model';

/** A series as GetMetricData asks for it (a MetricKey, or a looser stat where the caller names one). */
export function toQuery(id: string, key: Pick<MetricKey, 'namespace' | 'metricName' | 'dimensions' | 'period'> & { stat: string }): MetricDataQuery {
  // ReturnData defaults to true; leaving it out keeps each query (and the request) smaller.
  return {
    Id: id,
    MetricStat: {
      Metric: { Namespace: key.namespace, MetricName: key.metricName, Dimensions: Object.entries(key.dimensions).map(([Name, Value]) => ({ Name, Value })) },
      Period: key.period,
      Stat: key.stat,
    },
  };
}

/** Sends the call page by page, handing each page's results to `onResults` as it arrives. */
export async function getMetricDataPages(client: Pick<CloudWatchClient, 'send'>, input: Omit<GetMetricDataCommandInput, 'NextToken'>, onResults: (results: MetricDataResult[]) => void): Promise<void> {
  let nextToken: string | undefined;
  do {
    const response = await client.send(new GetMetricDataCommand({ ...input, NextToken: nextToken }));
    onResults(response.MetricDataResults ?? []);
    nextToken = response.NextToken;
  } while (nextToken);
}
