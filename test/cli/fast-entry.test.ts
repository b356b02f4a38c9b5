/**
 * bin/run.js starts kctl from dist/bundle (scripts/bundle.mjs) when it is built, else from
 * dist/. Both must behave alike to the byte: same stdout, stderr and exit code. These run the
 * real entry as a child process, so they need `npm run build` first (`npm test` does it).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const RUN = join(ROOT, 'bin', 'run.js');
const BUNDLE = join(ROOT, 'dist', 'bundle', 'entry.js');
const built = existsSync(join(ROOT, 'dist', 'cli', 'fast-entry.js'));
const bundled = existsSync(BUNDLE);

const home = mkdtempSync(join(tmpdir(), 'kctl-fast-entry-'));
const kubeconfig = join(home, 'config');
writeFileSync(
  kubeconfig,
  [
    'apiVersion: v1',
    'kind: Config',
    'current-context: dev',
    'clusters: [{name: c1, cluster: {server: "https://127.0.0.1:1"}}]',
    'users: [{name: u1, user: {token: abc}}]',
    'contexts: [{name: dev, context: {cluster: c1, user: u1, namespace: shop}}]',
    '',
  ].join('\n'),
);
afterAll(() => rmSync(home, { recursive: true, force: true }));

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

function run(args: string[], bundle: boolean): Promise<Result> {
  const env = { PATH: process.env.PATH ?? '', HOME: home, KUBECONFIG: kubeconfig, KCTL_BUNDLE: bundle ? '1' : '0' };
  return new Promise((resolve) => {
    execFile(process.execPath, [RUN, ...args], { env, cwd: home }, (err, stdout, stderr) => {
      const code = err ? Number((err as { code?: number }).code ?? 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

describe.skipIf(!built)('bin/run.js', () => {
  it('prints the package version (the bundle finds package.json beside its chunks)', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const r = await run(['version', '--client'], true);
    expect(r).toEqual({ code: 0, stdout: `Client Version: v1.35.0-kctl.${version}\n`, stderr: '' });
  });

  // One case per way out: success, help, a kctl error, an oclif parse error, an unknown command,
  // and global flags before the command word (hoisted by argv.ts).
  const cases: string[][] = [
    ['config', 'view', '--minify'],
    ['get', '--help'],
    ['get'],
    ['get', 'pods', '--no-such-flag'],
    ['no-such-command'],
    ['-n', 'other', 'config', 'current-context'],
  ];
  it.skipIf(!bundled).each(cases.map((args) => [args.join(' '), args] as const))(
    'bundle and dist/ agree: kctl %s',
    async (_title, args) => {
      const [fromBundle, fromDist] = await Promise.all([run([...args], true), run([...args], false)]);
      expect(fromBundle).toEqual(fromDist);
      expect(fromBundle.stdout.length + fromBundle.stderr.length).toBeGreaterThan(0);
    },
  );
});
