/**
 * Every region the core offers (src-main/core/sources/aws/regions.ts, read as text: the renderer's
 * project does not compile the core's AWS sources) has a name in both message files, the English one
 * the core's: the Korean Settings listed "Asia Pacific (Seoul)" where the AWS Korean console says
 * "아시아 태평양(서울)" (operator review).
 */
import { describe, expect, it } from 'vitest';
import regionsSource from '../../src-main/core/sources/aws/regions.ts?raw';
import { messages } from '@/i18n';

const coreRegions = new Map<string, string>([
  ...[...regionsSource.matchAll(/^ {2}'([a-z0-9-]+)': '([^']+)',$/gm)].map((m) => [m[1]!, m[2]!] as [string, string]),
  ...[...regionsSource.matchAll(/name: '([a-z0-9-]+)', description: '([^']+)'/g)].map((m) => [m[1]!, m[2]!] as [string, string]),
]);

describe('region names in both languages', () => {
  it('names every offered region, English as the core does, Korean as the AWS Korean console does', () => {
    const english: Record<string, string> = messages.en.regionNames;
    const korean: Record<string, string> = messages.ko.regionNames;
    expect(coreRegions.size).toBeGreaterThan(30);
    for (const [name, description] of coreRegions) {
      expect(english[name], name).toBe(description);
      expect(korean[name], name).toMatch(/[\uAC00-\uD7A3]/);
    }
    expect(Object.keys(english).sort()).toEqual([...coreRegions.keys()].sort());
    expect(korean['ap-northeast-2']).toBe('아시아 태평양(서울)');
  });
});
