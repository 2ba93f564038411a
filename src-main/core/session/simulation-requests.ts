/**
 * The simulator's requests (sim.*) behind the host: clock control, scenarios, fault kinds, fault
 * injection and stopping. What is simulator-specific — reading and validating a scenario, turning
 * its diagnostics into one refusal, describing fault parameters — happens here and beside the
 * simulator, so core-host only dispatches. Changes that start a new session identity (reset, a
 * scenario load) and fault injection go through the session manager: audited, announced once.
 */
import { type BacktestProgress, MAX_BACKTEST_SECONDS, MAX_SCENARIO_PROBLEMS, type RequestOf, type ResponseOf, type ScenarioProblem, type SimClock } from '../contract';
import { BacktestCancelled, BacktestRangeError, exampleChange, runBacktest } from '../sources/sim/backtest/run-backtest';
import { CoreError } from '../core-error';
import { bundledScenarios, readScenario } from '../scenario-files';
import type { SimulationControls } from '../sources/data-source';
import { describeFaultKinds } from '../sources/sim/fault-kinds';
import { type Diagnostic, formatDiagnostic, ScenarioError } from '../sources/sim/scenario/diagnostics';
import { parameterFileDiagnostic, ParameterValuesError, parseParameterFile } from '../sources/sim/scenario/parameter-values';
import { loadScenario, type ScenarioModel } from '../sources/sim/scenario/load-scenario';
import type { SessionManager } from './session-manager';

/** A backtest's default length in a window: two hours of each run. */
const DEFAULT_BACKTEST_SECONDS = 2 * 3600;

export class SimulationRequests {
  /** The running backtest's stop switch; one at a time per host (each is two whole simulations). */
  private backtest?: AbortController;

  constructor(
    private readonly sessions: SessionManager,
    private readonly events: { backtestProgress?: (progress: BacktestProgress) => void } = {},
  ) {}

  private controls(reason = 'only available in simulation mode', problem: 'simulation.only' | 'simulation.clockOnly' | 'simulation.backtestOnly' = 'simulation.only'): SimulationControls {
    const control = this.sessions.active.control;
    if (!control) throw new CoreError('NotSupported', reason, {}, { problem });
    return control;
  }

  async control(request: RequestOf<'sim.control'>): Promise<SimClock> {
    const control = this.controls('the clock can only be controlled in simulation mode', 'simulation.clockOnly');
    switch (request.command) {
      case 'pause':
        control.pause();
        break;
      case 'resume':
        control.resume();
        break;
      case 'step':
        control.step(request.seconds);
        break;
      case 'setSpeed':
        control.setSpeed(request.speed);
        break;
      case 'reset':
        // Audited, and every confirmation prepared on the old run is dropped.
        await this.sessions.resetSimulation();
        break;
    }
    return control.clock();
  }

  scenarios(): ResponseOf<'sim.scenarios.list'> {
    return { current: this.controls().scenarioName, scenarios: bundledScenarios() };
  }

  async loadScenario(request: RequestOf<'sim.scenario.load'>): Promise<ResponseOf<'sim.scenario.load'>> {
    // NotSupported outside simulation, before any parsing.
    this.controls();
    const scenario = parseScenarioRequest(request);
    // Audited, and every confirmation prepared on the old engine is dropped.
    const session = await this.sessions.loadScenario(scenario);
    return {
      session,
      warnings: scenario.warnings.map((w) => formatDiagnostic(scenario.file, w)),
      problems: scenario.warnings.slice(0, MAX_SCENARIO_PROBLEMS).map((warning) => toProblem(scenario.file, warning)),
      notices: (scenario.notices ?? []).slice(0, 100),
    };
  }

  faultKinds(): ResponseOf<'sim.faultKinds'> {
    return describeFaultKinds();
  }

  async injectFault(request: RequestOf<'sim.fault.inject'>): Promise<ResponseOf<'sim.fault.inject'>> {
    try {
      return await this.sessions.injectFault(request.type, request.parameters, request.durationSeconds);
    } catch (error) {
      throw asInvalidRequest(error);
    }
  }

  runningFaults(): ResponseOf<'sim.faults.running'> {
    return this.controls().runningFaults();
  }

  backtestExample(): ResponseOf<'sim.backtest.example'> {
    return { change: exampleChange(this.controls().scenario), durationSeconds: DEFAULT_BACKTEST_SECONDS };
  }

  /**
   * Runs the loaded scenario twice headless, yielding to the event loop every few simulated minutes
   * so the host keeps answering (the live simulation, other windows) and a cancel can arrive.
   */
  async runBacktest(request: RequestOf<'sim.backtest.run'>): Promise<ResponseOf<'sim.backtest.run'>> {
    const scenario = this.controls('a backtest replays a simulated scenario: switch to the simulator first', 'simulation.backtestOnly').scenario;
    if (this.backtest) throw new CoreError('Busy', 'a backtest is already running: wait for it or cancel it', {}, { problem: 'backtest.busy' });
    const observed = request.observed ?? scenario.twin?.observed;
    const abort = new AbortController();
    this.backtest = abort;
    try {
      return await runBacktest(scenario, {
        change: request.change,
        changeFile: 'change.yaml',
        durationSeconds: request.durationSeconds,
        ...(request.seed !== undefined ? { seed: request.seed } : {}),
        ...(request.cpuThreshold !== undefined ? { cpuThreshold: request.cpuThreshold } : {}),
        // A twin is compared with the account it copies unless the request brings its own series (docs/twin.md).
        ...(observed ? { observed } : {}),
        signal: abort.signal,
        onProgress: (progress) => this.events.backtestProgress?.(progress),
        pause: () => new Promise<void>((resolve) => setImmediate(resolve)),
      });
    } catch (error) {
      if (error instanceof BacktestCancelled) throw new CoreError('Cancelled', error.message, {}, { problem: 'backtest.cancelled' });
      if (error instanceof BacktestRangeError) throw new CoreError('InvalidRequest', error.message, { maxHours: MAX_BACKTEST_SECONDS / 3600, seconds: request.durationSeconds }, { problem: 'backtest.durationOutOfRange' });
      if (error instanceof ScenarioError) throw scenarioRefused(error);
      throw error;
    } finally {
      if (this.backtest === abort) this.backtest = undefined;
    }
  }

  cancelBacktest(): ResponseOf<'sim.backtest.cancel'> {
    if (!this.backtest) return { cancelled: false };
    this.backtest.abort();
    return { cancelled: true };
  }

  async stopFault(request: RequestOf<'sim.fault.stop'>): Promise<ResponseOf<'sim.fault.stop'>> {
    try {
      // Audited like an injection (session-manager.ts).
      return await this.sessions.stopFault(request.id);
    } catch (error) {
      throw asInvalidRequest(error);
    }
  }
}

/** A bundled scenario by name, or an opened file's text; every error (file, line, path) in one refusal. */
export function parseScenarioRequest(request: RequestOf<'sim.scenario.load'>): ScenarioModel {
  try {
    return 'name' in request ? readScenario(request.name) : loadOpenedFile(request);
  } catch (error) {
    // The values the window sent (not a file of its own): refused like a parameters file, named `parameters`.
    if (error instanceof ParameterValuesError) throw scenarioRefused(new ScenarioError('parameters', [parameterFileDiagnostic(error)], 'parameters file'));
    // The running simulation is untouched.
    if (error instanceof ScenarioError) throw scenarioRefused(error);
    throw error;
  }
}

/**
 * A refused scenario (or change file): its errors as codes, so a window lists them in its language
 * (`problems`); the message stays for the CLI and logs.
 */
function scenarioRefused(error: ScenarioError): CoreError {
  const errors = error.diagnostics.filter((d) => d.severity === 'error');
  return new CoreError('InvalidRequest', errors.map((d) => formatDiagnostic(error.file, d)).join('\n'), { count: errors.length }, { problem: 'scenario.refused', problems: errors.slice(0, MAX_SCENARIO_PROBLEMS).map((d) => toProblem(error.file, d)) });
}

/** The simulator refuses a fault it cannot apply with a plain message: that is the request's fault. */
function asInvalidRequest(error: unknown): CoreError {
  if (error instanceof CoreError) return error;
  return new CoreError('InvalidRequest', error instanceof Error ? error.message : String(error));
}

/** A scenario the window opened, with its template, parameter values and stack name (as `sim run --template`). */
function loadOpenedFile(request: { fileName: string; yaml: string; template?: { fileName: string; yaml: string }; parameters?: string; stackName?: string }): ScenarioModel {
  return loadScenario(request.yaml, {
    file: request.fileName,
    ...(request.template ? { template: { file: request.template.fileName, text: request.template.yaml } } : {}),
    ...(request.parameters !== undefined && request.parameters.trim() !== '' ? { parameters: parseParameterFile(request.parameters) } : {}),
    ...(request.stackName !== undefined ? { stackName: request.stackName } : {}),
  });
}

/**
 * A diagnostic as it crosses the contract: its code and parameters, or `scenario.problem` with the
 * English text for a diagnostic not yet given a code. It always names its file (the scenario's when
 * the diagnostic is in no other), so the window shows file:line like the CLI.
 */
function toProblem(file: string, diagnostic: Diagnostic): ScenarioProblem {
  return {
    severity: diagnostic.severity,
    code: diagnostic.code ?? 'scenario.problem',
    // Bounded as the contract bounds them: a long list in a message must not refuse the whole response.
    params: Object.fromEntries(Object.entries(diagnostic.params ?? { message: diagnostic.message }).map(([key, value]) => [key, typeof value === 'string' ? value.slice(0, 4000) : value])),
    file: (diagnostic.file ?? file).slice(-1000),
    path: diagnostic.path.slice(0, 1000),
    line: diagnostic.line,
    column: diagnostic.column,
  };
}
