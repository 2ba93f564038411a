/**
 * A bundled scenario run the way the app runs it: SimSource (the real engine) followed by the
 * session manager's health monitor, stepped in simulated time with the pushes it would make.
 */
import { applyHealthDelta, type HealthReport, type HealthService, type ResourceHealth, type ServiceHealth } from '../../src-main/core/contract/model';
import { readScenario } from '../../src-main/core/scenario-files';
import { SessionManager } from '../../src-main/core/session/session-manager';
import { SimSource } from '../../src-main/core/sources/sim/sim-source';

const stillWallClock = { now: () => 0, every: () => () => undefined };

export class HealthTimeline {
  readonly source: SimSource;
  readonly sessions: SessionManager;
  /** Every report pushed with an update, in order. */
  readonly pushed: HealthReport[] = [];

  /** `coldStart`: the stack is created at StartTime (Simulation.ColdStart) instead of already running. */
  constructor(scenario: string, options: { coldStart?: boolean; leadInSeconds?: number } = {}) {
    const model = readScenario(scenario);
    const loaded = options.coldStart ? { ...model, simulation: { ...model.simulation, coldStart: true } } : model;
    const leadIn = options.leadInSeconds;
    this.source = new SimSource(loaded, { wallClock: stillWallClock, paused: true, ...(leadIn !== undefined ? { leadIn: () => leadIn } : {}) });
    this.sessions = new SessionManager(this.source);
    // Pushes carry deltas (contract/health-delta.ts): each pushed report is the one before with its delta applied.
    let held: HealthReport | undefined;
    this.sessions.attach({
      update: (update) => {
        if (!update.healthDelta) return;
        held = applyHealthDelta(held ?? this.sessions.snapshot().health!, update.healthDelta);
        this.pushed.push(held);
      },
      sessionChanged: () => undefined,
      actionProgress: () => undefined,
    });
    held = this.sessions.snapshot().health;
  }

  /** Advance to `minutes` after the scenario's start (never backwards). */
  at(minutes: number): this {
    const target = this.source.engine.startTime + minutes * 60_000;
    const seconds = Math.round((target - this.source.engine.now) / 1000);
    if (seconds > 0) this.source.step(seconds);
    return this;
  }

  /** The verdicts a client connecting now would get. */
  get report(): HealthReport {
    return this.sessions.snapshot().health!;
  }

  service(key: HealthService): ServiceHealth {
    return this.report.services.find((s) => s.service === key)!;
  }

  resource(kind: ResourceHealth['kind'], name: string): ResourceHealth {
    const found = this.report.resources.find((r) => r.kind === kind && r.name === name);
    if (!found) throw new Error(`no ${kind} named ${name} in ${this.report.resources.filter((r) => r.kind === kind).map((r) => r.name).join(', ')}`);
    return found;
  }

  inject(type: string, parameters: Record<string, unknown>, durationSeconds?: number): this {
    this.source.injectFault(type, parameters, durationSeconds);
    return this;
  }

  /** `service status: code subject …` lines, for readable failure messages. */
  describe(): string {
    return this.report.services.map((s) => `${s.service} ${s.status}: ${s.reasons.map((r) => `${r.status} ${r.code} ${r.subject} ${JSON.stringify(r.params)}`).join('; ')}`).join('\n');
  }
}
