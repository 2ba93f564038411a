/**
 * The one redaction every text from a credential failure passes before it leaves the main process
 * (message, hint and each parameter — a credential_process's stderr is one the window shows): the
 * shared files' secret values and the patterns of core/redact.ts (URL userinfo, secret assignments,
 * `Bearer <token>`, JWTs, `--password x`, the "Command failed:" command line), then what a credential
 * helper is apt to print besides: access key ids, 40-character secret keys, long token-like runs.
 * Better a masked harmless string than a leaked key.
 */
import { redactText, REDACTED } from '../../../redact';

const PATTERNS: [RegExp, string][] = [
  [/\b(A3T[A-Z0-9]|AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{12,}\b/g, '[access key id]'],
  // Names core/redact.ts does not treat as secret keys (`SessionToken` and `Secret…` it does).
  [/((?:session|credential|api[_-]?key)[\w-]{0,64}\s*[=:]\s*)(?!\[redacted\])("[^"]*"|'[^']*'|[^\s,;&}]+)/gi, `$1${REDACTED}`],
  [/(?<![A-Za-z0-9/+=])[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])/g, REDACTED],
  [/[A-Za-z0-9/+=]{100,}/g, REDACTED],
];

export function redactCredentialText(text: string, secrets: readonly string[] = []): string {
  let result = redactText(text, secrets);
  for (const [pattern, replacement] of PATTERNS) result = result.replace(pattern, replacement);
  return result;
}

/** Every text of a problem (message, hint, parameters) through redactCredentialText. */
export function redactProblem<P extends { message: string; hint: string; params: Record<string, string> }>(problem: P, secrets: readonly string[]): P {
  const params = Object.fromEntries(Object.entries(problem.params).map(([key, value]) => [key, redactCredentialText(value, secrets)]));
  return { ...problem, message: redactCredentialText(problem.message, secrets), hint: redactCredentialText(problem.hint, secrets), params };
}
