/** The vitest side of the moto fixture (moto.ts stays free of vitest: the bench uses it too). */
import { describe, it } from 'vitest';
import { announceSkipped, motoAvailability, type MotoAvailability } from './moto';

/**
 * The one moto set-up every integration file shares: whether moto_server is here, the loud skip
 * notice when it is not, and — where it is required (CI) but missing — a failing test that says so.
 * Use as `const moto = motoSuite('x.moto.test.ts'); describe.runIf(moto.available)(…)`, then start the
 * server in that describe's beforeAll with `startMoto()` (a timeout that survives a loaded machine).
 */
export function motoSuite(file: string): MotoAvailability {
  const availability = motoAvailability();
  if (!availability.available && !availability.required) announceSkipped(file, availability);
  if (availability.required && !availability.available) {
    describe('moto_server (required here)', () => {
      it('is installed', () => {
        throw new Error(`AWS integration tests are mandatory in CI: ${availability.reason}`);
      });
    });
  }
  return availability;
}
