import { describe, expect, it } from 'vitest';
import type { ClientContext } from '../../src/client/index.js';
import { listContainerEnv, ReferenceStore } from '../../src/set/env-list.js';

const obj = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'shop', labels: { b: '2', a: '1' } },
};
const container = {
  name: 'app',
  resources: { limits: { cpu: '250m', memory: '64Mi' } },
  env: [
    { name: 'PLAIN', value: 'v' },
    { name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
    { name: 'LABELS', valueFrom: { fieldRef: { fieldPath: 'metadata.labels' } } },
    { name: 'LABEL_A', valueFrom: { fieldRef: { fieldPath: "metadata.labels['a']" } } },
    { name: 'CPU', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '1m' } } },
    {
      name: 'MEM',
      valueFrom: { resourceFieldRef: { containerName: 'app', resource: 'limits.memory', divisor: '1Mi' } },
    },
    { name: 'BAD', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
    { name: 'BAD2', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
  ],
};

describe('listContainerEnv', () => {
  it('prints references without --resolve', async () => {
    const { out, err } = await listContainerEnv(obj, container, undefined);
    expect(out.split('\n').slice(0, 3)).toEqual([
      '# Deployment web, container app',
      'PLAIN=v',
      '# POD from field path metadata.name',
    ]);
    expect(out).toContain('# MEM from resource field app/limits.memory\n');
    expect(err).toBe('');
  });

  it('resolves object fields and container resources, reporting the rest', async () => {
    // Only config map and secret references reach the server; none are listed here.
    const store = new ReferenceStore({} as ClientContext, 'shop');
    const { out, err } = await listContainerEnv(obj, container, store);
    expect(out).toContain('POD=web\n');
    expect(out).toContain('LABELS=a="1"\nb="2"\n');
    expect(out).toContain('LABEL_A=1\n');
    expect(out).toContain('CPU=250\n');
    expect(out).toContain('MEM=64\n');
    expect(out).toContain('# BAD from field path spec.nodeName\n');
    // Lines are sorted as whole strings (Go's sort.Strings): `BAD2:` comes before `BAD:`.
    expect(err).toBe(
      'error retrieving reference for BAD2: unsupported fieldPath: status.podIP\n' +
        'error retrieving reference for BAD: unsupported fieldPath: spec.nodeName\n',
    );
  });
});
