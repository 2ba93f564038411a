import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseIni, readSharedFiles, sharedFilePaths } from '@main/core/sources/aws/profiles/shared-ini';
import { listProfiles, resolveRegion } from '@main/core/sources/aws/profiles/profile-list';
import { customEndpointLabel, resolveEndpoint, resolveEndpoints } from '@main/core/sources/aws/endpoints';
import { filesFrom } from '../../../../../helpers/aws-mocks';

const CONFIG = `
# comment
[default]
region = us-east-1

[profile static]
region = eu-west-1 ; trailing comment

[profile sso-new]
sso_session = corp
sso_account_id = 111122223333
sso_role_name = ReadOnly
region = eu-central-1

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = eu-west-1
sso_registration_scopes = sso:account:access

[profile sso-legacy]
sso_start_url = https://legacy.awsapps.com/start
sso_region = us-east-1
sso_account_id = 111122223333
sso_role_name = Admin

[profile admin]
role_arn = arn:aws:iam::444455556666:role/Admin
source_profile = static
mfa_serial = arn:aws:iam::111122223333:mfa/jane
region = us-west-2

[profile vault]
credential_process = /usr/local/bin/vault-creds --account prod

[profile ci]
role_arn = arn:aws:iam::444455556666:role/CI
web_identity_token_file = /var/run/token

[profile local]
region = us-east-1
endpoint_url = http://127.0.0.1:4566

[profile split]
services = split-services

[services split-services]
elastic_load_balancing_v2 =
  endpoint_url = http://127.0.0.1:5001
rds =
  endpoint_url = http://127.0.0.1:5002

[profile broken]
`;

const CREDENTIALS = `
[default]
aws_access_key_id = AKIADEFAULTDEFAULT00
aws_secret_access_key = default-secret-value

[static]
aws_access_key_id = AKIASTATICSTATIC0000
aws_secret_access_key = static-secret-value

[only-in-credentials]
aws_access_key_id = AKIAONLYONLYONLY0000
aws_secret_access_key = only-secret-value
`;

const files = filesFrom(CONFIG, CREDENTIALS);

describe('shared config and credentials files', () => {
  it('parses sections, comments and indented sub-properties', () => {
    const ini = parseIni(CONFIG);
    expect(ini.get('profile static')).toEqual({ region: 'eu-west-1' });
    expect(ini.get('services split-services')).toEqual({
      elastic_load_balancing_v2: '',
      'elastic_load_balancing_v2.endpoint_url': 'http://127.0.0.1:5001',
      rds: '',
      'rds.endpoint_url': 'http://127.0.0.1:5002',
    });
  });

  it('lists every profile with its kind and region, and nothing secret', () => {
    const listing = listProfiles({}, files);
    const byName = Object.fromEntries(listing.profiles.map((p) => [p.name, p]));
    expect(listing.profiles.map((p) => p.name)).toEqual(['(default chain)', 'default', 'admin', 'broken', 'ci', 'local', 'only-in-credentials', 'split', 'sso-legacy', 'sso-new', 'static', 'vault']);
    expect(byName.default).toEqual({ name: 'default', kind: 'static', region: 'us-east-1' });
    expect(byName.static).toEqual({ name: 'static', kind: 'static', region: 'eu-west-1' });
    expect(byName['only-in-credentials']!.kind).toBe('static');
    expect(byName['sso-new']).toEqual({ name: 'sso-new', kind: 'sso', region: 'eu-central-1', ssoSession: 'corp', ssoStartUrl: 'https://corp.awsapps.com/start' });
    expect(byName['sso-legacy']).toMatchObject({ kind: 'sso', ssoStartUrl: 'https://legacy.awsapps.com/start' });
    expect(byName.admin).toEqual({ name: 'admin', kind: 'assume-role', region: 'us-west-2', roleArn: 'arn:aws:iam::444455556666:role/Admin', sourceProfile: 'static', mfa: true });
    // Only the program's name: its path and arguments may carry secrets (core/redact.ts).
    expect(byName.vault).toEqual({ name: 'vault', kind: 'credential-process', credentialProgram: 'vault-creds' });
    expect(byName.ci!.kind).toBe('web-identity');
    expect(byName.broken!.kind).toBe('unknown');
    expect(byName.local!.customEndpoint).toBe('http://127.0.0.1:4566');
    // The implicit default is the SDK's standard chain, listed first with the link expected to answer.
    expect(listing.defaultProfile).toBe('(default chain)');
    expect(byName['(default chain)']).toEqual({ name: '(default chain)', kind: 'default-chain', region: 'us-east-1', credentialSource: 'profile' });
    expect(listing.regions!.find((r) => r.name === 'me-central-1')).toEqual({ name: 'me-central-1', description: 'Middle East (UAE)', optIn: true });
    const text = JSON.stringify(listing);
    for (const secret of ['secret-value', 'AKIA', '--account prod', '/usr/local/bin']) expect(text).not.toContain(secret);
  });

  it('honours AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE and AWS_PROFILE', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fd-profiles-'));
    writeFileSync(join(dir, 'cfg'), '[profile from-env]\nregion = ap-south-1\n');
    writeFileSync(join(dir, 'creds'), '[creds-only]\naws_access_key_id = AKIAX\naws_secret_access_key = y\n');
    const env = { HOME: '/nowhere', AWS_CONFIG_FILE: join(dir, 'cfg'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'creds'), AWS_PROFILE: 'from-env' };
    expect(sharedFilePaths(env)).toEqual({ configFile: join(dir, 'cfg'), credentialsFile: join(dir, 'creds') });
    const listing = listProfiles(env);
    expect(listing.profiles.map((p) => p.name)).toEqual(['(default chain)', 'creds-only', 'from-env']);
    expect(listing.defaultProfile).toBe('(default chain)');
    // The chain reads $AWS_PROFILE's section: its region, and the shared files as its expected source.
    expect(listing.profiles[0]).toMatchObject({ kind: 'default-chain', region: 'ap-south-1', credentialSource: 'profile' });
    expect(listProfiles({ ...env, AWS_PROFILE: '', AWS_ACCESS_KEY_ID: 'AKIAX', AWS_SECRET_ACCESS_KEY: 'y' }).profiles[0]!.credentialSource).toBe('env');
    expect(listProfiles({ ...env, AWS_PROFILE: '', AWS_CONTAINER_CREDENTIALS_FULL_URI: 'http://127.0.0.1:1/creds' }).profiles[0]!.credentialSource).toBe('container');
    expect(sharedFilePaths({ HOME: '/home/jane' })).toEqual({ configFile: '/home/jane/.aws/config', credentialsFile: '/home/jane/.aws/credentials' });
    expect(readSharedFiles({ HOME: '/nowhere' }).config.size).toBe(0);
  });

  it('resolves the region: asked for › AWS_REGION › profile › AWS_DEFAULT_REGION › us-east-1', () => {
    expect(resolveRegion(files, 'static', 'ca-central-1', { AWS_REGION: 'sa-east-1' })).toBe('ca-central-1');
    expect(resolveRegion(files, 'static', undefined, { AWS_REGION: 'sa-east-1' })).toBe('sa-east-1');
    expect(resolveRegion(files, 'static', undefined, {})).toBe('eu-west-1');
    expect(resolveRegion(files, 'vault', undefined, { AWS_DEFAULT_REGION: 'ap-northeast-1' })).toBe('ap-northeast-1');
    expect(resolveRegion(files, 'vault', undefined, {})).toBe('us-east-1');
  });
});

describe('custom endpoints (service-specific endpoints, SDK reference guide)', () => {
  it('takes AWS_ENDPOINT_URL_<SERVICE> over AWS_ENDPOINT_URL over the services section over endpoint_url', () => {
    const env = { AWS_ENDPOINT_URL_RDS: 'http://env-rds:1', AWS_ENDPOINT_URL: 'http://env-all:2' };
    expect(resolveEndpoint(files, 'split', 'rds', env)).toBe('http://env-rds:1');
    expect(resolveEndpoint(files, 'split', 'elbv2', env)).toBe('http://env-all:2');
    expect(resolveEndpoint(files, 'split', 'elbv2', {})).toBe('http://127.0.0.1:5001');
    expect(resolveEndpoint(files, 'split', 'lambda', {})).toBeUndefined();
    expect(resolveEndpoint(files, 'local', 'route53', {})).toBe('http://127.0.0.1:4566');
    expect(resolveEndpoint(files, 'local', 'route53', { AWS_ENDPOINT_URL_ROUTE_53: 'http://r53:3' })).toBe('http://r53:3');
    expect(resolveEndpoint(files, 'static', 'elbv2', { AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2: 'http://elb:4' })).toBe('http://elb:4');
    expect(resolveEndpoint(files, 'static', 'autoscaling', { AWS_ENDPOINT_URL_AUTO_SCALING: 'http://asg:5' })).toBe('http://asg:5');
  });

  it('turns all configured endpoints off with AWS_IGNORE_CONFIGURED_ENDPOINT_URLS', () => {
    expect(resolveEndpoints(files, 'local', { AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true', AWS_ENDPOINT_URL: 'http://x:1' })).toEqual({});
  });

  it('labels a profile with one or several custom endpoints', () => {
    expect(customEndpointLabel(files, 'static', {})).toBeUndefined();
    expect(customEndpointLabel(files, 'local', {})).toBe('http://127.0.0.1:4566');
    expect(customEndpointLabel(files, 'split', {})).toBe('2 custom endpoints: http://127.0.0.1:5001, http://127.0.0.1:5002');
  });
});
