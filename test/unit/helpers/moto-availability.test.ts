/** The moto gate itself: skipped loudly on a developer machine, mandatory in CI. */
import { describe, expect, it, vi } from 'vitest';
import { announceSkipped, motoAvailability } from '../../helpers/moto';

describe('moto availability', () => {
  it('is missing without moto_server on the PATH, and required only in CI or on request', () => {
    expect(motoAvailability({ PATH: '/nonexistent' })).toMatchObject({ available: false, required: false, reason: expect.stringContaining('pip install "moto[server]==5.2.1"') });
    expect(motoAvailability({ PATH: '/nonexistent', CI: 'true' }).required).toBe(true);
    expect(motoAvailability({ PATH: '/nonexistent', FLIGHTDECK_REQUIRE_MOTO: '1' }).required).toBe(true);
  });

  it('announces a skip in capitals, with the way to enable the tests', () => {
    let text = '';
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((text += String(chunk)), true));
    announceSkipped('x.test.ts', { available: false, required: false, reason: 'moto_server is not on PATH. Install it with: pip install "moto[server]==5.2.1"' });
    spy.mockRestore();
    expect(text).toContain('!! SKIPPED: AWS integration tests in x.test.ts');
    expect(text).toContain('pip install "moto[server]==5.2.1"');
  });
});
