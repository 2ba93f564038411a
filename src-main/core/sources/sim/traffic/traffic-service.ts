/**
 * Client populations: each tick a population offers rate × tick requests (a whole number, the
 * fraction carried to the next tick so none is lost). Route 53 splits them over its answers (fluid
 * weights, no sampling), each answer's load balancer receives its share of every request class, and
 * what the targets serve fans out to the database and Lambda.
 */
import type { ScenarioModel } from '../scenario/load-scenario';
import type { SimContext } from '../sim-context';
import type { DnsRoute, FaultEffect, SimService } from '../service-module';
import type { FaultParameters } from '../scenario/timed-entries';
import type { SimLoadBalancer } from '../alb/alb-state';
import type { SimTraffic } from './traffic-state';
import type { AlbRequests, AlbService } from '../alb/alb-service';
import { rateAt, withNoise } from './rate-curve';
import { databaseTargets, functionTargets } from './function-targets';
import { buildClientPool } from './client-pool';
import type { Random } from '../kernel/random';
import { bucketTargets, httpApiTargets } from './event-source-targets';
import { simRefusal } from '../sim-refusals';
import type { MetricSeriesData } from '../cloudwatch/metric-store';

/** Our default for clients querying a DB instance directly: one query in five writes. */
export const DEFAULT_DIRECT_WRITE_SHARE = 0.2;

/** Our default: 20 ms of CPU per request, a typical dynamic web page. */
export const DEFAULT_CPU_SECONDS_PER_REQUEST = 0.02;

export function buildTraffic(scenario: ScenarioModel, clientDraws: Random): SimTraffic[] {
  const functions = functionTargets(scenario.resources);
  const databases = databaseTargets(scenario.resources);
  const apis = httpApiTargets(scenario.resources);
  const buckets = bucketTargets(scenario.resources);
  return scenario.traffic.map((entry) => {
    const apiId = apis.get(entry.Target.toLowerCase());
    const cpu = entry.CpuPerRequest ?? DEFAULT_CPU_SECONDS_PER_REQUEST;
    const classes = entry.Requests ?? [{ Path: '/', Share: 1 }];
    const totalShare = classes.reduce((sum, c) => sum + c.Share, 0);
    return {
      name: entry.Name,
      target: entry.Target.toLowerCase().replace(/\.$/, ''),
      location: {
        ...(entry.Location?.ContinentCode ? { continentCode: entry.Location.ContinentCode } : {}),
        ...(entry.Location?.CountryCode ? { countryCode: entry.Location.CountryCode } : {}),
        ...(entry.Location?.SubdivisionCode ? { subdivisionCode: entry.Location.SubdivisionCode } : {}),
      },
      rate: entry.Rate,
      noise: entry.Noise ?? 0,
      clients: buildClientPool(entry.ClientIps, clientDraws),
      requests: classes.map((c) => ({
        path: c.Path,
        host: c.Host,
        ...(c.Method ? { method: c.Method } : {}),
        ...(c.Headers ? { headers: c.Headers } : {}),
        share: c.Share / totalShare,
        cpuSecondsPerRequest: c.CpuPerRequest ?? cpu,
      })),
      ...(entry.Database
        ? { database: { dbInstanceIdentifier: entry.Database.DBInstanceIdentifier.toLowerCase(), readShare: entry.Database.ReadShare ?? 0, writeShare: entry.Database.WriteShare ?? 0 } }
        : {}),
      ...(entry.Lambda ? { lambda: { functionName: entry.Lambda.FunctionName, share: entry.Lambda.Share } } : {}),
      ...(functions.has(entry.Target.toLowerCase()) ? { invoke: { functionRef: entry.Target, mode: entry.InvocationType === 'Event' ? ('async' as const) : ('sync' as const) } } : {}),
      ...(apiId ? { httpApi: { apiId } } : {}),
      ...(buckets.has(entry.Target.toLowerCase()) ? { bucket: { name: entry.Target.toLowerCase(), keys: (entry.Keys ?? [{ Key: 'object', Share: 1 }]).map((k) => ({ key: k.Key, share: k.Share })) } } : {}),
      ...(databases.has(entry.Target.toLowerCase()) ? { queryDatabase: { dbInstanceIdentifier: entry.Target.toLowerCase(), writeShare: entry.Database?.WriteShare ?? DEFAULT_DIRECT_WRITE_SHARE } } : {}),
    };
  });
}

/** Splits `total` into whole parts proportional to `weights` (largest remainder, ties by order). */
export function apportion(total: number, weights: readonly number[]): number[] {
  // One part takes the whole (what the general case below gives too: the floor and then the remainder all
  // go to it); without the arrays and the sort, as most populations have one request class and one route.
  if (weights.length === 1 && Number.isFinite(weights[0]) && Number.isFinite(total)) return [weights[0]! <= 0 || total <= 0 ? 0 : total];
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0 || total <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((value, index) => ({ index, remainder: value - Math.floor(value) })).sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (let k = 0; left > 0; k++, left--) parts[order[k % order.length]!.index]!++;
  return parts;
}

/**
 * apportion(total, [weight]) without its arrays when the arguments are finite (one route or one request
 * class, the usual case): the same whole part, written into `into` (a reused one-element array).
 */
function onePart(total: number, weight: number, into: number[]): readonly number[] {
  if (!Number.isFinite(weight) || !Number.isFinite(total)) return apportion(total, [weight]);
  into[0] = weight <= 0 || total <= 0 ? 0 : total;
  return into;
}

/** A population's request class as a load balancer receives it; `count` is set every tick. */
function albRequestsOf(population: SimTraffic, index: number, constants: PopulationConstants): AlbRequests {
  const requestClass = population.requests[index]!;
  return {
    count: 0,
    path: requestClass.path,
    host: requestClass.host,
    method: requestClass.method,
    headers: requestClass.headers,
    clients: population.clients,
    cpuSecondsPerRequest: requestClass.cpuSecondsPerRequest,
    clientLocation: constants.clientLocation,
    onServed: constants.onServed,
  };
}

/** What a population's requests carry every tick and never change: worked out once, not per tick. */
interface PopulationConstants {
  dims: { Population: string };
  shares: number[];
  clientLocation: string | undefined;
  onServed: ((served: number) => { failed: number; extraLatencySeconds: number }) | undefined;
  /** Its OfferedRequests series, taken from MetricStore.seriesOf on the first put (where putFor made it) and held. */
  offered?: MetricSeriesData;
  /**
   * Its request classes as the load balancers receive them, one object per (route, class) made on first
   * use and reused tick after tick with this tick's count (issue 15 item 6: a fresh object per class and
   * tick was ~3 % of a 10,000-instance run). The load balancer reads them only while it serves them:
   * alb-service.ts lets a target group's classes go at the end of its serve() call, and AWS WAF copies
   * what it passes. Index: route × classes + class.
   */
  albRequests: AlbRequests[];
  /** Its one route when no DNS service answers (directRoute). */
  directRoute?: DnsRoute[];
}

/** A load balancer's request classes for one tick, the array reused from tick to tick. */
interface LoadBalancerBatch {
  lb: SimLoadBalancer;
  requests: AlbRequests[];
  /** The tick (TrafficService.tickCount) the requests are of; an older one: empty for this tick. */
  tick: number;
}

export class TrafficService implements SimService {
  readonly id = 'traffic';
  private readonly carry: number[];
  /** Per-population multipliers from MultiplyTraffic faults (name → factor); '*' applies to all. */
  private readonly multipliers = new Map<string, number>();

  constructor(
    private readonly ctx: SimContext,
    private readonly alb: AlbService,
    /** The scenario's populations (`buildTraffic`): this service alone reads them. */
    private readonly populations: readonly SimTraffic[],
  ) {
    this.carry = populations.map(() => 0);
  }

  /** An endpoint as loadBalancersByDns keys it (lower case, no trailing dot), worked out once per name, not per tick. */
  private dnsKey(endpoint: string): string {
    let key = this.dnsKeys.get(endpoint);
    if (key === undefined) this.dnsKeys.set(endpoint, (key = endpoint.toLowerCase().replace(/\.$/, '')));
    return key;
  }

  /** The scenario's endpoint names seen so far (its records and populations: a bounded set). */
  private readonly dnsKeys = new Map<string, string>();

  private readonly constants = new Map<SimTraffic, PopulationConstants>();

  private constantsOf(population: SimTraffic): PopulationConstants {
    let constants = this.constants.get(population);
    if (!constants) {
      const tickSeconds = this.ctx.settings.tickSeconds;
      constants = {
        dims: { Population: population.name },
        shares: population.requests.map((c) => c.share),
        clientLocation: population.location.subdivisionCode ?? population.location.countryCode ?? population.location.continentCode,
        // Without database or Lambda work, downstream() answers nothing failed and no extra latency,
        // which adds nothing where the load balancer sums it: it need not be asked (alb-service.ts).
        onServed: population.database || population.lambda ? (served) => this.downstream(population, served, tickSeconds) : undefined,
        albRequests: [],
      };
      this.constants.set(population, constants);
    }
    return constants;
  }

  private multiplierFor(population: SimTraffic): number {
    return (this.multipliers.get('*') ?? 1) * (this.multipliers.get(population.name) ?? 1);
  }

  /**
   * Each population's multiplier (multiplierFor), worked out again only after a MultiplyTraffic fault
   * or its revert changed `multipliers`, not twice a lookup per population and tick. Same product.
   */
  private multiplierAt(index: number): number {
    if (this.multipliersChanged) {
      this.multipliersChanged = false;
      this.populations.forEach((population, i) => (this.multiplierOf[i] = this.multiplierFor(population)));
    }
    return this.multiplierOf[index]!;
  }

  private readonly multiplierOf: number[] = [];
  private multipliersChanged = true;

  offerTraffic(tickStart: number): void {
    this.serve(tickStart);
  }

  /** Runs before the services' ticks: offers this tick's requests. */
  serve(tickStart: number): void {
    const world = this.ctx.world;
    const tickSeconds = this.ctx.settings.tickSeconds;
    const elapsed = (tickStart - this.ctx.startTime) / 1000;
    const noise = this.ctx.random('traffic');

    // This tick's load balancers in the order they first receive requests (the order a new Map gave).
    const batches = this.batchOrder;
    batches.length = 0;
    this.tickCount++;
    const metrics = this.ctx.metrics;
    // Loops, not forEach: no closures per population and tick (issue 15 item 6); the same steps in the same order.
    for (let index = 0; index < this.populations.length; index++) {
      const population = this.populations[index]!;
      const rate = withNoise(rateAt(population.rate, elapsed, tickStart / 1000), population.noise, noise) * this.multiplierAt(index);
      const exact = this.carry[index]! + rate * tickSeconds;
      const offered = Math.floor(exact);
      this.carry[index] = exact - offered;
      const constants = this.constantsOf(population);
      const dims = constants.dims;
      metrics.putInto((constants.offered ??= metrics.seriesOf(population, 'Flightdeck/Traffic', 'OfferedRequests', dims)), tickStart / 1000, offered);
      if (offered === 0) continue;
      if (population.invoke) {
        // LAM-8: clients calling Invoke directly; Lambda's own metrics tell the outcome.
        this.ctx.services.functions?.invoke(population.invoke.functionRef, offered, tickSeconds, population.invoke.mode);
        continue;
      }
      if (population.httpApi) {
        // APIGW-1…5: the request mix goes to the API's stages and routes; API Gateway's metrics tell the outcome.
        const perClass = apportion(offered, constants.shares);
        const batch = population.requests.map((c, i) => ({ count: perClass[i]!, method: c.method ?? 'GET', path: c.path })).filter((b) => b.count > 0);
        this.ctx.services.httpApis?.serve(population.httpApi.apiId, batch, tickSeconds);
        continue;
      }
      if (population.bucket) {
        // S3EV-4: each PUT is an s3:ObjectCreated:Put event; matching notifications invoke their functions asynchronously.
        this.ctx.services.buckets?.putObjects(population.bucket.name, offered, population.bucket.keys, tickSeconds);
        continue;
      }
      if (population.queryDatabase) {
        // Clients of the database itself (a reporting job, another service): each request is one query.
        const writes = Math.round(offered * population.queryDatabase.writeShare);
        this.ctx.services.database?.serve(population.queryDatabase.dbInstanceIdentifier, offered - writes, writes, tickSeconds);
        continue;
      }

      const routes = this.ctx.services.dns?.routeTraffic(population.target, population.location) ?? this.directRoute(population, constants);
      const perRoute = routes.length === 1 ? onePart(offered, routes[0]!.probability, this.routePart) : apportion(offered, routes.map((r) => r.probability));
      let unresolved = routes.length === 0 ? offered : 0;
      for (let r = 0; r < routes.length; r++) {
        const route = routes[r]!;
        const count = perRoute[r]!;
        if (count === 0) continue;
        const lb = world.loadBalancersByDns.get(this.dnsKey(route.endpoint));
        if (!lb) {
          unresolved += count;
          continue;
        }
        const classes = population.requests.length;
        const perClass = classes === 1 ? onePart(count, constants.shares[0]!, this.classPart) : apportion(count, constants.shares);
        const batch = this.batchOf(lb);
        for (let c = 0; c < classes; c++) {
          if (perClass[c]! === 0) continue;
          const requests = (constants.albRequests[r * classes + c] ??= albRequestsOf(population, c, constants));
          requests.count = perClass[c]!;
          batch.push(requests);
        }
      }
      // Requests that found no endpoint (no DNS answer, or an answer nothing serves) fail at the client.
      if (unresolved > 0) metrics.putFor(population, 'Flightdeck/Traffic', 'UnresolvedRequests', dims, tickStart / 1000, unresolved);
    }
    for (const batch of batches) this.alb.serve(batch.lb, batch.requests, tickStart, tickSeconds);
  }

  private tickCount = 0;
  /** onePart's answers for a population's route and for its request class (read before the next population's). */
  private readonly routePart = [0];
  private readonly classPart = [0];
  private readonly batchOrder: LoadBalancerBatch[] = [];
  private readonly batchesByLoadBalancer = new Map<SimLoadBalancer, LoadBalancerBatch>();

  /** The load balancer's request classes for this tick: emptied and listed on its first request class. */
  private batchOf(lb: SimLoadBalancer): AlbRequests[] {
    let batch = this.batchesByLoadBalancer.get(lb);
    if (!batch) this.batchesByLoadBalancer.set(lb, (batch = { lb, requests: [], tick: -1 }));
    if (batch.tick !== this.tickCount) {
      batch.tick = this.tickCount;
      batch.requests.length = 0;
      this.batchOrder.push(batch);
    }
    return batch.requests;
  }

  /** Without Route 53, the population's own target is its one answer (made once, not per tick). */
  private directRoute(population: SimTraffic, constants: PopulationConstants): DnsRoute[] {
    return (constants.directRoute ??= [{ probability: 1, endpoint: population.target }]);
  }

  /** The database and Lambda work of requests the targets served; failures there fail the request (5xx). */
  private downstream(population: SimTraffic, served: number, tickSeconds: number): { failed: number; extraLatencySeconds: number } {
    let failed = 0;
    let extraLatencySeconds = 0;
    const database = population.database;
    const db = this.ctx.services.database;
    if (database && db && served > 0) {
      const reads = Math.round(served * database.readShare);
      const writes = Math.round(served * database.writeShare);
      const outcome = db.serve(database.dbInstanceIdentifier, reads, writes, tickSeconds);
      failed += outcome.failedReads + outcome.failedWrites;
      extraLatencySeconds += outcome.latencySeconds * ((reads + writes) / served);
    }
    const lambda = population.lambda;
    const functions = this.ctx.services.functions;
    if (lambda && functions && served > 0) {
      const calls = Math.round(served * lambda.share);
      if (calls > 0) {
        const outcome = functions.invoke(lambda.functionName, calls, tickSeconds, 'sync');
        failed += outcome.errors + outcome.throttled;
        extraLatencySeconds += (outcome.averageDurationMs / 1000) * (calls / served);
      }
    }
    return { failed: Math.min(failed, served), extraLatencySeconds };
  }

  applyFault(type: string, parameters: Record<string, unknown>): FaultEffect | undefined {
    if (type !== 'MultiplyTraffic') return undefined;
    const p = parameters as FaultParameters<'MultiplyTraffic'>;
    const key = p.Name ?? '*';
    if (p.Name && !this.populations.some((t) => t.name === p.Name)) throw simRefusal('fault.trafficNotFound', `no Traffic population named ${p.Name}`, { name: p.Name });
    const previous = this.multipliers.get(key);
    this.multipliers.set(key, (previous ?? 1) * p.Factor);
    this.multipliersChanged = true;
    return {
      message: `Traffic ${p.Name ? `of ${p.Name} ` : ''}multiplied by ${p.Factor}`,
      revert: () => {
        const current = this.multipliers.get(key) ?? 1;
        this.multipliers.set(key, current / p.Factor);
        this.multipliersChanged = true;
        return `Traffic ${p.Name ? `of ${p.Name} ` : ''}back to normal (÷${p.Factor})`;
      },
    };
  }
}
