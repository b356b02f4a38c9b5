/**
 * Debian's python3-kubernetes against kctl's server: list, create, patch, label selectors,
 * errors and a watch that ends at its timeout. Installs the package with apt when it is missing;
 * skips (saying why) only where apt is not available.
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../src/testing/index.js';

// Debian's module lives under /usr/bin/python3; a pyenv python3 on PATH would not see it.
const PYTHON = '/usr/bin/python3';
const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'python', 'client_script.py');

const hasModule = (): boolean =>
  existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import kubernetes'], { stdio: 'ignore' }).status === 0;

/** Installs python3-kubernetes with apt; returns why it cannot, or undefined when it is there. */
function ensurePythonClient(): string | undefined {
  if (hasModule()) return undefined;
  if (spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status !== 0)
    return 'apt-get is not available to install python3-kubernetes';
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () => spawnSync('apt-get', ['install', '-y', 'python3-kubernetes'], { env, stdio: 'ignore' }).status;
  if (install() !== 0) {
    // Stale package lists are the usual cause; refresh once and retry.
    spawnSync('apt-get', ['update'], { env, stdio: 'ignore' });
    if (install() !== 0) throw new Error('apt-get install -y python3-kubernetes failed');
  }
  if (!hasModule()) throw new Error(`python3-kubernetes installed but ${PYTHON} cannot import kubernetes`);
  return undefined;
}

const unavailable = ensurePythonClient();
if (unavailable) console.warn(`skipping the Python client tests: ${unavailable}`);

describe.skipIf(unavailable !== undefined)('python3-kubernetes against kctl', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({
      seed: [
        { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'py' } },
        { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'seeded', namespace: 'py' }, data: { s: '1' } },
      ],
    });
  });
  afterAll(() => server?.stop());

  it('lists, creates, patches, selects, reports 404 and watches with a timeout', async () => {
    // Async: the server runs in this process, so a synchronous child would block it.
    const { stdout } = await promisify(execFile)(PYTHON, [SCRIPT, server.kubeconfigPath, 'py'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    const out = JSON.parse(stdout);
    expect(out.namespaces).toEqual(expect.arrayContaining(['default', 'kube-system', 'py']));
    expect(out.listed).toContain('seeded');
    expect(out.created_uid).toBe(true);
    expect(out.patched_data).toEqual({ a: '1', b: '2' });
    expect(out.patched_labels).toEqual({ app: 'py', tier: 'x' });
    expect(out.selected).toEqual(['py-cm']);
    expect(out).toMatchObject({ missing_status: 404, missing_reason: 'NotFound' });
    expect(out.watch_events).toEqual(['ADDED py-cm', 'MODIFIED py-cm']);
    expect(out.after_delete).not.toContain('py-cm');
  }, 90_000);
});
