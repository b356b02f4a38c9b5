/**
 * `label|annotate|patch --local` against the real kubectl: the objects of the -f files are
 * changed in memory and printed (name lines, -o yaml/json/name), with kubectl's errors for the
 * flag combinations --local refuses. Nothing reaches the server: the namespaces stay empty.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { type Scenario, startScenario } from '../apply/compat-scenario.js';

let s: Scenario;
const file = (name: string) => join(s.p.cluster.dir, name);
const local = { namespaced: false };

const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c1\n  labels: {x: "1"}\ndata: {a: "1"}\n';
const deploy = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: other}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: c, image: nginx}]}
`;
const widget =
  'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w1\n  annotations: {note: old}\nspec: {size: 3}\n';

beforeAll(async () => {
  s = await startScenario();
  writeFileSync(file('two.yaml'), `${cm}---\n${deploy}`);
  writeFileSync(file('widget.yaml'), widget);
  mkdirSync(file('dir'));
  writeFileSync(file('dir/a.yaml'), cm);
  writeFileSync(file('dir/b.yaml'), widget);
}, 120_000);

afterAll(async () => {
  await s?.p.stop();
});

describe('label --local', () => {
  it('prints the changed objects of the files', async () => {
    const two = file('two.yaml');
    await s.step(['label', '--local', '-f', two, 'a=b'], local);
    await s.step(['label', '--local', '-f', two, 'a=b', '-o', 'yaml'], local);
    await s.step(['label', '--local', '-f', two, 'a=b', '-o', 'name', '--dry-run=client'], local);
    await s.step(['label', '--local', '-f', two, 'x=2', '--overwrite', '-o', 'json'], local);
    await s.step(['label', '--local', '-f', two, 'x-', '-o', 'yaml'], local);
    await s.step(['label', '--local', '-f', two, 'x-'], local);
    await s.step(['label', '--local', '-f', file('widget.yaml'), 'a=b', '--resource-version=5', '-o', 'yaml'], local);
    await s.step(['label', '--local', '-f', file('dir'), '--list'], local);
    await s.step(['label', '--local', '-f', file('widget.yaml'), 'a=b', '--list'], local);
  });

  it('refuses what kubectl refuses, object by object where kubectl does', async () => {
    const two = file('two.yaml');
    await s.step(['label', '--local', '-f', two, 'x=2'], local);
    await s.step(['label', '--local', '-f', two, 'a=b']);
    await s.step(['label', '--local', 'cm', 'c1', 'a=b'], local);
    await s.step(['label', '--local', 'a=b'], local);
    await s.step(['label', '--local', '-f', two], local);
    await s.step(['label', '--local', '-f', two, 'a=b', '--dry-run=server'], local);
    await s.step(['label', '--local', '-f', two, 'a=b', '--all', '-l', 'a=b'], local);
    await s.step(['label', '--local', '-f', file('nope.yaml'), 'a=b'], local);
    await s.step(['label', '--local', '-f', two, 'a=b', '-o', 'wide'], local);
  });
});

describe('annotate --local', () => {
  it('prints the changed objects and refuses overwrites', async () => {
    const w = file('widget.yaml');
    await s.step(['annotate', '--local', '-f', w, 'a=b'], local);
    await s.step(['annotate', '--local', '-f', w, 'note=new'], local);
    await s.step(['annotate', '--local', '-f', w, 'note=new', '--overwrite', '-o', 'yaml'], local);
    await s.step(['annotate', '--local', '-f', file('two.yaml'), 'note-', '-o', 'json'], local);
    await s.step(['annotate', '--local', '-f', file('dir'), '--list'], local);
    await s.step(['annotate', '--local', 'w', 'a=b'], local);
    await s.step(['annotate', '--local', 'a=b'], local);
    await s.step(['annotate', '--local', '-f', w], local);
  });
});

describe('patch --local', () => {
  it('applies strategic, merge and JSON patches in memory', async () => {
    const two = file('two.yaml');
    const w = file('widget.yaml');
    await s.step(['patch', '--local', '-f', two, '-p', '{"data":{"b":"2"}}'], local);
    await s.step(['patch', '--local', '-f', two, '-p', '{"spec":{"replicas":3}}', '-o', 'yaml'], local);
    await s.step(['patch', '--local', '-f', two, '-p', '{}', '--dry-run=client'], local);
    await s.step(['patch', '--local', '-f', w, '--type=merge', '-p', 'spec: {b: 2}', '-o', 'yaml'], local);
    const add = '[{"op":"add","path":"/spec/b","value":2}]';
    await s.step(['patch', '--local', '-f', w, '--type=json', '-p', add, '-o', 'json'], local);
    await s.step(['patch', '--local', '-f', w, '-p', '{"spec":{"b":2}}'], local);
    await s.step(['patch', '--local', '-f', two, '-p', '{"data":{"b":"2"}}', '-o', 'name'], local);
    // Merge keys as kubectl's compiled-in types have them: containers merge by name, not replace.
    const sidecar =
      '{"spec":{"template":{"spec":{"containers":[{"name":"c","image":"nginx:2"},{"name":"s","image":"x"}]}}}}';
    await s.step(['patch', '--local', '-f', two, '-p', sidecar, '-o', 'yaml'], local);
  });

  it('refuses what kubectl refuses', async () => {
    const two = file('two.yaml');
    await s.step(['patch', '--local', 'cm', 'c1', '-p', '{}'], local);
    await s.step(['patch', '--local', '-p', '{}'], local);
    await s.step(['patch', '--local', '-f', two, '-p', '{}', '--dry-run=server'], local);
    await s.step(['patch', '--local', '-f', two], local);
    await s.step(['patch', '--local', '-f', two, '-p', '{}']);
    await s.step(['patch', '--local', '-f', two, '-p', '{}', '-o', 'wide'], local);
    await s.step(['patch', '--local', '-f', two, '--type=json', '-p', '[{"op":"remove","path":"/nope"}]'], local);
    await s.sameObjects('configmaps,deployments');
  });
});
