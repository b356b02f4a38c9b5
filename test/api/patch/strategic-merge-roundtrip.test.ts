import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyMergePatch, createMergePatch } from '../../../src/api/patch/merge-patch.js';
import { createTwoWayMergePatch } from '../../../src/api/patch/strategic-merge/diff.js';
import { applyStrategicMergePatch } from '../../../src/api/patch/strategic-merge/merge.js';
import { NO_PATCH_META, patchMetaFromSchema } from '../../../src/api/patch/strategic-merge/patch-meta.js';
import { createThreeWayMergePatch } from '../../../src/api/patch/strategic-merge/three-way.js';
import { DEPLOYMENT, kubeDefinitions, POD } from './kube-schema-fixture.js';

const podMeta = patchMetaFromSchema(kubeDefinitions, POD);
const deployMeta = patchMetaFromSchema(kubeDefinitions, DEPLOYMENT);

// Pods with every kind of list kube patches: merge by key (containers, env, ports, volumes,
// ownerReferences), merge of scalars (finalizers), retainKeys items (volumes), replace (args,
// tolerations, replacedMap). Small value pools make original and modified share items often.
const short = fc.string({ maxLength: 3 });
const env = fc.uniqueArray(
  fc.record({ name: fc.constantFrom('A', 'B', 'C', 'D'), value: short }, { requiredKeys: ['name'] }),
  { selector: (e) => e.name, maxLength: 4 },
);
const ports = fc.uniqueArray(
  fc.record(
    { containerPort: fc.constantFrom(80, 443, 8080, 9090), protocol: fc.constantFrom('TCP', 'UDP'), name: short },
    { requiredKeys: ['containerPort'] },
  ),
  { selector: (p) => p.containerPort, maxLength: 3 },
);
const container = fc.record(
  {
    name: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
    image: fc.constantFrom('x', 'y', 'z'),
    args: fc.array(short, { maxLength: 3 }),
    env,
    ports,
    resources: fc.record({ limits: fc.dictionary(fc.constantFrom('cpu', 'memory'), short) }, { requiredKeys: [] }),
  },
  { requiredKeys: ['name'] },
);
const volumeSource = fc.oneof(
  fc.record({ hostPath: fc.record({ path: fc.constantFrom('/a', '/b') }) }),
  fc.record({ emptyDir: fc.record({ medium: fc.constantFrom('Memory', '') }, { requiredKeys: [] }) }),
  fc.record({ configMap: fc.record({ name: fc.constantFrom('c1', 'c2') }) }),
);
const volume = fc.tuple(fc.constantFrom('v1', 'v2', 'v3'), volumeSource).map(([name, src]) => ({ name, ...src }));
const podSpec = fc.record(
  {
    containers: fc.uniqueArray(container, { selector: (c) => c.name, maxLength: 4 }),
    volumes: fc.uniqueArray(volume, { selector: (v) => v.name, maxLength: 3 }),
    tolerations: fc.array(fc.record({ key: short }), { maxLength: 2 }),
    replacedMap: fc.dictionary(fc.constantFrom('p', 'q'), short),
  },
  { requiredKeys: [] },
);
const objectMeta = fc.record(
  {
    name: fc.constantFrom('web', 'api'),
    labels: fc.dictionary(fc.constantFrom('app', 'tier', 'x'), short),
    finalizers: fc.uniqueArray(fc.constantFrom('f1', 'f2', 'f3', 'f4', 'f5'), { maxLength: 4 }),
    ownerReferences: fc.uniqueArray(
      fc.record({ uid: fc.constantFrom('u1', 'u2', 'u3'), name: short }, { requiredKeys: ['uid'] }),
      { selector: (o) => o.uid, maxLength: 2 },
    ),
  },
  { requiredKeys: [] },
);
const pod = fc.record({ kind: fc.constant('Pod'), metadata: objectMeta, spec: podSpec }, { requiredKeys: [] });
const deployment = fc.record(
  {
    metadata: objectMeta,
    spec: fc.record(
      {
        replicas: fc.integer({ min: 0, max: 3 }),
        strategy: fc.oneof(
          fc.record({ type: fc.constant('Recreate') }),
          fc.record(
            { type: fc.constant('RollingUpdate'), rollingUpdate: fc.record({ maxSurge: short }, { requiredKeys: [] }) },
            { requiredKeys: ['type'] },
          ),
        ),
        template: fc.record({ metadata: objectMeta, spec: podSpec }, { requiredKeys: [] }),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

const RUNS = { numRuns: 120 };

/**
 * kube sorts the original's scalar merge lists in place before deciding whether their order
 * changed, so a list that is reordered into sorted order gets no $setElementOrder and keeps its
 * old order: for finalizers, only the set is guaranteed. Sorting them on both sides compares that.
 */
function finalizersAsSet<T>(obj: T): T {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (!v || typeof v !== 'object') return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = k === 'finalizers' && Array.isArray(x) ? [...x].sort() : walk(x);
    return out;
  };
  return walk(obj) as T;
}

describe('strategic merge patch round trip', () => {
  it('apply(original, twoWay(original, modified)) = modified, list order included (pods)', () => {
    fc.assert(
      fc.property(pod, pod, (original, modified) => {
        const patch = createTwoWayMergePatch(original, modified, podMeta);
        expect(finalizersAsSet(applyStrategicMergePatch(original, patch, podMeta))).toEqual(finalizersAsSet(modified));
      }),
      RUNS,
    );
  });

  it('apply(original, twoWay(original, modified)) = modified (deployments, retainKeys strategy)', () => {
    fc.assert(
      fc.property(deployment, deployment, (original, modified) => {
        const patch = createTwoWayMergePatch(original, modified, deployMeta);
        expect(finalizersAsSet(applyStrategicMergePatch(original, patch, deployMeta))).toEqual(
          finalizersAsSet(modified),
        );
      }),
      RUNS,
    );
  });

  it('a two-way patch is idempotent: applying it to modified changes nothing', () => {
    fc.assert(
      fc.property(pod, pod, (original, modified) => {
        const patch = createTwoWayMergePatch(original, modified, podMeta);
        expect(applyStrategicMergePatch(modified, patch, podMeta)).toEqual(modified);
      }),
      RUNS,
    );
  });

  it('three-way against an unchanged live object yields modified', () => {
    fc.assert(
      fc.property(pod, pod, (original, modified) => {
        const patch = createThreeWayMergePatch(original, modified, original, podMeta);
        expect(finalizersAsSet(applyStrategicMergePatch(original, patch, podMeta))).toEqual(finalizersAsSet(modified));
      }),
      RUNS,
    );
  });

  it('three-way keeps what others added to the live object and nothing the user removed', () => {
    fc.assert(
      fc.property(pod, pod, (original, modified) => {
        // Removing a whole field from the configuration removes it with what others put in it.
        fc.pre(modified.spec !== undefined && modified.metadata !== undefined);
        fc.pre(original.metadata?.labels === undefined || modified.metadata?.labels !== undefined);
        fc.pre(original.spec?.containers === undefined || modified.spec?.containers !== undefined);
        // Someone else adds a label and a sidecar that no configuration mentions.
        const current = applyStrategicMergePatch(
          original,
          { metadata: { labels: { live: 'yes' } }, spec: { containers: [{ name: 'sidecar', image: 's' }] } },
          podMeta,
        );
        const patch = createThreeWayMergePatch(original, modified, current, podMeta);
        const result = applyStrategicMergePatch(current, patch, podMeta) as typeof modified;
        expect(result.metadata?.labels).toEqual({ ...modified.metadata?.labels, live: 'yes' });
        const names: string[] = (result.spec?.containers ?? []).map((c) => c.name);
        expect(names.filter((n) => n !== 'sidecar')).toEqual((modified.spec?.containers ?? []).map((c) => c.name));
        expect(names).toContain('sidecar');
        const withoutLive = applyStrategicMergePatch(
          result,
          { metadata: { labels: { live: null } }, spec: { containers: [{ name: 'sidecar', $patch: 'delete' }] } },
          podMeta,
        ) as typeof modified;
        // Empty maps/lists created only to hold the live additions are the sole difference.
        expect(withoutLive.spec?.containers ?? []).toEqual(modified.spec?.containers ?? []);
        expect(withoutLive.spec?.volumes).toEqual(modified.spec?.volumes);
        expect(finalizersAsSet(withoutLive.metadata)?.finalizers).toEqual(
          finalizersAsSet(modified.metadata)?.finalizers,
        );
      }),
      RUNS,
    );
  });
});

describe('strategic merge patch without metadata is JSON merge patch', () => {
  const json = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.boolean()),
      fc.array(tie('value'), { maxLength: 3 }),
      tie('object'),
    ),
    object: fc.dictionary(fc.stringMatching(/^[a-z]{1,3}$/), tie('value'), { maxKeys: 4 }),
  })).object as fc.Arbitrary<Record<string, unknown>>;

  it('creates the same patch and applies it the same way', () => {
    fc.assert(
      fc.property(json, json, (original, modified) => {
        const patch = createTwoWayMergePatch(original, modified, NO_PATCH_META);
        expect(patch).toEqual(createMergePatch(original, modified));
        expect(applyStrategicMergePatch(original, patch, NO_PATCH_META)).toEqual(applyMergePatch(original, patch));
        expect(applyStrategicMergePatch(original, patch, NO_PATCH_META)).toEqual(modified);
      }),
      { numRuns: 150 },
    );
  });
});
