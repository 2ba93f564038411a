/**
 * WebSocket push volume (issue 15 item 5): bytes per update frame and kB/s that one web-mode client
 * receives for `shop` and `scale-1000` at ×3600, with the snapshot's size beside them.
 *
 * How: a SimSource on a manual wall clock (frames every 250 ms of wall time, as in serve), the real
 * FlightdeckCore and web host on 127.0.0.1, one `ws` client that reads everything. FRAMES frames are
 * driven one at a time (the client reads each before the next, so back-pressure never merges any);
 * kB/s is the bytes received over the wall seconds those frames stand for, so the figure does not
 * depend on this machine's speed. A session.get answered at the end proves every frame was read.
 *
 * "Before" (issue 15 item 5 compares them): the same script can run against another checkout of
 * Flightdeck, e.g. the commit before the deltas: FLIGHTDECK_ROOT=/path/to/checkout SPEED=3600
 * `node --import tsx bench/web-push.ts shop scale-1000` (prints JSON).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import WebSocket from 'ws';
import { FrameJoiner } from '../src-main/core/contract/frame-parts';
import type { BenchResult } from './run';

const FRAMES = 40;
const FRAME_MS = 250;
/** The goal's speed, and a slower one where fewer resources change within a frame. */
const SPEEDS = [3600, 60] as const;
const SCENARIOS = ['shop', 'scale-1000'] as const;

export interface PushFigures {
  scenario: string;
  speed: number;
  /** Which window: one that never subscribes (gets everything), or one subscribed as a view. */
  client: string;
  snapshotBytes: number;
  frames: number;
  framesWithInventory: number;
  bytesPerFrame: number;
  /** The largest update message (joined, if it came in parts). */
  largestUpdateBytes: number;
  /** The largest WebSocket frame of the run, the snapshot's included (the goal's measure). */
  largestFrameBytes: number;
  inventoryBytesPerFrame: number;
  kBPerSecond: number;
}

type Modules = {
  readScenario: (name: string) => unknown;
  SimSource: new (scenario: unknown, options: unknown) => { start(): void; stop(): void };
  FlightdeckCore: new (source: unknown) => unknown;
  startWebServer: (options: { core: unknown; rendererDir: string }) => Promise<{ port: number; token: string; close(): Promise<void> }>;
};

async function load(root: string): Promise<Modules> {
  const from = (path: string) => import(pathToFileURL(join(root, path)).href) as Promise<Record<string, unknown>>;
  const [files, sim, host, web] = await Promise.all([from('src-main/core/scenario-files.ts'), from('src-main/core/sources/sim/sim-source.ts'), from('src-main/core/core-host.ts'), from('src-main/web/web-server.ts')]);
  return { readScenario: files.readScenario, SimSource: sim.SimSource, FlightdeckCore: host.FlightdeckCore, startWebServer: web.startWebServer } as Modules;
}

function manualWallClock() {
  let now = 0;
  const timers = new Set<{ every: number; due: number; callback: () => void }>();
  return {
    now: () => now,
    every(ms: number, callback: () => void) {
      const entry = { every: ms, due: now + ms, callback };
      timers.add(entry);
      return () => timers.delete(entry);
    },
    tick(ms: number) {
      now += ms;
      for (const timer of timers) {
        while (timer.due <= now) {
          timer.due += timer.every;
          timer.callback();
        }
      }
    },
  };
}

/**
 * A window showing the Auto Scaling view with the first group open, as the renderer subscribes it
 * (stores/live-interest.ts): the detail's charts, the instance table's CPU, activities and alarm
 * history (the notifier's). The group is the scenario's first.
 */
function autoScalingViewSubscription(group: string) {
  const dimensions = { AutoScalingGroupName: group };
  const capacity = ['GroupDesiredCapacity', 'GroupInServiceInstances', 'GroupMinSize', 'GroupMaxSize'].map((metricName) => ({ namespace: 'AWS/AutoScaling', metricName, dimensions, stat: 'Average' }));
  return { metrics: [...capacity, { namespace: 'AWS/EC2', metricName: 'CPUUtilization', dimensions, stat: 'Average' }], lists: ['alarmHistory'], instanceCpu: [group], activitiesOf: [group], history: false };
}

/**
 * The Overview as views/overview/OverviewView.vue subscribes it (with the alarm notifier's): the
 * newest 10 activities, alarm transitions, RDS events and timeline entries per frame. Without its
 * WAF series (scale-1000 has no web ACL; shop's are two series).
 */
function overviewSubscription() {
  return { metrics: [], lists: ['scalingActivities', 'alarmHistory', 'rdsEvents', 'timeline'], instanceCpu: [], newest: { scalingActivities: 10, alarmHistory: 10, rdsEvents: 10, timeline: 10 }, history: false };
}

/**
 * The Load balancers view (LoadBalancersView.vue): the access log's newest 25 per frame, the
 * notifier's newest 10 alarm transitions, the targets of the open target group (the first, as the view opens);
 * without the open detail's chart series.
 */
function loadBalancersSubscription(targetGroupArn: string) {
  return { metrics: [], lists: ['alarmHistory', 'accessLog'], instanceCpu: [], targetsOf: [targetGroupArn], newest: { accessLog: 25, alarmHistory: 10 }, history: false };
}

/** A tree from before `newest` (or `targetsOf`) existed refuses the field (strict schema): it is sent without, as that tree's views did. */
function withoutNewest(subscription: Record<string, unknown>) {
  const { newest: _newest, targetsOf: _targetsOf, ...rest } = subscription;
  return rest;
}
function withoutTargetsOf(subscription: Record<string, unknown>) {
  const { targetsOf: _targetsOf, ...rest } = subscription;
  return rest;
}

export type PushClient = 'everything' | 'overview' | 'auto-scaling view' | 'load-balancers view';
export const PUSH_CLIENTS: readonly PushClient[] = ['everything', 'overview', 'auto-scaling view', 'load-balancers view'];

export async function measurePushes(scenario: string, speed: number, root = resolve(import.meta.dirname, '..'), client: PushClient = 'everything'): Promise<PushFigures> {
  const modules = await load(root);
  const wallClock = manualWallClock();
  const source = new modules.SimSource(modules.readScenario(scenario), { wallClock, paused: false, speed, frameMs: FRAME_MS });
  const core = new modules.FlightdeckCore(source);
  const dir = mkdtempSync(join(tmpdir(), 'fd-bench-push-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html>');
  const server = await modules.startWebServer({ core, rendererDir: dir });
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws?token=${server.token}`, { headers: { Origin: `http://127.0.0.1:${server.port}` } });
  const frames: { bytes: number; inventoryBytes: number }[] = [];
  const answers = new Map<number, (bytes: number, ok: boolean) => void>();
  // Messages longer than a frame come in parts (contract/frame-parts.ts): joined here as the renderer does.
  const parts = new FrameJoiner();
  const keySizes = new Map<string, number>();
  let largestWireFrame = 0;
  let messageBytes = 0;
  ws.on('message', (data: Buffer) => {
    largestWireFrame = Math.max(largestWireFrame, data.length);
    messageBytes += data.length;
    const text = parts.accept(data.toString());
    if (text === undefined) return;
    const bytes = messageBytes;
    messageBytes = 0;
    const frame = JSON.parse(text) as { type: string; id?: number; channel?: string; payload?: { inventory?: unknown }; result?: { ok?: boolean } };
    if (frame.type === 'response') answers.get(frame.id!)?.(bytes, frame.result?.ok !== false);
    else if (frame.channel === 'update' && process.env.WEB_PUSH_KEYS) for (const [key, value] of Object.entries(frame.payload as object)) keySizes.set(key, (keySizes.get(key) ?? 0) + JSON.stringify(value).length);
    if (frame.channel === 'update') frames.push({ bytes, inventoryBytes: frame.payload?.inventory ? JSON.stringify(frame.payload.inventory).length : 0 });
  });
  await new Promise((done, fail) => ws.once('open', done).once('error', fail));
  const ask = (id: number, channel: string) =>
    new Promise<number>((done) => {
      answers.set(id, done);
      ws.send(JSON.stringify({ type: 'request', id, channel, payload: {} }));
    });
  try {
    if (client !== 'everything') {
      const inventory = (source as unknown as { engine: { inventory(): { autoScalingGroups: { autoScalingGroupName: string }[]; targetGroups: { targetGroupArn: string }[] } } }).engine.inventory();
      const group = inventory.autoScalingGroups[0]!.autoScalingGroupName;
      const subscription: Record<string, unknown> = client === 'overview' ? overviewSubscription() : client === 'load-balancers view' ? loadBalancersSubscription(inventory.targetGroups[0]!.targetGroupArn) : autoScalingViewSubscription(group);
      const subscribe = (id: number, payload: unknown) =>
        new Promise<boolean>((done) => {
          answers.set(id, (_bytes, ok) => done(ok));
          ws.send(JSON.stringify({ type: 'request', id, channel: 'live.subscribe', payload }));
        });
      if (!(await subscribe(0, subscription)) && !(await subscribe(101, withoutTargetsOf(subscription)))) await subscribe(100, withoutNewest(subscription));
    }
    const snapshotBytes = await ask(1, 'snapshot.get');
    source.start();
    for (let i = 0; i < FRAMES; i++) {
      wallClock.tick(FRAME_MS);
      // Let the client read this frame before the next one is made.
      await new Promise((done) => setTimeout(done, 5));
    }
    source.stop();
    await ask(2, 'session.get');
    if (process.env.WEB_PUSH_KEYS) process.stderr.write(`${client}: ${[...keySizes].map(([key, size]) => `${key} ${Math.round(size / FRAMES)}`).join(', ')}\n`);
    const total = frames.reduce((sum, f) => sum + f.bytes, 0);
    return {
      scenario,
      speed,
      client,
      snapshotBytes,
      frames: frames.length,
      framesWithInventory: frames.filter((f) => f.inventoryBytes > 0).length,
      bytesPerFrame: Math.round(total / Math.max(1, frames.length)),
      largestUpdateBytes: Math.max(0, ...frames.map((f) => f.bytes)),
      largestFrameBytes: largestWireFrame,
      inventoryBytesPerFrame: Math.round(frames.reduce((sum, f) => sum + f.inventoryBytes, 0) / Math.max(1, frames.length)),
      kBPerSecond: Math.round(total / 1000 / ((FRAMES * FRAME_MS) / 1000)),
    };
  } finally {
    ws.close();
    await server.close();
  }
}

const kB = (bytes: number) => `${(bytes / 1000).toLocaleString('en-US', { maximumFractionDigits: 1 })} kB`;

/** Goals (issue 15, scale-1000 at ×3600): per view, and per frame. */
const GOAL_KB_PER_SECOND = 200;
const GOAL_FRAME_BYTES = 256_000;

/**
 * With WEB_PUSH_BEFORE=<another checkout> (e.g. `git archive <commit>` with node_modules linked in),
 * every cell shows that tree's figure → this tree's, measured in the same run.
 */
export async function webPushBench(): Promise<BenchResult> {
  const beforeRoot = process.env.WEB_PUSH_BEFORE ? resolve(process.env.WEB_PUSH_BEFORE) : undefined;
  const results: (PushFigures & { before?: PushFigures })[] = [];
  for (const speed of SPEEDS) {
    for (const scenario of SCENARIOS) {
      for (const client of PUSH_CLIENTS) {
        const before = beforeRoot ? await measurePushes(scenario, speed, beforeRoot, client) : undefined;
        results.push({ ...(await measurePushes(scenario, speed, undefined, client)), ...(before ? { before } : {}) });
      }
    }
  }
  const cell = (r: PushFigures & { before?: PushFigures }, value: (f: PushFigures) => string) => (r.before ? `${value(r.before)} → ${value(r)}` : value(r));
  const perSecond = (f: PushFigures) => `${f.kBPerSecond.toLocaleString('en-US')} kB/s`;
  const row = (r: PushFigures & { before?: PushFigures }) =>
    `| ${r.scenario} | ×${r.speed} | ${r.client} | ${cell(r, (f) => kB(f.snapshotBytes))} | ${r.frames} (${r.framesWithInventory} with inventory) | ${cell(r, (f) => kB(f.bytesPerFrame))} | ${cell(r, (f) => kB(f.inventoryBytesPerFrame))} | ${cell(r, (f) => kB(f.largestFrameBytes))} | ${cell(r, perSecond)} |`;
  const goalRows = results.filter((r) => r.scenario === 'scale-1000' && r.speed === 3600);
  const worst = Math.max(...goalRows.filter((r) => r.client !== 'everything').map((r) => r.kBPerSecond));
  const largest = Math.max(...goalRows.map((r) => r.largestFrameBytes));
  return {
    name: 'web-push',
    title: 'WebSocket pushes per client',
    markdown: [
      beforeRoot ? `Each cell: before → after (before: the tree at ${process.env.WEB_PUSH_BEFORE_LABEL ?? beforeRoot}, measured in the same run).` : '',
      '',
      '| scenario | speed | window | snapshot | update frames | bytes per frame | of which inventory | largest frame (snapshot included) | received |',
      '|---|---|---|---|---|---|---|---|---|',
      ...results.map(row),
      '',
      `Goals, scale-1000 at ×3600: WebSocket ≤ ${GOAL_KB_PER_SECOND} kB/s per view: worst view ${worst.toLocaleString('en-US')} kB/s — ${worst <= GOAL_KB_PER_SECOND ? 'met' : '**not met**'}; no frame over ${GOAL_FRAME_BYTES / 1000} kB: largest ${kB(largest)} — ${largest <= GOAL_FRAME_BYTES ? 'met' : '**not met**'}.`,
      '',
      `${FRAMES} frames of ${FRAME_MS} ms wall time through the web host to one client that keeps up (bench/web-push.ts); kB/s over the wall time those frames stand for. After the first snapshot the inventory travels as per-resource deltas, a changed resource as a field-level patch (its instances, targets, listeners … as changes of their members). A message longer than a frame (the first snapshot at scale) is sent in parts of at most 256 kB (contract/frame-parts.ts): "largest frame" is the largest WebSocket frame of the run, the snapshot's included; "snapshot" and "bytes per frame" are whole messages. Windows: "everything" never sends \`live.subscribe\` (older windows, the CLI); "overview" as OverviewView.vue subscribes (its four lists, the newest 10 of each per frame); "auto-scaling view" with the first group open (its 5 chart series, its instances with their CPU, its scaling activities, alarm history); "load-balancers view" the access log's newest 25 and the newest 10 alarm transitions per frame, the first target group's targets (the detail it opens with), without the open detail's chart series (a few series, ~0.4 kB each per frame). A group's instances and a target group's targets travel only to a window that lists them (contract/member-counts.ts), health verdicts as deltas (contract/health-delta.ts).`,
    ].join('\n'),
    data: results,
  };
}

// Run on its own (before/after against another checkout): prints the figures as JSON.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = resolve(process.env.FLIGHTDECK_ROOT ?? resolve(import.meta.dirname, '..'));
  const out: PushFigures[] = [];
  const speed = Number(process.env.SPEED ?? SPEEDS[0]);
  const clients = process.env.CLIENTS ? (process.env.CLIENTS.split(',') as PushClient[]) : PUSH_CLIENTS;
  for (const scenario of process.argv.slice(2).length > 0 ? process.argv.slice(2) : SCENARIOS) for (const client of clients) out.push(await measurePushes(scenario, speed, root, client));
  process.stdout.write(`${JSON.stringify({ root, results: out }, null, 2)}\n`);
  process.exit(0);
}
