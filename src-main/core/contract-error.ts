/**
 * The one place an error becomes the contract's `{ code, message, problem, problems }` (issue 9):
 * a CoreError keeps its code and gives its problem code with its params (or its refusal, for a
 * refused control action) for the window to translate; anything else is `Internal`. Texts are
 * redacted (they may quote an endpoint URL or a command line) and bounded as the contract bounds them.
 */
import { type ContractError, MAX_SCENARIO_PROBLEMS, type RequestChannel, type RequestProblem, requests, type ScenarioProblem } from './contract';
import { CoreError } from './core-error';
import { redactText } from './redact';
import { refusalCarriedBy } from './rules/refusal-text';
import { wrappedReason } from './sources/sim/scenario/diagnostics';
import { firstParameterProblem } from './sources/sim/sim-refusals';

const MAX_MESSAGE = 4000;

export function toContractError(error: unknown): ContractError {
  if (!(error instanceof CoreError)) {
    return { code: 'Internal', message: bounded(error instanceof Error ? error.message : String(error)) };
  }
  const problem = problemOf(error);
  return { code: error.code, message: bounded(error.message), ...(problem ? { problem } : {}), ...problemsOf(error) };
}

/**
 * A request the contract's schema refused (contract parseRequest): its English error as it was, with
 * the first problem worded as the scenario loader words a value (`request.invalidValue` wrapping a
 * `value.*` code, `field` the path) — a value typed past a form's own checks reads in the window's language.
 */
export function invalidRequestError(channel: RequestChannel, payload: unknown, error: ContractError): ContractError {
  const first = firstParameterProblem(requests[channel].request, payload ?? {});
  if (!first) return error;
  const reason = first.detail ? wrappedReason(first.detail, first.message) : { reason: first.message };
  return { ...error, problem: { code: 'request.invalidValue', params: flat({ channel, field: first.path || 'request', ...reason }) } };
}

/** The error's problem code and its params (flat: lists joined, booleans as words), or its refusal's. */
export function problemOf(error: CoreError): RequestProblem | undefined {
  if (error.problem) return { code: error.problem, params: flat(error.params) };
  const refusal = refusalCarriedBy(error);
  if (refusal) return { code: `refusal.${refusal.code}`, params: flat(refusal.params) };
  return undefined;
}

function flat(params: Readonly<Record<string, unknown>>): RequestProblem['params'] {
  const out: RequestProblem['params'] = {};
  for (const [key, value] of Object.entries(params).slice(0, 50)) {
    if (value === undefined || value === null) continue;
    if (typeof value === 'number' && Number.isFinite(value)) out[key.slice(0, 64)] = value;
    else out[key.slice(0, 64)] = boundedParam(Array.isArray(value) ? value.join(', ') : String(value));
  }
  return out;
}

/**
 * A parameter is a value (a name, a number, an input as given): cut before it is redacted, since
 * redacting grows with the square of the text (a 100,000-character input took 20 s); the margin
 * keeps a secret that straddles the cut whole for the redaction to find.
 */
const MAX_PARAM = 1000;
const boundedParam = (text: string): string => redactText(text.slice(0, MAX_PARAM + 1000)).slice(0, MAX_PARAM);

const bounded = (text: string): string => redactText(text).slice(0, MAX_MESSAGE);

/** A refused scenario load's problems, bounded and redacted like the message they restate. */
function problemsOf(error: CoreError): { problems?: ScenarioProblem[] } {
  if (!error.problems?.length) return {};
  return {
    problems: error.problems.slice(0, MAX_SCENARIO_PROBLEMS).map((problem) => ({
      ...problem,
      params: Object.fromEntries(Object.entries(problem.params).map(([key, value]) => [key, typeof value === 'string' ? bounded(value) : value])),
    })),
  };
}
