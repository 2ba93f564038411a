/**
 * The request path as the inventory describes it, for the Overview map:
 *   Route 53 record (alias → the load balancer's DNS name)
 *   → AWS WAF web ACL associated with the load balancer (it inspects requests before the listener rules)
 *   → listener rule (in evaluation order) → target group (from the rule's forward action)
 *   → Auto Scaling group (its TargetGroupARNs) or Lambda function (a lambda target group's target)
 *   → RDS primary → read replicas (ReadReplicaSourceDBInstanceIdentifier).
 * Functions invoked by an API Gateway HTTP API or by S3 events (their triggers) have that API or
 * bucket in front of them, in the target-group column (what hands them requests), so they are not
 * left unconnected and the edge does not cross the load balancer's steps.
 * The compute → database edge is not in any AWS API (it lives in the application's config), so it
 * is drawn as inferred: every compute tier to every primary.
 * Each node is coloured by core's verdict on its resource (core/health) and carries its reasons;
 * without verdicts (none received yet) the inventory alone decides, as a first guess.
 */
import type { HealthReason, HealthResourceKind, HealthStatus, Inventory, ListenerRule, ResourceHealth, WebAcl } from '@contract';
import { healthTone } from '@/utils/health-text';
import { autoScalingGroupTone, dbInstanceTone, healthCheckTone, inService, targetCountDetail, targetGroupTone } from '@/utils/service-health';
import { countTargetHealth } from '@/stores/inventory';
import type { Tone } from '@/utils/tone';

/** Looks up core's verdict on a resource by kind and id (stores/health). */
export type HealthLookup = (kind: HealthResourceKind, id: string) => ResourceHealth | undefined;

export type PathNodeKind = 'record' | 'apiGateway' | 's3Bucket' | 'waf' | 'rule' | 'targetGroup' | 'autoScalingGroup' | 'function' | 'dbInstance' | 'dbReplica' | 'dbStandalone';

export interface PathNode {
  id: string;
  kind: PathNodeKind;
  column: number;
  label: string;
  /** Short second line: rule condition, target counts, capacity, status. */
  detail: string;
  tone: Tone;
  /** Core's verdict, when there is one, and why (worst first). */
  status?: HealthStatus;
  reasons: HealthReason[];
  /** Where clicking goes: a route name and the resource to focus there (none for a summary node). */
  route: string;
  focus: string;
  /** A summary node standing for this many resources of the column (summarisePath), not a resource. */
  hidden?: number;
  /** Of those, how many need attention (not ok). */
  hiddenAttention?: number;
  /** A rule node carrying its load balancer's load balancer-wide verdict (isLoadBalancerWide), once per load balancer. */
  loadBalancerWide?: boolean;
}

export interface PathEdge {
  from: string;
  to: string;
  inferred?: boolean;
}

export interface RequestPath {
  nodes: PathNode[];
  edges: PathEdge[];
  columns: number;
}

const normalise = (name: string): string => name.toLowerCase().replace(/\.$/, '').replace(/^dualstack\./, '');

/** `www.example.com.` in zone `example.com.` → `www`; the apex stays whole. */
export function relativeName(name: string, zone: string | undefined): string {
  const full = name.replace(/\.$/, '');
  const suffix = zone ? `.${zone.replace(/\.$/, '')}` : '';
  return suffix && full.toLowerCase().endsWith(suffix.toLowerCase()) && full.length > suffix.length ? full.slice(0, -suffix.length) : full;
}

export function ruleSummary(rule: ListenerRule): string {
  if (rule.isDefault) return 'default';
  const conditions = rule.conditions.map((c) => `${c.field} ${c.values.join(', ')}`);
  return conditions.join(' · ') || `#${rule.priority}`;
}

/**
 * Findings about a load balancer's traffic as a whole, which no listener rule can be blamed for:
 * HTTPCode_ELB_5XX_Count has no TargetGroup dimension (the load balancer answers those itself,
 * before or without a target: docs.aws.amazon.com/elasticloadbalancing/latest/application/
 * load-balancer-cloudwatch-metrics.html), and core's `lb.http5xx` adds the targets' 5XX of every
 * target group behind it. A rule's own target group carries its targets' 5XX (`tg.target5xx`).
 */
export function isLoadBalancerWide(reason: HealthReason): boolean {
  return reason.code === 'lb.http5xx';
}

const STATUS_RANK: Record<HealthStatus, number> = { failing: 0, degraded: 1, unknown: 2, ok: 3 };

/**
 * What a listener rule (other than the load balancer's first) shows of the load balancer's verdict:
 * the reasons that hold for every rule (its state, missing data), not the load balancer-wide 5XX.
 */
function ruleShare(verdict: Pick<PathNode, 'tone' | 'status' | 'reasons'>): Pick<PathNode, 'tone' | 'status' | 'reasons'> {
  if (!verdict.status) return verdict;
  const reasons = verdict.reasons.filter((reason) => !isLoadBalancerWide(reason));
  if (reasons.length === verdict.reasons.length) return verdict;
  const worst = reasons.filter((r) => r.status !== 'ok').reduce<HealthStatus>((status, r) => (STATUS_RANK[r.status] < STATUS_RANK[status] ? r.status : status), 'ok');
  return { tone: healthTone(worst), status: worst, reasons };
}

/**
 * While the connection to the core is lost, every node is Unknown for that one reason (stores/health):
 * the WAF, API and bucket steps too, whose tone comes from old metrics or from nothing.
 */
export function markAllUnknown(path: RequestPath, reason: HealthReason): RequestPath {
  return {
    ...path,
    nodes: path.nodes.map((node) => {
      const { loadBalancerWide: _wide, ...rest } = node;
      return { ...rest, tone: 'neutral' as const, status: 'unknown' as const, reasons: [reason], ...(node.hidden !== undefined ? { hiddenAttention: node.hidden } : {}) };
    }),
  };
}

/** The few words node details need, translated by the caller (English without one, for tests). */
export interface PathWords {
  defaultRule: string;
  policy: (policy: NonNullable<Inventory['recordSets'][number]['routingPolicy']>) => string;
  /** A web ACL node's second line (the caller adds its blocked rate from AWS/WAFV2). */
  webAcl?: (acl: WebAcl) => string;
  /** A DB instance's status as the console words it (utils/aws-value-text.ts). */
  dbStatus: (status: string) => string;
  multiAZ: string;
  /** A target group's targets that nothing checks (health checks off, LTG-1): "1 not checked". */
  notChecked?: (count: number) => string;
  /** A promoted replica's second line: standalone, nothing points at it yet. */
  promoted?: string;
}

const ENGLISH: PathWords = { defaultRule: 'default', policy: (policy) => policy, dbStatus: (status) => status, multiAZ: 'Multi-AZ', promoted: 'promoted' };

/** `Block` default or a recent blocked share make the WAF step worth a look; otherwise it is fine. */
export type WafTone = (acl: WebAcl) => Tone;

/**
 * `promoted`: DB instances the window saw as read replicas that are standalone now (stores/inventory
 * promotedReplicas). They get their own column, after the replicas, and no inferred edge: a promoted
 * replica serves no application until someone points one at its endpoint.
 */
export function buildRequestPath(inventory: Inventory, health?: HealthLookup, words: PathWords = ENGLISH, wafTone?: WafTone, promoted: ReadonlySet<string> = new Set()): RequestPath {
  const nodes: PathNode[] = [];
  const edges: PathEdge[] = [];
  const ids = new Set<string>();
  /** The verdict's tone and reasons replace the inventory's guess when core has judged the resource. */
  const judged = (kind: HealthResourceKind, id: string, guess: Tone): Pick<PathNode, 'tone' | 'status' | 'reasons'> => {
    const verdict = health?.(kind, id);
    return verdict ? { tone: healthTone(verdict.status), status: verdict.status, reasons: verdict.reasons } : { tone: guess, reasons: [] };
  };
  const add = (node: PathNode): void => {
    if (ids.has(node.id)) return;
    ids.add(node.id);
    nodes.push(node);
  };

  const lbByDns = new Map(inventory.loadBalancers.map((lb) => [normalise(lb.dnsName), lb]));
  const zoneNames = new Map(inventory.hostedZones.map((zone) => [zone.id, zone.name]));
  const checks = new Map(inventory.healthChecks.map((check) => [check.id, check]));
  const tgByArn = new Map(inventory.targetGroups.map((tg) => [tg.targetGroupArn, tg]));

  // Rules first: records only appear when they lead somewhere on the map.
  const rulesOfLb = new Map<string, string[]>();
  for (const lb of inventory.loadBalancers) {
    const ruleIds: string[] = [];
    const lbVerdict = judged('loadBalancer', lb.loadBalancerArn, lb.state === 'active' ? 'ok' : lb.state === 'failed' ? 'bad' : 'warn');
    for (const listener of lb.listeners) {
      for (const rule of listener.rules) {
        const id = `rule:${rule.ruleArn}`;
        // The load balancer's whole verdict once, on its first rule (marked as load balancer-wide);
        // every other rule carries only what is true of each rule: the load balancer's state.
        const first = ruleIds.length === 0;
        ruleIds.push(id);
        add({
          id,
          kind: 'rule',
          column: 2,
          label: `${lb.loadBalancerName} :${listener.port}`,
          detail: rule.isDefault ? words.defaultRule : `${rule.priority} · ${ruleSummary(rule)}`,
          ...(first ? { ...lbVerdict, ...(lbVerdict.reasons.some(isLoadBalancerWide) ? { loadBalancerWide: true } : {}) } : ruleShare(lbVerdict)),
          route: 'load-balancers',
          focus: lb.loadBalancerName,
        });
        for (const action of rule.actions) {
          for (const forward of action.targetGroups ?? []) {
            if (tgByArn.has(forward.targetGroupArn)) edges.push({ from: id, to: `tg:${forward.targetGroupArn}` });
          }
        }
      }
    }
    rulesOfLb.set(lb.loadBalancerArn, ruleIds);
  }

  // WAF-2: a web ACL inspects a load balancer's requests before its listener rules: the step between.
  const entryOfLb = new Map<string, string[]>();
  for (const acl of inventory.webAcls ?? []) {
    const id = `waf:${acl.webAclArn}`;
    for (const lbArn of acl.associatedResourceArns) {
      const lb = inventory.loadBalancers.find((candidate) => candidate.loadBalancerArn === lbArn);
      if (!lb) continue;
      add({
        id,
        kind: 'waf',
        column: 1,
        label: acl.name,
        detail: words.webAcl?.(acl) ?? `${acl.defaultAction.toLowerCase()} · ${acl.rules.length} rules`,
        tone: wafTone?.(acl) ?? 'ok',
        reasons: [],
        route: 'load-balancers',
        focus: lb.loadBalancerName,
      });
      for (const rule of rulesOfLb.get(lbArn) ?? []) edges.push({ from: id, to: rule });
      entryOfLb.set(lbArn, [...(entryOfLb.get(lbArn) ?? []), id]);
    }
  }

  for (const record of inventory.recordSets) {
    const alias = record.aliasTarget ? lbByDns.get(normalise(record.aliasTarget.dnsName)) : undefined;
    if (!alias) continue;
    const id = `record:${record.hostedZoneId}:${record.name}:${record.type}:${record.setIdentifier ?? ''}`;
    const check = record.healthCheckId ? checks.get(record.healthCheckId) : undefined;
    add({
      id,
      kind: 'record',
      column: 0,
      // Relative to its zone, with the set identifier that tells apart the records of one name:
      // `www eu-west-1` (the full name is in the hover text and the Route 53 view).
      label: [relativeName(record.name, zoneNames.get(record.hostedZoneId)), record.setIdentifier].filter(Boolean).join(' '),
      detail: [record.type, record.routingPolicy ? words.policy(record.routingPolicy) : undefined, record.weight !== undefined ? `w${record.weight}` : undefined, record.failover].filter(Boolean).join(' · '),
      ...judged('recordSet', `${record.hostedZoneId}|${record.name}|${record.type}|${record.setIdentifier ?? ''}`, check ? healthCheckTone(check) : 'ok'),
      route: 'route53',
      focus: record.name,
    });
    for (const next of entryOfLb.get(alias.loadBalancerArn) ?? rulesOfLb.get(alias.loadBalancerArn) ?? []) edges.push({ from: id, to: next });
  }

  for (const tg of inventory.targetGroups) {
    const counts = countTargetHealth([tg]);
    add({
      id: `tg:${tg.targetGroupArn}`,
      kind: 'targetGroup',
      column: 3,
      label: tg.targetGroupName,
      detail: targetCountDetail(counts, words.notChecked ?? ((count) => `${count} not checked`)),
      ...judged('targetGroup', tg.targetGroupArn, targetGroupTone(tg)),
      route: 'load-balancers',
      focus: tg.targetGroupName,
    });
  }

  const computeIds: string[] = [];
  for (const group of inventory.autoScalingGroups) {
    const id = `asg:${group.autoScalingGroupName}`;
    computeIds.push(id);
    const serving = inService(group);
    add({ id, kind: 'autoScalingGroup', column: 4, label: group.autoScalingGroupName, detail: `${serving}/${group.desiredCapacity}`, ...judged('autoScalingGroup', group.autoScalingGroupName, autoScalingGroupTone(group)), route: 'auto-scaling', focus: group.autoScalingGroupName });
    for (const arn of group.targetGroupARNs) if (tgByArn.has(arn)) edges.push({ from: `tg:${arn}`, to: id });
  }

  const fnByArn = new Map(inventory.lambdaFunctions.map((fn) => [fn.functionArn, fn]));
  for (const fn of inventory.lambdaFunctions) {
    const id = `fn:${fn.functionArn}`;
    computeIds.push(id);
    add({
      id,
      kind: 'function',
      column: 4,
      label: fn.functionName,
      detail: `${fn.memorySize} MB`,
      ...judged('lambdaFunction', fn.functionArn, fn.reservedConcurrentExecutions === 0 ? 'warn' : 'ok'),
      route: 'lambda',
      focus: fn.functionName,
    });
  }
  // Lambda event sources: the HTTP API or bucket that invokes a function is where its requests enter.
  for (const fn of inventory.lambdaFunctions) {
    for (const trigger of fn.triggers ?? []) {
      if (trigger.kind === 'apiGateway') {
        const id = `api:${trigger.apiId}`;
        add({ id, kind: 'apiGateway', column: 3, label: trigger.apiName ?? trigger.apiId, detail: trigger.routeKeys.join(', '), tone: 'ok', reasons: [], route: 'lambda', focus: fn.functionName });
        edges.push({ from: id, to: `fn:${fn.functionArn}` });
      } else if (trigger.kind === 's3') {
        const id = `s3:${trigger.bucket}`;
        add({ id, kind: 's3Bucket', column: 3, label: trigger.bucket, detail: [trigger.events?.join(', '), trigger.prefix, trigger.suffix].filter(Boolean).join(' · '), tone: 'ok', reasons: [], route: 'lambda', focus: fn.functionName });
        edges.push({ from: id, to: `fn:${fn.functionArn}` });
      }
    }
  }
  for (const tg of inventory.targetGroups) {
    if (tg.targetType !== 'lambda') continue;
    for (const target of tg.targets) {
      // A lambda target's id is the function ARN, sometimes with a version or alias qualifier.
      const fn = fnByArn.get(target.targetId) ?? inventory.lambdaFunctions.find((f) => target.targetId.startsWith(`${f.functionArn}:`));
      if (fn) edges.push({ from: `tg:${tg.targetGroupArn}`, to: `fn:${fn.functionArn}` });
    }
  }

  const isPromoted = (db: Inventory['dbInstances'][number]) => !db.readReplicaSourceDBInstanceIdentifier && promoted.has(db.dbInstanceIdentifier);
  const primaries = inventory.dbInstances.filter((db) => !db.readReplicaSourceDBInstanceIdentifier && !isPromoted(db));
  for (const db of inventory.dbInstances) {
    const isReplica = Boolean(db.readReplicaSourceDBInstanceIdentifier);
    const standalone = isPromoted(db);
    add({
      id: `db:${db.dbInstanceIdentifier}`,
      kind: isReplica ? 'dbReplica' : standalone ? 'dbStandalone' : 'dbInstance',
      column: isReplica ? 6 : standalone ? 7 : 5,
      label: db.dbInstanceIdentifier,
      detail:
        isReplica && db.replicaLagSeconds !== undefined
          ? `${words.dbStatus(db.dbInstanceStatus)} · ${db.replicaLagSeconds} s`
          : standalone
            ? `${words.dbStatus(db.dbInstanceStatus)} · ${words.promoted ?? ENGLISH.promoted}`
            : `${words.dbStatus(db.dbInstanceStatus)}${db.multiAZ ? ` · ${words.multiAZ}` : ''}`,
      ...judged('dbInstance', db.dbInstanceIdentifier, dbInstanceTone(db)),
      route: 'rds',
      focus: db.dbInstanceIdentifier,
    });
    if (db.readReplicaSourceDBInstanceIdentifier) edges.push({ from: `db:${db.readReplicaSourceDBInstanceIdentifier}`, to: `db:${db.dbInstanceIdentifier}` });
  }
  const asgIds = computeIds.filter((id) => id.startsWith('asg:'));
  for (const from of asgIds.length > 0 ? asgIds : computeIds) {
    for (const db of primaries) edges.push({ from, to: `db:${db.dbInstanceIdentifier}`, inferred: true });
  }

  // Drop empty columns so the map has no gaps (no Route 53 in a scenario, no replicas …).
  const used = [...new Set(nodes.map((node) => node.column))].sort((a, b) => a - b);
  const remap = new Map(used.map((column, index) => [column, index]));
  for (const node of nodes) node.column = remap.get(node.column)!;
  const valid = edges.filter((edge) => ids.has(edge.from) && ids.has(edge.to));
  return { nodes, edges: valid, columns: used.length };
}

/** Worst first: what a summary keeps in view. */
const TONE_RANK: Record<Tone, number> = { bad: 0, warn: 1, info: 2, neutral: 3, ok: 4 };

/**
 * The Overview summarises: a column of more than `maxPerColumn` nodes (scale-1000: 25 rules, 25
 * target groups, 25 groups) keeps its worst `maxPerColumn - 1` and one node standing for the rest,
 * which links to the view that lists them all. Edges to hidden nodes go to the summary node.
 */
export function summarisePath(path: RequestPath, maxPerColumn = 8): RequestPath {
  const byColumn = new Map<number, PathNode[]>();
  for (const node of path.nodes) {
    const list = byColumn.get(node.column);
    if (list) list.push(node);
    else byColumn.set(node.column, [node]);
  }
  const replaced = new Map<string, string>();
  const nodes: PathNode[] = [];
  for (const [column, list] of byColumn) {
    if (list.length <= maxPerColumn) {
      nodes.push(...list);
      continue;
    }
    const ranked = list.map((node, index) => ({ node, index })).sort((a, b) => TONE_RANK[a.node.tone] - TONE_RANK[b.node.tone] || a.index - b.index);
    const kept = new Set(ranked.slice(0, maxPerColumn - 1).map((entry) => entry.node));
    const rest = ranked.slice(maxPerColumn - 1).map((entry) => entry.node);
    const summaryId = `more:${column}`;
    for (const node of rest) replaced.set(node.id, summaryId);
    // Kept nodes in their original order (the map reads top to bottom as the inventory does).
    nodes.push(...list.filter((node) => kept.has(node)));
    const worst = rest.reduce((tone, node) => (TONE_RANK[node.tone] < TONE_RANK[tone] ? node.tone : tone), 'ok' as Tone);
    nodes.push({ id: summaryId, kind: rest[0]!.kind, column, label: '', detail: '', tone: worst, reasons: [], route: rest[0]!.route, focus: '', hidden: rest.length, hiddenAttention: rest.filter((node) => node.tone !== 'ok').length });
  }
  const seen = new Set<string>();
  const edges: PathEdge[] = [];
  for (const edge of path.edges) {
    const from = replaced.get(edge.from) ?? edge.from;
    const to = replaced.get(edge.to) ?? edge.to;
    const key = `${from}>${to}`;
    if (seen.has(key)) continue;
    seen.add(key);
    edges.push({ ...edge, from, to });
  }
  return { nodes, edges, columns: path.columns };
}

export interface LaidOutNode extends PathNode {
  x: number;
  y: number;
}

export const NODE_WIDTH = 190;
/** Below this a node's name is mostly ellipsis: the map scrolls sideways instead of narrowing further. */
export const MIN_NODE_WIDTH = 120;
export const NODE_HEIGHT = 42;
export const COLUMN_GAP = 48;
/** The gap shrinks with the nodes (a quarter of their width) but stays wide enough for the curves to read. */
const MIN_COLUMN_GAP = 28;
const ROW_GAP = 10;

export interface ColumnFit {
  nodeWidth: number;
  gap: number;
}

/**
 * Node width and column gap that fit `columns` into `available` pixels: full size when there is room,
 * otherwise nodes and gaps narrow together (gap ≈ a quarter of a node) down to MIN_NODE_WIDTH and
 * MIN_COLUMN_GAP; past that the map is wider than `available` and scrolls.
 */
export function fitColumns(columns: number, available: number): ColumnFit {
  if (columns <= 0 || !Number.isFinite(available) || available <= 0) return { nodeWidth: NODE_WIDTH, gap: COLUMN_GAP };
  const gaps = columns - 1;
  if (columns * NODE_WIDTH + gaps * COLUMN_GAP <= available) return { nodeWidth: NODE_WIDTH, gap: COLUMN_GAP };
  const width = Math.floor(available / (columns + gaps / 4));
  const nodeWidth = Math.max(MIN_NODE_WIDTH, Math.min(NODE_WIDTH, width));
  const gap = Math.max(MIN_COLUMN_GAP, Math.min(COLUMN_GAP, gaps > 0 ? Math.floor((available - columns * nodeWidth) / gaps) : COLUMN_GAP));
  return { nodeWidth, gap };
}

/** Columns left to right, nodes stacked and centred vertically; pure so it can be tested. */
export function layoutRequestPath(
  path: RequestPath,
  fit: ColumnFit = { nodeWidth: NODE_WIDTH, gap: COLUMN_GAP },
): { nodes: LaidOutNode[]; width: number; height: number; nodeWidth: number; gap: number } {
  const { nodeWidth, gap } = fit;
  const byColumn = new Map<number, PathNode[]>();
  for (const node of path.nodes) byColumn.set(node.column, [...(byColumn.get(node.column) ?? []), node]);
  const tallest = Math.max(1, ...[...byColumn.values()].map((list) => list.length));
  const height = tallest * NODE_HEIGHT + (tallest - 1) * ROW_GAP;
  const laid: LaidOutNode[] = [];
  for (const [column, list] of byColumn) {
    const columnHeight = list.length * NODE_HEIGHT + (list.length - 1) * ROW_GAP;
    const top = (height - columnHeight) / 2;
    list.forEach((node, index) => laid.push({ ...node, x: column * (nodeWidth + gap), y: top + index * (NODE_HEIGHT + ROW_GAP) }));
  }
  const width = Math.max(0, path.columns * nodeWidth + (path.columns - 1) * gap);
  return { nodes: laid, width, height, nodeWidth, gap };
}
