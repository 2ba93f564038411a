/** Issue 11 items 1, 5, 6: which chain link answered, the partition's regions, and failures told apart. */
import { partition } from '@aws-sdk/core/client';
import { describe, expect, it } from 'vitest';
import { describeConnectError, regionProblem } from '@main/core/sources/aws/credentials/connect-problem';
import { processStderr } from '@main/core/sources/aws/credentials/credential-state';
import { answeredBy, expectedSource } from '@main/core/sources/aws/credentials/default-chain';
import { redactCredentialText as redactText } from '@main/core/sources/aws/credentials/redact';
import { awsCallError, toAwsCallError } from '@main/core/sources/aws/aws-errors';
import { CaBundleError } from '@main/core/sources/aws/network/network-agent';
import { isRegionName, REGIONS } from '@main/core/sources/aws/regions';

const context = { profile: 'prod', kind: 'static' as const, region: 'us-east-1' };

describe('the standard chain: which link answered', () => {
  it('reads the feature marks the SDK sets on what each provider returns', () => {
    const creds = (source: Record<string, string>) => ({ accessKeyId: 'a', secretAccessKey: 'b', $source: source });
    expect(answeredBy(creds({ CREDENTIALS_ENV_VARS: 'g' }), {})).toBe('env');
    expect(answeredBy(creds({ CREDENTIALS_ENV_VARS_STS_WEB_ID_TOKEN: 'h', CREDENTIALS_STS_ASSUME_ROLE_WEB_ID: 'k' }), {})).toBe('web-identity');
    expect(answeredBy(creds({ CREDENTIALS_PROFILE_SSO: 'r', CREDENTIALS_SSO: 's' }), {})).toBe('sso');
    expect(answeredBy(creds({ CREDENTIALS_PROFILE_PROCESS: 'v', CREDENTIALS_PROCESS: 'w' }), {})).toBe('process');
    expect(answeredBy(creds({ CREDENTIALS_PROFILE: 'n' }), {})).toBe('profile');
    expect(answeredBy(creds({ CREDENTIALS_HTTP: 'z' }), {})).toBe('container');
    // The container fallback and IMDS set no mark: the chain's last links.
    expect(answeredBy(creds({}), { AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: '/v2/credentials/x' })).toBe('container');
    expect(answeredBy(creds({}), {})).toBe('imds');
  });

  it('expects a link from the environment alone, in the chain\'s order (AWS_PROFILE skips env keys, as the SDK does)', () => {
    expect(expectedSource({ AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'y' }, true)).toBe('env');
    expect(expectedSource({ AWS_PROFILE: 'p', AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'y' }, true)).toBe('profile');
    expect(expectedSource({ AWS_ROLE_ARN: 'arn', AWS_WEB_IDENTITY_TOKEN_FILE: '/t' }, false)).toBe('web-identity');
    expect(expectedSource({ AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: '/v2' }, false)).toBe('container');
    expect(expectedSource({}, false)).toBe('imds');
  });
});

describe('regions from the SDK partition data', () => {
  it('lists every region with the description the SDK\'s partition() gives it, opt-in ones marked', () => {
    for (const region of REGIONS) expect(partition(region.name), region.name).toMatchObject({ description: region.description });
    expect(REGIONS.filter((r) => r.partition === 'aws').length).toBeGreaterThanOrEqual(36);
    const byName = Object.fromEntries(REGIONS.map((r) => [r.name, r]));
    for (const name of ['eu-west-3', 'ap-northeast-3', 'us-east-1']) expect(byName[name]!.optIn).toBe(false);
    for (const name of ['me-south-1', 'me-central-1', 'af-south-1', 'ap-east-1']) expect(byName[name]!.optIn).toBe(true);
  });

  it('tells a malformed region name from a real one', () => {
    for (const good of ['us-east-1', 'us-gov-west-1', 'cn-northwest-1', 'us-isob-east-1', 'eu-central-2']) expect(isRegionName(good), good).toBe(true);
    for (const bad of ['us east 1', 'Frankfurt', 'us-east', '', 'us-east-1 ', 'x'.repeat(60)]) expect(isRegionName(bad), bad).toBe(false);
    expect(regionProblem('us east 1')).toMatchObject({ category: 'region', code: 'region.invalid', params: { region: 'us east 1' } });
  });
});

describe('connect failures told apart', () => {
  const sdkError = (name: string, message: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(message), { name, ...extra });

  it('network: refused, DNS, timeouts; a well-formed region no partition has is a region problem', () => {
    expect(describeConnectError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }), context)).toMatchObject({ category: 'network', state: 'offline', code: 'network.unreachable', params: { code: 'ECONNREFUSED' } });
    expect(describeConnectError(toAwsCallError(Object.assign(new Error('getaddrinfo ENOTFOUND sts.us-east-1.amazonaws.com'), { code: 'ENOTFOUND' }), 'sts', 'GetCallerIdentity'), context)).toMatchObject({ category: 'network' });
    expect(describeConnectError(Object.assign(new Error('getaddrinfo ENOTFOUND sts.us-fake-9.amazonaws.com'), { code: 'ENOTFOUND' }), { ...context, region: 'us-fake-9' })).toMatchObject({ category: 'region', code: 'region.unknown' });
    expect(describeConnectError(Object.assign(new Error('x'), { code: 'ETIMEDOUT' }), { ...context, proxy: 'http://proxy:3128' })).toMatchObject({ category: 'network', code: 'network.viaProxy', params: { proxy: 'http://proxy:3128' } });
  });

  it('network: untrusted TLS and an unreadable CA bundle', () => {
    expect(describeConnectError(Object.assign(new Error('self-signed certificate in certificate chain'), { code: 'SELF_SIGNED_CERT_IN_CHAIN' }), context)).toMatchObject({ category: 'network', code: 'network.tls' });
    expect(describeConnectError(new CaBundleError('/etc/corp.pem', 'ENOENT'), context)).toMatchObject({ category: 'network', code: 'network.caBundle', params: { path: '/etc/corp.pem', reason: 'ENOENT' } });
  });

  it('network: a proxy\'s own refusal (no AWS request id) is not an AWS answer', () => {
    const refused = toAwsCallError(sdkError('Unknown', 'Unknown', { $metadata: { httpStatusCode: 407 } }), 'sts', 'GetCallerIdentity');
    expect(describeConnectError(refused, { ...context, proxy: 'http://proxy:3128' })).toMatchObject({ category: 'network', code: 'network.proxyRefused', params: { status: '407' } });
  });

  it('endpoint: an HTML page or a parser error; the raw parser text is never passed on', () => {
    const parser = sdkError('SyntaxError', `Unexpected token '<', "<!doctype "... is not valid JSON`, { $metadata: { httpStatusCode: 200 } });
    const problem = describeConnectError(parser, { ...context, endpoint: 'http://127.0.0.1:4566' });
    expect(problem).toMatchObject({ category: 'endpoint', code: 'endpoint.notAws', params: { endpoint: 'http://127.0.0.1:4566', status: '200' } });
    expect(JSON.stringify(problem)).not.toContain('Unexpected token');
  });

  it('credentials: rejected keys, the empty chain, a failing credential_process with its stderr', () => {
    expect(describeConnectError(awsCallError('credentials', 'InvalidClientTokenId', 'GetCallerIdentity: The security token included in the request is invalid.', 'sts', 'GetCallerIdentity'), context)).toMatchObject({ category: 'credentials', code: 'credentials.rejected' });
    expect(describeConnectError(sdkError('CredentialsProviderError', 'Could not load credentials from any providers'), { ...context, profile: '(default chain)', kind: 'default-chain' })).toMatchObject({ category: 'credentials', state: 'missing', code: 'credentials.chainEmpty' });
    const failed = sdkError('CredentialsProviderError', 'Command failed: /opt/corp-login --token s3cr3t\ncorp-login: session expired\n');
    expect(describeConnectError(failed, { ...context, kind: 'credential-process' })).toMatchObject({ category: 'credentials', code: 'credentials.processFailed', params: { stderr: 'corp-login: session expired' } });
  });
});

describe('credential_process stderr', () => {
  it('keeps the last lines, bounded, with secrets masked; never the command line', () => {
    expect(processStderr('Command failed: /bin/sh -c login --password hunter2\nline 1\nline 2')).toBe('line 1\nline 2');
    const long = Array.from({ length: 50 }, (_, i) => `line ${i} ${'x'.repeat(200)}`).join('\n');
    const shown = processStderr(`Command failed: x\n${long}`)!;
    expect(shown.length).toBeLessThanOrEqual(1001);
    expect(shown).toContain('line 49');
    expect(processStderr('Command failed: x\n')).toBeUndefined();
  });

  it('masks access key ids, 40-character secrets, tokens and secret-named values', () => {
    const text = redactText('key AKIAIOSFODNN7EXAMPLE secret wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY token=abc.def password: "p w"');
    expect(text).not.toMatch(/AKIAIOSFODNN7EXAMPLE|wJalrXUtnFEMI|abc\.def|p w/);
    expect(text).toContain('[access key id]');
  });
});
