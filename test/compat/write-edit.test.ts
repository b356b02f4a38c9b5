/**
 * edit, create --edit, apply edit-last-applied / set-last-applied: the real kubectl and kctl run
 * the same scripted editor (KUBE_EDITOR) and must print the same lines, exit the same way,
 * show the editor the same file (header, failure comments, object) and leave the same objects.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NS, type Scenario, startScenario } from '../apply/compat-scenario.js';

let s: Scenario;
let dir: string;
let editor: string;

/** Temp file paths in kubectl's messages (`/tmp/kubectl-edit-123.yaml`, `/tmp/kctl-edit-456.json`). */
const TEMP_PATH = /"\/[^"]*-edit-\d+\.(?:yaml|json)"/g;

/** Server-assigned values in printed objects (-o json / -o yaml). */
const ASSIGNED = /"?(?:creationTimestamp|resourceVersion|uid)"?: .*/g;

/**
 * Points the scripted editor at `exprs`: its n-th launch runs `sed -i exprs[n-1]` (an empty or
 * missing expression leaves the file alone). Each tool has its own launch counter (the temp
 * file's name says which tool opened it) and its own copies of what it showed.
 */
function script(...exprs: string[]): Record<string, string> {
  for (const f of ['count-kubectl', 'count-kctl']) rmSync(join(dir, f), { force: true });
  for (const [i, e] of exprs.entries()) writeFileSync(join(dir, `expr-${i + 1}`), e);
  for (let i = exprs.length + 1; i <= 4; i++) rmSync(join(dir, `expr-${i}`), { force: true });
  return { KUBE_EDITOR: editor };
}

/** What the editor showed on launch n, with server-assigned values and namespaces masked. */
function shown(tool: 'kubectl' | 'kctl', n: number): string {
  return readFileSync(join(dir, `seen-${tool}-${n}.txt`), 'utf8')
    .replaceAll(NS[tool], '<ns>')
    .replace(/(uid|resourceVersion|creationTimestamp): .*/g, '$1: <masked>')
    .replace(/"(uid|resourceVersion|creationTimestamp)": "[^"]*"/g, '"$1": "<masked>"');
}

function sameShown(n: number): string {
  const want = shown('kubectl', n);
  expect(shown('kctl', n)).toBe(want);
  return want;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kctl-edit-compat-'));
  editor = join(dir, 'editor.sh');
  writeFileSync(
    editor,
    [
      '#!/bin/sh',
      `d=${dir}`,
      'case "$1" in *kubectl-edit-*) t=kubectl;; *) t=kctl;; esac',
      'n=$(cat $d/count-$t 2>/dev/null || echo 0); n=$((n+1)); echo $n > $d/count-$t',
      'cp "$1" $d/seen-$t-$n.txt',
      'if [ -s $d/expr-$n ]; then sed -i "$(cat $d/expr-$n)" "$1"; fi',
      '',
    ].join('\n'),
  );
  chmodSync(editor, 0o755);
  writeFileSync(join(dir, 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: made\ndata:\n  a: "1"\n');
  s = await startScenario();
  await s.setup(['create', 'deployment', 'web', '--image=nginx']);
  await s.setup(['create', 'configmap', 'plain', '--from-literal=a=1']);
}, 120_000);

afterAll(async () => {
  await s?.p.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('edit', () => {
  it('patches the change, prints the patch and `edited`', async () => {
    const env = script('s/replicas: 1/replicas: 3/');
    expect(await s.step(['edit', 'deploy/web', '--output-patch'], { env })).toBe(
      'Patch: {"spec":{"replicas":3}}\ndeployment.apps/web edited\n',
    );
    expect(sameShown(1)).toMatch(/^# Please edit the object below\./);
    await s.sameObjects('deployments');
  });

  it('cancels an unchanged file; JSON edits; -o name is refused', async () => {
    expect(await s.step(['edit', 'cm/plain'], { env: script() })).toBe('Edit cancelled, no changes made.\n');
    await s.step(['edit', 'cm/plain', '-o', 'json'], { env: script('s/"a": "1"/"a": "2"/'), mask: ASSIGNED });
    expect(sameShown(1)).toMatch(/^\{\n {4}"apiVersion": "v1",/);
    await s.step(['edit', 'cm/plain', '-o', 'name'], { env: script('s/a: "2"/a: "3"/') });
    await s.step(['edit', 'cm/plain', '-o', 'yaml'], { env: script('s/a: "2"/a: "4"/'), mask: ASSIGNED });
    await s.step(['edit', 'cm/nope'], { env: script() });
    await s.sameObjects('configmaps');
  });

  it('reopens an invalid save with the reasons, then saves the fix', async () => {
    const env = script('s/replicas: 3/replicas: -1/', 's/replicas: -1/replicas: 2/');
    expect(await s.step(['edit', 'deployment', 'web'], { env })).toBe(
      'deployment.apps/web edited\nerror: deployments.apps "web" is invalid\n',
    );
    expect(sameShown(2)).toContain('# deployments.apps "web" was not valid:\n# * spec.replicas: Invalid value: -1');
    await s.sameObjects('deployments');
  });

  it('stops and keeps the file when a failed save comes back unchanged', async () => {
    const env = script('s/replicas: 2/replicas: -5/');
    const text = await s.step(['edit', 'deploy/web'], { env, mask: TEMP_PATH });
    expect(text).toContain('A copy of your changes has been stored to');
    expect(text).toContain('error: Edit cancelled, no valid changes were saved.\n');
    sameShown(2);
    await s.sameObjects('deployments');
  });

  it('an emptied file is invalid unless validation is off', async () => {
    await s.step(['edit', 'cm/plain'], { env: script('d'), mask: TEMP_PATH });
    sameShown(2);
    expect(await s.step(['edit', 'cm/plain', '--validate=false'], { env: script('d') })).toBe(
      'Edit cancelled, saved file was empty.\n',
    );
  });
});

describe('create --edit and the last-applied commands', () => {
  it('creates the edited object', async () => {
    const f = join(dir, 'cm.yaml');
    expect(await s.step(['create', '-f', f, '--edit', '--save-config'], { env: script('s/a: "1"/a: "2"/') })).toBe(
      'configmap/made created\n',
    );
    sameShown(1);
    await s.step(['create', '-f', f, '--edit', '-o', 'name'], { env: script() });
    await s.step(['create', '-f', f, '--edit'], { env: script('s/a: "1"/a: "5"/'), mask: TEMP_PATH });
    await s.sameObjects('configmaps');
  });

  it('edit-last-applied edits the annotation only', async () => {
    expect(await s.step(['apply', 'edit-last-applied', 'cm/made'], { env: script('s/a: "2"/a: "7"/') })).toBe(
      'configmap/made edited\n',
    );
    expect(sameShown(1)).toMatch(/^# Please edit the 'last-applied-configuration' annotations below\./);
    await s.step(['apply', 'edit-last-applied', 'cm/made', '-o', 'json'], { env: script() });
    await s.step(['apply', 'edit-last-applied', 'deploy/web'], { env: script() });
    await s.sameObjects('configmaps');
  });

  it('set-last-applied: missing annotation, --create-annotation, no changes, dry runs', async () => {
    const f = join(dir, 'cm.yaml');
    await s.step(['apply', 'set-last-applied', '-f', f]);
    await s.step(['apply', 'set-last-applied', '-f', f, '--dry-run=server']);
    await s.step(['apply', 'set-last-applied', '-f', f, '--dry-run=client', '-o', 'name']);
    await s.step(['apply', 'set-last-applied', '-f', f]);
    await s.step(['apply', 'set-last-applied', '-f', f]);
    writeFileSync(
      join(dir, 'plain.yaml'),
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\ndata:\n  a: "9"\n',
    );
    await s.step(['apply', 'set-last-applied', '-f', join(dir, 'plain.yaml'), '--create-annotation', '-o', 'yaml'], {
      mask: ASSIGNED,
    });
    await s.step(['apply', 'set-last-applied', '-f', join(dir, 'nope.yaml')]);
    await s.sameObjects('configmaps');
  });
});
