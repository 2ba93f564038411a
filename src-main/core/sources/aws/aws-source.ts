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
 */
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type {
  AlarmHistoryItem,
  DatasetStatus,
  DatasetStatuses,
  DnsTrace,
  MetricSeries,
  RdsEvent,
  ScalingActivity,
  SessionInfo,
  Snapshot,
  Update,
} from '../../contract/model';
import { Inventory } from '../../contract/model';
import type { ProfileKind, SsoLoginPrompt } from '../../contract/model-aws';
import type { RequestOf } from '../../contract';
import type { DataSource } from '../data-source';
import type { ActionBackend, ActionTarget } from '../../actions/action-executor';
import { awsCallError, awsCallHint, isAwsCallError, isNetworkError, NETWORK_CODES, type AwsCallError } from './aws-errors';
import { createAwsClients, destroyClients, type AwsClients, type ClientOptions } from './clients';
import { createCredentialProvider } from './credentials/credential-resolver';
import { describeCredentialError } from './credentials/credential-state';
import { describeConnectError, regionProblem, type ConnectProblem } from './credentials/connect-problem';
import { answeredBy, chainProfile, DEFAULT_CHAIN } from './credentials/default-chain';
import { customEndpoint, resolveEndpoints } from './endpoints';
import { AwsNetworkAgent, caBundlePath, createRequestHandler, loadNetworkSettings, type NetworkSettings } from './network/network-agent';
import { describeProfile, resolveRegion } from './profiles/profile-list';
import { redactText, secretValues } from '../../redact';
import { configSection, readSharedFiles, type SharedFiles } from './profiles/shared-ini';
import { CallGate, type CallRecord } from './throttle/call-gate';
import { systemClock, type Clock } from './throttle/time';
import { ACTION_DATASET, AWS_DATASETS, DEFAULT_POLL_INTERVALS_MS, SETTINGS_INTERVAL_MS, STALE_AFTER_INTERVALS, type AwsDataset } from './poll-plan';
import { discoverLoadBalancing, listenersOf } from './elbv2/discover-load-balancing';
import { attachedInstances, reusableTargetHealth, type TargetHealthRead } from './elbv2/target-health-plan';
import { loadBalancerDimension, targetGroupDimension } from '../../metric-catalog';
import { autoScalingSettingsOf, discoverAutoScaling, discoverScalingActivities } from './autoscaling/discover-auto-scaling';
import { discoverRoute53, nameServersOf } from './route53/discover-route53';
import { discoverDbInstances, discoverRdsEvents } from './rds/discover-rds';
import { concurrencyOf, discoverLambdaAccount, discoverLambdaFunctions } from './lambda/discover-lambda';
import { discoverAlarmHistory, discoverAlarms } from './cloudwatch/discover-alarms';
import { MetricPoller } from './metrics/metric-poller';
import { CapacitySamples } from './metrics/capacity-samples';
import { CpuMonitoring } from './metrics/cpu-monitoring';
import { datasetProblem, defaultEndpoint, type Problem } from './dataset-problem';
import { standardMetricKeys } from './metrics/standard-metrics';
import { AwsActionBackend, DEFAULT_FOLLOW, type FollowOptions } from './actions/aws-action-backend';
import { traceDnsOnAws } from './dns/aws-dns-trace';
import { startSsoDeviceLogin, type SsoLoginOptions } from './sso/sso-device-login';
import { CoreError } from '../../core-error';

type AwsSession = Extract<SessionInfo, { mode: 'aws' }>;

export interface AwsSourceOptions {
  profile: string;
  region?: string;
  env?: NodeJS.ProcessEnv;
  /** The shared config/credentials files, already read (default: read them now, ignoring any cache). */
  files?: SharedFiles;
  clock?: Clock;
  random?: () => number;
  readOnly?: boolean;
  environmentColour?: string;
  intervalsMs?: Partial<Record<AwsDataset, number>>;
  /** How often rarely-changing settings are re-read (default SETTINGS_INTERVAL_MS; 0: every poll). */
  settingsIntervalMs?: number;
  /** Sees every SDK call attempt (tests, bench). */
  observe?: (record: CallRecord) => void;
  /** Tests: replace credential resolution or client construction. */
  credentialProvider?: AwsCredentialIdentityProvider;
  createClients?: (options: ClientOptions) => AwsClients;
  /** How much history RDS events / alarm history are read for on the first poll (ms). */
  historyWindowMs?: number;
  /** How a control action is followed until it settles. */
  follow?: FollowOptions;
  /** Tests: the SSO OIDC client for device sign-in. */
  ssoOidcClient?: SsoLoginOptions['client'];
}

const EMPTY_INVENTORY: Inventory = {
  loadBalancers: [],
  targetGroups: [],
  autoScalingGroups: [],
  alarms: [],
  hostedZones: [],
  recordSets: [],
  healthChecks: [],
  dbInstances: [],
  lambdaFunctions: [],
};

const MAX_HELD_EVENTS = 500;

/** The part of the inventory each dataset owns. */
const INVENTORY_KEYS: Record<AwsDataset, (keyof Inventory)[]> = {
  elbv2: ['loadBalancers', 'targetGroups'],
  autoscaling: ['autoScalingGroups'],
  route53: ['hostedZones', 'recordSets', 'healthChecks'],
  rds: ['dbInstances'],
  lambda: ['lambdaFunctions', 'lambdaAccount'],
  cloudwatch: ['alarms'],
};

/** What a dataset's refresh may change: its own part, and for cloudwatch the replicas' lag (ReplicaLag). */
const WRITTEN_KEYS: Record<AwsDataset, (keyof Inventory)[]> = { ...INVENTORY_KEYS, cloudwatch: [...INVENTORY_KEYS.cloudwatch, 'dbInstances'] };

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
  private state: AwsSession;
  private inventory: Inventory = structuredClone(EMPTY_INVENTORY);
  private readonly activities = new Map<string, ScalingActivity>();
  private alarmHistory: AlarmHistoryItem[] = [];
  private rdsEvents: RdsEvent[] = [];
  private readonly metrics: MetricPoller;
  /** Group capacity sampled from DescribeAutoScalingGroups where group metrics are not collected. */
  private readonly capacity = new CapacitySamples();
  /** Basic or detailed EC2 monitoring per group: the period its CPU is polled at. */
  private readonly cpuMonitoring = new CpuMonitoring();
  private readonly datasets: DatasetStatuses = {};
  private readonly listeners = new Set<(update: Update) => void>();
  private readonly sessionListeners = new Set<(session: SessionInfo) => void>();
  private readonly intervals: Record<AwsDataset, number>;
  private readonly settingsIntervalMs: number;
  /** When each dataset's settings were last read; a dataset in `settingsDue` reads them next poll. */
  private readonly settingsReadAt: Partial<Record<AwsDataset, number>> = {};
  private readonly settingsDue = new Set<AwsDataset>();
  /** When each target group's health was last read, and what was attached then. */
  private readonly targetHealthReads = new Map<string, TargetHealthRead>();
  private historySince: Record<'alarms' | 'rds', number>;
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
    this.settingsIntervalMs = options.settingsIntervalMs ?? SETTINGS_INTERVAL_MS;
    const historyStart = this.clock.now() - (options.historyWindowMs ?? 24 * 3600_000);
    this.historySince = { alarms: historyStart, rds: historyStart };
    this.clients = this.buildClients();
    this.metrics = new MetricPoller(this.clients.cloudwatch);
    const found = customEndpoint(this.files, this.configProfile, this.env);
    const endpoint = found === undefined ? undefined : { ...found, label: redactText(found.label, this.secrets) };
    this.state = {
      mode: 'aws',
      profile: this.profile,
      region: this.region,
      credentialState: 'connecting',
      readOnly: options.readOnly ?? false,
      ...(options.environmentColour ? { environmentColour: options.environmentColour } : {}),
      ...(endpoint ? { customEndpoint: endpoint.label, customEndpointFrom: endpoint.from } : {}),
    };
    for (const dataset of AWS_DATASETS) this.datasets[dataset] = { state: 'loading' };
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
    const endpoints = resolveEndpoints(this.files, this.configProfile, this.env);
    let network: NetworkSettings = {};
    this.networkProblem = undefined;
    try {
      network = loadNetworkSettings(caBundlePath(configSection(this.files, this.configProfile)?.ca_bundle, this.env));
    } catch (error) {
      this.networkProblem = error;
    }
    // Proxy (HTTPS_PROXY/NO_PROXY) and CA bundle for every client, the credential providers' too.
    const requestHandler = createRequestHandler(network);
    this.requestHandler = requestHandler;
    this.credentials =
      this.options.credentialProvider ??
      createCredentialProvider({
        profile: this.profile,
        paths: this.files.paths,
        mfaCode: () => this.pendingMfaCode,
        now: () => this.clock.now(),
        clientConfig: this.innerClientConfig(endpoints, requestHandler),
        onResolved: (identity) => {
          if (this.profile === DEFAULT_CHAIN) this.setSession({ credentialSource: answeredBy(identity, this.env) });
        },
      });
    const create = this.options.createClients ?? createAwsClients;
    return create({ region: this.region, credentials: this.credentials, endpoints, gate: this.gate, requestHandler });
  }

  /**
   * The clients the credential providers create themselves. Assuming a role calls STS: send it
   * where this profile's STS calls go. fromIni hands the same config to the SSO portal client, so
   * an SSO profile gets the SSO endpoint and keeps its sso_region. The default chain reads
   * $AWS_PROFILE's section, which is its own: the SDK may look the endpoint up there itself.
   */
  private innerClientConfig(endpoints: ReturnType<typeof resolveEndpoints>, requestHandler: unknown): Record<string, unknown> {
    if (this.kind === 'default-chain') return { requestHandler };
    const isolated = { requestHandler, ignoreConfiguredEndpointUrls: true };
    if (this.kind === 'assume-role' || this.kind === 'web-identity') return { ...isolated, region: this.region, ...(endpoints.sts ? { endpoint: endpoints.sts } : {}) };
    if (this.kind === 'sso') return { ...isolated, ...(endpoints.sso ? { endpoint: endpoints.sso } : {}) };
    return isolated;
  }

  /** Records a problem in the session: its translated code and the English text for the CLI. */
  private setProblem(problem: ConnectProblem): void {
    this.lastProblem = problem;
    this.setSession({ credentialState: problem.state, credentialMessage: problem.message, credentialHint: problem.hint, problem: { code: problem.code, params: problem.params } });
  }

  /** The last connect failure, sorted (the CLI picks its exit code from the category). */
  lastProblem: ConnectProblem | undefined;

  get session(): SessionInfo {
    return { ...this.state };
  }

  /** Polling goes on while connected, and while offline (that is how it notices the network is back). */
  get connected(): boolean {
    return this.state.credentialState === 'connected' || this.state.credentialState === 'offline';
  }

  applyProfileSettings(settings: { readOnly: boolean; environmentColour?: string }): void {
    this.setSession({ readOnly: settings.readOnly, environmentColour: settings.environmentColour });
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
    this.sessionListeners.add(listener);
    return () => this.sessionListeners.delete(listener);
  }

  private setSession(change: Partial<AwsSession>): void {
    const next: AwsSession = { ...this.state, ...change };
    // SDK messages can quote a credential_process command line or an endpoint with a password.
    for (const key of ['credentialMessage', 'credentialHint', 'customEndpoint'] as const) {
      const text = next[key];
      if (text !== undefined) next[key] = redactText(text, this.secrets);
    }
    for (const key of Object.keys(next) as (keyof AwsSession)[]) if (next[key] === undefined) delete next[key];
    const unchanged = JSON.stringify(next) === JSON.stringify(this.state);
    this.state = next;
    if (this.stopped || unchanged) return;
    for (const listener of this.sessionListeners) listener(this.session);
  }

  /** Resolves credentials and asks STS who we are. Never throws: failures become the session state. */
  async connect(): Promise<SessionInfo> {
    this.setSession({ credentialState: 'connecting', credentialMessage: undefined, credentialHint: undefined, problem: undefined });
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
      this.setSession({ credentialState: 'connected', accountId: identity.Account, callerArn: identity.Arn });
    } catch (error) {
      if (this.stopped) return this.session;
      const endpoint = resolveEndpoints(this.files, this.configProfile, this.env).sts;
      const stsUrl = new URL(endpoint ?? `https://sts.${this.region}.amazonaws.com`);
      const proxy = AwsNetworkAgent.proxyFor(stsUrl.protocol === 'https:', stsUrl.hostname, Number(stsUrl.port) || (stsUrl.protocol === 'https:' ? 443 : 80));
      const problem = describeConnectError(error, {
        profile: this.profile,
        kind: this.kind,
        region: this.region,
        ...(endpoint ? { endpoint } : {}),
        ...(proxy ? { proxy } : {}),
      });
      this.setProblem(problem);
      this.datasetsWaitOnCredentials();
    } finally {
      this.pendingMfaCode = undefined;
    }
    return this.session;
  }

  /**
   * Without credentials no dataset can load: each says so (with the fix) instead of "loading"
   * forever; data already held stays, marked stale, until a Retry connects again.
   */
  private datasetsWaitOnCredentials(): void {
    const session = this.session;
    if (session.mode !== 'aws' || session.credentialState === 'connected') return;
    const error = {
      code: session.credentialState,
      message: session.credentialMessage ?? 'Not connected to AWS.',
      ...(session.credentialHint ? { hint: session.credentialHint } : {}),
      ...(session.problem ? { problem: session.problem } : {}),
    };
    for (const dataset of AWS_DATASETS) {
      const previous = this.datasets[dataset];
      this.datasets[dataset] = previous?.fetchedAt !== undefined ? { state: 'stale', fetchedAt: previous.fetchedAt, error } : { state: 'error', error };
    }
    const update: Update = { scalingActivities: [], alarmHistory: [], rdsEvents: [], timeline: [], accessLog: [], metrics: [], datasets: this.datasetStatuses() };
    for (const listener of this.listeners) listener(update);
  }

  /** Connect, one full refresh, then poll each dataset on its interval. */
  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    void this.run();
  }

  private async run(): Promise<void> {
    try {
      await this.connect();
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
    this.sessionListeners.clear();
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
    await this.run();
    return this.session;
  }

  private forgetData(): void {
    this.inventory = structuredClone(EMPTY_INVENTORY);
    this.activities.clear();
    this.alarmHistory = [];
    this.rdsEvents = [];
    this.metrics.clear();
    this.capacity.clear();
    this.cpuMonitoring.clear();
    for (const dataset of AWS_DATASETS) this.datasets[dataset] = { state: 'loading' };
  }

  /** Every dataset once, the metrics last (they are derived from the inventory). */
  async refresh(): Promise<void> {
    await Promise.all((['elbv2', 'autoscaling', 'route53', 'rds', 'lambda'] as const).map((d) => this.refreshDataset(d)));
    await this.refreshDataset('cloudwatch');
  }

  /** `settings`: read the rarely-changing settings too (on demand), whatever their age. */
  async refreshDataset(dataset: AwsDataset, options: { settings?: boolean } = {}): Promise<void> {
    if (options.settings) this.settingsDue.add(dataset);
    if (this.stopped || !this.connected) return;
    // Only the parts this dataset writes can change: compare those, not the whole inventory.
    const written = WRITTEN_KEYS[dataset];
    const before = written.map((key) => JSON.stringify(this.inventory[key]));
    const update: Update = { scalingActivities: [], alarmHistory: [], rdsEvents: [], timeline: [], accessLog: [], metrics: [] };
    const partial: AwsCallError[] = [];
    // Datasets refresh concurrently: each checks and, if need be, restores only its own part.
    const keys = INVENTORY_KEYS[dataset];
    const kept = structuredClone(Object.fromEntries(keys.map((key) => [key, this.inventory[key]])));
    try {
      await this.fetch(dataset, update, partial);
      if (this.stopped) return;
      // A response that does not have the shape AWS documents (a proxy, an emulator, a bug) must not
      // reach the screen half-mapped: keep the last good data and say what was wrong.
      const checked = Inventory.pick(Object.fromEntries(keys.map((key) => [key, true])) as Partial<Record<keyof Inventory, true>>).safeParse(this.inventory);
      if (!checked.success) {
        Object.assign(this.inventory, kept);
        const issue = checked.error.issues[0];
        throw awsCallError('other', 'MalformedResponse', `${dataset}: a response did not have the shape AWS documents (${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'})`, dataset, 'Describe');
      }
      const first = partial[0];
      if (this.state.credentialState === 'offline') this.setSession({ credentialState: 'connected', credentialMessage: undefined, credentialHint: undefined });
      this.datasets[dataset] = {
        state: 'ok',
        fetchedAt: this.clock.now(),
        // A secondary call failed (e.g. alarm history): the rest is fresh, the gap is named.
        ...(first ? { error: { code: first.params.awsCode, message: partial.map((e) => e.message).join(' '), ...(awsCallHint(first) ? { hint: awsCallHint(first) } : {}), problem: this.problemFor(first) } } : {}),
      };
    } catch (error) {
      if (this.stopped) return;
      this.markFailed(dataset, error);
      if (isAwsCallError(error) && NETWORK_CODES.has(error.params.awsCode)) await this.confirmOffline(error);
    }
    if (this.stopped) return;
    update.datasets = this.datasetStatuses();
    if (written.some((key, i) => JSON.stringify(this.inventory[key]) !== before[i])) update.inventory = this.currentInventory();
    for (const listener of this.listeners) listener(update);
  }

  private offlineProbe: Promise<void> | undefined;

  /**
   * One dataset could not reach its service: is the network gone, or only that endpoint? STS is
   * asked once (GetCallerIdentity needs no permission); if it cannot be reached either, the session
   * is offline now, within the failing dataset's poll interval, instead of after every dataset (the
   * slowest polls every two minutes) has failed in turn.
   */
  private confirmOffline(cause: AwsCallError): Promise<void> {
    if (this.state.credentialState !== 'connected') return Promise.resolve();
    this.offlineProbe ??= (async () => {
      try {
        await this.clients.sts.send(new GetCallerIdentityCommand({}));
      } catch (error) {
        const unreachable = isNetworkError(error) || (isAwsCallError(error) && NETWORK_CODES.has(error.params.awsCode));
        if (unreachable && !this.stopped && this.state.credentialState === 'connected') {
          this.setSession({ credentialState: 'offline', credentialMessage: `Cannot reach AWS: ${cause.message}`, credentialHint: 'Flightdeck keeps polling and shows the last data it had, with its age.' });
        }
      } finally {
        this.offlineProbe = undefined;
      }
    })();
    return this.offlineProbe;
  }

  private markFailed(dataset: AwsDataset, error: unknown): void {
    const previous = this.datasets[dataset];
    const e = isAwsCallError(error) ? error : undefined;
    const status: DatasetStatus = {
      state: previous?.fetchedAt !== undefined ? 'stale' : 'error',
      ...(previous?.fetchedAt !== undefined ? { fetchedAt: previous.fetchedAt } : {}),
      error: { code: e?.params.awsCode ?? 'Error', message: e?.message ?? (error instanceof Error ? error.message : String(error)), ...(e && awsCallHint(e) ? { hint: awsCallHint(e) } : {}), problem: this.problemFor(error) },
    };
    this.datasets[dataset] = status;
    // Every service unreachable for the network's sake: the whole session is offline (polling goes on).
    if (e && NETWORK_CODES.has(e.params.awsCode) && this.state.credentialState === 'connected') {
      const allDown = AWS_DATASETS.every((d) => this.datasets[d]?.error && NETWORK_CODES.has(this.datasets[d]!.error!.code) && this.datasets[d]!.state !== 'ok');
      if (allDown) this.setSession({ credentialState: 'offline', credentialMessage: `Cannot reach AWS: ${e.message}`, credentialHint: 'Flightdeck keeps polling and shows the last data it had, with its age.' });
    }
    if (e?.params.kind === 'credentials') {
      const problem = describeCredentialError(unwrap(error), this.profile, this.kind);
      status.error = { code: e.params.awsCode, message: problem.message, hint: problem.hint, problem: { code: problem.code, params: problem.params } };
      this.setProblem({ ...problem, category: 'credentials' });
    }
  }

  /** A dataset's failure as a code + parameters (dataset-problem.ts), with its service's endpoint and proxy. */
  private problemFor(error: unknown): Problem {
    const service = isAwsCallError(error) ? error.params.service : undefined;
    const endpoint = service ? resolveEndpoints(this.files, this.configProfile, this.env)[service] : undefined;
    let proxy: string | undefined;
    if (service) {
      const url = new URL(endpoint ?? defaultEndpoint(service, this.region));
      const secure = url.protocol === 'https:';
      proxy = AwsNetworkAgent.proxyFor(secure, url.hostname, Number(url.port) || (secure ? 443 : 80));
    }
    return datasetProblem(error, { region: this.region, profile: this.profile, kind: this.kind, ...(endpoint ? { endpoint } : {}), ...(proxy ? { proxy } : {}) });
  }

  /** Whether this poll may reuse the settings held for `dataset` (they are recent and not asked for). */
  private reuseSettings(dataset: AwsDataset, now: number): boolean {
    const readAt = this.settingsReadAt[dataset];
    return !this.settingsDue.has(dataset) && readAt !== undefined && now - readAt < this.settingsIntervalMs;
  }

  private settingsRead(dataset: AwsDataset, reused: boolean, now: number): void {
    if (reused) return;
    this.settingsReadAt[dataset] = now;
    this.settingsDue.delete(dataset);
  }

  private async fetch(dataset: AwsDataset, update: Update, partial: AwsCallError[]): Promise<void> {
    const now = this.clock.now();
    const reuse = this.reuseSettings(dataset, now);
    /** A secondary call whose failure must not discard the dataset's main data. */
    const optional = async <T>(read: () => Promise<T>): Promise<T | undefined> => {
      try {
        return await read();
      } catch (error) {
        if (!isAwsCallError(error) || error.params.kind === 'credentials') throw error;
        partial.push(error);
        return undefined;
      }
    };
    switch (dataset) {
      case 'elbv2': {
        const targets = reuse ? this.reusableTargetHealth(now) : new Map();
        const found = await discoverLoadBalancing(this.clients.elbv2, { ...(reuse ? { listeners: listenersOf(this.inventory.loadBalancers) } : {}), targets });
        this.inventory.loadBalancers = found.loadBalancers;
        this.inventory.targetGroups = found.targetGroups;
        this.settingsRead(dataset, reuse, now);
        for (const tg of found.targetGroups) {
          if (!targets.has(tg.targetGroupArn)) this.targetHealthReads.set(tg.targetGroupArn, { at: now, instances: attachedInstances(tg.targetGroupArn, this.inventory.autoScalingGroups) });
        }
        for (const arn of this.targetHealthReads.keys()) if (!found.targetGroups.some((tg) => tg.targetGroupArn === arn)) this.targetHealthReads.delete(arn);
        return;
      }
      case 'autoscaling': {
        this.inventory.autoScalingGroups = await discoverAutoScaling(this.clients.autoscaling, now, reuse ? autoScalingSettingsOf(this.inventory.autoScalingGroups) : undefined);
        this.settingsRead(dataset, reuse, now);
        update.metrics.push(...this.capacity.sample(this.inventory.autoScalingGroups, now));
        // Which period the groups' EC2 CPU is published at (CloudWatch, at most every 30 minutes).
        const groups = this.inventory.autoScalingGroups;
        await optional(() => this.cpuMonitoring.update(this.clients.cloudwatch, groups.map((g) => g.autoScalingGroupName), now));
        for (const group of groups) {
          const monitoring = this.cpuMonitoring.of(group.autoScalingGroupName);
          if (monitoring) group.instanceMonitoring = monitoring;
        }
        const activities = (await optional(() => discoverScalingActivities(this.clients.autoscaling, this.activities))) ?? [];
        for (const activity of activities.reverse()) {
          const previous = this.activities.get(activity.activityId);
          if (previous && JSON.stringify(previous) === JSON.stringify(activity)) continue;
          this.activities.set(activity.activityId, activity);
          update.scalingActivities.push(activity);
        }
        while (this.activities.size > MAX_HELD_EVENTS) this.activities.delete(this.activities.keys().next().value!);
        return;
      }
      case 'route53': {
        const found = await discoverRoute53(this.clients.route53, reuse ? nameServersOf(this.inventory.hostedZones) : undefined);
        this.settingsRead(dataset, reuse, now);
        Object.assign(this.inventory, found);
        return;
      }
      case 'rds': {
        this.inventory.dbInstances = await discoverDbInstances(this.clients.rds);
        const events = await optional(() => discoverRdsEvents(this.clients.rds, new Date(this.historySince.rds), new Date(now)));
        if (!events) return;
        const fresh = mergeNew(this.rdsEvents, events, (e) => `${e.sourceIdentifier}|${e.date}|${e.message}`);
        this.rdsEvents = [...this.rdsEvents, ...fresh].slice(-MAX_HELD_EVENTS);
        update.rdsEvents.push(...fresh);
        // Overlap a minute: RDS may record an event with a time slightly before it becomes visible.
        this.historySince.rds = now - 60_000;
        return;
      }
      case 'lambda': {
        this.inventory.lambdaFunctions = await discoverLambdaFunctions(this.clients.lambda, reuse ? concurrencyOf(this.inventory.lambdaFunctions) : undefined);
        this.settingsRead(dataset, reuse, now);
        const account = await optional(() => discoverLambdaAccount(this.clients.lambda));
        if (account) this.inventory.lambdaAccount = account;
        else delete this.inventory.lambdaAccount;
        return;
      }
      case 'cloudwatch': {
        this.inventory.alarms = await discoverAlarms(this.clients.cloudwatch);
        const history = await optional(() => discoverAlarmHistory(this.clients.cloudwatch, new Date(this.historySince.alarms), new Date(now)));
        if (history) {
          const fresh = mergeNew(this.alarmHistory, history, (h) => `${h.alarmName}|${h.timestamp}|${h.newState}`);
          this.alarmHistory = [...this.alarmHistory, ...fresh].slice(-MAX_HELD_EVENTS);
          update.alarmHistory.push(...fresh);
          this.historySince.alarms = now - 60_000;
        }
        // Group metrics a group does not collect have no CloudWatch data: they are sampled instead.
        const keys = standardMetricKeys(this.inventory).filter((key) => !this.capacity.has(key));
        update.metrics.push(...(await this.metrics.poll(keys, now)));
        partial.push(...this.metrics.lastFailures);
        this.applyReplicaLag();
        return;
      }
    }
  }

  private reusableTargetHealth(now: number) {
    return reusableTargetHealth({
      now,
      targetGroups: this.inventory.targetGroups,
      autoScalingGroups: this.inventory.autoScalingGroups,
      reads: this.targetHealthReads,
      latestCount: (metricName, tg) => {
        const values = tg.loadBalancerArns.map((lb) => this.metrics.latestOf('AWS/ApplicationELB', metricName, { LoadBalancer: loadBalancerDimension(lb), TargetGroup: targetGroupDimension(tg.targetGroupArn) }));
        const known = values.filter((v): v is number => v !== undefined);
        return known.length ? Math.max(...known) : undefined;
      },
    });
  }

  /** DbInstance.replicaLagSeconds comes from the latest AWS/RDS ReplicaLag datapoint. */
  private applyReplicaLag(): void {
    for (const db of this.inventory.dbInstances) {
      if (db.readReplicaSourceDBInstanceIdentifier === undefined) continue;
      const lag = this.metrics.latest('AWS/RDS', 'ReplicaLag', 'DBInstanceIdentifier', db.dbInstanceIdentifier);
      if (lag !== undefined) db.replicaLagSeconds = lag;
    }
  }

  private currentInventory(): Inventory {
    return structuredClone(this.inventory);
  }

  /** Each dataset's status, with `stale` for data older than STALE_AFTER_INTERVALS intervals. */
  datasetStatuses(): DatasetStatuses {
    const now = this.clock.now();
    const result: DatasetStatuses = {};
    for (const dataset of AWS_DATASETS) {
      const status = this.datasets[dataset];
      if (!status) continue;
      const aged = status.state === 'ok' && status.fetchedAt !== undefined && now - status.fetchedAt > STALE_AFTER_INTERVALS * this.intervals[dataset];
      result[dataset] = aged ? { ...status, state: 'stale' } : { ...status };
      // An SDK error can quote an endpoint URL with its userinfo.
      if (status.error) {
        const { problem } = status.error;
        result[dataset]!.error = {
          ...status.error,
          message: redactText(status.error.message, this.secrets),
          ...(status.error.hint ? { hint: redactText(status.error.hint, this.secrets) } : {}),
          ...(problem ? { problem: { code: problem.code, params: Object.fromEntries(Object.entries(problem.params).map(([k, v]) => [k, redactText(v, this.secrets)])) } } : {}),
        };
      }
    }
    return result;
  }

  snapshot(): Snapshot {
    return {
      session: this.session,
      inventory: this.currentInventory(),
      scalingActivities: [...this.activities.values()],
      alarmHistory: [...this.alarmHistory],
      rdsEvents: [...this.rdsEvents],
      timeline: [],
      accessLog: [],
      metrics: [...this.metrics.series(), ...this.capacity.series()] as MetricSeries[],
      datasets: this.datasetStatuses(),
    };
  }

  async traceDns(request: RequestOf<'dns.trace'>): Promise<DnsTrace> {
    if (!this.connected) throw new CoreError('NotConnected', `Not connected to AWS (${this.state.credentialState}): ${this.state.credentialHint ?? 'Retry'}`, { credentialState: this.state.credentialState });
    return traceDnsOnAws(this.clients.route53, request, { inventory: this.inventory });
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
      (error: unknown) => this.setSession({ credentialMessage: `SSO sign-in did not complete: ${error instanceof Error ? error.message : String(error)}` }),
    );
    return prompt;
  }
}

/** The underlying SDK error of an AwsCallError (its code and message drive the credential state). */
function unwrap(error: unknown): unknown {
  if (isAwsCallError(error)) return Object.assign(new Error(error.message), { name: error.params.awsCode });
  return error;
}

function mergeNew<T>(held: T[], found: T[], key: (item: T) => string): T[] {
  const seen = new Set(held.map(key));
  const fresh: T[] = [];
  for (const item of found) {
    const k = key(item);
    if (seen.has(k)) continue;
    seen.add(k);
    fresh.push(item);
  }
  return fresh;
}
