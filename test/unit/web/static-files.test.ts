/**
 * Issue 10: "Web-mode static files follow symlinks out of the renderer folder." The real path of
 * what is served must stay inside the real path of the renderer folder; links within it still work.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCachedAsset, readStatic } from '@main/web/static-files';

function fixture() {
  const base = mkdtempSync(join(tmpdir(), 'fd-static-'));
  const outside = join(base, 'outside');
  mkdirSync(outside);
  writeFileSync(join(outside, 'secret.txt'), 'do not serve');
  const root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  symlinkSync(join(outside, 'secret.txt'), join(root, 'leak.txt'));
  symlinkSync('../../outside/secret.txt', join(root, 'assets', 'relative-leak.txt'));
  symlinkSync(outside, join(root, 'linked-dir'));
  symlinkSync('/etc/hostname', join(root, 'hostname.txt'));
  symlinkSync(join(root, 'assets', 'app.js'), join(root, 'alias.js'));
  return { base, root };
}

describe('static files of web mode', () => {
  it('refuses symlinks (to files or folders) that lead out of the renderer folder', async () => {
    const { root } = fixture();
    for (const path of ['/leak.txt', '/assets/relative-leak.txt', '/linked-dir/secret.txt', '/hostname.txt']) {
      expect(await readStatic(root, path), path).toBeUndefined();
    }
  });

  it('still serves files and links that stay inside', async () => {
    const { root } = fixture();
    expect((await readStatic(root, '/'))?.isHtml).toBe(true);
    expect((await readStatic(root, '/assets/app.js'))?.body.toString()).toBe('console.log(1)');
    expect((await readStatic(root, '/alias.js'))?.body.toString()).toBe('console.log(1)');
  });

  it('works when the renderer folder itself is reached through a symlink', async () => {
    const { base, root } = fixture();
    const linkedRoot = join(base, 'current');
    symlinkSync(root, linkedRoot);
    expect((await readStatic(linkedRoot, '/assets/app.js'))?.body.toString()).toBe('console.log(1)');
    expect(await readStatic(linkedRoot, '/leak.txt')).toBeUndefined();
  });

  it('refuses a FIFO without blocking on it', async () => {
    const { root } = fixture();
    const fifo = join(root, 'pipe.js');
    execFileSync('mkfifo', [fifo]);
    expect(await readStatic(root, '/pipe.js')).toBeUndefined();
  });
});

describe('hashed assets are kept after the first read (issue 15: first render on a busy host)', () => {
  it('reads every hashed asset when the page is served, keeps them, and always reads index.html and unhashed files again', async () => {
    const { root } = fixture();
    writeFileSync(join(root, 'assets', 'index-BsX-I_in.js'), 'main');
    writeFileSync(join(root, 'assets', 'OverviewView-DIAXeU3g.css'), 'view');
    expect(isCachedAsset(root, '/assets/index-BsX-I_in.js')).toBe(false);
    expect((await readStatic(root, '/'))?.isHtml).toBe(true);
    await expect.poll(() => isCachedAsset(root, '/assets/OverviewView-DIAXeU3g.css')).toBe(true);
    expect(isCachedAsset(root, '/assets/index-BsX-I_in.js')).toBe(true);
    // Kept: the same URL is the same bytes (the hash is of the content).
    rmSync(join(root, 'assets', 'index-BsX-I_in.js'));
    expect((await readStatic(root, '/assets/index-BsX-I_in.js'))?.body.toString()).toBe('main');
    // Not kept: a rebuild changes index.html, and an unhashed name says nothing about its content.
    writeFileSync(join(root, 'index.html'), '<!doctype html><p>rebuilt');
    expect((await readStatic(root, '/'))?.body.toString()).toContain('rebuilt');
    expect(isCachedAsset(root, '/assets/app.js')).toBe(false);
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log(2)');
    expect((await readStatic(root, '/assets/app.js'))?.body.toString()).toBe('console.log(2)');
  });

  it('serves a file without waiting for turns of the event loop (a host busy simulating turns it seldom)', async () => {
    const { root } = fixture();
    // Every setImmediate is one turn of the loop; at scale-1000 ×3600 each turn could wait behind
    // a simulation frame, and index.html took six of them (realpath ×2, open, stat, read, close).
    let turns = 0;
    let served = false;
    const count = () => {
      turns++;
      if (!served) setImmediate(count);
    };
    setImmediate(count);
    const page = await readStatic(root, '/');
    const asset = await readStatic(root, '/assets/app.js');
    served = true;
    expect(page?.isHtml).toBe(true);
    expect(asset?.body.toString()).toBe('console.log(1)');
    expect(turns).toBe(0);
  });

  it('still refuses a hashed-looking link out of the folder', async () => {
    const { base, root } = fixture();
    symlinkSync(join(base, 'outside', 'secret.txt'), join(root, 'assets', 'leak-AbCd1234.js'));
    expect(await readStatic(root, '/')).toBeDefined();
    expect(await readStatic(root, '/assets/leak-AbCd1234.js')).toBeUndefined();
  });
});
