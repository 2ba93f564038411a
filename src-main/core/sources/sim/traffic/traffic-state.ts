/**
 * The traffic part of the simulator's state: the client populations of the scenario's Traffic section,
 * built once (traffic-service.ts `buildTraffic`) and owned by the traffic service, which alone reads
 * them. `SimClient` travels with the requests: AWS WAF screens client addresses and the load balancer
 * passes them on (service-module.ts `ScreenedRequests`).
 */
import type { ClientLocation } from '../../../contract/model';
import type { RateCurve } from './rate-curve';

/** One kind of request a population sends: where it goes on the ALB and what it costs. */
export interface SimRequestClass {
  path: string;
  host?: string;
  /** HTTP method (GET when not given) and request headers, for listener rule conditions (ALB-1). */
  method?: string;
  headers?: Readonly<Record<string, string>>;
  share: number;
  cpuSecondsPerRequest: number;
}

/** One client address of a population and its share of the population's requests (WAF IP sets and rate rules read it). */
export interface SimClient {
  address: string;
  parsed: { version: 4 | 6; value: bigint };
  weight: number;
}

export interface SimTraffic {
  name: string;
  /** Lower-cased DNS name the clients call. */
  target: string;
  location: ClientLocation;
  rate: RateCurve;
  noise: number;
  requests: SimRequestClass[];
  /** The addresses the requests come from (Traffic ClientIps, drawn once from the seeded stream). */
  clients: SimClient[];
  /** Share of served requests that read / write the database (DBInstanceIdentifier of the primary). */
  database?: { dbInstanceIdentifier: string; readShare: number; writeShare: number };
  /** Share of served requests that call a Lambda function synchronously from the instance. */
  lambda?: { functionName: string; share: number };
  /** LAM-8: the population invokes this Lambda function directly (Target is the function). */
  invoke?: { functionRef: string; mode: 'sync' | 'async' };
  /** Clients that query a DB instance directly (Target is the DBInstanceIdentifier): every request is a read or a write. */
  queryDatabase?: { dbInstanceIdentifier: string; writeShare: number };
  /** The clients call an API Gateway HTTP API (Target is its id or endpoint): `requests` are its methods and paths (APIGW-1). */
  httpApi?: { apiId: string };
  /** The clients PUT objects into an S3 bucket (Target is the bucket name): key patterns by share (S3EV-4). */
  bucket?: { name: string; keys: { key: string; share: number }[] };
}
