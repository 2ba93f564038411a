/**
 * Serves the built renderer (out/renderer) and nothing else: no path traversal, and no symlink that
 * leads out of the folder — the resolved real path must still be inside the folder's real path.
 */
import { constants } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { safeDecode } from './security';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** The renderer's largest bundle is a few MB (ECharts); anything far bigger is not one of ours. */
export const MAX_STATIC_FILE_BYTES = 32 * 1024 * 1024;

export interface StaticFile {
  body: Buffer;
  contentType: string;
  isHtml: boolean;
}

function isInside(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

/** The file for a URL path inside `root`, or undefined (missing, a directory, outside root, or a link out of it). */
export async function readStatic(root: string, urlPath: string): Promise<StaticFile | undefined> {
  const decoded = safeDecode(urlPath);
  if (decoded === undefined || decoded.includes('\0')) return undefined;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  try {
    const rootReal = await realpath(resolve(root));
    const lexical = resolve(join(rootReal, relative));
    if (!isInside(rootReal, lexical)) return undefined;
    // Symlinks (of the file or of any folder on the way) are followed here, then checked again.
    const real = await realpath(lexical);
    if (!isInside(rootReal, real)) return undefined;
    // Open the checked real path once and read through that handle, so what is read is what was
    // checked; O_NONBLOCK so that a FIFO cannot hold the open (it is then refused as not a file).
    const handle = await open(real, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const info = await handle.stat();
      if (!info.isFile() || info.size > MAX_STATIC_FILE_BYTES) return undefined;
      const extension = extname(real).toLowerCase();
      return { body: await handle.readFile(), contentType: MIME[extension] ?? 'application/octet-stream', isHtml: extension === '.html' };
    } finally {
      await handle.close();
    }
  } catch {
    return undefined;
  }
}
