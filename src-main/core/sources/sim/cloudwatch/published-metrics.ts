/**
 * Which metrics the simulator publishes, by namespace, name and dimension names — the "published" rows
 * of docs/metrics.md, as the services put them (alb-service, asg-service, rds-service, lambda-service,
 * traffic-service, apigateway/http-api-service). An alarm on anything else stays INSUFFICIENT_DATA for ever, so loading warns.
 */
import type { DiagnosticCode } from '../scenario/diagnostics';
import { GROUP_METRICS } from '../asg/group-metrics';

const LB = 'LoadBalancer';
const LB_TG = 'LoadBalancer,TargetGroup';

/** namespace → metric name → accepted dimension-name sets (names sorted, comma-joined; '' = none). */
const PUBLISHED: Record<string, Record<string, readonly string[]>> = {
  'AWS/ApplicationELB': {
    RequestCount: [LB, LB_TG],
    TargetResponseTime: [LB, LB_TG],
    HTTPCode_Target_2XX_Count: [LB, LB_TG],
    HTTPCode_Target_5XX_Count: [LB, LB_TG],
    TargetConnectionErrorCount: [LB, LB_TG],
    RequestCountPerTarget: ['TargetGroup', LB_TG],
    HealthyHostCount: [LB_TG],
    UnHealthyHostCount: [LB_TG],
    HTTPCode_ELB_5XX_Count: [LB],
    HTTPCode_ELB_500_Count: [LB],
    HTTPCode_ELB_502_Count: [LB],
    HTTPCode_ELB_503_Count: [LB],
    HTTPCode_ELB_504_Count: [LB],
    HTTPCode_ELB_4XX_Count: [LB],
    HTTPCode_ELB_3XX_Count: [LB],
    HTTP_Redirect_Count: [LB],
    HTTP_Fixed_Response_Count: [LB],
  },
  // Per instance only with Simulation.InstanceMetrics (EC2-1); the group series always.
  'AWS/EC2': { CPUUtilization: ['AutoScalingGroupName', 'InstanceId'] },
  'AWS/AutoScaling': Object.fromEntries(GROUP_METRICS.map((name) => [name, ['AutoScalingGroupName']])),
  'AWS/RDS': Object.fromEntries(['CPUUtilization', 'DatabaseConnections', 'ReadIOPS', 'WriteIOPS', 'ReplicaLag'].map((name) => [name, ['DBInstanceIdentifier']])),
  'AWS/Lambda': {
    ...Object.fromEntries(['Invocations', 'Errors', 'Throttles', 'Duration', 'AsyncEventsReceived', 'AsyncEventAge', 'AsyncEventsDropped'].map((name) => [name, ['FunctionName']])),
    ConcurrentExecutions: ['FunctionName', ''],
    UnreservedConcurrentExecutions: [''],
    ClaimedAccountConcurrency: [''],
  },
  // waf/waf-service.ts: per web ACL and rule (ALL, Default_Action or a rule's metric name) in its Region.
  'AWS/WAFV2': Object.fromEntries(['AllowedRequests', 'BlockedRequests', 'CountedRequests'].map((name) => [name, ['Region,Rule,WebACL']])),
  // APIGW-5: by ApiId, by ApiId + Stage, and per route (ApiId + Method + Resource + Stage) with detailed metrics.
  'AWS/ApiGateway': Object.fromEntries(['Count', '4xx', '5xx', 'Latency', 'IntegrationLatency', 'DataProcessed'].map((name) => [name, ['ApiId', 'ApiId,Stage', 'ApiId,Method,Resource,Stage']])),
  'Flightdeck/Traffic': { OfferedRequests: ['Population'], UnresolvedRequests: ['Population'] },
  'Flightdeck/Lambda': { ColdStarts: ['FunctionName'], InitDuration: ['FunctionName'] },
};

/**
 * Undefined when the simulator publishes (namespace, name) with exactly these dimension names; else why
 * not, in words for a warning.
 */
export function unpublishedReason(namespace: string, metricName: string, dimensionNames: readonly string[]): string | undefined {
  return unpublished(namespace, metricName, dimensionNames)?.text;
}

/** Why nothing is published, in English (`text`) and as a code with parameters (issue 9). */
export function unpublished(namespace: string, metricName: string, dimensionNames: readonly string[]): { text: string; detail: DiagnosticCode } | undefined {
  const names = PUBLISHED[namespace];
  if (!names) return { text: `the simulator publishes nothing in namespace ${namespace}`, detail: { code: 'alarm.namespaceNotPublished', params: { namespace } } };
  const sets = names[metricName];
  if (!sets) return { text: `the simulator does not publish ${metricName} in ${namespace}`, detail: { code: 'alarm.metricNotPublished', params: { namespace, metric: metricName } } };
  const key = [...dimensionNames].sort().join(',');
  if (sets.includes(key)) return undefined;
  const shown = (set: string) => (set === '' ? 'no dimensions' : set.split(',').join(' + '));
  const published = sets.map(shown).join(' or ');
  return {
    text: `the simulator publishes ${namespace} ${metricName} with ${published}, not with ${shown(key)}`,
    // The dimension sets stay as written (names joined by +); "no dimensions" is the empty set.
    detail: { code: 'alarm.dimensionsNotPublished', params: { namespace, metric: metricName, published, used: shown(key) } },
  };
}
