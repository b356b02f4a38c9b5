import { readFileSync } from 'node:fs';

/**
 * kctl's version in the shape of Kubernetes' version.Info. kctl tracks kubectl/kube-apiserver
 * v1.35, so its gitVersion is `v1.35.0-kctl.<package version>`: tools that parse major/minor
 * (helm, client libraries) see the Kubernetes level kctl implements.
 */
export interface VersionInfo {
  major: string;
  minor: string;
  emulationMajor?: string;
  emulationMinor?: string;
  minCompatibilityMajor?: string;
  minCompatibilityMinor?: string;
  gitVersion: string;
  gitCommit: string;
  gitTreeState: string;
  buildDate: string;
  goVersion: string;
  compiler: string;
  platform: string;
}

export const KUBE_MAJOR = '1';
export const KUBE_MINOR = '35';

let cached: string | undefined;
export function packageVersion(): string {
  if (cached) return cached;
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  cached = pkg.version;
  return cached;
}

export function versionInfo(): VersionInfo {
  return {
    major: KUBE_MAJOR,
    minor: KUBE_MINOR,
    gitVersion: `v${KUBE_MAJOR}.${KUBE_MINOR}.0-kctl.${packageVersion()}`,
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2026-01-01T00:00:00Z',
    goVersion: `node${process.versions.node}`,
    compiler: 'tsc',
    platform: `${process.platform}/${process.arch === 'x64' ? 'amd64' : process.arch}`,
  };
}
