/**
 * The session an operator was in when Flightdeck last ran — mode, profile, region — restored at
 * the next start, so a restart does not fall back to the simulator and forget the region chosen.
 * Its own small file (last-session.json next to settings.json), written atomically on every
 * switch; a missing, unreadable or malformed file simply means "start in the simulator".
 * Never holds anything secret: a profile name and a region.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../settings/atomic-file';
import { readBoundedRegularFile } from '../settings/bounded-file';

/** A mode, a profile name and a region: a few hundred bytes. */
const MAX_LAST_SESSION_BYTES = 10_000;

export const LAST_SESSION_FILE = 'last-session.json';

export const LastSession = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('simulation') }).strict(),
  z.object({ mode: z.literal('aws'), profile: z.string().min(1).max(200), region: z.string().min(1).max(40) }).strict(),
]);
export type LastSession = z.infer<typeof LastSession>;

export class LastSessionStore {
  readonly path: string;

  constructor(configDirectory: string) {
    this.path = join(configDirectory, LAST_SESSION_FILE);
  }

  read(): LastSession | undefined {
    // Only a small regular file is read: a FIFO here must not hang the start (settings/bounded-file.ts).
    const file = readBoundedRegularFile(this.path, MAX_LAST_SESSION_BYTES);
    if (file.kind !== 'read') return undefined;
    try {
      const parsed = LastSession.safeParse(JSON.parse(file.text));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  /** Best effort: a read-only config directory must not make a switch fail. */
  write(session: LastSession): void {
    try {
      writeFileAtomic(this.path, `${JSON.stringify(session)}\n`);
    } catch {
      // The switch itself succeeded; only the memory of it is lost.
    }
  }
}
