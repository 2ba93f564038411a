/**
 * Route 53 hosted zones, record sets and health checks (ListHostedZones, GetHostedZone,
 * ListResourceRecordSets, ListHealthChecks, GetHealthCheckStatus).
 * docs.aws.amazon.com/Route53/latest/APIReference/
 */
import { z } from 'zod';
import { IsoTime } from './model-common';

export const HostedZone = z.object({
  /** Without the `/hostedzone/` prefix, e.g. Z0123456789ABCDEFGHIJ. */
  id: z.string().min(1),
  /** Fully qualified, with the trailing dot: `example.com.`. */
  name: z.string(),
  privateZone: z.boolean(),
  resourceRecordSetCount: z.number().int().optional(),
  /** The four Route 53 name servers from GetHostedZone's DelegationSet. */
  nameServers: z.array(z.string()),
});
export type HostedZone = z.infer<typeof HostedZone>;

export const GeoLocation = z.object({
  continentCode: z.string().optional(),
  countryCode: z.string().optional(),
  subdivisionCode: z.string().optional(),
});
export type GeoLocation = z.infer<typeof GeoLocation>;

export const RoutingPolicy = z.enum(['simple', 'weighted', 'latency', 'geolocation', 'failover', 'multivalue']);
export type RoutingPolicy = z.infer<typeof RoutingPolicy>;

export const ResourceRecordSet = z.object({
  hostedZoneId: z.string(),
  name: z.string(),
  type: z.string(),
  ttl: z.number().int().optional(),
  setIdentifier: z.string().optional(),
  weight: z.number().int().optional(),
  region: z.string().optional(),
  geoLocation: GeoLocation.optional(),
  failover: z.enum(['PRIMARY', 'SECONDARY']).optional(),
  multiValueAnswer: z.boolean().optional(),
  healthCheckId: z.string().optional(),
  resourceRecords: z.array(z.string()),
  aliasTarget: z
    .object({ hostedZoneId: z.string(), dnsName: z.string(), evaluateTargetHealth: z.boolean() })
    .optional(),
  /** Derived from which of the fields above are set. */
  routingPolicy: RoutingPolicy,
});
export type ResourceRecordSet = z.infer<typeof ResourceRecordSet>;

export const HealthCheckStatus = z.enum(['Healthy', 'Unhealthy', 'Unknown']);
export type HealthCheckStatus = z.infer<typeof HealthCheckStatus>;

export const HealthCheck = z.object({
  id: z.string(),
  type: z.string(),
  fullyQualifiedDomainName: z.string().optional(),
  ipAddress: z.string().optional(),
  port: z.number().int().optional(),
  resourcePath: z.string().optional(),
  requestInterval: z.number().int().optional(),
  failureThreshold: z.number().int().optional(),
  /** Simulated, or derived from GetHealthCheckStatus (healthy when > 18 % of checkers say so, R53-7). */
  status: HealthCheckStatus,
  checkersHealthyPercent: z.number().optional(),
  lastChange: IsoTime.optional(),
});
export type HealthCheck = z.infer<typeof HealthCheck>;
