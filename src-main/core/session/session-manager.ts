/**
 * Owns the active DataSource and swaps it: simulator ↔ AWS profile/region. A switch stops the old
 * source (which then never publishes again), creates a new one with new clients, and announces the
 * new session; the renderer then asks for a fresh snapshot. It also hosts what depends on the
 * session rather than on a source: profiles, settings, the action protocol, DNS traces.
 */
import type { ActionOutcome, DnsTrace, HealthThresholds, PreparedAction, SessionInfo, Snapshot, Update } from '../contract/model';
import type { ActionProgress, ProfileListing, ProfileSettings, SettingsUpdate, SettingsView, SsoLoginPrompt } from '../contract/model-aws';
import type { ControlAction, RequestOf } from '../contract';
import type { DataSource } from '../sources/data-source';
import type { SettingsStore } from '../settings/settings-store';
import { ActionProtocol, ActionProtocolError } from '../actions/action-protocol';
import type { AuditLog } from '../actions/audit-log';
import type { ActionTarget } from '../actions/action-executor';
import { HealthMonitor } from '../health/health-monitor';
import { HealthThresholdStore } from '../settings/health-thresholds-store';

export class SessionError extends Error {
  constructor(
    readonly code: 'NotSupported' | 'InvalidRequest' | 'Unauthorized',
    message: string,
  ) {
    super(message);
  }
}

export interface SessionFactories {
  /** A fresh simulator source (SimSource built as the caller always has). */
  createSimulation?: () => DataSource;
  /** A fresh AWS source for a profile and region. */
  createAws?: (profile: string, region: string | undefined, settings: ProfileSettings) => DataSource;
  listProfiles?: () => ProfileListing;
  settings?: SettingsStore;
  audit?: AuditLog;
  /** Health thresholds (Settings); in memory with the defaults when absent. */
  healthThresholds?: HealthThresholdStore;
  now?: () => number;
}

export interface SessionEvents {
  update(update: Update): void;
  sessionChanged(session: SessionInfo): void;
  actionProgress(progress: ActionProgress): void;
}

const SIMULATION_TARGET = (session: SessionInfo): ActionTarget => ({
  mode: 'simulation',
  profile: 'simulation',
  region: session.region,
  sessionKey: `simulation|${session.mode === 'simulation' ? `${session.scenarioName}|${session.seed}` : ''}`,
});

export class SessionManager {
  private source: DataSource;
  private unsubscribe: () => void = () => undefined;
  private events?: SessionEvents;
  readonly actions?: ActionProtocol;
  /** Bumped on every switch: work started under an older session must not publish. */
  private generation = 0;
  /** Health verdicts for the active source, pushed with its updates (core/health). */
  private readonly health: HealthMonitor;
  private readonly thresholds: HealthThresholdStore;

  constructor(
    initial: DataSource,
    private readonly factories: SessionFactories = {},
  ) {
    this.source = initial;
    this.thresholds = factories.healthThresholds ?? new HealthThresholdStore();
    this.health = new HealthMonitor({ thresholds: () => this.thresholds.get(), ...(factories.now ? { wallNow: factories.now } : {}) });
    if (factories.audit) {
      this.actions = new ActionProtocol({
        audit: factories.audit,
        now: factories.now,
        policy: (target) => this.policyFor(target),
        progress: (event) => this.events?.actionProgress(event),
      });
    }
  }

  get active(): DataSource {
    return this.source;
  }

  /** The core subscribes once; the manager re-points the subscription at each new source. */
  attach(events: SessionEvents): void {
    this.events = events;
    this.follow(this.source);
  }

  private follow(source: DataSource): void {
    this.unsubscribe();
    const generation = this.generation;
    const live = () => generation === this.generation && source === this.source;
    this.health.reset(source.snapshot());
    const offUpdate = source.onUpdate((update) => {
      if (!live()) return;
      const health = this.health.ingest(update);
      this.events?.update(health ? { ...update, health } : update);
    });
    const offSession = source.onSessionChanged?.((session) => live() && this.events?.sessionChanged(session)) ?? (() => undefined);
    this.unsubscribe = () => {
      offUpdate();
      offSession();
    };
  }

  start(): void {
    this.source.start();
  }

  /** The active source's full picture with its health verdicts (the monitor starts over from it). */
  snapshot(): Snapshot {
    const snapshot = this.source.snapshot();
    return { ...snapshot, health: this.health.reset(snapshot) };
  }

  /** The simulation was reset or another scenario loaded: verdicts start over from the new state. */
  restartHealth(): void {
    this.health.reset(this.source.snapshot());
  }

  healthThresholds(): HealthThresholds {
    return this.thresholds.get();
  }

  /** New thresholds apply at once: every client gets the re-evaluated verdicts. */
  setHealthThresholds(next: HealthThresholds | null): HealthThresholds {
    const saved = this.thresholds.set(next);
    const health = this.health.reevaluate();
    this.events?.update({ scalingActivities: [], alarmHistory: [], rdsEvents: [], timeline: [], accessLog: [], metrics: [], health });
    return saved;
  }

  stop(): void {
    this.unsubscribe();
    this.source.stop();
  }

  /** Replace the active source: the old one stops first, so nothing of it can follow the switch. */
  replace(next: DataSource): SessionInfo {
    this.generation++;
    this.unsubscribe();
    this.source.stop();
    this.source = next;
    this.follow(next);
    next.start();
    this.events?.sessionChanged(next.session);
    return next.session;
  }

  async switch(request: RequestOf<'session.switch'>): Promise<SessionInfo> {
    if (request.mode === 'simulation') {
      if (!this.factories.createSimulation) throw new SessionError('NotSupported', 'switching to the simulator is not available here');
      return this.replace(this.factories.createSimulation());
    }
    if (!this.factories.createAws) throw new SessionError('NotSupported', 'AWS mode is not available in this host');
    const listing = this.profiles();
    if (!listing.profiles.some((p) => p.name === request.profile)) {
      throw new SessionError('InvalidRequest', `No profile named ${request.profile} in ${listing.configFile} or ${listing.credentialsFile}.`);
    }
    const settings = this.factories.settings?.profile(request.profile) ?? { readOnly: false, nonProduction: false };
    return this.replace(this.factories.createAws(request.profile, request.region, settings));
  }

  async retry(mfaCode?: string): Promise<SessionInfo> {
    if (!this.source.retry) throw new SessionError('NotSupported', 'Retry applies to AWS sessions');
    return this.source.retry(mfaCode);
  }

  async ssoLogin(): Promise<SsoLoginPrompt> {
    if (!this.source.ssoLogin) throw new SessionError('NotSupported', 'SSO sign-in applies to AWS SSO profiles');
    return this.source.ssoLogin();
  }

  profiles(): ProfileListing {
    if (!this.factories.listProfiles) throw new SessionError('NotSupported', 'AWS profiles are not available in this host');
    return this.factories.listProfiles();
  }

  settingsView(): SettingsView {
    if (!this.factories.settings) throw new SessionError('NotSupported', 'settings are not available in this host');
    return this.factories.settings.view();
  }

  updateSettings(change: SettingsUpdate): SettingsView {
    if (!this.factories.settings) throw new SessionError('NotSupported', 'settings are not available in this host');
    const view = this.factories.settings.update(change);
    const session = this.source.session;
    if (session.mode === 'aws' && session.profile === change.profile && this.source.applyProfileSettings) {
      const profile = this.factories.settings.profile(change.profile);
      this.source.applyProfileSettings({ readOnly: profile.readOnly, ...(profile.environmentColour ? { environmentColour: profile.environmentColour } : {}) });
      if (!this.source.onSessionChanged) this.events?.sessionChanged(this.source.session);
    }
    return view;
  }

  private target(): ActionTarget {
    return this.source.actionTarget?.() ?? SIMULATION_TARGET(this.source.session);
  }

  private policyFor(target: ActionTarget): { readOnly: boolean; nonProduction: boolean } {
    // The simulator is never production; a real profile's flags come from settings, read each time.
    if (target.mode === 'simulation') return { readOnly: false, nonProduction: true };
    const profile = this.factories.settings?.profile(target.profile);
    return { readOnly: profile?.readOnly ?? false, nonProduction: profile?.nonProduction ?? false };
  }

  async prepareAction(action: ControlAction): Promise<PreparedAction> {
    if (!this.actions) throw new SessionError('NotSupported', 'control actions need an audit log, which this host does not have');
    const backend = this.source.actions;
    if (!backend) throw new SessionError('NotSupported', `control actions are not available in ${this.source.session.mode} mode yet`);
    const session = this.source.session;
    if (session.mode === 'aws' && session.credentialState !== 'connected') {
      throw new SessionError('InvalidRequest', `not connected to AWS (${session.credentialState}): ${session.credentialHint ?? 'Retry first'}`);
    }
    return this.actions.prepare(action, backend, this.target());
  }

  async executeAction(nonce: string, confirmation: string | undefined): Promise<ActionOutcome> {
    if (!this.actions) throw new SessionError('NotSupported', 'control actions need an audit log, which this host does not have');
    try {
      return await this.actions.execute(nonce, confirmation, this.target().sessionKey);
    } catch (error) {
      if (error instanceof ActionProtocolError) throw new SessionError(error.code, error.message);
      throw error;
    }
  }

  async traceDns(request: RequestOf<'dns.trace'>): Promise<DnsTrace> {
    if (!this.source.traceDns) throw new SessionError('NotSupported', `DNS traces are not available in ${this.source.session.mode} mode yet`);
    return this.source.traceDns(request);
  }
}
