/**
 * Review-attack t15: a credential_process that fails and prints secrets to stderr. Every text a
 * credential failure lets out (message, hint, every parameter — `stderr` is the one the window shows)
 * goes through one redaction given the profile's secret values, so the password on the command line
 * is masked wherever it is repeated, and an `Authorization: Bearer <token>` keeps the word, not the token.
 */
import { describe, expect, it } from 'vitest';
import { secretValues } from '@main/core/redact';
import { describeConnectError } from '@main/core/sources/aws/credentials/connect-problem';
import { describeCredentialError } from '@main/core/sources/aws/credentials/credential-state';
import { redactCredentialText } from '@main/core/sources/aws/credentials/redact';
import { AwsSessionState } from '@main/core/sources/aws/aws-session-state';

// The exact strings of review-attack/inputs/config and inputs/leak.sh.
const COMMAND = '/tmp/review-attack/aws/leak.sh --password hunter2pass';
const STDERR = 'failed: AccessKeyId=AKIAPROCLEAK1234567 SecretAccessKey=wJalrPROCLEAKSECRETxxxxxxxxxxxxxxxxxx hunter2pass Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.procleak.sig';
const LEAKS = ['hunter2pass', 'AKIAPROCLEAK', 'wJalrPROCLEAK', 'eyJhbGciOiJIUzI1NiJ9', 'procleak.sig', 'leak.sh'];
const sdkError = (message: string) => Object.assign(new Error(message), { name: 'CredentialsProviderError' });
const failure = sdkError(`Command failed: ${COMMAND}\n${STDERR}\n`);

describe('credential failures: one redaction with the profile\'s secret values (review-attack t15)', () => {
  it('the credential_process arguments are secret values on their own', () => {
    expect(secretValues([{ credential_process: COMMAND }])).toContain('hunter2pass');
  });

  it('masks the command-line password in the stderr the window shows, not only in the message', () => {
    // Only the credential_process carries the password here (no endpoint_url with it).
    const secrets = secretValues([{ credential_process: COMMAND, region: 'us-east-1' }]);
    const problem = describeConnectError(failure, { profile: 'proc', kind: 'credential-process', region: 'us-east-1', secrets });
    expect(problem).toMatchObject({ code: 'credentials.processFailed', params: { profile: 'proc' } });
    const shown = JSON.stringify(problem);
    for (const leak of LEAKS) expect(shown, leak).not.toContain(leak);
    expect(problem.params.stderr).toContain('Authorization: Bearer [redacted]');
    expect(problem.message).toContain('Authorization: Bearer [redacted]');
  });

  it('the same through describeCredentialError (a dataset\'s credential failure)', () => {
    const secrets = secretValues([{ credential_process: COMMAND }]);
    const shown = JSON.stringify(describeCredentialError(failure, 'proc', 'credential-process', secrets));
    for (const leak of LEAKS) expect(shown, leak).not.toContain(leak);
  });

  it('masks Bearer/Basic tokens, JWT-looking strings and password=/secret=/token= values, keeping the words', () => {
    expect(redactCredentialText('Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.procleak.sig')).toBe('Authorization: Bearer [redacted]');
    expect(redactCredentialText('authorization=Basic dXNlcjpodW50ZXIycGFzcw==')).toBe('authorization=Basic [redacted]');
    expect(redactCredentialText('got token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln from the portal')).toBe('got token [redacted] from the portal');
    expect(redactCredentialText('password=hunter2pass secret=s3cr3tvalue token=abc.def')).toBe('password=[redacted] secret=[redacted] token=[redacted]');
    expect(redactCredentialText('login --password hunter2pass --user bob')).toBe('login --password [redacted] --user bob');
    expect(redactCredentialText('Authorization: opaque-token-value')).toBe('Authorization: [redacted]');
    // Ordinary prose stays readable.
    expect(redactCredentialText('Basic authentication failed')).toBe('Basic authentication failed');
  });

  it('the session never shows a problem parameter with a secret value in it', () => {
    const state = new AwsSessionState({ mode: 'aws', profile: 'proc', region: 'us-east-1', credentialState: 'connecting', readOnly: false }, ['hunter2pass']);
    state.set({ credentialState: 'error', problem: { code: 'credentials.processFailed', params: { profile: 'proc', stderr: 'x hunter2pass y' } } });
    expect(JSON.stringify(state.copy())).not.toContain('hunter2pass');
  });
});
