/**
 * The core behind every adapter (Electron IPC, WebSocket bridge, tests): validates each request
 * against the contract, dispatches it (to the session manager, the simulation requests or the
 * active data source), and fans pushed events out to subscribers. It knows no simulator or AWS
 * specifics. Errors become typed values; nothing thrown here reaches a renderer as a stack trace.
 */
import {
  type EventChannel,
  type EventOf,
  isRequestChannel,
  parseRequest,
  type RequestChannel,
  type RequestOf,
  type ResponseOf,
  type Result,
  type LiveHistory,
  metricQueryKey,
  type OlderEntries,
} from './contract';
import { CoreError } from './core-error';
import { invalidRequestError, toContractError } from './contract-error';
import { LiveInterest, type InterestAdded } from './live-interest';
import { olderPage } from './older-pages';
import { redactDeep } from './redact';
import type { DataSource } from './sources/data-source';
import { SessionManager } from './session/session-manager';
import { SimulationRequests } from './session/simulation-requests';
import { TwinRequests } from './session/twin-requests';

type Handlers = { [C in RequestChannel]: (request: RequestOf<C>, interest: LiveInterest) => ResponseOf<C> | Promise<ResponseOf<C>> };
/** Shows a desktop notification; given by hosts that can (Electron), absent in web mode. */
export type Notifier = (notification: RequestOf<'notifications.show'>) => boolean;

export type EventListener = <C extends EventChannel>(channel: C, payload: EventOf<C>) => void;

export { CoreError, LiveInterest };

/** Responses that carry texts from the shared files or the SDK (small; snapshots are redacted at their source). */
const REDACTED_RESPONSES: ReadonlySet<RequestChannel> = new Set(['session.get', 'session.switch', 'session.retry', 'profiles.list', 'action.prepare', 'action.execute']);

export class FlightdeckCore {
  private listeners = new Set<EventListener>();
  /** The subscriptions of callers that name no window of their own (tests, embedded use). */
  private readonly sharedInterest = new LiveInterest();
  private readonly handlers: Handlers;
  /** Owns the active data source and swaps it (simulator ↔ AWS profile/region). */
  readonly sessions: SessionManager;

  /** A bare DataSource gets a session manager that cannot switch (tests, embedded use). */
  constructor(
    sourceOrSessions: DataSource | SessionManager,
    private readonly options: { notifier?: Notifier } = {},
  ) {
    this.sessions = sourceOrSessions instanceof SessionManager ? sourceOrSessions : new SessionManager(sourceOrSessions);
    this.sessions.attach({
      update: (update) => this.emit('update', update),
      sessionChanged: (session) => this.emit('session.changed', session),
      actionProgress: (progress) => this.emit('action.progress', progress),
      auditAppended: (record) => this.emit('audit.appended', record),
    });
    const sessions = this.sessions;
    const simulation = new SimulationRequests(sessions, { backtestProgress: (progress) => this.emit('sim.backtest.progress', progress) });
    const twins = new TwinRequests(sessions, (progress) => this.emit('twin.progress', progress));
    this.handlers = {
      'session.get': () => this.source.session,
      'notifications.show': (request) => {
        if (!this.options.notifier) throw new CoreError('NotSupported', 'this host shows no desktop notifications; use the browser\'s', {}, { problem: 'host.noNotifications' });
        return { shown: this.options.notifier(request) };
      },
      'snapshot.get': (_request, interest) => interest.snapshot(sessions.snapshot()),
      'live.subscribe': (request, interest) => {
        const added = interest.set(request);
        if (!request.history) return { metrics: [] };
        const history = this.historyOf(added, interest);
        interest.remember(history.scalingActivities ?? []);
        return history;
      },
      'live.older': (request, interest) => {
        const page = olderPage(this.source.snapshot({ metrics: () => false }), request);
        // Their later changes (InProgress → Successful) must reach the rows they fill.
        interest.remember(page.scalingActivities ?? []);
        return page;
      },
      // ---- simulation: clock, scenarios, faults (session/simulation-requests.ts) ----
      'sim.control': (request) => simulation.control(request),
      'sim.scenarios.list': () => simulation.scenarios(),
      'sim.scenario.load': (request) => simulation.loadScenario(request),
      'sim.faultKinds': () => simulation.faultKinds(),
      'sim.fault.inject': (request) => simulation.injectFault(request),
      'sim.faults.running': () => simulation.runningFaults(),
      'sim.fault.stop': (request) => simulation.stopFault(request),
      'sim.backtest.example': () => simulation.backtestExample(),
      'sim.backtest.run': (request) => simulation.runBacktest(request),
      'sim.backtest.cancel': () => simulation.cancelBacktest(),
      'sim.twin.fit': () => twins.fit(),
      'aws.twin.open': (request) => twins.open(request),
      // ---- AWS mode: profiles, session, settings, actions, DNS traces ----
      'profiles.list': () => sessions.profiles(),
      'session.switch': (request) => sessions.switch(request),
      'session.retry': (request) => sessions.retry(request.mfaCode),
      'session.ssoLogin': () => sessions.ssoLogin(),
      'settings.get': () => sessions.settingsView(),
      'settings.update': (request) => sessions.updateSettings(request),
      'settings.resolve': (request) => sessions.resolveSettings(request),
      'health.thresholds.get': () => sessions.healthThresholds(),
      'health.thresholds.set': (request) => sessions.setHealthThresholds(request.thresholds),
      'action.prepare': (request) => sessions.prepareAction(request.action),
      'action.execute': (request) => sessions.executeAction(request.nonce, request.confirmation),
      'dns.trace': (request) => sessions.traceDns(request),
      // ---- audit log and protection changes ----
      'audit.list': (request) => sessions.listAudit(request),
      'settings.protection.prepare': (request) => sessions.prepareProtection(request),
      'settings.protection.execute': (request) => sessions.executeProtection(request.nonce, request.confirmation),
    };
  }

  private get source(): DataSource {
    return this.sessions.active;
  }

  get dataSource(): DataSource {
    return this.source;
  }

  /** Swap the data source (profile / mode switch): the old one stops, subscribers get the new session. */
  replaceSource(next: DataSource): void {
    this.sessions.replace(next);
  }

  start(): void {
    this.sessions.start();
  }

  stop(): void {
    this.sessions.stop();
    this.listeners.clear();
  }

  /** How many subscribers there are (a leak shows as a count that only grows). */
  listenerCount(): number {
    return this.listeners.size;
  }

  /** One window's subscriptions (contract/model-live.ts): a host makes one per connection and passes it to subscribe and handle. */
  newInterest(): LiveInterest {
    return new LiveInterest();
  }

  /** Pushed events for one window: updates pass through its subscriptions. */
  subscribe(listener: EventListener, interest: LiveInterest = this.sharedInterest): () => void {
    const filtered: EventListener = (channel, payload) => {
      if (channel === 'update') listener(channel, interest.update(payload as EventOf<'update'>) as EventOf<typeof channel>);
      else listener(channel, payload);
    };
    this.listeners.add(filtered);
    return () => this.listeners.delete(filtered);
  }

  /** What a subscription added, from the source as it stands: the new series' history, the new lists, the new groups' CPU and members. */
  private historyOf(added: InterestAdded, interest: LiveInterest): LiveHistory {
    const wanted = added.metricKeys;
    const snapshot = this.source.snapshot(wanted.size > 0 ? { metrics: (series) => wanted.has(metricQueryKey(series)) } : { metrics: () => false });
    const history: LiveHistory = { metrics: snapshot.metrics.filter((series) => wanted.has(metricQueryKey(series))) };
    // A list the views show the newest N of comes as those N, with the count of the older ones
    // (the Overview's four lists were ~0.5 MB at scale-1000, for a table showing ten rows at a time).
    const older: OlderEntries = {};
    for (const list of added.lists) (history as Record<string, unknown>)[list] = interest.boundedHistory(list, snapshot[list] as unknown[], older);
    if (Object.keys(older).length > 0) history.older = older;
    if (added.activityGroups.length > 0) {
      const groups = new Set(added.activityGroups);
      history.scalingActivities = snapshot.scalingActivities.filter((activity) => groups.has(activity.autoScalingGroupName));
    }
    if (added.groups.length > 0 || added.targetGroups.length > 0) {
      const groups = new Set(added.groups);
      const targetGroups = new Set(added.targetGroups);
      history.members = {
        instances: Object.fromEntries(snapshot.inventory.autoScalingGroups.filter((group) => groups.has(group.autoScalingGroupName)).map((group) => [group.autoScalingGroupName, group.instances])),
        targets: Object.fromEntries(snapshot.inventory.targetGroups.filter((tg) => targetGroups.has(tg.targetGroupArn)).map((tg) => [tg.targetGroupArn, tg.targets])),
      };
    }
    if (added.groups.length > 0 && snapshot.instanceCpu) {
      history.instanceCpu = Object.fromEntries(added.groups.filter((group) => snapshot.instanceCpu![group]).map((group) => [group, snapshot.instanceCpu![group]!]));
    }
    return history;
  }

  private emit<C extends EventChannel>(channel: C, payload: EventOf<C>): void {
    // A second line of defence after each source's own redaction (core/redact.ts): session info and
    // action progress carry SDK messages. Updates are large and their texts come from the source's
    // already redacted dataset statuses.
    if (channel === 'session.changed' || channel === 'action.progress') payload = redactDeep(payload);
    for (const listener of this.listeners) {
      try {
        listener(channel, payload);
      } catch {
        // One broken subscriber (a closed socket, say) must not starve the others.
      }
    }
  }

  /** Validates and runs one request. Never throws. */
  async handle(channel: unknown, payload: unknown, interest: LiveInterest = this.sharedInterest): Promise<Result<unknown>> {
    if (!isRequestChannel(channel)) {
      return { ok: false, error: { code: 'UnknownChannel', message: `unknown request channel ${JSON.stringify(String(channel)).slice(0, 120)}` } };
    }
    const parsed = parseRequest(channel, payload);
    // A refusal that already names its problem (a request nested too deep) is not validated again.
    if (!parsed.ok) return { ok: false, error: parsed.error.problem ? parsed.error : invalidRequestError(channel, payload, parsed.error) };
    try {
      const handler = this.handlers[channel] as (request: unknown, interest: LiveInterest) => unknown;
      const value = await handler(parsed.value, interest);
      return { ok: true, value: REDACTED_RESPONSES.has(channel) ? redactDeep(value) : value };
    } catch (error) {
      // Codes and parameters for the window, English for the CLI and logs; texts redacted (contract-error.ts).
      return { ok: false, error: toContractError(error) };
    }
  }
}
