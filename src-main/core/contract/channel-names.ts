/**
 * The contract's channel names as plain strings, without zod.
 *
 * Why this exists: the sandboxed preload can `require` only `electron` and a handful of built-ins
 * (electronjs.org/docs/latest/tutorial/sandbox#preload-scripts), and electron-vite externalizes
 * `dependencies` such as zod by default, so importing `./index` from the preload would ship a
 * `require('zod')` that fails at runtime. The lists below are checked against `./index` at compile
 * time (the `satisfies` clauses and the exhaustiveness types) and at test time.
 */
import type { EventChannel, RequestChannel } from './index';

export const requestChannelNames = [
  'session.get',
  'snapshot.get',
  'live.subscribe',
  'live.older',
  'sim.control',
  'notifications.show',
  // simulation: scenarios and fault injection
  'sim.scenarios.list',
  'sim.scenario.load',
  'sim.faultKinds',
  'sim.fault.inject',
  'sim.faults.running',
  'sim.fault.stop',
  // simulation: what-if backtests
  'sim.backtest.example',
  'sim.backtest.run',
  'sim.backtest.cancel',
  // twins of an AWS account (docs/twin.md)
  'sim.twin.fit',
  'aws.twin.open',
  // AWS mode
  'profiles.list',
  'session.switch',
  'session.retry',
  'session.ssoLogin',
  'settings.get',
  'settings.update',
  'settings.resolve',
  'health.thresholds.get',
  'health.thresholds.set',
  'action.prepare',
  'action.execute',
  'dns.trace',
  // audit log and protection changes
  'audit.list',
  'settings.protection.prepare',
  'settings.protection.execute',
] as const satisfies readonly RequestChannel[];
export const eventChannelNames = ['update', 'session.changed', 'action.progress', 'twin.progress', 'audit.appended', 'sim.backtest.progress'] as const satisfies readonly EventChannel[];

// A channel added to `requests`/`events` but not listed above fails type-checking on these lines.
type Exhaustive<Missing> = [Missing] extends [never] ? true : { missingFromList: Missing };
const _requestsListed: Exhaustive<Exclude<RequestChannel, (typeof requestChannelNames)[number]>> = true;
const _eventsListed: Exhaustive<Exclude<EventChannel, (typeof eventChannelNames)[number]>> = true;

const requestSet: ReadonlySet<string> = new Set(requestChannelNames);
const eventSet: ReadonlySet<string> = new Set(eventChannelNames);

export function isRequestChannelName(value: unknown): value is RequestChannel {
  return typeof value === 'string' && requestSet.has(value);
}
export function isEventChannelName(value: unknown): value is EventChannel {
  return typeof value === 'string' && eventSet.has(value);
}
