/**
 * `create <generator> --dry-run=client` needs no server: kctl's output must equal the real
 * kubectl v1.35's byte for byte (stdout, stderr's error line, exit code).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { mapLimit, runKctlInProcess } from '../compat/parity-support.js';
import { kubectlPath } from '../support/kubectl.js';

let dir = '';
let kubectl = '';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function runKubectl(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      kubectl,
      args,
      {
        cwd: dir,
        env: { PATH: process.env.PATH, HOME: dir, KUBECONFIG: join(dir, 'none'), D: 'dv' },
        encoding: 'utf8',
      },
      (err, stdout, stderr) => {
        const code = err ? Number((err as { code?: number }).code ?? 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** The in-process runner finds commands by file; the CLI's oclif aliases map short forms. */
const ALIASES: Record<string, string> = {
  deploy: 'deployment',
  ns: 'namespace',
  cm: 'configmap',
  svc: 'service',
  sa: 'serviceaccount',
  pdb: 'poddisruptionbudget',
  cj: 'cronjob',
  pc: 'priorityclass',
};

async function runKctl(args: string[]): Promise<Run> {
  const canonical = args.map((a, i) => (i === 1 ? (ALIASES[a] ?? a) : a));
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    return await runKctlInProcess(canonical, { HOME: dir, KUBECONFIG: join(dir, 'none'), D: 'dv' });
  } finally {
    process.chdir(cwd);
  }
}

beforeAll(() => {
  kubectl = kubectlPath();
  dir = mkdtempSync(join(tmpdir(), 'kctl-gen-'));
  writeFileSync(join(dir, 'f.txt'), 'hello\n');
  writeFileSync(join(dir, 'bin.dat'), Buffer.from([0xff, 0xfe, 0x00]));
  writeFileSync(join(dir, 'e.env'), 'A=1\n# c\nB="q" \n\n  C=3 \nD\nE\n');
  mkdirSync(join(dir, 'd'));
  writeFileSync(join(dir, 'd', 'a'), 'x');
  writeFileSync(join(dir, 'd', 'b.yaml'), 'k: v\n');
}, 120_000);

const same: string[][] = [
  ['create', 'deployment', 'web', '--image=nginx'],
  ['create', 'deployment', 'web', '--image=nginx', '--image=redis:7', '--replicas=3', '--port=80', '-n', 'shop'],
  ['create', 'deploy', 'web', '--image=registry.k8s.io/pause:3.9', '--', 'sleep', '10'],
  ['create', 'namespace', 'foo'],
  ['create', 'ns', 'foo', '--save-config'],
  [
    'create',
    'configmap',
    'c',
    '--from-literal=a=1',
    '--from-literal=b=x=y',
    '--from-file=f.txt',
    '--from-file=k2=f.txt',
  ],
  ['create', 'cm', 'c', '--from-file=bin.dat', '--from-file=d'],
  ['create', 'cm', 'c', '--from-env-file=e.env', '-n', 'x'],
  ['create', 'cm', 'c', '--from-literal=a=1', '--append-hash'],
  ['create', 'cm', 'c', '--from-literal=a=1', '--from-literal=a=2'],
  ['create', 'cm', 'c', '--from-literal=b@=1'],
  ['create', 'cm', 'c'],
  ['create', 'secret', 'generic', 's', '--from-literal=a=1', '--from-file=d', '--type=Opaque'],
  ['create', 'secret', 'generic', 's', '--from-env-file=e.env', '--append-hash'],
  ['create', 'secret', 'generic', 's', '--from-literal=a=1', '--from-literal=a=2'],
  ['create', 'service', 'clusterip', 'my', '--tcp=80:8080', '--tcp=443'],
  ['create', 'svc', 'clusterip', 'h', '--clusterip=None'],
  ['create', 'svc', 'clusterip', 'h'],
  ['create', 'svc', 'clusterip', 'h', '--tcp=abc'],
  ['create', 'svc', 'nodeport', 'np', '--tcp=80:http', '--node-port=30080'],
  ['create', 'svc', 'loadbalancer', 'lb', '--tcp=5678:8080', '-n', 'x'],
  ['create', 'svc', 'externalname', 'e', '--external-name=a.b.c'],
  ['create', 'serviceaccount', 'bot'],
  ['create', 'sa', 'bot', '-n', 'x', '--save-config'],
  ['create', 'job', 'j', '--image=busybox', '--', 'echo', 'hi'],
  ['create', 'job', 'j'],
  ['create', 'cronjob', 'cj', '--image=busybox', '--schedule=*/1 * * * *', '--restart=Never', '-n', 'x', '--', 'date'],
  ['create', 'cronjob', 'cj', '--image=busybox'],
  ['create', 'priorityclass', 'hi', '--value=1000', '--description=x', '--global-default'],
  ['create', 'quota', 'q', '--hard=cpu=1000m,memory=0.5Gi,pods=2', '--scopes=BestEffort'],
  ['create', 'poddisruptionbudget', 'p', '--selector=app=web,tier in (a,b)', '--max-unavailable=1'],
  ['create', 'pdb', 'p', '--selector=app=web', '--min-available=50%', '-n', 'x'],
];

function withOutput(args: string[], o: string): string[] {
  const extra = ['--dry-run=client', ...(o ? ['-o', o] : [])];
  const dd = args.indexOf('--');
  return dd < 0 ? [...args, ...extra] : [...args.slice(0, dd), ...extra, ...args.slice(dd)];
}

const outputsFor = (args: string[]) =>
  args.includes('-n') || args.includes('--save-config') ? ['yaml', 'json', ''] : ['yaml', 'json'];
const cases = same.flatMap((args) => outputsFor(args).map((o) => withOutput(args, o)));
const expected = new Map<string, Run>();

beforeAll(async () => {
  const results = await mapLimit(cases, 4, (c) => runKubectl(c));
  for (const [i, c] of cases.entries()) expected.set(c.join(' '), results[i]!);
}, 120_000);

describe('create generators --dry-run=client match kubectl', () => {
  for (const args of same) {
    for (const o of outputsFor(args)) {
      it(`${args.join(' ')} -o ${o || '(default)'}`, async () => {
        const full = withOutput(args, o);
        const want = expected.get(full.join(' '))!;
        const got = await runKctl(full);
        expect(got.stdout).toBe(want.stdout);
        expect(got.code).toBe(want.code);
        if (want.code !== 0) expect(got.stderr).toBe(want.stderr);
      });
    }
  }
});
