/**
 * More `create <generator> --dry-run=client` cases (bindings, typed secrets, ingress): kctl's
 * output must equal the real kubectl v1.35's byte for byte (stdout, stderr's error, exit code).
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
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

const env = () => ({ HOME: dir, KUBECONFIG: join(dir, 'none') });

function runKubectl(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      kubectl,
      args,
      { cwd: dir, env: { PATH: process.env.PATH, ...env() }, encoding: 'utf8' },
      (err, stdout, stderr) => {
        const code = err ? Number((err as { code?: number }).code ?? 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** The in-process runner finds commands by file; oclif aliases map the short forms. */
const ALIASES: Record<string, string> = { ing: 'ingress' };

async function runKctl(args: string[]): Promise<Run> {
  const canonical = args.map((a, i) => (i === 1 ? (ALIASES[a] ?? a) : a));
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    return await runKctlInProcess(canonical, env());
  } finally {
    process.chdir(cwd);
  }
}

const same: string[][] = [
  ['create', 'rolebinding', 'rb', '--role=r', '--user=u1', '--user=u2', '--group=g', '--serviceaccount=ns:sa'],
  ['create', 'rolebinding', 'rb', '--clusterrole=view', '-n', 'x'],
  ['create', 'rolebinding', 'rb'],
  ['create', 'rolebinding', 'rb', '--role=a', '--clusterrole=b'],
  ['create', 'rolebinding', 'rb', '--clusterrole=b', '--serviceaccount=bad'],
  [
    'create',
    'clusterrolebinding',
    'crb',
    '--clusterrole=cr',
    '--group=g',
    '--serviceaccount=kube-system:bot',
    '-n',
    'x',
  ],
  ['create', 'clusterrolebinding', 'crb', '--clusterrole=cr', '--save-config'],
  ['create', 'secret', 'tls', 't', '--cert=c.pem', '--key=k.pem'],
  ['create', 'secret', 'tls', 't', '--cert=c.pem', '--key=k.pem', '--append-hash', '-n', 'x'],
  ['create', 'secret', 'tls', 't', '--cert=c.pem'],
  ['create', 'secret', 'tls', 't', '--cert=c.pem', '--key=c.pem'],
  ['create', 'secret', 'tls', 't', '--cert=c.pem', '--key=other.pem'],
  ['create', 'secret', 'tls', 't', '--cert=c.pem', '--key=nope'],
  [
    'create',
    'secret',
    'docker-registry',
    'reg',
    '--docker-username=u',
    '--docker-password=p<&>"',
    '--docker-email=e@x',
    '--docker-server=srv',
  ],
  [
    'create',
    'secret',
    'docker-registry',
    'reg',
    '--docker-username=u',
    '--docker-password=p',
    '--append-hash',
    '-n',
    'x',
  ],
  ['create', 'secret', 'docker-registry', 'reg', '--from-file=cfg.json'],
  ['create', 'secret', 'docker-registry', 'reg', '--from-file=foo=cfg.json', '--from-file=cfg.json'],
  ['create', 'secret', 'docker-registry', 'reg', '--from-file=cfg.json', '--from-file=c.pem'],
  ['create', 'secret', 'docker-registry', 'reg'],
  [
    'create',
    'ingress',
    'ing',
    '--rule=foo.com/bar=svc1:8080,tls=my-cert',
    '--rule=/path*=svc2:http',
    '--rule=foo.com/admin*=svc3:9',
    '--rule=bar.com/=svc4:80,tls=my-cert',
    '--class=nginx',
    '--default-backend=def:80',
    '--annotation=b=2',
    '--annotation=a=1=x',
  ],
  ['create', 'ing', 'ing', '--rule=foo.com/=svc1:8080,tls', '--rule=/x=s:1,tls', '-n', 'x'],
  ['create', 'ingress', 'ing', '--default-backend=def:http', '--save-config'],
  ['create', 'ingress', 'ing'],
  ['create', 'ingress', 'ing', '--rule=bad'],
  ['create', 'ingress', 'ing', '--default-backend=a'],
  ['create', 'ingress', 'ing', '--rule=/=a:b', '--annotation=bad'],
];

function withOutput(args: string[], o: string): string[] {
  return [...args, '--dry-run=client', ...(o ? ['-o', o] : [])];
}

const outputsFor = (args: string[]) =>
  args.includes('-n') || args.includes('--save-config') ? ['yaml', 'json', ''] : ['yaml', 'json'];
const cases = same.flatMap((args) => outputsFor(args).map((o) => withOutput(args, o)));
const expected = new Map<string, Run>();

beforeAll(async () => {
  kubectl = kubectlPath();
  dir = mkdtempSync(join(tmpdir(), 'kctl-gen-more-'));
  // two unrelated key pairs: the second key must not match the first certificate
  for (const [k, c] of [
    ['k.pem', 'c.pem'],
    ['other.pem', 'c2.pem'],
  ] as const) {
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', k, '-out', c, '-days', '1', '-subj', '/CN=kctl'],
      { cwd: dir, stdio: 'ignore' },
    );
  }
  writeFileSync(join(dir, 'cfg.json'), '{"auths":{}}\n');
  const results = await mapLimit(cases, 4, (c) => runKubectl(c));
  for (const [i, c] of cases.entries()) expected.set(c.join(' '), results[i]!);
}, 120_000);

describe('more create generators --dry-run=client match kubectl', () => {
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
