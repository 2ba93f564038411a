/** Serves the built renderer (out/renderer) with path-traversal protection. */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

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

export interface StaticFile {
  body: Buffer;
  contentType: string;
  isHtml: boolean;
}

/** The file for a URL path inside `root`, or undefined (missing, a directory, or outside root). */
export async function readStatic(root: string, urlPath: string): Promise<StaticFile | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const rootResolved = resolve(root);
  const path = resolve(join(rootResolved, relative));
  if (path !== rootResolved && !path.startsWith(rootResolved + sep)) return undefined;
  try {
    const info = await stat(path);
    if (!info.isFile()) return undefined;
    const extension = extname(path).toLowerCase();
    return { body: await readFile(path), contentType: MIME[extension] ?? 'application/octet-stream', isHtml: extension === '.html' };
  } catch {
    return undefined;
  }
}
