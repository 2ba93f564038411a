/** `flightdeck dns trace --type AAAA` on the issue-16 fixture (LBA-5, LBA-6). */
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '@main/cli/index';
import { DnsTrace } from '@main/core/contract/model-dns';

const fixture = fileURLToPath(new URL('../../fixtures/scenarios/alb-attributes.yaml', import.meta.url));
let stdout = '';
beforeEach(() => {
  stdout = '';
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
});
afterEach(() => vi.restoreAllMocks());

async function trace(name: string, type: string): Promise<DnsTrace> {
  expect(await main(['dns', 'trace', name, '--scenario', fixture, '--type', type, '--json'])).toBe(0);
  return DnsTrace.parse(JSON.parse(stdout));
}

describe('flightdeck dns trace --type AAAA', () => {
  it('LBA-5/LBA-6: an AAAA alias to the dualstack load balancer answers its 2001:db8:: addresses', async () => {
    const result = await trace('shop.example.com', 'AAAA');
    expect(result.type).toBe('AAAA');
    expect(result.answer.values).toEqual(['2001:db8:1::1', '2001:db8:1::2', '2001:db8:1::3']);
  });

  it('LBA-5: an AAAA alias to the IPv4-only load balancer answers NOERROR with no records', async () => {
    const result = await trace('legacy.example.com', 'AAAA');
    expect(result.answer).toMatchObject({ responseCode: 'NOERROR', values: [] });
    expect(result.steps.find((s) => s.kind === 'authoritative' && s.zone === 'example.com.' && s.result !== 'referral')!.result).toBe('nodata');
  });
});
