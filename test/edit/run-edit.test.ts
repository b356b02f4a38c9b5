/**
 * The edit loop against a real in-process server, with scripted editors: a shell script given
 * as KUBE_EDITOR applies the n-th `sed` expression on its n-th run and keeps a copy of what it
 * was shown, so tests see exactly what the user would.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { StatusError } from '../../src/api/status.js';
import { ExitError } from '../../src/cli/kubectl-errors.js';
import { type ClientContext, createClientContext } from '../../src/client/index.js';
import { type EditRequest, runCreateEdit, runEdit, runEditLastApplied } from '../../src/edit/run-edit.js';
import { runSetLastApplied } from '../../src/edit/set-last-applied.js';
import { startServer, type TestServer } from '../../src/testing/index.js';

const SEED = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: default, labels: {app: web}}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: nginx, image: nginx}]}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: plain, namespace: default}
data: {a: "1"}
`;

let server: TestServer;
let dir: string;
let ctx: ClientContext;
let out = '';
let err = '';

/** An editor running `sed -i <exprs[n]>` on its n-th launch (none: leave the file alone). */
function scriptedEditor(...exprs: string[]): void {
  const script = join(dir, 'editor.sh');
  const lines = ['#!/bin/sh', `d=${dir}`, 'n=$(cat $d/count 2>/dev/null || echo 0); n=$((n+1)); echo $n > $d/count'];
  lines.push('cp "$1" $d/seen-$n.txt');
  exprs.forEach((e, i) => {
    const file = join(dir, `expr-${i + 1}`);
    writeFileSync(file, e);
    lines.push(`if [ $n = ${i + 1} ] && [ -s ${file} ]; then sed -i "$(cat ${file})" "$1"; fi`);
  });
  writeFileSync(script, `${lines.join('\n')}\n`);
  chmodSync(script, 0o755);
  rmSync(join(dir, 'count'), { force: true });
  process.env.KUBE_EDITOR = script;
}

const seen = (n: number) => readFileSync(join(dir, `seen-${n}.txt`), 'utf8');
const launches = () => Number(readFileSync(join(dir, 'count'), 'utf8'));

function req(extra: Partial<EditRequest> = {}): EditRequest {
  return {
    ctx,
    print: {},
    fieldManager: 'kubectl-edit',
    validation: 'Strict',
    out: { write: (s: string) => (out += s) },
    errOut: { write: (s: string) => (err += s) },
    ...extra,
  };
}

const getJson = (path: string) => ctx.rest.json<Record<string, any>>({ path });

beforeAll(async () => {
  server = await startServer({ seed: SEED });
  dir = mkdtempSync(join(tmpdir(), 'kctl-edit-test-'));
  ctx = createClientContext({ kubeconfig: server.kubeconfigPath, 'cache-dir': join(dir, 'cache') });
}, 60_000);

afterAll(async () => {
  ctx?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
  delete process.env.KUBE_EDITOR;
});

beforeEach(async () => {
  await server.reset();
  out = '';
  err = '';
});

describe('edit', () => {
  it('patches what the user changed and prints `edited`', async () => {
    scriptedEditor('s/replicas: 1/replicas: 3/');
    await runEdit(req({ args: ['deploy/web'], outputPatch: true }));
    expect(out).toBe('Patch: {"spec":{"replicas":3}}\ndeployment.apps/web edited\n');
    expect(seen(1)).toMatch(/^# Please edit the object below\. Lines beginning with a '#' will be ignored,\n/);
    expect(seen(1)).not.toContain('managedFields');
    expect((await getJson('/apis/apps/v1/namespaces/default/deployments/web')).spec.replicas).toBe(3);
  });

  it('cancels an unchanged file', async () => {
    scriptedEditor();
    await runEdit(req({ args: ['configmap', 'plain'] }));
    expect({ out, err }).toEqual({ out: '', err: 'Edit cancelled, no changes made.\n' });
  });

  it('writes Windows line endings on request and reads them back', async () => {
    scriptedEditor('s/a: "1"/a: "w"/');
    await runEdit(req({ args: ['cm/plain'], windowsLineEndings: true }));
    expect(seen(1).split('\r\n').length).toBe(seen(1).split('\n').length);
    expect(out).toBe('configmap/plain edited\n');
    expect((await getJson('/api/v1/namespaces/default/configmaps/plain')).data.a).toBe('w');
  });

  it('reopens an invalid save with the reasons and succeeds once fixed', async () => {
    scriptedEditor('s/replicas: 1/replicas: -1/', 's/replicas: -1/replicas: 2/');
    await runEdit(req({ args: ['deploy/web'] }));
    expect(err).toBe('error: deployments.apps "web" is invalid\n');
    expect(out).toBe('deployment.apps/web edited\n');
    expect(seen(2)).toContain(
      '#\n# deployments.apps "web" was not valid:\n# * spec.replicas: Invalid value: -1: must be greater than or equal to 0\n#\n',
    );
    expect(seen(2)).toContain('replicas: -1');
    expect((await getJson('/apis/apps/v1/namespaces/default/deployments/web')).spec.replicas).toBe(2);
  });

  it('stops with the file kept when a failed save comes back unchanged', async () => {
    scriptedEditor('s/replicas: 1/replicas: -1/');
    const run = runEdit(req({ args: ['deploy/web'] }));
    await expect(run).rejects.toThrow('Edit cancelled, no valid changes were saved.');
    const m = /A copy of your changes has been stored to "(.+)"\n$/.exec(err);
    expect(m).not.toBeNull();
    expect(readFileSync(m![1], 'utf8')).toContain('replicas: -1');
    rmSync(m![1]);
    expect(launches()).toBe(2);
  });

  it('edits several objects as one v1 List in JSON with --save-config', async () => {
    scriptedEditor('s/"a": "1"/"a": "2"/');
    await runEdit(
      req({ args: ['cm/plain', 'deploy/web'], print: { output: 'json' }, saveConfig: true, validation: 'Ignore' }),
    );
    const doc = JSON.parse(seen(1));
    expect(doc.kind).toBe('List');
    expect(doc.items.map((i: { kind: string }) => i.kind)).toEqual(['ConfigMap', 'Deployment']);
    const cm = await getJson('/api/v1/namespaces/default/configmaps/plain');
    expect(cm.data.a).toBe('2');
    expect(JSON.parse(cm.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration']).data).toEqual({
      a: '2',
    });
    // The deployment was not changed by the user, but --save-config gave it the annotation.
    expect(out).toMatch(/^\{\n {4}"apiVersion": "v1",\n {4}"data"/);
  });

  it('refuses a changed name, other output formats, unknown subresources', async () => {
    scriptedEditor('s/name: plain/name: other/');
    await expect(runEdit(req({ args: ['cm/plain'] }))).rejects.toThrow(
      'At least one of apiVersion, kind and name was changed',
    );
    expect(err).toMatch(/^A copy of your changes has been stored to/);
    await expect(runEdit(req({ args: ['cm/plain'], print: { output: 'name' } }))).rejects.toThrow(
      'unable to match a printer suitable for the output format "name", allowed formats are: json,kyaml,yaml',
    );
    await expect(runEdit(req({ args: ['cm/plain'], subresource: 'nope' }))).rejects.toThrow(
      'invalid subresource value: "nope". Must be one of [status scale]',
    );
    await expect(runEdit(req({ args: ['cm/gone'] }))).rejects.toBeInstanceOf(StatusError);
  });

  it('an empty save cancels when validation is off', async () => {
    scriptedEditor('d');
    await runEdit(req({ args: ['cm/plain'], validation: 'Ignore' }));
    expect(err).toBe('Edit cancelled, saved file was empty.\n');
    scriptedEditor('d');
    await expect(runEdit(req({ args: ['cm/plain'] }))).rejects.toThrow('Edit cancelled, no valid changes were saved.');
    expect(seen(2)).toContain(
      '# * <nil>: Invalid value: "The edited file failed validation": invalid object to validate\n',
    );
  });

  it('names the editor that failed', async () => {
    process.env.KUBE_EDITOR = 'false';
    await expect(runEdit(req({ args: ['cm/plain'] }))).rejects.toThrow('there was a problem with the editor "false"');
    process.env.KUBE_EDITOR = join(dir, 'no-such-editor');
    await expect(runEdit(req({ args: ['cm/plain'] }))).rejects.toThrow(/^unable to launch the editor/);
  });
});

describe('create --edit, apply edit-last-applied, apply set-last-applied', () => {
  it('creates what was edited, one session per object', async () => {
    const file = join(dir, 'two.yaml');
    writeFileSync(
      file,
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c1}\ndata: {a: "1"}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c2}\ndata: {a: "1"}\n',
    );
    scriptedEditor('s/a: "1"/a: "x"/', 's/a: "1"/a: "z"/');
    await runCreateEdit(req({ filenames: [file], fieldManager: 'kubectl-create', saveConfig: true }));
    expect(out).toBe('configmap/c1 created\nconfigmap/c2 created\n');
    expect((await getJson('/api/v1/namespaces/default/configmaps/c1')).data.a).toBe('x');
    expect(seen(2)).toContain('name: c2\n  namespace: default\n');

    out = '';
    scriptedEditor('s/a: x/a: y/');
    await runEditLastApplied(req({ args: ['cm/c1'], fieldManager: 'kubectl-client-side-apply' }));
    expect(out).toBe('configmap/c1 edited\n');
    expect(seen(1)).toMatch(/^# Please edit the 'last-applied-configuration' annotations below\./);
    const c1 = await getJson('/api/v1/namespaces/default/configmaps/c1');
    expect(c1.data.a).toBe('x');
    expect(JSON.parse(c1.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration']).data.a).toBe('y');

    out = '';
    const sla = { ctx, filenames: [file], print: {}, out: req().out };
    await runSetLastApplied({ ...sla, dryRun: 'server' });
    await runSetLastApplied({ ...sla, dryRun: 'none' });
    await runSetLastApplied({ ...sla, dryRun: 'none' });
    expect(out).toBe(
      'configmap/c1 configured (server dry run)\nconfigmap/c2 configured (server dry run)\n' +
        'configmap/c1 configured\nconfigmap/c2 configured\n' +
        'set-last-applied c1: no changes required.\nset-last-applied c2: no changes required.\n',
    );
  });

  it('set-last-applied needs the annotation unless --create-annotation', async () => {
    const file = join(dir, 'plain.yaml');
    writeFileSync(file, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: plain}\ndata: {a: "2"}\n');
    const w = req().out;
    await expect(runSetLastApplied({ ctx, filenames: [file], dryRun: 'none', print: {}, out: w })).rejects.toThrow(
      'no last-applied-configuration annotation found on resource: plain, to create the annotation, run the command with --create-annotation',
    );
    await runSetLastApplied({ ctx, filenames: [file], dryRun: 'none', print: {}, createAnnotation: true, out: w });
    await runSetLastApplied({ ctx, filenames: [file], dryRun: 'none', print: {}, out: w });
    expect(out).toBe('configmap/plain configured\nset-last-applied plain: no changes required.\n');
    const cm = await getJson('/api/v1/namespaces/default/configmaps/plain');
    expect(cm.data.a).toBe('1');
    expect(cm.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration']).toBe(
      '{"apiVersion":"v1","data":{"a":"2"},"kind":"ConfigMap","metadata":{"name":"plain","namespace":"default"}}\n',
    );
  });

  it('edit-last-applied without annotations is an error', async () => {
    scriptedEditor();
    await expect(runEditLastApplied(req({ args: ['cm/plain'] }))).rejects.toThrow(
      /^no last-applied-configuration annotation found on resources/,
    );
  });
});

describe('exit without message', () => {
  it('ExitError is what retryable failures end with', () => {
    expect(new ExitError(1).message).toBe('');
  });
});
