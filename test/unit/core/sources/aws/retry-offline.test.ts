/**
 * Review-attack t26: with the endpoint frozen, session.retry got no answer (150 s and counting, after
 * requests were given a real timeout): Retry awaited the whole run, and while offline the run keeps
 * reconnecting with backoff until the network is back. Retry answers once its connect attempt has
 * settled; reconnecting goes on in the background.
 */
import { describe, expect, it } from 'vitest';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { AwsSource } from '@main/core/sources/aws/aws-source';
import { mockedClients, STATIC_PROFILE } from '../../../../helpers/aws-mocks';
import { virtualClock } from '../../../../helpers/virtual-clock';

const timedOut = () => Object.assign(new Error('@smithy/node-http-handler - [ERROR] a request has exceeded the configured 20000 ms requestTimeout.'), { name: 'TimeoutError', code: 'ETIMEDOUT' });

describe('Retry while offline (review-attack t26)', () => {
  it('answers with the offline session instead of waiting for the network to come back', async () => {
    const network = { up: false };
    const clock = virtualClock(Date.UTC(2026, 5, 1, 12));
    const source = new AwsSource({
      profile: 'prod',
      files: STATIC_PROFILE,
      env: {},
      clock,
      random: () => 0.5,
      credentialProvider: async () => ({ accessKeyId: 'a', secretAccessKey: 'b' }),
      createClients: (options) => {
        const made = mockedClients(options);
        for (const stub of Object.values(made.stubs)) stub.callsFake(async () => (network.up ? {} : Promise.reject(timedOut())));
        made.stubs.sts.on(GetCallerIdentityCommand).callsFake(async () => (network.up ? { Account: '111122223333', Arn: 'arn:aws:iam::111122223333:user/x' } : Promise.reject(timedOut())));
        return made.clients;
      },
    });
    source.start();
    await clock.drive(clock.sleep(1_000));
    expect(source.session).toMatchObject({ credentialState: 'offline' });
    const answer = await clock.drive(Promise.race([source.retry().then((session) => ({ session })), clock.sleep(10 * 60_000).then(() => 'no answer in 10 minutes' as const)]));
    expect(answer).toMatchObject({ session: { credentialState: 'offline', problem: { code: 'network.unreachable' } } });
    // Reconnecting goes on by itself: the network comes back, the session connects without another Retry.
    network.up = true;
    await clock.drive(clock.sleep(10 * 60_000));
    expect(source.session).toMatchObject({ credentialState: 'connected' });
    source.stop();
  }, 120_000);
});
