/**
 * Route 53 as the engine's DnsRouting service: it splits each population's requests over the answers
 * its hosted zones give (the shared resolver's answer distribution — no sampling), runs the health
 * checkers every tick (R53-7), turns an alias's EvaluateTargetHealth into R53-9 from the load
 * balancers' target groups, owns the FailHealthCheck fault, and exports zones, record sets and
 * health checks for the inventory.
 *
 * What a health checker sees of a load balancer (our model): the ALB answers its ResourcePath with
 * a 2xx/3xx while one of its nodes is in a working Availability Zone and one of its target groups
 * has a healthy target in a working zone; otherwise the probe fails (ELB 503, or nothing at all).
 * An HTTP(S) probe that gets that far also passes the load balancer's web ACL, if it has one, through
 * the `firewall` role (WAF-10): blocked, it gets 403 and fails.
 */
import type { ClientLocation, Inventory, TargetGroup } from '../../../contract/model';
import { albAliasHealth, type AliasHealth } from '../../../route53/alias-health';
import { latencyFor } from './latency';
import type { DnsQuery, RandomSource } from '../../../route53/resolver';
import type { LoadedResource } from '../scenario/load-scenario';
import type { FaultParameters } from '../scenario/timed-entries';
import type { DnsRoute, DnsRouting, FaultEffect } from '../service-module';
import type { SimContext } from '../sim-context';
import type { SimLoadBalancer } from '../alb/alb-state';
import type { World } from '../world';
import { buildRoute53, type Route53State, type SimAliasLoadBalancer } from './build-route53';
import { exportRoute53 } from './export-route53';
import { forceHealthCheckFailure, stepHealthChecks, transitionText, type HealthCheckDefinition, type HealthCheckTransition, type ProbeFailure } from './health-checks';
import { checkerAddress } from './checker-addresses';
import { endpointProbe, simDnsTrace, trafficShares, type LoadBalancerHealth } from './sim-dns';
import { simRefusal } from '../sim-refusals';

/** What the Route 53 module uses of the engine's SimContext. */
export type Route53Context = Pick<SimContext, 'now' | 'world' | 'random' | 'recordTimeline' | 'inventoryChanged' | 'settings' | 'services'>;

export class Route53Service implements DnsRouting {
  readonly id = 'route53';
  state: Route53State;
  /** Routes per (name, location) for the current tick: health changes only between ticks. */
  private routes = new Map<string, DnsRoute[] | undefined>();
  private routesAt = Number.NaN;
  private readonly healthCache = new Map<string, AliasHealth>();

  constructor(
    private readonly ctx: Route53Context,
    resources: readonly LoadedResource[],
  ) {
    this.state = buildRoute53(resources);
  }

  /** R53-9 for a load balancer of the world, from its target groups' current target states. */
  readonly loadBalancerHealth: LoadBalancerHealth = (target) => {
    const cached = this.healthCache.get(target.arn);
    if (cached) return cached;
    const health = albAliasHealth({ loadBalancerArn: target.arn, loadBalancerName: target.name }, targetGroupsOf(this.ctx.world));
    this.healthCache.set(target.arn, health);
    return health;
  };

  private freshTick(): void {
    if (this.routesAt === this.ctx.now) return;
    this.routesAt = this.ctx.now;
    this.routes = new Map();
    this.healthCache.clear();
  }

  routeTraffic(name: string, location: ClientLocation): DnsRoute[] | undefined {
    this.freshTick();
    const key = `${name}|${location.continentCode ?? ''}|${location.countryCode ?? ''}|${location.subdivisionCode ?? ''}|${location.region ?? ''}`;
    if (this.routes.has(key)) return this.routes.get(key);
    const shares = this.servesName(name) ? trafficShares(this.state, name, location, this.loadBalancerHealth, latencyFor(location, this.ctx.settings.latency)) : undefined;
    const routes = shares ? [...shares].map(([endpoint, probability]) => ({ endpoint, probability })) : undefined;
    this.routes.set(key, routes);
    return routes;
  }

  private servesName(name: string): boolean {
    const n = name.toLowerCase().replace(/\.?$/, '.');
    return this.state.zones.some((zone) => !zone.privateZone && (n === zone.name || n.endsWith(`.${zone.name}`)));
  }

  /** Health checkers probe their endpoints; status changes go to the timeline. */
  tick(tickStartMs: number): void {
    this.freshTick();
    const loadBalancers = this.ctx.world.loadBalancers;
    const probe = endpointProbe(this.state, (target, checker, check) => {
      if (!loadBalancerAnswers(this.ctx.world, loadBalancers.get(target.arn))) return false;
      return this.passesWebAcl(target, checker, check, tickStartMs);
    });
    const { state, transitions } = stepHealthChecks(this.state.healthChecks, this.ctx.now, probe, this.ctx.random('route53-health'));
    this.state = { ...this.state, healthChecks: state };
    for (const transition of transitions) this.recordTransition(transition);
    if (transitions.length > 0) {
      // Health decides answers: routes computed earlier this tick are stale.
      this.routesAt = Number.NaN;
      this.ctx.inventoryChanged();
    }
  }

  /**
   * WAF-10: an HTTP(S) probe reaches the load balancer's web ACL like any other request (a TCP check
   * sends none). The request: GET ResourcePath with Host FullyQualifiedDomainName (with `:Port` when the
   * port is not the scheme's), else IPAddress (API_HealthCheckConfig.html), from the checker's address
   * in the Route 53 health-checker ranges. Blocked, the load balancer answers 403 and the probe fails
   * (Route 53 wants 2xx/3xx: dns-failover-determining-health-of-endpoints.html).
   */
  private passesWebAcl(target: SimAliasLoadBalancer, checker: { region: string; index: number }, check: HealthCheckDefinition, tickStartMs: number): true | ProbeFailure {
    const firewall = this.ctx.services.firewall;
    if (!firewall || check.type === 'TCP') return true;
    const https = check.type === 'HTTPS' || check.type === 'HTTPS_STR_MATCH';
    const name = check.fullyQualifiedDomainName?.replace(/\.$/, '') ?? check.ipAddress ?? target.dnsName;
    const host = check.port !== undefined && check.port !== (https ? 443 : 80) ? `${name}:${check.port}` : name;
    const verdict = firewall.screenProbe(target.arn, { path: check.resourcePath ?? '/', host, clientIp: checkerAddress(checker.region, checker.index) }, tickStartMs);
    return verdict === 'BLOCK' ? { report: 'Failure: HTTP Status Code 403, Forbidden' } : true;
  }

  private recordTransition(t: HealthCheckTransition): void {
    this.ctx.recordTimeline({
      service: 'route53',
      kind: 'HealthCheckStatus',
      resource: t.logicalId,
      message: `Health check ${t.logicalId} (${t.healthCheckId}) is now ${t.newStatus}: ${t.reason}`,
      text: transitionText(t),
      severity: t.newStatus === 'Unhealthy' ? 'warning' : 'info',
    });
  }

  inventory(): Partial<Inventory> {
    return exportRoute53(this.state);
  }

  /** FailHealthCheck: every checker's probe fails until reverted (by id or by the scenario's logical id). */
  applyFault(type: string, parameters: Record<string, unknown>): FaultEffect | undefined {
    if (type !== 'FailHealthCheck') return undefined;
    const { HealthCheckId: wanted } = parameters as FaultParameters<'FailHealthCheck'>;
    const check = this.state.healthChecks.checks.find((c) => c.definition.id === wanted || c.definition.logicalId === wanted);
    if (!check) throw simRefusal('fault.healthCheckNotFound', `A health check with id ${wanted} does not exist.`, { id: wanted });
    const id = check.definition.id;
    const reason = 'FailHealthCheck fault';
    this.state = { ...this.state, healthChecks: forceHealthCheckFailure(this.state.healthChecks, { healthCheckId: id, fromMs: this.ctx.now, untilMs: Infinity, reason }) };
    return {
      message: `every health checker's probe of ${check.definition.logicalId} (${id}) fails; it turns Unhealthy after FailureThreshold (${check.definition.failureThreshold}) probes`,
      revert: () => {
        const now = this.ctx.now;
        const forced = this.state.healthChecks.forced.map((f) => (f.healthCheckId === id && f.reason === reason && f.untilMs > now ? { ...f, untilMs: now } : f));
        this.state = { ...this.state, healthChecks: { ...this.state.healthChecks, forced } };
        return `probes of ${check.definition.logicalId} (${id}) reach the endpoint again`;
      },
    };
  }

  /** A DNS trace of `query` as the simulation stands now (for `dns trace --at` and the UI). */
  trace(query: DnsQuery, from: ClientLocation, random: RandomSource, repeat?: number) {
    this.freshTick();
    return simDnsTrace(this.state, query, from, { random, loadBalancerHealth: this.loadBalancerHealth, latency: latencyFor(from, this.ctx.settings.latency), ...(repeat ? { repeat } : {}) });
  }
}

/** The world's target groups in the contract's shape, as far as R53-9 needs them. */
function targetGroupsOf(world: World): TargetGroup[] {
  return [...world.targetGroups.values()].map((group) => ({
    targetGroupArn: group.arn,
    targetGroupName: group.name,
    targetType: group.targetType,
    loadBalancerArns: group.loadBalancerArns,
    targets: [...group.targets.values()].map((t) => ({ targetId: t.id, availabilityZone: t.availabilityZone, state: t.state, ...(t.reason ? { reason: t.reason } : {}) })),
  }));
}

/** Does the load balancer answer a health checker's request with a success? (see the module comment) */
export function loadBalancerAnswers(world: World, lb: SimLoadBalancer | undefined): boolean {
  if (!lb) return false;
  const zoneUp = (zone: string) => !world.failedAvailabilityZones.has(zone);
  if (!lb.availabilityZones.some(zoneUp)) return false;
  for (const group of world.targetGroups.values()) {
    if (!group.loadBalancerArns.includes(lb.arn)) continue;
    // LTG-1: an `unavailable` target (health checks off) gets requests like a healthy one, so it answers.
    for (const target of group.targets.values()) if ((target.state === 'healthy' || target.state === 'unavailable') && zoneUp(target.availabilityZone)) return true;
  }
  return false;
}

export type { SimAliasLoadBalancer };
