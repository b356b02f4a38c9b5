/**
 * The Go round trip with the real kubectl: what a manifest says in zero values and unknown
 * fields comes back as kube-apiserver returns it (omitempty zeros and unknown fields gone,
 * non-omitempty zeros present). (test/compat/write-metadata covers `label x-` on an object whose
 * empty labels the round trip dropped.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Parity, startParity } from './parity-support.js';

let p: Parity;
beforeAll(async () => {
  p = await startParity();
}, 120_000);
afterAll(async () => {
  await p?.stop();
});

const manifest = JSON.stringify({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'zero', labels: { app: 'zero' } },
  spec: {
    paused: false,
    minReadySeconds: 0,
    replicas: 0,
    selector: { matchLabels: { app: 'zero' } },
    template: {
      metadata: { labels: { app: 'zero' } },
      spec: {
        hostNetwork: false,
        priorityClassName: '',
        containers: [{ name: 'c', image: 'nginx', stdin: false, ports: [{ containerPort: 80, hostPort: 0 }] }],
      },
    },
  },
});

describe('Go round trip', () => {
  it('drops omitempty zero values and keeps zero pointers, as kube-apiserver does', async () => {
    const created = await p.kubectl(['create', '-f', '-', '--validate=false'], manifest);
    expect(created.stderr).toBe('');
    const r = await p.kubectl(['get', 'deployment', 'zero', '-o', 'json']);
    const d = JSON.parse(r.stdout);
    expect(d.spec.replicas).toBe(0);
    expect(d.spec).not.toHaveProperty('paused');
    expect(d.spec).not.toHaveProperty('minReadySeconds');
    expect(d.spec.template.spec).not.toHaveProperty('hostNetwork');
    expect(d.spec.template.spec).not.toHaveProperty('priorityClassName');
    expect(d.spec.template.spec.containers[0]).not.toHaveProperty('stdin');
    expect(d.spec.template.spec.containers[0].ports).toEqual([{ containerPort: 80, protocol: 'TCP' }]);
    expect(d.spec.template.spec.containers[0].resources).toEqual({});
  });

  it('drops fields the kind does not have when validation lets them through', async () => {
    const cm = JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'odd' }, foo: 'bar', data: {} });
    const r = await p.kubectl(['create', '-f', '-', '--validate=false'], cm);
    expect(r.stdout).toBe('configmap/odd created\n');
    const got = JSON.parse((await p.kubectl(['get', 'configmap', 'odd', '-o', 'json'])).stdout);
    expect(got).not.toHaveProperty('foo');
    expect(got).not.toHaveProperty('data');
  });

  it('answers a raw GET with kind first and metadata in Go order', async () => {
    const r = await p.kubectl(['get', '--raw', '/api/v1/namespaces/default/configmaps/odd']);
    expect(
      r.stdout.startsWith(
        '{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"odd","namespace":"default","uid":',
      ),
    ).toBe(true);
  });

  it('lists items without apiVersion/kind, as kube’s typed lists (kubectl fills them in)', async () => {
    const raw = JSON.parse((await p.kubectl(['get', '--raw', '/api/v1/namespaces/default/configmaps'])).stdout);
    expect(Object.keys(raw).slice(0, 2)).toEqual(['kind', 'apiVersion']);
    expect(raw.items.length).toBeGreaterThan(0);
    for (const item of raw.items) expect(Object.keys(item)[0]).toBe('metadata');
    const printed = JSON.parse((await p.kubectl(['get', 'configmaps', '-o', 'json'])).stdout);
    expect(printed.items[0]).toMatchObject({ apiVersion: 'v1', kind: 'ConfigMap' });
  });
});
