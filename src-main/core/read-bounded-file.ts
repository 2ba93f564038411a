/**
 * Reads a file an operator named, refusing what could hang or exhaust the process: only regular files
 * (a FIFO blocks until a writer appears, /dev/zero and /dev/urandom never end), and at most `maxBytes`
 * (checked from stat before reading, and again while reading in case the file grows meanwhile).
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';

/** Why a file was refused, as data (issue 9: a window words it in its own language). */
export type FileRefusal =
  | { kind: 'notRegular'; fileType: 'directory' | 'fifo' | 'characterDevice' | 'blockDevice' | 'socket' | 'other' }
  | { kind: 'tooLarge'; bytes: number; maxBytes: number }
  | { kind: 'grew'; maxBytes: number };

export class FileRefusedError extends Error {
  constructor(
    message: string,
    readonly refusal?: FileRefusal,
  ) {
    super(message);
  }
}

export const MIB = 1024 * 1024;
const CHUNK_BYTES = 256 * 1024;

function fileTypeOf(stats: Stats): Extract<FileRefusal, { kind: 'notRegular' }>['fileType'] {
  if (stats.isDirectory()) return 'directory';
  if (stats.isFIFO()) return 'fifo';
  if (stats.isCharacterDevice()) return 'characterDevice';
  if (stats.isBlockDevice()) return 'blockDevice';
  if (stats.isSocket()) return 'socket';
  return 'other';
}

/** The CLI's and the logs' English for each kind of file fileTypeOf tells apart. */
const FILE_TYPE_TEXT: Record<ReturnType<typeof fileTypeOf>, string> = {
  directory: 'a directory',
  fifo: 'a FIFO (named pipe)',
  characterDevice: 'a character device',
  blockDevice: 'a block device',
  socket: 'a socket',
  other: 'not a regular file',
};

function kindOf(stats: Stats): string {
  return FILE_TYPE_TEXT[fileTypeOf(stats)];
}

/** "16 MiB" for whole mebibytes, else the byte count. */
export function formatBytes(bytes: number): string {
  return bytes % MIB === 0 ? `${bytes / MIB} MiB` : `${bytes} bytes`;
}

function checkStats(stats: Stats, maxBytes: number): void {
  if (!stats.isFile()) throw new FileRefusedError(`${kindOf(stats)}, not a regular file; only regular files are read`, { kind: 'notRegular', fileType: fileTypeOf(stats) });
  if (stats.size > maxBytes) throw new FileRefusedError(`the file is ${stats.size} bytes, larger than the ${formatBytes(maxBytes)} allowed`, { kind: 'tooLarge', bytes: stats.size, maxBytes });
}

/**
 * The file's text (UTF-8). Throws FileRefusedError (size, kind) or the fs error (ENOENT, EACCES …).
 * Opened with O_NONBLOCK so that a file swapped for a FIFO between stat and open cannot block; the
 * open descriptor is checked again with fstat.
 */
export function readBoundedTextFile(path: string, maxBytes: number): string {
  checkStats(statSync(path), maxBytes);
  // O_NONBLOCK does not exist on Windows, where FIFOs cannot be opened by path anyway.
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    checkStats(fstatSync(fd), maxBytes);
    // Read in chunks until the end, never holding more than maxBytes + one chunk: a file that grew
    // after the stat is refused as soon as it passes the limit.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
      const read = readSync(fd, chunk, 0, CHUNK_BYTES, null);
      if (read === 0) break;
      total += read;
      if (total > maxBytes) throw new FileRefusedError(`the file grew beyond the ${formatBytes(maxBytes)} allowed while it was read`, { kind: 'grew', maxBytes });
      chunks.push(read === CHUNK_BYTES ? chunk : chunk.subarray(0, read));
    }
    return Buffer.concat(chunks, total).toString('utf8');
  } finally {
    closeSync(fd);
  }
}
