/**
 * Secrets never leave the main process: every text that goes to a window (profile listings,
 * session info, errors, snapshots) passes through here first. Pure functions, no I/O.
 *
 * What counts as secret:
 * - values of config keys that hold one: aws_secret_access_key, aws_session_token (and the older
 *   aws_security_token), credential_process (its command line may carry passwords or tokens),
 *   and any key whose name contains password, secret or token — except `*_file` keys, which name
 *   a file (web_identity_token_file) rather than hold the secret;
 * - the userinfo (`user:password@`) of any URL, and URL query parameters with such names;
 * - the command line in a child_process failure ("Command failed: …"), which is how
 *   @aws-sdk/credential-provider-process reports a credential_process that failed;
 * - the token of an HTTP authorization (`Bearer <token>`, `Basic <base64>`: the scheme word stays,
 *   RFC 9110 §11.4), any other `Authorization:` value, JWT-looking strings (`eyJ….….…`), and the
 *   value after a secret-named command-line flag (`--password hunter2`), as a failing credential
 *   helper prints them to stderr.
 */

export const REDACTED = '[redacted]';

/** Config keys that hold secrets (docs.aws.amazon.com/sdkref/latest/guide/settings-reference.html). */
export function isSecretKey(key: string): boolean {
  const k = key.toLowerCase();
  if (k.endsWith('_file')) return false;
  return k === 'credential_process' || /password|passwd|secret|token|private_key|passphrase/.test(k);
}

/** The command's program name only (no directory, no arguments): `/opt/bin/vault-creds --x y` → `vault-creds`. */
export function credentialProcessProgram(command: string): string {
  const trimmed = command.trim();
  const quoted = /^(["'])(.*?)\1/.exec(trimmed);
  const program = quoted ? quoted[2]! : (trimmed.split(/\s+/)[0] ?? '');
  return program.split(/[\\/]/).pop() ?? '';
}

/*
 * Every run in these patterns is bounded (a scheme of at most 32 characters, a query key of at most 64
 * and a config key of at most 128 either side of its secret word, userinfo of at most 512): unbounded, each pattern rescanned a long
 * run of letters from every position in it, and 100,000 letters took 52 s (91 s for "a.a.a…"), all of
 * it on the host's one thread — an AWS error message from a hostile endpoint, or a request's text,
 * could stop the host. Real keys, schemes and userinfo are far shorter than the bounds.
 */
const URL_USERINFO = /\b([a-z][a-z0-9+.-]{0,31}:\/\/)[^\s/?#@]{1,512}@/gi;
const SECRET_QUERY = /([?&][^=&#\s]{0,64}?(?:password|passwd|secret|token|signature|credential)[^=&#\s]{0,64}=)[^&#\s]*/gi;
// `key = value`, `key: value`, `"key": "value"` for secret-looking keys. A key name starts where a run of key characters starts (the lookbehind), so a long run is tried
// once, not from each of its positions; the rest of the name is taken whole, `(?=(…))\2` (an atomic
// group): it cannot end in a quote, space, colon or equals sign, so giving characters back could
// never help. Names of up to 128 characters either side of the secret word are found.
const SECRET_ASSIGNMENT = /(["']?(?<![a-z0-9_.-])[a-z0-9_.-]{0,128}?(?:password|passwd|secret|token|credential_process|private_key|passphrase)(?=([a-z0-9_.-]{0,128}))\2(?<!_file)["']?\s*[:=]\s*)("[^"]*"|'[^']*'|[^\s,;&}]+)/gi;
/**
 * `Bearer <token>`, `Basic <credentials>` …: the scheme stays, the token (8+ token68 characters, RFC 9110
 * §11.4, with a digit or punctuation in it, so that "Basic authentication failed" stays prose) goes.
 */
const AUTH_SCHEME_TOKEN = /\b(Bearer|Basic|Digest|Negotiate|NTLM|AWS4-HMAC-SHA256)(\s+)(?=[A-Za-z]{0,4096}[0-9._~+/=,:-])[A-Za-z0-9._~+/=,:-]{8,4096}/gi;
/** An `Authorization:` value with no scheme word before it. */
const AUTHORIZATION_VALUE = /(\b(?:proxy-)?authorization["']?\s*[:=]\s*)(?!\[redacted\]|(?:Bearer|Basic|Digest|Negotiate|NTLM|AWS4-HMAC-SHA256)\s)("[^"]*"|'[^']*'|[^\s,;&}]+)/gi;
/** A JWT (header.payload.signature, base64url; the header always starts `eyJ`, `{"`): started only where a run of such characters starts, so it is linear. */
const JWT = /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{2,4096}\.[A-Za-z0-9_-]{1,8192}\.[A-Za-z0-9_-]{0,4096}/g;
/** `--password hunter2`, `-token abc`: the value after a secret-named flag (the `=` form is SECRET_ASSIGNMENT's). */
const SECRET_FLAG = /((?<![A-Za-z0-9_-])--?[a-z0-9_-]{0,64}(?:password|passwd|secret|token|passphrase|api[_-]?key)[a-z0-9_-]{0,64}[ \t]+)(?!-)("[^"]*"|'[^']*'|[^\s"']+)/gi;
/** child_process.exec errors: "Command failed: <the whole command line>" then stderr. */
const COMMAND_FAILED = /(Command failed:\s*)[^\n]*/g;

/** A URL (or a label with several) without userinfo or secret query parameters. */
export function redactUrl(url: string): string {
  return url.replace(URL_USERINFO, `$1${REDACTED}@`).replace(SECRET_QUERY, `$1${REDACTED}`);
}

/**
 * The secret values of the shared config and credentials files, so that a message quoting one
 * (an SDK error repeating the credential_process command, say) can be cleaned even when no
 * pattern would recognise it. Values shorter than 6 characters are skipped: replacing "true" or
 * "on" everywhere would garble messages and protect nothing.
 */
export function secretValues(sections: Iterable<Record<string, string>>): string[] {
  const found = new Set<string>();
  const add = (value: string | undefined) => {
    if (value && value.trim().length >= 6) found.add(value.trim());
  };
  for (const section of sections) {
    for (const [key, value] of Object.entries(section)) {
      if (isSecretKey(key)) {
        add(value);
        // The arguments on their own too: a message (a helper's stderr) may quote them without the
        // program, all together, or the value of a secret-named flag alone (`--password hunter2` →
        // `hunter2`, `--token=x` → `x`). Other arguments (a profile or role name) stay readable.
        if (key.toLowerCase() === 'credential_process') {
          const args = value.trim().split(/\s+/).slice(1);
          add(args.join(' '));
          args.forEach((arg, i) => {
            const flag = /^--?([^=]+)(?:=(.*))?$/.exec(arg);
            if (!flag || !isSecretKey(flag[1]!)) return;
            add((flag[2] ?? args[i + 1] ?? '').replace(/^["']|["']$/g, ''));
          });
        }
      }
      for (const match of value.matchAll(/\b[a-z][a-z0-9+.-]*:\/\/([^\s/?#@]+)@/gi)) {
        add(match[1]);
        add(match[1]!.split(':').slice(1).join(':'));
      }
    }
  }
  // Longest first, so that a value containing another is replaced whole.
  return [...found].sort((a, b) => b.length - a.length);
}

/** A text bound for a window: known secret values, URL userinfo, secret assignments and failed command lines removed. */
export function redactText(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  return redactUrl(out)
    .replace(AUTH_SCHEME_TOKEN, `$1$2${REDACTED}`)
    .replace(AUTHORIZATION_VALUE, `$1${REDACTED}`)
    .replace(JWT, REDACTED)
    .replace(SECRET_FLAG, `$1${REDACTED}`)
    .replace(SECRET_ASSIGNMENT, `$1${REDACTED}`)
    .replace(COMMAND_FAILED, `$1${REDACTED}`);
}

/** Every string inside a value (objects, arrays) redacted; other values unchanged. */
export function redactDeep<T>(value: T, secrets: readonly string[] = []): T {
  if (typeof value === 'string') return redactText(value, secrets) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => redactDeep(item, secrets)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactDeep(item, secrets)])) as T;
  }
  return value;
}
