/**
 * Test servers share one PKI: generating a CA and two certificates costs far more than the rest
 * of a start, and tests do not need distinct CAs. The first server of a machine writes its `pki/`
 * into a cache folder under the OS temp dir (mode 0700, renamed into place atomically so parallel
 * test workers never see half a folder); later servers copy it into their data dir before start.
 */
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

const cacheDir = (): string => join(tmpdir(), `kctl-testing-pki-v1-${userInfo().uid}`);

/** Copies the cached PKI into `<dataDir>/pki`; false when there is no cache yet. */
export function usePkiCache(dataDir: string): boolean {
  const src = cacheDir();
  if (!existsSync(join(src, 'ca.key'))) return false;
  try {
    mkdirSync(dataDir, { recursive: true });
    cpSync(src, join(dataDir, 'pki'), { recursive: true });
    return true;
  } catch {
    return false;
  }
}

/** Saves `<dataDir>/pki` as the cache unless one exists; failures only cost speed. */
export function fillPkiCache(dataDir: string): void {
  const dest = cacheDir();
  if (existsSync(dest)) return;
  const tmp = `${dest}.${process.pid}.${Date.now()}`;
  try {
    cpSync(join(dataDir, 'pki'), tmp, { recursive: true });
    renameSync(tmp, dest);
  } catch {
    rmSync(tmp, { recursive: true, force: true });
  }
}
