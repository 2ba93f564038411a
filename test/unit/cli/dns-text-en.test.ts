/**
 * The CLI prints DNS explanations in English from its own table (core cannot import the renderer);
 * it must say exactly what the renderer's en.ts says for every code, and cover every code.
 */
import { describe, expect, it } from 'vitest';
import { DNS_TEXT_EN, englishDnsText } from '@main/cli/dns-text-en';
import { DnsTextCode } from '@main/core/contract/model-dns';

function lookup(tree: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], tree);
}

describe('the CLI’s English for DNS explanation codes', () => {
  it('has the same template as en.ts for every code of the contract', async () => {
    // A computed path: en.ts belongs to the renderer's TypeScript project, not to this one.
    const enPath = ['..', '..', '..', 'src-renderer', 'src', 'i18n', 'en'].join('/');
    const en = ((await import(/* @vite-ignore */ enPath)) as { default: { dnsText: unknown } }).default;
    for (const code of DnsTextCode.options) expect([code, DNS_TEXT_EN[code]]).toEqual([code, lookup(en.dnsText, code)]);
  });

  it('fills nested phrases and lists, and keeps values as they are', () => {
    const text = englishDnsText({
      code: 'failover.uses',
      params: {
        label: { code: 'zone.label', params: { name: 'api.example.com.', type: 'A', via: '' } },
        primary: { code: 'failover.primaryHealthy', params: { set: 'eu', health: { join: '; ', items: [{ code: 'health.checkHealthy', params: { id: 'hc-1' } }, { code: 'health.noCheck', params: {} }] } } },
        secondary: { code: 'failover.noSecondary', params: {} },
      },
    });
    expect(text).toBe('api.example.com. A uses failover routing: primary eu is healthy (health check hc-1 Healthy; no health check: healthy); there is no secondary.');
  });
});
