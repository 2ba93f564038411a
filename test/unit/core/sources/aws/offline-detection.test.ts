/**
 * Offline within two poll intervals (issue 11 item 7: the banner took ~106 s after the endpoint
 * died). A dataset that cannot reach its service makes the source ask STS once; only when STS is
 * unreachable too is the session offline — one dead service endpoint is that dataset's error.
 */
import { describe, expect, it } from 'vitest';
import { DescribeLoadBalancersCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { AwsSource } from '@main/core/sources/aws/aws-source';
import { DEFAULT_POLL_INTERVALS_MS } from '@main/core/sources/aws/poll-plan';
import { mockedClients, STATIC_PROFILE, type Stubs } from '../../../../helpers/aws-mocks';
import { virtualClock } from '../../../../helpers/virtual-clock';

const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4566'), { code: 'ECONNREFUSED' });

function startedSource(network: { up: boolean }) {
  const clock = virtualClock(Date.UTC(2026, 5, 1, 12));
  let stubs!: Stubs;
  const source = new AwsSource({
    profile: 'prod',
    files: STATIC_PROFILE,
    env: {},
    clock,
    random: () => 0.5,
    credentialProvider: async () => ({ accessKeyId: 'a', secretAccessKey: 'b' }),
    createClients: (options) => {
      const made = mockedClients(options);
      stubs = made.stubs;
      // Every client of every service fails the same way once the network is down.
      for (const stub of Object.values(stubs)) {
        stub.callsFake(async () => {
          if (!network.up) throw refused();
          return {};
        });
      }
      stubs.sts.on(GetCallerIdentityCommand).callsFake(async () => {
        if (!network.up) throw refused();
        return { Account: '111122223333', Arn: 'arn:aws:iam::111122223333:user/x' };
      });
      return made.clients;
    },
  });
  return { source, clock, stubs: () => stubs };
}

describe('offline detection', () => {
  it('goes offline within two of the shortest poll intervals after the network dies', async () => {
    const network = { up: true };
    const { source, clock } = startedSource(network);
    source.start();
    await clock.drive(source.ready);
    expect(source.session).toMatchObject({ credentialState: 'connected' });
    // The network dies just after a round of polls; Lambda's next poll is a minute further away.
    await clock.drive(clock.sleep(1_000));
    network.up = false;
    const died = clock.now();
    let offlineAt: number | undefined;
    source.onSessionChanged((s) => {
      if ((s as { credentialState: string }).credentialState === 'offline') offlineAt ??= clock.now();
    });
    await clock.drive(clock.sleep(2 * Math.min(...Object.values(DEFAULT_POLL_INTERVALS_MS))));
    expect(offlineAt).toBeDefined();
    expect(offlineAt! - died).toBeLessThanOrEqual(2 * DEFAULT_POLL_INTERVALS_MS.elbv2);
    source.stop();
  });

  it('keeps the session connected when one service\'s endpoint is unreachable but STS answers', async () => {
    const network = { up: true };
    const { source, clock, stubs } = startedSource(network);
    source.start();
    await clock.drive(source.ready);
    stubs().elbv2.on(DescribeLoadBalancersCommand).rejects(refused());
    await clock.drive(clock.sleep(DEFAULT_POLL_INTERVALS_MS.elbv2 + 5_000));
    expect(source.session).toMatchObject({ credentialState: 'connected' });
    expect(source.datasetStatuses().elbv2).toMatchObject({ error: { code: 'ECONNREFUSED' } });
    source.stop();
  });
});
