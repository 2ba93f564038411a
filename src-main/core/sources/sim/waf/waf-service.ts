/**
 * AWS WAF in front of the load balancers: each tick the web ACL associated with a load balancer
 * inspects its requests before the listener rules (WAF-2), publishes AllowedRequests, BlockedRequests
 * and CountedRequests in AWS/WAFV2 (WAF-3), and hands the load balancer what it let through.
 * docs.aws.amazon.com/waf/latest/developerguide/web-acl-processing-order.html
 */
import type { WebAcl } from '../../../contract/model';
import { WAF_ALL_RULES, WAF_DEFAULT_ACTION_RULE } from '../../../metric-catalog';
import type { SimClient } from '../traffic/traffic-state';
import type { FaultEffect, ProbeRequest, RequestScreen, ScreenedRequests, ScreenOutcome, BlockedSample } from '../service-module';
import type { SimContext } from '../sim-context';
import type { FaultParameters } from '../scenario/timed-entries';
import type { LoadedResource } from '../scenario/loaded-resource';
import { apportion } from '../traffic/traffic-service';
import type { WafRequest } from './statements';
import { buildWebAcls, evaluate, RateCounter, type SimWafRule, type SimWebAcl, type Verdict } from './web-acl';
import { parseAddress } from './cidr';
import { blockPathRule } from './block-path';
import type { CoreError, CoreErrorParams } from '../../../core-error';
import { simRefusal } from '../sim-refusals';

const NS = 'AWS/WAFV2';

export class WafService implements RequestScreen {
  readonly id = 'wafv2';
  readonly acls: SimWebAcl[];
  private readonly byResource = new Map<string, SimWebAcl>();
  private readonly counters = new Map<SimWafRule, RateCounter>();
  /**
   * The fraction of a request each client was owed but not given, per population's client pool and
   * request class. Rounding each tick's count over the clients afresh would always hand the remainders
   * to the heaviest clients, so a block weighted 3 in 100 spread over 64 addresses would never send a
   * request (an IP set matching it would block nothing); carried over, every client gets its share.
   */
  private readonly owed = new WeakMap<readonly SimClient[], Map<string, number[]>>();

  constructor(
    private readonly ctx: SimContext,
    resources: readonly LoadedResource[],
  ) {
    this.acls = buildWebAcls(resources);
    for (const acl of this.acls) {
      for (const arn of acl.resourceArns) this.byResource.set(arn, acl);
      for (const rule of acl.rules) this.track(rule);
    }
  }

  private track(rule: SimWafRule): void {
    if (rule.compiled.kind === 'rate') this.counters.set(rule, new RateCounter(rule.compiled.rate));
  }

  screen<T extends ScreenedRequests>(loadBalancerArn: string, host: string, batch: readonly T[], tickStart: number): ScreenOutcome<T> | undefined {
    const acl = this.byResource.get(loadBalancerArn);
    if (!acl) return undefined;
    const tally = new Tally();
    const passed: T[] = [];
    const blockedSamples: BlockedSample[] = [];
    let blocked = 0;
    for (const requests of batch) {
      if (requests.count === 0) continue;
      const clients = requests.clients ?? [];
      const perClient = clients.length > 0 ? this.shareOut(requests.count, clients, `${loadBalancerArn}|${requests.host ?? host}|${requests.path}`) : [requests.count];
      let allowed = 0;
      perClient.forEach((count, index) => {
        if (count === 0) return;
        const client = clients[index];
        const request: WafRequest = {
          path: requests.path.split('?')[0]!,
          host: requests.host ?? host,
          headers: lowerCaseKeys(requests.headers),
          client: client?.parsed ?? { version: 4, value: 0n },
        };
        const verdict = this.judge(acl, tally, request, client?.address ?? '0.0.0.0', count, tickStart);
        if (verdict.action === 'ALLOW') allowed += count;
        else {
          blocked += count;
          blockedSamples.push({ path: requests.path, ...(requests.host ? { host: requests.host } : {}), clientIp: client?.address ?? '-', webAclName: acl.name, ruleName: verdict.terminatingRule?.name ?? WAF_DEFAULT_ACTION_RULE });
        }
      });
      if (allowed > 0) passed.push({ ...requests, count: allowed });
    }
    this.publish(acl, tally, tickStart);
    const sample = blockedSamples.length > 0 ? blockedSamples[this.ctx.random('waf-sample').int(blockedSamples.length)] : undefined;
    return { passed, blocked, ...(sample ? { sample } : {}) };
  }

  /**
   * WAF-10: a Route 53 health checker's request reaches the web ACL like any other: a block rule matching
   * its path, Host or address makes the load balancer answer 403 (the probe fails, Route 53 wants 2xx/3xx:
   * dns-failover-determining-health-of-endpoints.html), a Count rule counts it, and AWS/WAFV2 counts it.
   */
  screenProbe(loadBalancerArn: string, probe: ProbeRequest, tickStart: number): 'ALLOW' | 'BLOCK' | undefined {
    const acl = this.byResource.get(loadBalancerArn);
    if (!acl) return undefined;
    const tally = new Tally();
    const request: WafRequest = { path: probe.path.split('?')[0]!, host: probe.host, headers: {}, client: parseAddress(probe.clientIp) ?? { version: 4, value: 0n } };
    const verdict = this.judge(acl, tally, request, probe.clientIp, 1, tickStart);
    this.publish(acl, tally, tickStart);
    return verdict.action;
  }

  /** The web ACL's verdict for `count` identical requests, added to the tick's tally (WAF-1, WAF-3). */
  private judge(acl: SimWebAcl, tally: Tally, request: WafRequest, clientKey: string, count: number, tickStart: number): Verdict {
    const verdict = evaluate(acl, this.counters, request, clientKey, count, tickStart);
    for (const rule of verdict.counted) tally.add('CountedRequests', rule.metricName, count);
    if (verdict.counted.length > 0) tally.add('CountedRequests', WAF_ALL_RULES, count);
    const metric = verdict.action === 'BLOCK' ? 'BlockedRequests' : 'AllowedRequests';
    tally.add(metric, verdict.terminatingRule?.metricName ?? WAF_DEFAULT_ACTION_RULE, count);
    tally.add(metric, WAF_ALL_RULES, count);
    return verdict;
  }

  /** Reported only when non-zero (waf-metrics.html: "Reporting criteria: There is a nonzero value"). */
  private publish(acl: SimWebAcl, tally: Tally, tickStart: number): void {
    const epochSeconds = tickStart / 1000;
    for (const [key, value] of tally.entries()) {
      const [metricName, rule] = key.split('|') as [string, string];
      this.ctx.metrics.put(NS, metricName, { WebACL: acl.metricName, Rule: rule, Region: this.ctx.world.region }, epochSeconds, value);
    }
  }

  /** Whole requests per client, each client's share carried over from tick to tick (see `owed`). */
  private shareOut(count: number, clients: readonly SimClient[], requestClass: string): number[] {
    let byClass = this.owed.get(clients);
    if (!byClass) this.owed.set(clients, (byClass = new Map()));
    const owed = byClass.get(requestClass) ?? clients.map(() => 0);
    const total = clients.reduce((s, c) => s + c.weight, 0);
    const exact = clients.map((c) => (total > 0 ? (count * c.weight) / total : 0));
    const parts = apportion(count, exact.map((e, i) => Math.max(0, e + owed[i]!)));
    byClass.set(requestClass, exact.map((e, i) => owed[i]! + e - parts[i]!));
    return parts;
  }

  inventory(): { webAcls: WebAcl[] } {
    return { webAcls: this.acls.map((acl) => exportWebAcl(acl, this.ctx.world.region)) };
  }

  /** WafBlockPath: a Block rule on the URI path, added now and removed when the fault ends (WAF-9). */
  applyFault(type: string, parameters: Record<string, unknown>): FaultEffect | undefined {
    if (type !== 'WafBlockPath') return undefined;
    const p = parameters as FaultParameters<'WafBlockPath'>;
    const acl = p.WebACLName ? this.acls.find((a) => a.name === p.WebACLName) : this.acls.find((a) => a.resourceArns.length > 0);
    if (!acl) throw p.WebACLName ? wafError('WAFNonexistentItemException', 'fault.webAclNotFound', `no web ACL named ${p.WebACLName}`, { name: p.WebACLName }) : wafError('WAFNonexistentItemException', 'fault.noAssociatedWebAcl', 'no web ACL is associated with a load balancer');
    const priority = p.Priority ?? firstFreePriority(acl);
    const clash = acl.rules.find((rule) => rule.priority === priority);
    if (clash) throw wafError('WAFDuplicateItemException', 'fault.wafPriorityTaken', `rule ${clash.name} of ${acl.name} already has Priority ${priority}`, { rule: clash.name, acl: acl.name, priority });
    const rule = blockPathRule(p.Path, priority, acl.rules.filter((r) => r.addedByFault).length + 1);
    acl.rules.push(rule);
    acl.rules.sort((a, b) => a.priority - b.priority);
    this.ctx.inventoryChanged();
    return {
      message: `Web ACL ${acl.name} blocks ${p.Path} (rule ${rule.name}, priority ${priority})`,
      revert: () => {
        acl.rules = acl.rules.filter((r) => r !== rule);
        this.ctx.inventoryChanged();
        return `Web ACL ${acl.name} no longer blocks ${p.Path} (rule ${rule.name} removed)`;
      },
    };
  }
}

/** WAFNonexistentItemException / WAFDuplicateItemException, named as AWS WAF names them, with the code a window translates. */
function wafError(name: string, problem: 'fault.webAclNotFound' | 'fault.noAssociatedWebAcl' | 'fault.wafPriorityTaken', message: string, params: CoreErrorParams = {}): CoreError {
  const error = simRefusal(problem, message, params);
  error.name = name;
  return error;
}

/** The lowest priority no rule has: the new rule runs before any rule added after it. */
function firstFreePriority(acl: SimWebAcl): number {
  const taken = new Set(acl.rules.map((r) => r.priority));
  let priority = 0;
  while (taken.has(priority)) priority++;
  return priority;
}

class Tally {
  private readonly sums = new Map<string, number>();
  add(metric: string, rule: string, count: number): void {
    const key = `${metric}|${rule}`;
    this.sums.set(key, (this.sums.get(key) ?? 0) + count);
  }
  entries(): IterableIterator<[string, number]> {
    return this.sums.entries();
  }
}

function lowerCaseKeys(headers: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) out[name.toLowerCase()] = value;
  return out;
}

export function exportWebAcl(acl: SimWebAcl, region: string): WebAcl {
  return {
    webAclArn: acl.arn,
    webAclId: acl.id,
    name: acl.name,
    metricName: acl.metricName,
    defaultAction: acl.defaultAction,
    rules: acl.rules.map((rule) => ({
      name: rule.name,
      priority: rule.priority,
      ...(rule.action ? { action: rule.action } : {}),
      metricName: rule.metricName,
      statement: rule.summary,
      ...(rule.compiled.kind === 'unsupported' ? { notSimulated: true } : {}),
      ...(rule.addedByFault ? { addedByFault: true } : {}),
    })),
    associatedResourceArns: [...acl.resourceArns],
    region,
  };
}
