import { describe, expect, it } from 'vitest';
import { credentialProcessProgram, isSecretKey, REDACTED, redactDeep, redactText, redactUrl, secretValues } from '@main/core/redact';

describe('redact', () => {
  it('knows which config keys hold secrets (a *_file key names a file, it is not one)', () => {
    for (const key of ['aws_secret_access_key', 'aws_session_token', 'aws_security_token', 'credential_process', 'db_password', 'MY_SECRET', 'sso_token', 'private_key']) expect(isSecretKey(key), key).toBe(true);
    for (const key of ['aws_access_key_id', 'region', 'role_arn', 'sso_start_url', 'web_identity_token_file', 'endpoint_url', 'mfa_serial']) expect(isSecretKey(key), key).toBe(false);
  });

  it('removes userinfo and secret query parameters from URLs, keeps the rest', () => {
    expect(redactUrl('http://user:pa%40ss@127.0.0.1:4566/path?x=1')).toBe(`http://${REDACTED}@127.0.0.1:4566/path?x=1`);
    expect(redactUrl('https://token@host')).toBe(`https://${REDACTED}@host`);
    expect(redactUrl('2 custom endpoints: http://a:b@h1, http://h2')).toBe(`2 custom endpoints: http://${REDACTED}@h1, http://h2`);
    expect(redactUrl('https://h/?X-Amz-Security-Token=abc&X-Amz-Signature=def&Action=List')).toBe(`https://h/?X-Amz-Security-Token=${REDACTED}&X-Amz-Signature=${REDACTED}&Action=List`);
    expect(redactUrl('http://127.0.0.1:4566')).toBe('http://127.0.0.1:4566');
  });

  it('names a credential_process by its program only', () => {
    expect(credentialProcessProgram('/usr/local/bin/vault-creds --account prod --token abc')).toBe('vault-creds');
    expect(credentialProcessProgram('"C:\\Program Files\\Vault\\vault.exe" --password x')).toBe('vault.exe');
    expect(credentialProcessProgram('aws-vault exec prod --json')).toBe('aws-vault');
  });

  it('collects the secret values of the shared files (whole command, its arguments, URL userinfo)', () => {
    const secrets = secretValues([
      { credential_process: '/bin/get-creds --pass s3cr3t-value', region: 'eu-west-1' },
      { aws_secret_access_key: 'wJalrXUtnFEMI', aws_access_key_id: 'AKIAEXAMPLE', endpoint_url: 'http://op:p4ssw0rd@h' },
      { aws_session_token: 'on' },
    ]);
    expect(secrets).toEqual(expect.arrayContaining(['/bin/get-creds --pass s3cr3t-value', '--pass s3cr3t-value', 'wJalrXUtnFEMI', 'op:p4ssw0rd', 'p4ssw0rd']));
    expect(secrets).not.toContain('AKIAEXAMPLE');
    expect(secrets).not.toContain('eu-west-1');
    expect(secrets).not.toContain('on');
  });

  it('cleans free text: known values, failed command lines, secret assignments, URL userinfo', () => {
    const secrets = secretValues([{ credential_process: 'vault-creds --token t0k3n-value' }]);
    expect(redactText('Could not get credentials for profile p: Command failed: vault-creds --token t0k3n-value\nstderr', secrets)).toBe(`Could not get credentials for profile p: Command failed: ${REDACTED}\nstderr`);
    expect(redactText('the helper printed --token t0k3n-value', secrets)).toBe(`the helper printed ${REDACTED}`);
    expect(redactText('Command failed: /opt/x --password hunter2')).toBe(`Command failed: ${REDACTED}`);
    expect(redactText('bad line aws_secret_access_key = abc/def+ghi in file')).toBe(`bad line aws_secret_access_key = ${REDACTED} in file`);
    expect(redactText('{"password": "hunter2", "user": "x"}')).toBe(`{"password": ${REDACTED}, "user": "x"}`);
    expect(redactText('connect ECONNREFUSED http://u:p@127.0.0.1:9')).toBe(`connect ECONNREFUSED http://${REDACTED}@127.0.0.1:9`);
    expect(redactText('web_identity_token_file = /var/run/token')).toBe('web_identity_token_file = /var/run/token');
    expect(redactText('The security token included in the request is expired')).toBe('The security token included in the request is expired');
  });

  it('still finds a secret after 100,000 characters of hostile text, and changes nothing else in it', () => {
    // Long runs of key characters, dots between letters, secret words without a value and scheme-like
    // letters: each pattern once rescanned such a run from every position (100,000 letters took 52 s
    // on the host's thread; bench: npm run bench -- redaction). A bench, not a timing here: this test checks the result.
    for (const run of ['a'.repeat(100_000), 'a.'.repeat(50_000), 'token'.repeat(20_000), 'http:'.repeat(20_000), '&'.repeat(100_000)]) {
      expect(redactText(`${run} password=hunter22`)).toBe(`${run} password=${REDACTED}`);
      expect(redactText(`${run} http://op:p4ss@h`)).toBe(`${run} http://${REDACTED}@h`);
    }
    // The bounds are far above real key names: a 200-character key around its secret word still counts.
    const key = `${'x'.repeat(100)}_password_${'y'.repeat(90)}`;
    expect(redactText(`${key} = s3cr3t`)).toBe(`${key} = ${REDACTED}`);
    expect(redactText(`{"db.${key}": "s3cr3t"}`)).toBe(`{"db.${key}": ${REDACTED}}`);
  });

  it('redacts every string inside a value and leaves the rest alone', () => {
    const value = { a: 'http://u:p@h', n: 3, list: ['Command failed: x y', true], nested: { ok: 'fine' }, none: null };
    expect(redactDeep(value)).toEqual({ a: `http://${REDACTED}@h`, n: 3, list: [`Command failed: ${REDACTED}`, true], nested: { ok: 'fine' }, none: null });
  });
});
