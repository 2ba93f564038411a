/**
 * AwsSource on aws-sdk-client-mock: every client is a real SDK client whose `send` is stubbed, then
 * re-wrapped with the CallGate so that throttling, retries and error classification run exactly as
 * they do on the wire (the mock replaces `send`, which would otherwise skip the gate middleware).
 */
import { mockClient, type AwsStub } from 'aws-sdk-client-mock';
import { createAwsClients, type AwsClients, type ClientOptions } from '../../src-main/core/sources/aws/clients';
import type { AwsServiceName } from '../../src-main/core/sources/aws/throttle/api-rates';
import { AwsSource, type AwsSourceOptions } from '../../src-main/core/sources/aws/aws-source';
import { manualClock } from '../../src-main/core/sources/aws/throttle/time';
import { parseIni, type SharedFiles } from '../../src-main/core/sources/aws/profiles/shared-ini';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Stubs = { [S in keyof AwsClients]: AwsStub<any, any, any> };

export function mockedClients(options: ClientOptions): { clients: AwsClients; stubs: Stubs } {
  const clients = createAwsClients(options);
  const stubs = {} as Stubs;
  for (const [service, client] of Object.entries(clients) as [AwsServiceName, AwsClients[AwsServiceName]][]) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const stub = mockClient(client as any);
    // Unconfigured calls answer with an empty page, as for an empty account.
    stub.onAnyCommand().resolves({});
    stubs[service] = stub;
    const stubbed = client.send.bind(client) as (command: { constructor: { name: string } }) => Promise<unknown>;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    (client as any).send = (command: { constructor: { name: string } }) => options.gate.run(service, command.constructor.name.replace(/Command$/, ''), () => stubbed(command));
  }
  return { clients, stubs };
}

export function filesFrom(config: string, credentials = ''): SharedFiles {
  return { paths: { configFile: '/fake/config', credentialsFile: '/fake/credentials' }, config: parseIni(config), credentials: parseIni(credentials) };
}

export const STATIC_PROFILE = filesFrom('[profile prod]\nregion = eu-west-1\n', '[prod]\naws_access_key_id = AKIAMOCKMOCKMOCK0000\naws_secret_access_key = mock\n');

/** An AwsSource for profile `prod` on mocked clients, a manual clock and no randomness in backoff. */
export function mockedSource(options: Partial<AwsSourceOptions> = {}) {
  const clock = manualClock(Date.UTC(2026, 5, 1, 12, 0, 0));
  let stubs: Stubs | undefined;
  const source = new AwsSource({
    profile: 'prod',
    files: options.files ?? STATIC_PROFILE,
    env: {},
    clock,
    random: () => 0.5,
    credentialProvider: async () => ({ accessKeyId: 'AKIAMOCKMOCKMOCK0000', secretAccessKey: 'mock' }),
    createClients: (clientOptions) => {
      const made = mockedClients(clientOptions);
      stubs = made.stubs;
      return made.clients;
    },
    ...options,
  });
  return {
    source,
    clock,
    /** The current clients' stubs (Retry builds new clients). */
    get stubs(): Stubs {
      return stubs!;
    },
  };
}
