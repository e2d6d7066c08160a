import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseChromium, findChromium, isExecutableFile } from './find-chromium.mjs';

const runnable = (paths: string[]) => (path: string) => paths.includes(path);

describe('chooseChromium: CHROMIUM_PATH, else the system on PATH, else the npm one', () => {
  it('takes CHROMIUM_PATH first, even with a system Chromium on PATH', () => {
    const choice = chooseChromium({
      env: { CHROMIUM_PATH: '/opt/chrome/chrome', PATH: '/usr/bin' },
      isExecutable: runnable(['/opt/chrome/chrome', '/usr/bin/chromium']),
      packaged: '153.0.0',
    });
    expect(choice).toEqual({ kind: 'env', path: '/opt/chrome/chrome' });
  });

  it('refuses a CHROMIUM_PATH that cannot run instead of quietly using another browser', () => {
    const choice = chooseChromium({
      env: { CHROMIUM_PATH: '/nowhere/chromium', PATH: '/usr/bin' },
      isExecutable: runnable(['/usr/bin/chromium']),
      packaged: '153.0.0',
    });
    expect(choice.kind).toBe('none');
    expect(choice).toMatchObject({ problem: expect.stringContaining('/nowhere/chromium') });
  });

  it('finds the system Chromium by any of its names, in PATH order', () => {
    const choice = chooseChromium({
      env: { PATH: '/usr/local/bin:/snap/bin:/usr/bin' },
      isExecutable: runnable(['/snap/bin/chromium-browser', '/usr/bin/chromium']),
      packaged: '153.0.0',
    });
    expect(choice).toEqual({ kind: 'system', path: '/snap/bin/chromium-browser' });
  });

  it('falls back to the packaged Chromium when /usr/bin/chromium is absent and PATH has none', () => {
    const choice = chooseChromium({
      env: { PATH: '/usr/local/bin:/usr/bin:/bin' },
      isExecutable: runnable([]),
      packaged: '153.0.0',
    });
    expect(choice).toEqual({ kind: 'packaged', version: '153.0.0' });
  });

  it('says what to do when there is no browser at all', () => {
    const choice = chooseChromium({
      env: { PATH: '/usr/bin' },
      isExecutable: runnable([]),
      packaged: undefined,
    });
    expect(choice).toMatchObject({ kind: 'none', problem: expect.stringContaining('npm ci') });
  });

  it('looks at files on disk, not at names: a directory or a non-executable file is no browser', () => {
    const dir = mkdtempSync(join(tmpdir(), 'find-chromium-'));
    const plain = join(dir, 'chromium');
    writeFileSync(plain, '#!/bin/sh\n');
    expect(isExecutableFile(plain)).toBe(false);
    chmodSync(plain, 0o755);
    expect(isExecutableFile(plain)).toBe(true);
    const found = chooseChromium({
      env: { PATH: dir },
      isExecutable: isExecutableFile,
      packaged: undefined,
    });
    expect(found).toEqual({ kind: 'system', path: plain });
  });
});

describe('findChromium with no system browser', () => {
  it('unpacks the Chromium that npm installed and it runs', async () => {
    const { path, origin } = await findChromium({ PATH: '' });
    expect(origin).toMatch(/@sparticuz\/chromium/);
    expect(path).toContain(join('node_modules', '.cache'));
    const version = execFileSync(path, ['--version'], { encoding: 'utf8' });
    expect(version).toMatch(/Chromium \d+/);
  }, 60_000);
});
