/**
 * Runs the real kubectl v1.35 asynchronously (so an in-process fake server keeps serving) with an
 * empty kubeconfig and a private cache dir, and returns stdout, stderr and the exit code.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kubectlPath } from '../../support/kubectl.js';

export interface KubectlResult {
  stdout: string;
  stderr: string;
  code: number;
}

let workDir: string | undefined;

/** A scratch directory shared by the printer tests (kubeconfig, cache, fixture files). */
export function scratchDir(): string {
  if (!workDir) {
    workDir = mkdtempSync(join(tmpdir(), 'kctl-printers-'));
    writeFileSync(join(workDir, 'kubeconfig'), '');
  }
  return workDir;
}

/** Writes `content` to a file in the scratch dir and returns its path. */
export function scratchFile(name: string, content: string): string {
  const p = join(scratchDir(), name);
  writeFileSync(p, content);
  return p;
}

export function runKubectl(args: string[]): Promise<KubectlResult> {
  const dir = scratchDir();
  const env = { ...process.env, KUBECONFIG: join(dir, 'kubeconfig'), HOME: dir };
  return new Promise((resolve) => {
    execFile(
      kubectlPath(),
      [...args, '--cache-dir', join(dir, 'cache')],
      { env, maxBuffer: 16 << 20 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ stdout, stderr, code });
      },
    );
  });
}

/** kubectl's offline printing: `label --local -f FILE <no-op> -o OUTPUT`. */
export function kubectlLocalPrint(obj: unknown, output: string[], name = 'obj.json'): Promise<KubectlResult> {
  const file = scratchFile(name, JSON.stringify(obj));
  return runKubectl(['label', '--local', '-f', file, 'kctl-probe-', ...output]);
}
