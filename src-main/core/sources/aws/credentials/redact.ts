/**
 * Masking what looks like a secret in text that came from outside (a credential_process's stderr,
 * an SDK message): access key ids, 40-character secret keys, session tokens and `key=value`
 * pairs named like secrets. Better a masked harmless string than a leaked key.
 */
const PATTERNS: [RegExp, string][] = [
  [/\b(A3T[A-Z0-9]|AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{12,}\b/g, '[access key id]'],
  [/((?:secret|password|passwd|token|session|credential|authorization|api[_-]?key)[\w-]*\s*[=:]\s*)("[^"]*"|'[^']*'|\S+)/gi, '$1[redacted]'],
  [/(?<![A-Za-z0-9/+=])[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])/g, '[redacted]'],
  [/[A-Za-z0-9/+=]{100,}/g, '[redacted]'],
];

export function redactText(text: string): string {
  let result = text;
  for (const [pattern, replacement] of PATTERNS) result = result.replace(pattern, replacement);
  return result;
}
