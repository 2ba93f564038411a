/** Every health reason the core can send has an English and a Korean message, variants included. */
import { describe, expect, it } from 'vitest';
import { HealthReasonCode, type HealthReason } from '@contract';
import en from '@/i18n/en';
import ko from '@/i18n/ko';
import { reasonKey, reasonText } from '@/utils/health-text';

function lookup(messages: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), messages);
}

/** The parameters that pick a message variant (health-text.ts reasonKey), each value it knows. */
const VARIANTS: Record<string, Record<string, unknown>[]> = {
  'record.outOfAnswers': [{ cause: 'healthCheck' }, { cause: 'aliasTarget' }, { cause: 'aliasRecord' }],
  'record.allUnhealthy': [{ cause: 'healthCheck' }, { cause: 'aliasTarget' }, { cause: 'aliasRecord' }],
  'record.nameAllUnhealthy': ['failover', 'weighted', 'latency', 'geolocation', 'multivalue', 'simple', 'unknown'].map((policy) => ({ policy })),
  'hc.unhealthy': [{ records: 2 }, { records: 0, answered: 1 }, { records: 0, answered: 0 }],
  'fn.concurrencyLimit': [{ scope: 'reserved' }, { scope: 'account' }],
  'alarm.scaling': [{ direction: 'high' }, { direction: 'low' }, { direction: 'step' }],
};

describe('health reason messages', () => {
  for (const code of HealthReasonCode.options) {
    it(`${code}: a message in en and ko for each variant`, () => {
      for (const params of VARIANTS[code] ?? [{}]) {
        const key = reasonKey({ code, status: 'failing', subject: 's', params } as HealthReason);
        expect(typeof lookup(en, key), key).toBe('string');
        expect(typeof lookup(ko, key), key).toBe('string');
      }
    });
  }

  it('R53-5: a name none of whose records is healthy reads as answered, not as out of answers', () => {
    const t = (key: string, params: Record<string, unknown>) => String(lookup(en, key)).replace(/\{(\w+)\}/g, (_, name: string) => String(params[name]));
    const text = reasonText(t, { code: 'record.nameAllUnhealthy', status: 'failing', subject: 'api.example.com', params: { type: 'A', records: 2, policy: 'failover' } });
    expect(text).toBe('api.example.com (A): every record is unhealthy; Route 53 answers as if all were healthy, with the primary');
  });
});
