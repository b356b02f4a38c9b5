import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from '../../../src/server/lock/data-dir-lock.js';

const dir = mkdtempSync(join(tmpdir(), 'kctl-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('data dir lock', () => {
  it('refuses a second holder and frees on release', () => {
    const a = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(/in use by another kctl serve \(pid \d+\)/);
    a.release();
    expect(existsSync(a.path)).toBe(false);
    lockDataDir(dir).release();
  });
  it('takes over a stale lock left by a dead process', () => {
    writeFileSync(join(dir, 'serve.lock'), '999999999\n');
    const l = lockDataDir(dir);
    l.release();
  });
});
