/**
 * Serves the built renderer (out/renderer) and nothing else: no path traversal, and no symlink that
 * leads out of the folder — the resolved real path must still be inside the folder's real path.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync, realpathSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
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

/**
 * Built assets carry a content hash in their name (Vite's `[name]-[hash]`): one URL is always the
 * same bytes, so they are kept after the first read. A host busy simulating (scale-1000 at ×3600)
 * turns its event loop a few times a second, and each file took six file-system round trips
 * through it: the ~20 files a view needs arrived seconds after the snapshot (issue 15, first
 * render at scale). index.html is never kept (a rebuild changes it and the names it points to).
 */
const HASHED_ASSET = /^\/assets\/[^/]+-[\w-]{8}\.(?:js|css)$/;
/** Far above the renderer's few MB: a bound, not a budget. */
export const MAX_CACHED_BYTES = 64 * 1024 * 1024;
const cache = new Map<string, StaticFile>();
let cachedBytes = 0;
const warmed = new Set<string>();

/** The file for a URL path inside `root`, or undefined (missing, a directory, outside root, or a link out of it). */
export async function readStatic(root: string, urlPath: string): Promise<StaticFile | undefined> {
  const key = `${root}\0${urlPath}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const file = readChecked(root, urlPath);
  if (file && HASHED_ASSET.test(urlPath) && !cache.has(key) && cachedBytes + file.body.length <= MAX_CACHED_BYTES) {
    cache.set(key, file);
    cachedBytes += file.body.length;
  }
  // The page is being loaded: read its assets now, all at once, rather than as the browser asks for each.
  if (file?.isHtml) void warmAssets(root);
  return file;
}

async function warmAssets(root: string): Promise<void> {
  if (warmed.has(root)) return;
  warmed.add(root);
  try {
    const names = await readdir(join(root, 'assets'));
    await Promise.all(names.filter((name) => HASHED_ASSET.test(`/assets/${name}`)).map((name) => readStatic(root, `/assets/${name}`)));
  } catch {
    // No assets folder (or unreadable): files are read on request as before.
  }
}

/** Whether a URL path is one of the kept assets (tests). */
export function isCachedAsset(root: string, urlPath: string): boolean {
  return cache.has(`${root}\0${urlPath}`);
}

/**
 * Synchronous on purpose: these are the app's own local files (index.html ~1 kB, assets read once
 * and kept), so each read takes microseconds, while each asynchronous step (two realpaths, open,
 * stat, read, close) waited for a turn of an event loop busy simulating — at scale-1000 ×3600
 * index.html alone took ~1 s to serve (issue 15, first render at scale).
 */
function readChecked(root: string, urlPath: string): StaticFile | undefined {
  const decoded = safeDecode(urlPath);
  if (decoded === undefined || decoded.includes('\0')) return undefined;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  try {
    const rootReal = realpathSync(resolve(root));
    const lexical = resolve(join(rootReal, relative));
    if (!isInside(rootReal, lexical)) return undefined;
    // Symlinks (of the file or of any folder on the way) are followed here, then checked again.
    const real = realpathSync(lexical);
    if (!isInside(rootReal, real)) return undefined;
    // Open the checked real path once and read through that descriptor, so what is read is what was
    // checked; O_NONBLOCK so that a FIFO cannot hold the open (it is then refused as not a file).
    const fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const info = fstatSync(fd);
      if (!info.isFile() || info.size > MAX_STATIC_FILE_BYTES) return undefined;
      const extension = extname(real).toLowerCase();
      return { body: readFileSync(fd), contentType: MIME[extension] ?? 'application/octet-stream', isHtml: extension === '.html' };
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}
