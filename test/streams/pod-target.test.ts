import { describe, expect, it } from 'vitest';
import {
  comparePodsForPick,
  containerNamesText,
  findOrDefaultContainer,
  type Pod,
  selectorForObject,
} from '../../src/streams/pod-target.js';

const pod = (extra: Partial<Pod> = {}, annotations?: Record<string, string>): Pod => ({
  kind: 'Pod',
  apiVersion: 'v1',
  metadata: { name: 'p', namespace: 'ns', ...(annotations ? { annotations } : {}) },
  spec: {
    containers: [{ name: 'a' }, { name: 'b' }],
    initContainers: [{ name: 'i' }],
    ephemeralContainers: [{ name: 'e' }],
  },
  ...extra,
});

describe('container defaulting', () => {
  it('lists containers as podcmd does', () => {
    expect(containerNamesText(pod())).toBe('a, b, e (ephem), i (init)');
  });

  it('announces the default unless quiet; the annotation wins silently', () => {
    const warned: string[] = [];
    expect(findOrDefaultContainer(pod(), '', false, (s) => warned.push(s)).name).toBe('a');
    expect(warned).toEqual(['Defaulted container "a" out of: a, b, e (ephem), i (init)\n']);
    expect(findOrDefaultContainer(pod(), '', true, (s) => warned.push(s)).name).toBe('a');
    expect(
      findOrDefaultContainer(pod({}, { 'kubectl.kubernetes.io/default-container': 'b' }), '', false, (s) =>
        warned.push(s),
      ).name,
    ).toBe('b');
    expect(warned).toHaveLength(1);
    expect(findOrDefaultContainer(pod(), 'i', false, () => {}).name).toBe('i');
    expect(() => findOrDefaultContainer(pod(), 'zz', false, () => {})).toThrow('container zz not found in pod p');
  });
});

describe('selectors of workloads', () => {
  it('turns selectors into label queries and refuses other kinds', () => {
    expect(
      selectorForObject({
        kind: 'Deployment',
        apiVersion: 'apps/v1',
        metadata: { namespace: 'x' },
        spec: { selector: { matchLabels: { app: 'web' } } },
      }),
    ).toEqual({ namespace: 'x', selector: 'app=web' });
    expect(selectorForObject({ kind: 'Service', spec: { selector: { a: 'b' } } }).selector).toBe('a=b');
    expect(() => selectorForObject({ kind: 'Service', metadata: { name: 's' }, spec: {} })).toThrow(
      "invalid service 's': Service is defined without a selector",
    );
    expect(() => selectorForObject({ kind: 'ConfigMap', apiVersion: 'v1' })).toThrow(
      'selector for *v1.ConfigMap not implemented',
    );
  });

  it('picks scheduled, running, ready, older pods first', () => {
    const mk = (name: string, nodeName: string | undefined, phase: string, ready: boolean, ts: string): Pod => ({
      kind: 'Pod',
      metadata: { name, creationTimestamp: ts },
      spec: { containers: [{ name: 'c' }], ...(nodeName ? { nodeName } : {}) },
      status: { phase, conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
    });
    const pods = [
      mk('pending', undefined, 'Pending', false, '2020-01-01T00:00:00Z'),
      mk('new-ready', 'n', 'Running', true, '2021-01-01T00:00:00Z'),
      mk('old-ready', 'n', 'Running', true, '2020-01-01T00:00:00Z'),
      mk('not-ready', 'n', 'Running', false, '2019-01-01T00:00:00Z'),
    ];
    expect([...pods].sort(comparePodsForPick).map((p) => p.metadata.name)).toEqual([
      'old-ready',
      'new-ready',
      'not-ready',
      'pending',
    ]);
  });
});
