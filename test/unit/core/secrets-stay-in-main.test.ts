/**
 * Nothing secret reaches the window: a credential_process command line (its failure message quotes
 * it), a password in an endpoint_url, secret config values — through profile listings, session
 * info, events, snapshots and errors, on the real path (shared files → core → what a window gets).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FlightdeckCore } from '@main/core/core-host';
import { createSessionManager } from '@main/core/session/create-session-manager';
import { readScenario } from '@main/core/scenario-files';
import { SimSource } from '@main/core/sources/sim/sim-source';
import { manualWallClock } from '../../helpers/core';
import { recordTrustFigures } from '../../helpers/trust-figures';

const SECRETS = ['hunter2-process-secret', 'endpoint-pass-42', 'sso-url-pass-77', 'static-secret-key-99', 'session-token-abc123'];

function wired() {
  const dir = mkdtempSync(join(tmpdir(), 'fd-redact-'));
  writeFileSync(
    join(dir, 'config'),
    [
      '[profile vault]',
      'region = eu-west-1',
      // Fails at once: the SDK's error quotes the whole command line.
      `credential_process = sh -c "exit 3" --password ${SECRETS[0]}`,
      'endpoint_url = http://operator:endpoint-pass-42@127.0.0.1:9',
      '[profile legacy]',
      'sso_start_url = https://someone:sso-url-pass-77@corp.awsapps.com/start',
      'sso_region = us-east-1',
      '',
    ].join('\n'),
  );
  writeFileSync(join(dir, 'credentials'), `[keys]\naws_access_key_id = AKIAKEYSKEYSKEYS0000\naws_secret_access_key = ${SECRETS[3]}\naws_session_token = ${SECRETS[4]}\n`);
  const env = { HOME: dir, AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') };
  const wallClock = manualWallClock();
  const sessions = createSessionManager({
    initial: new SimSource(readScenario('shop'), { wallClock, paused: true }),
    createSimulation: () => new SimSource(readScenario('shop'), { wallClock, paused: true }),
    configDirectory: join(dir, 'flightdeck'),
    env,
  });
  const core = new FlightdeckCore(sessions);
  const seen: unknown[] = [];
  core.subscribe((channel, payload) => seen.push([channel, payload]));
  return { core, seen };
}

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('secrets stay in the main process', () => {
  it('a failing credential_process and an endpoint password never reach the window', async () => {
    const { core, seen } = wired();
    const listing = await core.handle('profiles.list', {});
    seen.push(listing);
    expect(listing).toMatchObject({ ok: true, value: { profiles: expect.arrayContaining([expect.objectContaining({ name: 'vault', kind: 'credential-process', credentialProgram: 'sh', customEndpoint: 'http://[redacted]@127.0.0.1:9' })]) } });
    seen.push(await core.handle('session.switch', { mode: 'aws', profile: 'vault' }));
    await until(async () => {
      const session = await core.handle('session.get', {});
      seen.push(session);
      return session.ok && (session.value as { credentialState: string }).credentialState === 'error';
    }, 'the credential_process failure');
    const session = await core.handle('session.get', {});
    // What failed is still said (which profile, that its credential_process failed) — never the command line.
    expect(session).toMatchObject({ ok: true, value: { credentialMessage: expect.stringMatching(/credential_process of profile vault failed/) } });
    seen.push(session, await core.handle('snapshot.get', {}));
    // An error that quotes a URL with a password (here: the request names a missing profile).
    seen.push(await core.handle('session.switch', { mode: 'aws', profile: 'http://x:endpoint-pass-42@h' }));
    await core.handle('session.switch', { mode: 'simulation' });
    const everything = JSON.stringify(seen);
    const leaked = SECRETS.filter((secret) => everything.includes(secret)).length;
    recordTrustFigures('redaction', [{ figure: 'secrets (credential_process args, endpoint/SSO URL passwords, keys, tokens) seen by the window: listing, session, events, snapshot, errors', value: `${leaked} of ${SECRETS.length}`, goal: `0 of ${SECRETS.length}`, ok: leaked === 0 }]);
    for (const secret of SECRETS) expect(everything, secret).not.toContain(secret);
    expect(everything).not.toContain('sh -c');
  }, 120_000);

  it('a credential_process that prints secrets to stderr: the stderr the window shows has none (review-attack t15)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fd-redact-'));
    // review-attack/inputs/leak.sh, word for word.
    writeFileSync(
      join(dir, 'leak.sh'),
      [
        '#!/bin/sh',
        'echo "failed: AccessKeyId=AKIAPROCLEAK1234567 SecretAccessKey=wJalrPROCLEAKSECRETxxxxxxxxxxxxxxxxxx hunter2pass Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.procleak.sig" >&2',
        'exit 1',
        '',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'config'), `[profile proc]\nregion = us-east-1\ncredential_process = sh ${join(dir, 'leak.sh')} --password hunter2pass\n`);
    writeFileSync(join(dir, 'credentials'), '');
    const env = { HOME: dir, AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') };
    const wallClock = manualWallClock();
    const sessions = createSessionManager({
      initial: new SimSource(readScenario('shop'), { wallClock, paused: true }),
      createSimulation: () => new SimSource(readScenario('shop'), { wallClock, paused: true }),
      configDirectory: join(dir, 'flightdeck'),
      env,
    });
    const core = new FlightdeckCore(sessions);
    const seen: unknown[] = [];
    core.subscribe((channel, payload) => seen.push([channel, payload]));
    seen.push(await core.handle('session.switch', { mode: 'aws', profile: 'proc' }));
    let session: Awaited<ReturnType<typeof core.handle>> | undefined;
    await until(async () => {
      session = await core.handle('session.get', {});
      return session.ok && (session.value as { credentialState: string }).credentialState === 'error';
    }, 'the credential_process failure');
    seen.push(session, await core.handle('snapshot.get', {}), await core.handle('session.retry', {}));
    await core.handle('session.switch', { mode: 'simulation' });
    // Still says what went wrong, with the words around the secrets.
    expect(session).toMatchObject({ ok: true, value: { problem: { code: 'credentials.processFailed', params: { stderr: expect.stringContaining('Authorization: Bearer [redacted]') } } } });
    const everything = JSON.stringify(seen);
    for (const secret of ['hunter2pass', 'AKIAPROCLEAK', 'wJalrPROCLEAK', 'eyJhbGciOiJIUzI1NiJ9', 'procleak.sig', 'leak.sh']) expect(everything, secret).not.toContain(secret);
  }, 120_000);
});
