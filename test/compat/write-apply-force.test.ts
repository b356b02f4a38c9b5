/**
 * `apply --force` (delete and re-create when the patch fails with Invalid or Conflict), --wait
 * and --timeout, run with the real kubectl in one namespace and kctl in another of the same
 * `kctl serve`: identical lines and errors, equal objects left behind. An immutable ConfigMap
 * (data frozen) and a Job's completionMode are the immutable fields changed.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NS, type Scenario, startScenario } from '../apply/compat-scenario.js';

let s: Scenario;
const file = (name: string) => join(s.p.cluster.dir, name);
// klog's header carries the time and the process id.
const KLOG = /^W\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ prune\.go:71\] /gm;

const cm = (name: string, value: string, extra = '') =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}}\nimmutable: true\ndata: {k: "${value}"${extra}}\n`;
const job = (mode: 'NonIndexed' | 'Indexed') => `apiVersion: batch/v1
kind: Job
metadata: {name: once}
spec:
  completions: 2
  completionMode: ${mode}
  template:
    spec:
      restartPolicy: Never
      containers: [{name: c, image: busybox}]
`;

/**
 * Runs one kctl command from the TypeScript sources under `script`, so stdout and stderr are
 * a pseudo-terminal; returns the terminal's bytes with the tty's CRLF turned back into LF.
 * (bin/dev.js would load the last build from dist/, not these sources.)
 */
function kctlOnTty(command: 'apply' | 'delete', args: string[]): Promise<string> {
  const quote = (a: string) => `'${a.replaceAll("'", "'\\''")}'`;
  const entry = join(process.cwd(), `src/commands/${command}.ts`);
  const code = `const { default: C } = await import(${JSON.stringify(entry)}); await C.run(process.argv.slice(1), ${JSON.stringify(join(process.cwd(), 'bin/dev.js'))});`;
  const cmd = ['node', '--import', 'tsx', '--input-type=module', '-e', code, '--', ...args].map(quote).join(' ');
  const env = { ...process.env, KUBECONFIG: s.p.cluster.server.kubeconfigPath, HOME: s.p.cluster.dir, COLUMNS: '80' };
  return new Promise((resolve, reject) => {
    execFile('script', ['-qec', cmd, '/dev/null'], { env, timeout: 60_000 }, (err, stdout) => {
      if (err) reject(err);
      else resolve(String(stdout).replaceAll('\r\n', '\n'));
    });
  });
}

/** `jsonpath` of one object in both namespaces (objects carrying uids can't be compared whole). */
async function sameField(resource: string, path: string): Promise<string> {
  const read = async (ns: string) => (await s.p.kubectl(['get', resource, '-n', ns, '-o', `jsonpath=${path}`])).stdout;
  const want = await read(NS.kubectl);
  expect(await read(NS.kctl)).toBe(want);
  return want;
}

beforeAll(async () => {
  s = await startScenario();
  writeFileSync(file('cm1.yaml'), cm('cfg', 'one'));
  writeFileSync(file('cm2.yaml'), cm('cfg', 'two'));
  writeFileSync(file('cm-bad.yaml'), cm('cfg', 'three', ', "bad key!": x'));
  writeFileSync(file('two.yaml'), [cm('cfg', 'four'), cm('plain', 'same')].join('---\n'));
  const kept = (v: string) => cm('held', v).replace('{name: held}', '{name: held, finalizers: [example.com/keep]}');
  writeFileSync(file('held1.yaml'), kept('one'));
  writeFileSync(file('held2.yaml'), kept('two'));
  const labelled = (name: string, extra = '') =>
    `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}, labels: {app: pw}${extra}}\ndata: {k: v}\n`;
  writeFileSync(
    file('pw-both.yaml'),
    [labelled('pw-keep'), labelled('pw-held', ', finalizers: [example.com/keep]')].join('---\n'),
  );
  writeFileSync(file('pw-keep.yaml'), labelled('pw-keep'));
  writeFileSync(file('job1.yaml'), job('NonIndexed'));
  writeFileSync(file('job2.yaml'), job('Indexed'));
  mkdirSync(file('many'));
  for (const n of ['a', 'b', 'c']) writeFileSync(file(`many/${n}.yaml`), cm(`many-${n}`, n));
  await s.setup(['apply', '-f', file('cm1.yaml')]);
}, 120_000);

afterAll(async () => {
  await s?.p.stop();
});

describe('apply --force', () => {
  it('without --force an immutable change fails with the server error; nothing changes', async () => {
    const out = await s.step(['apply', '-f', file('cm2.yaml')]);
    expect(out).toContain('is invalid');
    expect(await sameField('configmap/cfg', '{.data.k}')).toBe('one');
  });

  it('with --force the object is deleted and created again, printed as configured', async () => {
    const out = await s.step(['apply', '-f', file('cm2.yaml'), '--force']);
    expect(out).toBe('configmap/cfg configured\n');
    await s.sameObjects('configmaps');
    expect(await sameField('configmap/cfg', '{.data.k}')).toBe('two');
    // The new configuration is the last-applied one: applying it again changes nothing.
    expect(await s.step(['apply', '-f', file('cm2.yaml'), '--force'])).toBe('configmap/cfg unchanged\n');
  });

  it('forces only the objects whose patch failed; -o name; --wait and --timeout accepted', async () => {
    const out = await s.step(['apply', '-f', file('two.yaml'), '--force', '--wait', '--timeout=30s', '-o', 'name']);
    expect(out).toBe('configmap/cfg\nconfigmap/plain\n');
    await s.sameObjects('configmaps');
    expect(await sameField('configmap/cfg', '{.data.k}')).toBe('four');
  });

  it('puts the old object back when the new one cannot be created, and reports why', async () => {
    const out = await s.step(['apply', '-f', file('cm-bad.yaml'), '--force']);
    expect(out).toContain('is invalid');
    await s.sameObjects('configmaps');
    expect(await sameField('configmap/cfg', '{.data.k}')).toBe('four');
  });

  it('--dry-run=client never deletes; --dry-run=server refuses --force', async () => {
    await s.step(['apply', '-f', file('cm2.yaml'), '--force', '--dry-run=client']);
    await s.step(['apply', '-f', file('cm2.yaml'), '--force', '--dry-run=server']);
    expect(await sameField('configmap/cfg', '{.data.k}')).toBe('four');
  });

  it("replaces a Job whose completionMode changed, with the delete's cascade and grace period", async () => {
    await s.step(['apply', '-f', file('job1.yaml')]);
    await s.step(['apply', '-f', file('job2.yaml')]);
    expect(await sameField('job/once', '{.spec.completionMode}')).toBe('NonIndexed');
    const out = await s.step([
      'apply',
      '-f',
      file('job2.yaml'),
      '--force',
      '--cascade=orphan',
      '--grace-period=0',
      '--timeout=30s',
    ]);
    expect(out).toBe('job.batch/once configured\n');
    expect(await sameField('job/once', '{.spec.completionMode}')).toBe('Indexed');
  });

  it('gives up at --timeout when the deleted object lingers (a finalizer), with the full error text', async () => {
    await s.step(['apply', '-f', file('held1.yaml')]);
    // The default --timeout=0 is a deadline already passed: one look, then kubectl's context error.
    const zero = await s.step(['apply', '-f', file('held2.yaml'), '--force']);
    expect(zero).toContain('context deadline exceeded');
    const out = await s.step(['apply', '-f', file('held2.yaml'), '--force', '--timeout=1s']);
    expect(out).toContain('context deadline exceeded');
    expect(out).toContain('Name: "held", Namespace: "<ns>"');
    expect(await sameField('configmap/held', '{.data.k}')).toBe('one');
    // Let the finalizer go so the objects can leave.
    await s.setup(['patch', 'configmap', 'held', '--type=merge', '-p', '{"metadata":{"finalizers":null}}']);
  });

  it('--prune --wait does not wait for a pruned object held by a finalizer (kubectl ignores --wait)', async () => {
    await s.step(['apply', '-f', file('pw-both.yaml')]);
    const out = await s.step(
      ['apply', '--prune', '-l', 'app=pw', '-f', file('pw-keep.yaml'), '--wait', '--timeout=5s'],
      { mask: KLOG },
    );
    expect(out).toContain('configmap/pw-held pruned');
    expect(await sameField('configmap/pw-held', '{.metadata.finalizers[0]}')).toBe('example.com/keep');
    await s.setup(['patch', 'configmap', 'pw-held', '--type=merge', '-p', '{"metadata":{"finalizers":null}}']);
  });

  it("rejects a bad --timeout with kubectl's text (the usage hint names each tool)", async () => {
    const out = await s.step(['apply', '-f', file('cm1.yaml'), '--force', '--timeout=soon'], {
      mask: /See '\w+ apply/,
    });
    expect(out).toContain('invalid argument "soon" for "--timeout" flag');
  });
});

describe('progress on a terminal', () => {
  it('draws `applying i/n objects...` on the tty and erases it before every line; piped bytes stay plain', async () => {
    const dir = file('many');
    // Piped (no terminal): exactly kubectl's bytes.
    const piped = await s.step(['apply', '-f', dir]);
    expect(piped).toBe('configmap/many-a created\nconfigmap/many-b created\nconfigmap/many-c created\n');
    const tty = await kctlOnTty('apply', ['-f', dir, '-n', NS.kctl]);
    const ERASE = '\r\x1b[2K';
    expect(tty).toContain(`${ERASE}applying 1/3 objects...`);
    expect(tty).toContain(`${ERASE}applying 3/3 objects...`);
    // Every printed line starts on a cleared line, and nothing is left drawn at the end.
    const plain = tty.replace(/\r\x1b\[2K(applying \d+\/\d+ objects\.\.\.)?/g, '');
    expect(plain).toBe(piped.replaceAll('created', 'unchanged'));
    expect(tty.endsWith(`${ERASE}configmap/many-c unchanged\n`)).toBe(true);
  }, 60_000);

  it('draws `deleting i/n objects...` while deleting several objects, then erases it', async () => {
    const dir = file('many');
    const tty = await kctlOnTty('delete', ['-f', dir, '-n', NS.kctl]);
    const ERASE = '\r\x1b[2K';
    expect(tty).toContain(`${ERASE}deleting 1/3 objects...`);
    expect(tty).toContain(`${ERASE}deleting 3/3 objects...`);
    expect(tty).toContain(`${ERASE}waiting for 3 of 3 objects to be deleted...`);
    const plain = tty.replace(/\r\x1b\[2K([a-z ]+ \d+(\/| of )\d+ [a-z ]+\.\.\.)?/g, '');
    const lines = ['a', 'b', 'c'].map((n) => `configmap "many-${n}" deleted from ${NS.kctl} namespace\n`);
    expect(plain).toBe(lines.join(''));
    // The wait's line was the last thing drawn; done() took it away.
    expect(tty.endsWith(`objects to be deleted...${ERASE}`)).toBe(true);
  }, 60_000);
});
