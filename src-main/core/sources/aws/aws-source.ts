/**
 * A real AWS account as a DataSource: the same domain model the simulator produces, read with the
 * AWS SDK for JavaScript v3 for one profile and region.
 *
 * Lifecycle: connect (credentials, then STS GetCallerIdentity for account and caller ARN) → one
 * full refresh → each dataset on its own interval (poll-plan.ts), every call through the CallGate
 * (token bucket per service, jittered backoff on throttling). A failure marks only its dataset
 * (AccessDenied names the missing permission); a credential failure becomes a session state with
 * its fix and pauses polling until Retry. A stopped source never publishes again, so nothing read
 * under one identity can appear after a switch to another.
 *
 * Each dataset's poller (polling/poll-*.ts) returns its part of the inventory; this class compares
 * it with what it published by resource key (InventoryTracker) and pushes only what changed.
 */
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { Inventory, type DatasetStatuses, type DnsTrace, type MetricSeries, type SessionInfo, type Snapshot, type Update } from '../../contract/model';
import type { AwsSourceOptions } from './aws-source-options';
import type { ProfileKind, SsoLoginPrompt } from '../../contract/model-aws';
import type { RequestOf } from '../../contract';
import type { DataSource, SnapshotOptions } from '../data-source';
import { InventoryTracker } from '../inventory-tracker';
import type { ActionBackend, ActionTarget } from '../../actions/action-executor';
import { isAwsCallError, NETWORK_CODES, type AwsCallError } from './aws-errors';
import { CoreError } from '../../core-error';
import { destroyClients, type AwsClients } from './clients';
import { describeCredentialError } from './credentials/credential-state';
import { describeConnectError, regionProblem, type ConnectProblem } from './credentials/connect-problem';
import { answeredBy, chainProfile, DEFAULT_CHAIN } from './credentials/default-chain';
import { customEndpoint } from './endpoints';
import { describeProfile, resolveRegion } from './profiles/profile-list';
import { secretValues } from '../../redact';
import { readSharedFiles, type SharedFiles } from './profiles/shared-ini';
import { CallGate } from './throttle/call-gate';
import { systemClock, type Clock } from './throttle/time';
import { ACTION_DATASET, AWS_DATASETS, DEFAULT_POLL_INTERVALS_MS, SETTINGS_INTERVAL_MS, type AwsDataset } from './poll-plan';
import { MetricPoller } from './metrics/metric-poller';
import { CapacitySamples } from './metrics/capacity-samples';
import { CpuMonitoring } from './metrics/cpu-monitoring';
import { buildSessionClients } from './session-clients';
import { AwsSessionState, type AwsSession } from './aws-session-state';
import { serviceRoute, type SessionPlace } from './polling/dataset-statuses';
import { DatasetBook } from './polling/dataset-book';
import { SettingsCadence } from './polling/settings-cadence';
import { AwsActionBackend, DEFAULT_FOLLOW } from './actions/aws-action-backend';
import { traceDnsOnAws } from './dns/aws-dns-trace';
import { startSsoDeviceLogin } from './sso/sso-device-login';
import { checkShape, pollContext, type DatasetPoller } from './polling/dataset-poller';
import { LoadBalancingPoller } from './polling/poll-load-balancing';
import { AutoScalingPoller } from './polling/poll-auto-scaling';
import { Route53Poller } from './polling/poll-route53';
import { RdsPoller } from './polling/poll-rds';
import { lambdaPoller } from './polling/poll-lambda';
import { CloudWatchPoller } from './polling/poll-cloudwatch';
import { OfflineProbe } from './polling/offline-probe';
import { readHistory, type HistoryProgress, type HistoryWindow } from './twin/read-history';
import { readEnvironmentNames } from './twin/read-environment-names';
import type { HistoryQuery } from '../../twin/history-queries';
import type { ObservedSeries } from '../../twin/twin-section';

export type { AwsSourceOptions } from './aws-source-options';

const EMPTY_INVENTORY: Inventory = Inventory.parse({ loadBalancers: [], targetGroups: [], autoScalingGroups: [] });

/** Reconnecting while offline: first pause, doubling up to the maximum (our choice). */
export const OFFLINE_RETRY_FIRST_MS = 5_000;
export const OFFLINE_RETRY_MAX_MS = 60_000;

export class AwsSource implements DataSource {
  readonly profile: string;
  readonly region: string;
  readonly kind: ProfileKind;
  readonly files: SharedFiles;
  readonly clock: Clock;
  readonly gate: CallGate;
  readonly actions: ActionBackend;
  private readonly env: NodeJS.ProcessEnv;
  /** The shared files' secret values: removed from every text this source lets out (core/redact.ts). */
  private readonly secrets: string[];
  private clients: AwsClients;
  private credentials!: AwsCredentialIdentityProvider;
  private readonly sessionState: AwsSessionState;
  /** The inventory published so far: each dataset's poll is compared with it by resource key. */
  private readonly published = new InventoryTracker(EMPTY_INVENTORY);
  private readonly metrics: MetricPoller;
  /** Group capacity sampled from DescribeAutoScalingGroups where group metrics are not collected. */
  private readonly capacity = new CapacitySamples();
  /** Basic or detailed EC2 monitoring per group: the period its CPU is polled at. */
  private readonly cpuMonitoring = new CpuMonitoring();
  private readonly datasets = new DatasetBook(() => this.place());
  private readonly listeners = new Set<(update: Update) => void>();
  private readonly intervals: Record<AwsDataset, number>;
  private readonly settings: SettingsCadence;
  private readonly pollers: Record<AwsDataset, DatasetPoller>;
  private readonly autoScaling: AutoScalingPoller;
  private readonly rds: RdsPoller;
  private readonly cloudWatch: CloudWatchPoller;
  private pendingMfaCode: string | undefined;
  /** The config section this session reads: the profile's, or for the default chain $AWS_PROFILE's/default. */
  private readonly configProfile: string;
  /** Set when the CA bundle cannot be read: connecting reports it instead of a TLS failure. */
  private networkProblem: unknown;
  /** The session's proxy/CA-aware handler, shared by every client (and SSO sign-in). */
  private requestHandler: unknown;
  private abort = new AbortController();
  private stopped = false;
  private started = false;
  private loops: Promise<void>[] = [];
  private markReady: () => void = () => undefined;
  /** Settles when the first connect and full refresh are done (or connecting failed). */
  ready: Promise<void> = new Promise((resolve) => (this.markReady = resolve));

  constructor(private readonly options: AwsSourceOptions) {
    this.env = options.env ?? process.env;
    this.files = options.files ?? readSharedFiles(this.env);
    this.profile = options.profile;
    this.secrets = secretValues([...this.files.config.values(), ...this.files.credentials.values()]);
    this.configProfile = options.profile === DEFAULT_CHAIN ? chainProfile(this.env) : options.profile;
    this.region = resolveRegion(this.files, options.profile, options.region, this.env);
    this.kind = options.profile === DEFAULT_CHAIN ? 'default-chain' : describeProfile(this.files, options.profile, this.env).kind;
    this.clock = options.clock ?? systemClock;
    this.gate = new CallGate({ clock: this.clock, random: options.random, observe: options.observe });
    this.intervals = { ...DEFAULT_POLL_INTERVALS_MS, ...options.intervalsMs };
    this.settings = new SettingsCadence(options.settingsIntervalMs ?? SETTINGS_INTERVAL_MS);
    this.clients = this.buildClients();
    this.metrics = new MetricPoller(this.clients.cloudwatch);
    // RDS events and alarm history are read for this long back on the first poll.
    const historyStart = this.clock.now() - (options.historyWindowMs ?? 24 * 3600_000);
    this.autoScaling = new AutoScalingPoller(this.capacity, this.cpuMonitoring);
    this.rds = new RdsPoller(this.metrics, historyStart);
    this.cloudWatch = new CloudWatchPoller(this.metrics, this.capacity, historyStart);
    this.pollers = { elbv2: new LoadBalancingPoller(this.metrics), autoscaling: this.autoScaling, route53: new Route53Poller(), rds: this.rds, lambda: lambdaPoller, cloudwatch: this.cloudWatch };
    const endpoint = customEndpoint(this.files, this.configProfile, this.env);
    this.sessionState = new AwsSessionState({
      mode: 'aws',
      profile: this.profile,
      region: this.region,
      credentialState: 'connecting',
      readOnly: options.readOnly ?? false,
      ...(options.environmentColour ? { environmentColour: options.environmentColour } : {}),
      ...(endpoint ? { customEndpoint: endpoint.label, customEndpointFrom: endpoint.from } : {}),
    }, this.secrets);
    this.actions = this.refreshingWhenSettled(new AwsActionBackend(this.clients, this.clock, this.metrics, options.follow ?? DEFAULT_FOLLOW));
  }

  /**
   * When a followed action ends, its dataset is read again (settings included) before the outcome
   * is reported, so the panel shows the settled state with the "settled" message instead of the
   * old count until the next poll.
   */
  private refreshingWhenSettled(backend: AwsActionBackend): AwsActionBackend {
    const follow = backend.follow.bind(backend);
    backend.follow = async (action, report) => {
      const result = await follow(action, report);
      await this.refreshDataset(ACTION_DATASET[action.type], { settings: true });
      return result;
    };
    return backend;
  }

  private buildClients(): AwsClients {
    const built = buildSessionClients({
      ...this.place(),
      gate: this.gate,
      now: () => this.clock.now(),
      mfaCode: () => this.pendingMfaCode,
      onResolved: (identity) => {
        if (this.profile === DEFAULT_CHAIN) this.sessionState.set({ credentialSource: answeredBy(identity, this.env) });
      },
      ...(this.options.credentialProvider ? { credentialProvider: this.options.credentialProvider } : {}),
      ...(this.options.createClients ? { createClients: this.options.createClients } : {}),
    });
    this.credentials = built.credentials;
    this.requestHandler = built.requestHandler;
    this.networkProblem = built.networkProblem;
    return built.clients;
  }

  /** Where this session reads its settings and sends its calls. */
  private place(): SessionPlace {
    return { files: this.files, configProfile: this.configProfile, env: this.env, region: this.region, profile: this.profile, kind: this.kind };
  }

  /** Records a problem in the session: its translated code and the English text for the CLI. */
  private setProblem(problem: ConnectProblem): void {
    this.lastProblem = problem;
    this.sessionState.set({ credentialState: problem.state, credentialMessage: problem.message, credentialHint: problem.hint, problem: { code: problem.code, params: problem.params } });
  }

  /** The last connect failure, sorted (the CLI picks its exit code from the category). */
  lastProblem: ConnectProblem | undefined;

  get session(): SessionInfo {
    return this.sessionState.copy();
  }

  private get state(): Readonly<AwsSession> {
    return this.sessionState.current;
  }

  /** Polling goes on while connected, and while offline (that is how it notices the network is back). */
  get connected(): boolean {
    return this.state.credentialState === 'connected' || this.state.credentialState === 'offline';
  }

  applyProfileSettings(settings: { readOnly: boolean; environmentColour?: string }): void {
    this.sessionState.set({ readOnly: settings.readOnly, environmentColour: settings.environmentColour });
  }

  /** Who acts, for the action protocol and the audit log. */
  actionTarget(): ActionTarget {
    return {
      mode: 'aws',
      profile: this.profile,
      region: this.region,
      ...(this.state.accountId ? { accountId: this.state.accountId } : {}),
      sessionKey: `aws|${this.profile}|${this.region}|${this.state.accountId ?? '?'}`,
    };
  }

  onUpdate(listener: (update: Update) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onSessionChanged(listener: (session: SessionInfo) => void): () => void {
    return this.sessionState.onChanged(listener);
  }

  /** Resolves credentials and asks STS who we are. Never throws: failures become the session state. */
  async connect(): Promise<SessionInfo> {
    this.sessionState.set({ credentialState: 'connecting', credentialMessage: undefined, credentialHint: undefined, problem: undefined });
    this.lastProblem = undefined;
    const badRegion = regionProblem(this.region);
    if (badRegion) {
      this.setProblem(badRegion);
      this.datasetsWaitOnCredentials();
      this.pendingMfaCode = undefined;
      return this.session;
    }
    try {
      if (this.networkProblem) throw this.networkProblem;
      // Credentials first, on their own: their failures (SSO, MFA, missing) are told apart from
      // STS or network failures. The resolved identity is cached and shared by every client.
      await this.credentials();
      const identity = await this.clients.sts.send(new GetCallerIdentityCommand({}));
      if (this.stopped) return this.session;
      // Something answered 200 with no account (a web page, a captive portal): not AWS STS.
      if (!identity.Account) throw Object.assign(new Error('GetCallerIdentity answered without an account'), { name: 'EndpointNotAws' });
      // Retry with other keys can land in another account: nothing read before may stay on screen.
      if (this.state.accountId && identity.Account !== this.state.accountId) this.forgetData();
      this.sessionState.set({ credentialState: 'connected', accountId: identity.Account, callerArn: identity.Arn });
    } catch (error) {
      if (this.stopped) return this.session;
      const sts = serviceRoute(this.place(), 'sts', `https://sts.${this.region}.amazonaws.com`);
      const problem = describeConnectError(error, { profile: this.profile, kind: this.kind, region: this.region, ...sts, secrets: this.secrets });
      this.setProblem(problem);
      this.datasetsWaitOnCredentials();
    } finally {
      this.pendingMfaCode = undefined;
    }
    return this.session;
  }

  /** Without credentials no dataset can load: each says why, with the fix (DatasetBook.waitOnCredentials). */
  private datasetsWaitOnCredentials(): void {
    const session = this.session;
    if (session.mode !== 'aws' || session.credentialState === 'connected') return;
    const error = {
      code: session.credentialState,
      message: session.credentialMessage ?? 'Not connected to AWS.',
      ...(session.credentialHint ? { hint: session.credentialHint } : {}),
      ...(session.problem ? { problem: session.problem } : {}),
    };
    this.datasets.waitOnCredentials(error);
    const update: Update = { scalingActivities: [], alarmHistory: [], rdsEvents: [], timeline: [], accessLog: [], metrics: [], datasets: this.datasetStatuses() };
    for (const listener of this.listeners) listener(update);
  }

  /** Connect, one full refresh, then poll each dataset on its interval. */
  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    void this.run();
  }

  /** `onOffline`: told when the first connect attempt finds the network down (the run goes on). */
  private async run(onOffline?: () => void): Promise<void> {
    try {
      await this.connect();
      if (this.state.credentialState === 'offline') onOffline?.();
      // Offline at start: try again with a growing pause until the network is back (no restart needed).
      for (let pause = OFFLINE_RETRY_FIRST_MS; this.state.credentialState === 'offline' && !this.stopped; pause = Math.min(pause * 2, OFFLINE_RETRY_MAX_MS)) {
        await this.clock.sleep(pause, this.abort.signal);
        if (this.abort.signal.aborted) return;
        await this.connect();
      }
      if (!this.connected || this.stopped) return;
      await this.refresh();
      this.loops = AWS_DATASETS.map((dataset) => this.loop(dataset));
    } finally {
      this.markReady();
    }
  }

  private async loop(dataset: AwsDataset): Promise<void> {
    const signal = this.abort.signal;
    while (!signal.aborted) {
      await this.clock.sleep(this.intervals[dataset], signal);
      if (signal.aborted || !this.connected) continue;
      await this.refreshDataset(dataset);
    }
  }

  stop(): void {
    this.stopped = true;
    this.abort.abort();
    this.listeners.clear();
    this.sessionState.stop();
    destroyClients(this.clients);
  }

  /** The MFA code the next connect answers the profile's MFA prompt with (CLI: --mfa-code or a terminal prompt). */
  provideMfaCode(code: string): void {
    this.pendingMfaCode = code;
  }

  /** Try the credentials again (after `aws sso login`, new keys, or with an MFA code); resumes polling. */
  async retry(mfaCode?: string): Promise<SessionInfo> {
    if (this.stopped) return this.session;
    this.pendingMfaCode = mfaCode;
    // New clients: a fresh credential provider reads the files (and the SSO cache) as they are now.
    destroyClients(this.clients);
    this.clients = this.buildClients();
    (this.actions as AwsActionBackend).useClients(this.clients);
    this.metrics.useClient(this.clients.cloudwatch);
    this.abort.abort();
    await Promise.all(this.loops);
    this.abort = new AbortController();
    this.started = true;
    this.ready = new Promise((resolve) => (this.markReady = resolve));
    // Answered when connected and refreshed, or as soon as the attempt finds the network down: offline,
    // the run reconnects with backoff until the network is back, which must not hold the answer
    // (review-attack t26: no answer while the endpoint stayed frozen).
    await new Promise<void>((resolve) => void this.run(resolve).finally(resolve));
    return this.session;
  }

  private forgetData(): void {
    this.published.reset(EMPTY_INVENTORY);
    for (const dataset of AWS_DATASETS) this.pollers[dataset].forget?.();
    this.metrics.clear();
    this.capacity.clear();
    this.cpuMonitoring.clear();
    this.datasets.reset();
  }

  /**
   * Every dataset once, the metrics last (they are derived from the inventory). Load balancing
   * follows Auto Scaling: a target group's health is reused only while the instances attached to
   * it stay those its last read saw, so that read must see the groups (each poll publishes its
   * part only when it is complete).
   */
  async refresh(): Promise<void> {
    const loadBalancing = this.refreshDataset('autoscaling').then(() => this.refreshDataset('elbv2'));
    await Promise.all([loadBalancing, ...(['route53', 'rds', 'lambda'] as const).map((d) => this.refreshDataset(d))]);
    await this.refreshDataset('cloudwatch');
  }

  /** `settings`: read the rarely-changing settings too (on demand), whatever their age. */
  async refreshDataset(dataset: AwsDataset, options: { settings?: boolean } = {}): Promise<void> {
    if (options.settings) this.settings.ask(dataset);
    if (this.stopped || !this.connected) return;
    const update: Update = { scalingActivities: [], alarmHistory: [], rdsEvents: [], timeline: [], accessLog: [], metrics: [] };
    const now = this.clock.now();
    const reuseSettings = this.settings.mayReuse(dataset, now);
    const context = pollContext({ clients: this.clients, now, reuseSettings, held: () => this.published.current });
    try {
      const { part, events } = await this.pollers[dataset].poll(context);
      if (this.stopped) return;
      checkShape(dataset, part);
      this.settings.polled(dataset, reuseSettings, now);
      Object.assign(update, events);
      // Only the resources that changed, by key; datasets poll concurrently, each publishes its own part.
      const delta = this.published.publish(part);
      if (delta) update.inventory = delta;
      this.markFresh(dataset, context.partial);
    } catch (error) {
      if (this.stopped) return;
      this.markFailed(dataset, error);
      if (isAwsCallError(error) && NETWORK_CODES.has(error.params.awsCode)) await this.confirmOffline(error);
    }
    if (this.stopped) return;
    update.datasets = this.datasetStatuses();
    for (const listener of this.listeners) listener(update);
  }

  private markFresh(dataset: AwsDataset, partial: AwsCallError[]): void {
    if (this.state.credentialState === 'offline') this.sessionState.set({ credentialState: 'connected', credentialMessage: undefined, credentialHint: undefined });
    this.datasets.fresh(dataset, this.clock.now(), partial);
  }

  private readonly offlineProbe = new OfflineProbe();

  /** A dataset could not reach its service: the session is offline if STS cannot be reached either. */
  private confirmOffline(cause: AwsCallError): Promise<void> {
    if (this.state.credentialState !== 'connected') return Promise.resolve();
    return this.offlineProbe.probe(this.clients.sts, () => {
      if (this.stopped || this.state.credentialState !== 'connected') return;
      this.goOffline(cause);
    });
  }

  private goOffline(cause: AwsCallError): void {
    this.sessionState.set({ credentialState: 'offline', credentialMessage: `Cannot reach AWS: ${cause.message}`, credentialHint: 'Flightdeck keeps polling and shows the last data it had, with its age.' });
  }

  private markFailed(dataset: AwsDataset, error: unknown): void {
    const e = isAwsCallError(error) ? error : undefined;
    const status = this.datasets.failed(dataset, error);
    // Every service unreachable for the network's sake: the whole session is offline (polling goes on).
    if (e && NETWORK_CODES.has(e.params.awsCode) && this.state.credentialState === 'connected' && this.datasets.allUnreachable()) this.goOffline(e);
    if (e?.params.kind === 'credentials') {
      const problem = describeCredentialError(unwrap(error), this.profile, this.kind, this.secrets);
      status.error = { code: e.params.awsCode, message: problem.message, hint: problem.hint, problem: { code: problem.code, params: problem.params } };
      this.setProblem({ ...problem, category: 'credentials' });
    }
  }

  /** Each dataset's status, with `stale` for data older than STALE_AFTER_INTERVALS intervals. */
  datasetStatuses(): DatasetStatuses {
    return this.datasets.report({ now: this.clock.now(), intervals: this.intervals, secrets: this.secrets });
  }

  snapshot(options: SnapshotOptions = {}): Snapshot {
    const metrics = [...this.metrics.series(), ...this.capacity.series()] as MetricSeries[];
    return {
      session: this.session,
      inventory: structuredClone(this.published.current),
      inventoryVersion: this.published.version,
      scalingActivities: this.autoScaling.heldActivities(),
      alarmHistory: this.cloudWatch.history.list(),
      rdsEvents: this.rds.events.list(),
      timeline: [],
      accessLog: [],
      metrics: options.metrics ? metrics.filter(options.metrics) : metrics,
      datasets: this.datasetStatuses(),
    };
  }

  /**
   * What a twin is built from beyond the snapshot (docs/twin.md): the recorded window of each series
   * `queries` names, in one batched GetMetricData pass, and the names (never the values) of each
   * function's environment variables. Read-only calls; `refresh()` first for the inventory.
   */
  async readTwinInputs(queries: HistoryQuery[], window: HistoryWindow, onProgress?: (progress: HistoryProgress) => void): Promise<{ observed: ObservedSeries[]; environmentNames: Record<string, string[]> }> {
    this.requireConnected();
    const environmentNames = await readEnvironmentNames(this.clients.lambda);
    const observed = await readHistory(this.clients.cloudwatch, queries, window, onProgress);
    return { observed, environmentNames };
  }

  async traceDns(request: RequestOf<'dns.trace'>): Promise<DnsTrace> {
    this.requireConnected();
    return traceDnsOnAws(this.clients.route53, request, { inventory: this.published.current });
  }

  private requireConnected(): void {
    if (!this.connected) throw new CoreError('NotConnected', `Not connected to AWS (${this.state.credentialState}): ${this.state.credentialHint ?? 'Retry'}`, { credentialState: this.state.credentialState }, { problem: 'aws.notConnected' });
  }

  /** SSO device authorization for this profile; Retry runs when the operator has approved it. */
  async ssoLogin(): Promise<SsoLoginPrompt> {
    const { prompt, completion } = await startSsoDeviceLogin({
      files: this.files,
      profile: this.profile,
      env: this.env,
      clock: this.clock,
      requestHandler: this.requestHandler,
      ...(this.options.ssoOidcClient ? { client: this.options.ssoOidcClient } : {}),
    });
    void completion.then(
      () => (this.stopped ? undefined : this.retry()),
      (error: unknown) => this.sessionState.set({ credentialMessage: `SSO sign-in did not complete: ${error instanceof Error ? error.message : String(error)}` }),
    );
    return prompt;
  }
}

/** The underlying SDK error of an AwsCallError (its code and message drive the credential state). */
function unwrap(error: unknown): unknown {
  if (isAwsCallError(error)) return Object.assign(new Error(error.message), { name: error.params.awsCode });
  return error;
}
