/**
 * Opening files in the config directory so that whatever sits at the path cannot hang the host or
 * fill its memory: a FIFO would block open(2) or read(2) for good (and SIGTERM cannot end a
 * synchronous read), /dev/zero never ends. Every file is opened with O_NONBLOCK (open(2) of a FIFO
 * returns at once instead of waiting for the other end), then fstat'ed on the open descriptor, and
 * only a regular file is read or appended to — and only up to a bound.
 *
 * The one rule for settings.json, health-thresholds.json, last-session.json and the audit log.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

/** Windows has no O_NONBLOCK (and no FIFOs in the file system): 0 there. */
const NONBLOCK = constants.O_NONBLOCK ?? 0;

export type BoundedRead =
  | { kind: 'missing' }
  | { kind: 'not-a-file' }
  | { kind: 'too-large'; size: number }
  | { kind: 'unreadable'; code: string }
  | { kind: 'read'; text: string; stats: Stats };

/** The error a non-regular file is refused with: EISDIR for a directory, else ENOTREG (the `code` callers report). */
export function notARegularFile(path: string, stats: Stats): NodeJS.ErrnoException {
  const directory = stats.isDirectory();
  return Object.assign(new Error(`${path} is ${directory ? 'a directory' : 'not a regular file'}`), { code: directory ? 'EISDIR' : 'ENOTREG', path });
}

/**
 * Opens `path` (flags as numbers from fs.constants) without ever blocking, and returns the
 * descriptor only when it is a regular file; otherwise closes it and throws (code EISDIR or ENOTREG).
 */
export function openRegularFile(path: string, flags: number, mode?: number): number {
  const fd = openSync(path, flags | NONBLOCK, mode);
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw notARegularFile(path, stats);
    return fd;
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/** Reads a whole regular file of at most `maxBytes` as UTF-8; anything else says what it found. */
export function readBoundedRegularFile(path: string, maxBytes: number): BoundedRead {
  let fd: number;
  try {
    fd = openRegularFile(path, constants.O_RDONLY);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    if (code === 'ENOENT') return { kind: 'missing' };
    if (code === 'ENOTREG' || code === 'EISDIR') return { kind: 'not-a-file' };
    return { kind: 'unreadable', code };
  }
  try {
    const stats = fstatSync(fd);
    if (stats.size > maxBytes) return { kind: 'too-large', size: stats.size };
    // One byte more than allowed tells a file that grew past the bound since fstat.
    const buffer = Buffer.alloc(maxBytes + 1);
    let read = 0;
    while (read < buffer.length) {
      const n = readSync(fd, buffer, read, buffer.length - read, read);
      if (n === 0) break;
      read += n;
    }
    if (read > maxBytes) return { kind: 'too-large', size: read };
    return { kind: 'read', text: buffer.subarray(0, read).toString('utf8'), stats };
  } catch (error) {
    return { kind: 'unreadable', code: (error as NodeJS.ErrnoException).code ?? 'error' };
  } finally {
    closeSync(fd);
  }
}
