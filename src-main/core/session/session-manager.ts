/**
 * Owns the active DataSource and swaps it: simulator ↔ AWS profile/region. A switch stops the old
 * source (which then never publishes again), creates a new one with new clients, and announces the
 * new session; the renderer then asks for a fresh snapshot. It also hosts what depends on the
 * session rather than on a source: profiles, settings, the action protocol, DNS traces.
 */
import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import type { ActionOutcome, DnsTrace, HealthThresholds, PreparedAction, SessionInfo, Snapshot, TimelineEvent, Update } from '../contract/model';
import type { ActionProgress, ProfileListing, ProfileSettings, SettingsResolve, SettingsUpdate, SettingsView, SsoLoginPrompt } from '../contract/model-aws';
import type { AuditActor, AuditPage, AuditQuery, AuditRecord, PreparedProtectionChange, ProtectionChange } from '../contract/model-audit';
import type { ControlAction, RequestOf } from '../contract';
import type { DataSource } from '../sources/data-source';
import type { ScenarioModel } from '../sources/sim/scenario/load-scenario';
import type { SettingsStore } from '../settings/settings-store';
import { ActionProtocol } from '../actions/action-protocol';
import type { AuditLog } from '../actions/audit-log';
import { CoreError, isCoreError } from '../core-error';
import type { ActionTarget } from '../actions/action-executor';
import { appendAfterTheFact, auditRecord, newAuditId, says, writeAhead, type AuditSubject, type AuditWords } from '../actions/audit-entry';
import { loosenedProtection } from './protection-policy';
import { HealthMonitor } from '../health/health-monitor';
import { PublishedHealth } from '../health/published-health';
import { HealthThresholdStore } from '../settings/health-thresholds-store';

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
  /** Who this host serves (desktop window, web page), recorded in every audit record. */
  actor?: AuditActor;
  /** Told of every session switched to (mode, profile, region), to restore it at the next start. */
  remember?: (session: SessionInfo) => void;
}

export interface SessionEvents {
  update(update: Update): void;
  sessionChanged(session: SessionInfo): void;
  actionProgress(progress: ActionProgress): void;
  auditAppended?(record: AuditRecord): void;
}

const SIMULATION_TARGET = (session: SessionInfo): ActionTarget => ({
  mode: 'simulation',
  profile: 'simulation',
  region: session.region,
  ...(session.mode === 'simulation' ? { scenario: session.scenarioName } : {}),
  sessionKey: `simulation|${session.mode === 'simulation' ? `${session.scenarioName}|${session.seed}` : ''}`,
});

export class SessionManager {
  private source: DataSource;
  private unsubscribe: () => void = () => undefined;
  private events?: SessionEvents;
  readonly actions?: ActionProtocol;
  /** The switch to the session the host starts in (an AWS profile asked for or restored), while it runs. */
  opening?: Promise<SessionInfo>;
  /** Bumped on every switch: work started under an older source must not publish. */
  private generation = 0;
  /** Bumped on every switch, scenario load and reset: nonces from before must not act after. */
  private identity = 0;
  /** This host instance: nonces are bound to it as well as to the session. */
  private readonly instanceId = randomBytes(6).toString('hex');
  private readonly now: () => number;
  /** Health verdicts for the active source, pushed with its updates (core/health). */
  private readonly health: HealthMonitor;
  /** The report the clients hold and its version: updates carry deltas from it (contract/health-delta.ts). */
  private readonly publishedHealth = new PublishedHealth();
  private readonly thresholds: HealthThresholdStore;

  constructor(
    initial: DataSource,
    private readonly factories: SessionFactories = {},
  ) {
    this.source = initial;
    this.now = factories.now ?? Date.now;
    this.thresholds = factories.healthThresholds ?? new HealthThresholdStore();
    this.health = new HealthMonitor({ thresholds: () => this.thresholds.get(), ...(factories.now ? { wallNow: factories.now } : {}) });
    if (factories.audit) {
      this.actions = new ActionProtocol({
        audit: factories.audit,
        now: factories.now,
        policy: (target) => this.policyFor(target),
        progress: (event) => this.events?.actionProgress(event),
      });
      factories.audit.onAppend((record) => this.events?.auditAppended?.(record));
    }
  }

  get active(): DataSource {
    return this.source;
  }

  /** The settings folder, where "Open as twin" keeps the twin files it writes (absent in tests and embedded use). */
  get settingsDirectory(): string | undefined {
    return this.factories.settings?.directory;
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
    this.publishedHealth.reset(this.health.reset(source.snapshot()));
    const offUpdate = source.onUpdate((update) => {
      if (!live()) return;
      const health = this.health.ingest(update);
      this.events?.update(health ? { ...update, healthDelta: this.publishedHealth.publish(health) } : update);
    });
    const offSession = source.onSessionChanged?.((session) => live() && this.announce(session)) ?? (() => undefined);
    this.unsubscribe = () => {
      offUpdate();
      offSession();
    };
  }

  start(): void {
    this.source.start();
  }

  /**
   * The active source's full picture with the health verdicts the clients were last sent, and their
   * version (the next update's delta applies to it). The monitor follows the source from the
   * session's start: a snapshot no longer starts it over, which changed the report under every
   * other client (their next delta would not have applied) and threw away its metric history.
   */
  snapshot(): Snapshot {
    const snapshot = this.source.snapshot();
    return { ...snapshot, health: this.publishedHealth.report ?? this.health.current(), healthVersion: this.publishedHealth.version };
  }

  /**
   * The one place `session.changed` leaves the manager (and so the host): switches, a reset, a
   * scenario load, a profile's new flags, and the source's own changes all pass through here.
   */
  private announce(session: SessionInfo): void {
    this.events?.sessionChanged(session);
  }

  healthThresholds(): HealthThresholds {
    return this.thresholds.get();
  }

  /**
   * New thresholds apply at once: every client gets the re-evaluated verdicts. Audited write-ahead
   * like any settings change (thresholds at 100 % turn the verdicts off); refused when the intent
   * cannot be written.
   */
  async setHealthThresholds(next: HealthThresholds | null): Promise<HealthThresholds> {
    const parameters: AuditRecord['parameters'] = next ? { ...next } : { reset: true };
    return await this.audited({ kind: 'settings', action: 'SetHealthThresholds', targetId: 'health-thresholds', parameters }, () => {
      const saved = this.thresholds.set(next);
      const healthDelta = this.publishedHealth.publish(this.health.reevaluate());
      this.events?.update({ scalingActivities: [], alarmHistory: [], rdsEvents: [], timeline: [], accessLog: [], metrics: [], healthDelta });
      return saved;
    }, () => says('settings saved', 'settingsSaved'));
  }

  stop(): void {
    this.unsubscribe();
    this.source.stop();
    this.parkedSimulation = undefined;
  }

  /** A new session identity: every confirmation prepared before it is dropped. */
  private newGeneration(): void {
    this.identity++;
    this.actions?.dropAll();
  }

  /**
   * The simulation left for AWS mode, stopped (its frame timer off, so its virtual time stands still)
   * but kept: "Back to the simulator" resumes it as it was — same scenario, time, faults, history —
   * instead of starting a new one.
   */
  private parkedSimulation: DataSource | undefined;

  /** Replace the active source: the old one stops first, so nothing of it can follow the switch. */
  replace(next: DataSource): SessionInfo {
    this.generation++;
    this.newGeneration();
    this.unsubscribe();
    this.source.stop();
    this.source = next;
    this.follow(next);
    next.start();
    this.announce(next.session);
    this.factories.remember?.(next.session);
    return next.session;
  }

  /** `actor`: who asked when it is not this host's window (`serve --profile` starts in AWS mode for the command line). */
  async switch(request: RequestOf<'session.switch'>, actor?: AuditActor): Promise<SessionInfo> {
    if (request.mode === 'simulation') {
      const createSimulation = this.factories.createSimulation;
      const parked = this.source.session.mode !== 'simulation' ? this.parkedSimulation : undefined;
      if (!parked && !createSimulation) throw new CoreError('NotSupported', 'switching to the simulator is not available here', {}, { problem: 'host.noSimulator' });
      return this.audited({ kind: 'session', action: 'SwitchSession', targetId: 'simulation', parameters: { mode: 'simulation' } }, () => {
        this.parkedSimulation = undefined;
        return this.replace(parked ?? createSimulation!());
      });
    }
    const createAws = this.factories.createAws;
    if (!createAws) throw new CoreError('NotSupported', 'AWS mode is not available in this host', {}, { problem: 'host.noAwsMode' });
    const listing = this.profiles();
    if (!listing.profiles.some((p) => p.name === request.profile)) {
      throw new CoreError('InvalidRequest', `No profile named ${request.profile} in ${listing.configFile} or ${listing.credentialsFile}.`, { profile: request.profile, configFile: listing.configFile, credentialsFile: listing.credentialsFile }, { problem: 'profile.unknown' });
    }
    const settings = this.factories.settings?.profile(request.profile) ?? { readOnly: false, nonProduction: false };
    return this.audited(
      { kind: 'session', action: 'SwitchSession', targetId: request.profile, parameters: { mode: 'aws', profile: request.profile, ...(request.region ? { region: request.region } : {}) } },
      () => {
        const next = createAws(request.profile, request.region, settings);
        // Kept, stopped, for "Back to the simulator" (resumed as it was, not restarted).
        if (this.source.session.mode === 'simulation') this.parkedSimulation = this.source;
        return this.replace(next);
      },
      undefined,
      actor,
    );
  }

  // ---- simulation changes that start a new session identity, and fault injection (audited) ----

  private simulation() {
    const control = this.source.control;
    if (!control) throw new CoreError('NotSupported', 'only available in simulation mode', {}, { problem: 'simulation.only' });
    return control;
  }

  /**
   * Back to the scenario's start: confirmations prepared on the old run are dropped, health
   * verdicts start over from the new state, and the (new) session is announced.
   */
  async resetSimulation(): Promise<SessionInfo> {
    const control = this.simulation();
    await this.audited({ kind: 'session', action: 'ResetSimulation', targetId: control.scenarioName, parameters: {} }, () => {
      control.reset();
      this.newGeneration();
    });
    return this.restarted();
  }

  /** Another scenario on the running simulator: as a reset, on the new engine. */
  async loadScenario(scenario: ScenarioModel): Promise<SessionInfo> {
    const control = this.simulation();
    await this.audited({ kind: 'session', action: 'LoadScenario', targetId: scenario.name, parameters: { from: control.scenarioName, seed: scenario.simulation.seed } }, () => {
      control.load(scenario);
      this.newGeneration();
    });
    return this.restarted();
  }

  private restarted(): SessionInfo {
    this.publishedHealth.reset(this.health.reset(this.source.snapshot()));
    this.announce(this.source.session);
    return this.source.session;
  }

  async injectFault(type: string, parameters: Record<string, unknown>, durationSeconds?: number): Promise<TimelineEvent> {
    const control = this.simulation();
    return this.audited(
      { kind: 'fault', action: `InjectFault:${type}`, targetId: faultAimedAt(parameters), parameters: { ...recordedFaultParameters(parameters), ...(durationSeconds !== undefined ? { durationSeconds } : {}) } },
      () => control.injectFault(type, parameters, durationSeconds),
      (event) => says(`${event.resource}: ${event.message}`, 'faultInjected', { resource: event.resource }, event.text ? { timeline: event.text } : {}),
    );
  }

  /**
   * Ends a running fault before its time: a change of the simulation like injecting one, so it is
   * audited the same way (intent first). An id that names no running fault changes nothing and is
   * refused without a record.
   */
  async stopFault(id: string): Promise<TimelineEvent> {
    const control = this.simulation();
    const running = control.runningFaults().find((fault) => fault.id === id);
    if (!running) return control.stopFault(id);
    return this.audited(
      { kind: 'fault', action: `StopFault:${running.type}`, targetId: faultAimedAt(running.parameters), parameters: { faultId: id, ...recordedFaultParameters(running.parameters) } },
      () => control.stopFault(id),
      (event) => says(`${event.resource}: ${event.message}`, 'faultStopped', { resource: event.resource }, event.text ? { timeline: event.text } : {}),
    );
  }

  /**
   * Write-ahead for a change of the session or the simulation: intent durable first (or the change
   * is refused with AuditUnavailable), outcome after. A host without an audit log just runs it.
   */
  private async audited<T>(subject: Omit<AuditSubject, 'target'>, work: () => T, describe?: (value: T) => AuditWords, actor?: AuditActor): Promise<T> {
    const audit = this.factories.audit;
    if (!audit) return work();
    const target = this.target();
    return await writeAhead(audit, { ...subject, target: actor ? { ...target, actor } : target }, this.now, work, describe);
  }

  async retry(mfaCode?: string): Promise<SessionInfo> {
    if (!this.source.retry) throw new CoreError('NotSupported', 'Retry applies to AWS sessions', {}, { problem: 'aws.retryOnly' });
    return this.source.retry(mfaCode);
  }

  async ssoLogin(): Promise<SsoLoginPrompt> {
    if (!this.source.ssoLogin) throw new CoreError('NotSupported', 'SSO sign-in applies to AWS SSO profiles', {}, { problem: 'sso.notSsoProfile' });
    return this.source.ssoLogin();
  }

  profiles(): ProfileListing {
    if (!this.factories.listProfiles) throw new CoreError('NotSupported', 'AWS profiles are not available in this host', {}, { problem: 'host.noProfiles' });
    return this.factories.listProfiles();
  }

  settingsView(): SettingsView {
    if (!this.factories.settings) throw new CoreError('NotSupported', 'settings are not available in this host', {}, { problem: 'host.noSettings' });
    return this.factories.settings.view();
  }

  /**
   * Tightening (read-only on, production again) and colours apply at once, audited. Loosening is
   * refused with ConfirmationRequired: it goes through settings.protection.prepare/execute.
   * When the audit log cannot be written, a change that only tightens still applies — a full disk
   * must never stop an operator from protecting a profile — and anything else is refused.
   */
  async updateSettings(change: SettingsUpdate): Promise<SettingsView> {
    const store = this.factories.settings;
    if (!store) throw new CoreError('NotSupported', 'settings are not available in this host', {}, { problem: 'host.noSettings' });
    this.refuseUnknownProfile(store, change.profile);
    const current = store.profile(change.profile);
    const loosened = loosenedProtection(current, change);
    const subject: AuditSubject = { kind: 'settings', target: this.target(), action: 'UpdateProfileSettings', targetId: change.profile, parameters: settingsParameters(change) };
    if (loosened) {
      const message = `Making profile ${change.profile} ${loosened.join(' and ')} loosens its protection: confirm it with settings.protection.prepare and the profile name typed.`;
      const words = says(message, 'loosensProtection', { profile: change.profile, loosened });
      if (this.factories.audit) appendAfterTheFact(this.factories.audit, auditRecord(subject, newAuditId(this.now(), 'set'), this.now(), 'refused', words));
      throw new CoreError('ConfirmationRequired', message, { profile: change.profile }, { problem: 'settings.loosensProtection' });
    }
    const apply = () => this.applySettings(change);
    const audit = this.factories.audit;
    if (!audit) return apply();
    try {
      return await writeAhead(audit, subject, this.now, apply, () => says('settings saved', 'settingsSaved'));
    } catch (error) {
      if (isCoreError(error, 'AuditUnavailable') && tightensOnly(current, change)) return apply();
      throw error;
    }
  }

  private async applySettings(change: SettingsUpdate): Promise<SettingsView> {
    const store = this.factories.settings!;
    const view = await store.update(change);
    const session = this.source.session;
    if (session.mode === 'aws' && session.profile === change.profile && this.source.applyProfileSettings) {
      const profile = store.profile(change.profile);
      this.source.applyProfileSettings({ readOnly: profile.readOnly, ...(profile.environmentColour ? { environmentColour: profile.environmentColour } : {}) });
      if (!this.source.onSessionChanged) this.announce(this.source.session);
    }
    return view;
  }

  /**
   * The operator's decision about a settings file that could not be used: read it again, or start
   * over with every AWS profile from the shared files read-only (the old file is kept as a copy).
   */
  async resolveSettings(request: SettingsResolve): Promise<SettingsView> {
    const store = this.factories.settings;
    if (!store) throw new CoreError('NotSupported', 'settings are not available in this host', {}, { problem: 'host.noSettings' });
    const names = this.factories.listProfiles ? this.factories.listProfiles().profiles.map((p) => p.name) : [];
    // Both may change what each profile allows (a reload can make profiles writable again): audited write-ahead.
    return await this.audited({ kind: 'settings', action: 'ResolveSettings', targetId: basename(store.path), parameters: { action: request.action } }, () => {
      const view = request.action === 'reload' ? store.reload() : store.reset(names);
      this.applyActiveProfileSettings();
      return view;
    }, () => says('settings saved', 'settingsSaved'));
  }

  /**
   * Settings are kept only for profiles that exist: a new entry needs its name in the AWS config or
   * credentials files (an entry already in settings.json can always be changed). Otherwise a client
   * could fill the file with junk names up to its cap (review-attack t28).
   */
  private refuseUnknownProfile(store: SettingsStore, profile: string): void {
    if (!this.factories.listProfiles || store.has(profile)) return;
    let names: string[];
    try {
      names = this.factories.listProfiles().profiles.map((p) => p.name);
    } catch {
      names = [];
    }
    if (names.includes(profile)) return;
    throw new CoreError('InvalidRequest', `There is no profile named ${profile} in the AWS config or credentials files, so no settings are kept for it.`, { profile }, { problem: 'settings.unknownProfile' });
  }

  /** The active AWS session shows (and enforces) its profile's flags as they are now. */
  private applyActiveProfileSettings(): void {
    const session = this.source.session;
    if (session.mode !== 'aws' || !this.source.applyProfileSettings || !this.factories.settings) return;
    const profile = this.factories.settings.profile(session.profile);
    this.source.applyProfileSettings({ readOnly: profile.readOnly, ...(profile.environmentColour ? { environmentColour: profile.environmentColour } : {}) });
    if (!this.source.onSessionChanged) this.announce(this.source.session);
  }


  /** Step 1 of loosening a profile's protection; the profile name is the text to type. */
  prepareProtection(change: ProtectionChange): PreparedProtectionChange {
    const store = this.factories.settings;
    if (!store) throw new CoreError('NotSupported', 'settings are not available in this host', {}, { problem: 'host.noSettings' });
    if (!this.actions) throw new CoreError('NotSupported', 'loosening a profile needs an audit log, which this host does not have', {}, { problem: 'host.loosenNeedsAuditLog' });
    this.refuseUnknownProfile(store, change.profile);
    const current = store.profile(change.profile);
    if (!loosenedProtection(current, change)) throw new CoreError('InvalidRequest', `Profile ${change.profile} is already as loose as asked: nothing to confirm.`, { profile: change.profile }, { problem: 'settings.alreadyLoose' });
    return this.actions.prepareProtection(change, current, this.target());
  }

  /** Step 2: the typed profile name, the same session, a durable intent — then the settings change. */
  async executeProtection(nonce: string, confirmation: string): Promise<SettingsView> {
    if (!this.actions || !this.factories.settings) throw new CoreError('NotSupported', 'settings are not available in this host', {}, { problem: 'host.noSettings' });
    return await this.actions.executeProtection(nonce, confirmation, this.target().sessionKey, (change) => this.applySettings(change));
  }

  listAudit(query: AuditQuery): AuditPage {
    if (!this.factories.audit) throw new CoreError('NotSupported', 'this host keeps no audit log', {}, { problem: 'host.noAuditLog' });
    return this.factories.audit.list(query);
  }

  /**
   * Who acts where, bound to this host instance and the current generation: a switch away and
   * back, a scenario load or a reset gives a different key even for the same profile or scenario.
   */
  private target(): ActionTarget {
    const base = this.source.actionTarget?.() ?? SIMULATION_TARGET(this.source.session);
    return {
      ...base,
      ...(this.factories.actor ? { actor: this.factories.actor } : {}),
      sessionKey: `${base.sessionKey}|host:${this.instanceId}|gen:${this.identity}`,
    };
  }

  private policyFor(target: ActionTarget): { readOnly: boolean; nonProduction: boolean } {
    // The simulator is never production; a real profile's flags come from settings, read each time.
    if (target.mode === 'simulation') return { readOnly: false, nonProduction: true };
    const profile = this.factories.settings?.profile(target.profile);
    return { readOnly: profile?.readOnly ?? false, nonProduction: profile?.nonProduction ?? false };
  }

  async prepareAction(action: ControlAction): Promise<PreparedAction> {
    if (!this.actions) throw new CoreError('NotSupported', 'control actions need an audit log, which this host does not have', {}, { problem: 'host.actionsNeedAuditLog' });
    const backend = this.source.actions;
    if (!backend) throw new CoreError('NotSupported', `control actions are not available in ${this.source.session.mode} mode yet`, { mode: this.source.session.mode }, { problem: 'actions.notInMode' });
    const session = this.source.session;
    if (session.mode === 'aws' && session.credentialState !== 'connected') {
      throw new CoreError('NotConnected', `not connected to AWS (${session.credentialState}): ${session.credentialHint ?? 'Retry first'}`, { credentialState: session.credentialState }, { problem: 'aws.notConnected' });
    }
    return await this.actions.prepare(action, backend, this.target());
  }

  async executeAction(nonce: string, confirmation: string | undefined): Promise<ActionOutcome> {
    if (!this.actions) throw new CoreError('NotSupported', 'control actions need an audit log, which this host does not have', {}, { problem: 'host.actionsNeedAuditLog' });
    return await this.actions.execute(nonce, confirmation, this.target().sessionKey);
  }

  async traceDns(request: RequestOf<'dns.trace'>): Promise<DnsTrace> {
    if (!this.source.traceDns) throw new CoreError('NotSupported', `DNS traces are not available in ${this.source.session.mode} mode yet`, { mode: this.source.session.mode }, { problem: 'dns.traceNotInMode' });
    return this.source.traceDns(request);
  }
}

function settingsParameters(change: SettingsUpdate): AuditRecord['parameters'] {
  return Object.fromEntries(Object.entries(change).filter(([key, value]) => key !== 'profile' && value !== undefined)) as AuditRecord['parameters'];
}

function tightensOnly(current: ProfileSettings, change: SettingsUpdate): boolean {
  const tightens = (change.readOnly === true && !current.readOnly) || (change.nonProduction === false && current.nonProduction);
  return tightens && change.environmentColour === undefined;
}

/** A fault's parameters as an audit record holds them: scalars as they are, anything else as bounded JSON. */
function recordedFaultParameters(parameters: Record<string, unknown>): AuditRecord['parameters'] {
  return Object.fromEntries(
    Object.entries(parameters).map(([key, value]) => [key, typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null ? value : (JSON.stringify(value) ?? String(value)).slice(0, 2000)]),
  );
}

/** What a fault is aimed at, by its fields (FaultFieldCode); MultiplyTraffic without a Name is every population (`*`). */
function faultAimedAt(parameters: Record<string, unknown>): string {
  const aimedAt = parameters.AutoScalingGroupName ?? parameters.TargetGroupName ?? parameters.DBInstanceIdentifier ?? parameters.FunctionName ?? parameters.HealthCheckId ?? parameters.AvailabilityZone ?? parameters.Name;
  return String(aimedAt ?? parameters.TargetGroupArn ?? '*');
}
