import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  historyObjects,
  podTemplateText,
  replicaSetTemplate,
  revisionTable,
  skippedRevisionWarnings,
  templatesEqualIgnoringHash,
  viewHistory,
  type WorkloadHistory,
} from '../../src/apply/rollout-history.js';
import { groupKindString, parseRevision, revisionParseError, rolloutKindFor } from '../../src/apply/rollout-kinds.js';

type Obj = Record<string, unknown>;

const template = (image: string, labels: Record<string, string> = { app: 'web' }): Obj => ({
  metadata: { labels },
  spec: { containers: [{ name: 'c', image }] },
});

const rs = (name: string, revision: string, image: string, cause?: string): Obj => ({
  kind: 'ReplicaSet',
  apiVersion: 'apps/v1',
  metadata: {
    name,
    annotations: {
      'deployment.kubernetes.io/revision': revision,
      ...(cause ? { 'kubernetes.io/change-cause': cause } : {}),
    },
  },
  spec: { template: template(image, { app: 'web', 'pod-template-hash': name }) },
});

describe('rolloutKindFor', () => {
  it('maps the three rollout kinds and words the other errors as kubectl', () => {
    expect(rolloutKindFor({ group: 'apps', kind: 'Deployment' }, 'history')).toBe('Deployment');
    expect(rolloutKindFor({ group: 'apps', kind: 'StatefulSet' }, 'rollback')).toBe('StatefulSet');
    expect(() => rolloutKindFor({ group: 'apps', kind: 'ReplicaSet' }, 'history')).toThrow(
      'no history viewer has been implemented for "ReplicaSet.apps"',
    );
    expect(() => rolloutKindFor({ group: 'batch', kind: 'Job' }, 'rollback')).toThrow(
      'no rollbacker has been implemented for "Job.batch"',
    );
    expect(() => rolloutKindFor({ group: '', kind: 'ConfigMap' }, 'history')).toThrow(
      'error retrieving history for "ConfigMap", no visitor method exists for { ConfigMap}',
    );
    expect(() => rolloutKindFor({ group: 'networking.k8s.io', kind: 'Ingress' }, 'rollback')).toThrow(
      'error retrieving rollbacker for "Ingress.networking.k8s.io", no visitor method exists for {networking.k8s.io Ingress}',
    );
    expect(groupKindString({ group: '', kind: 'Pod' })).toBe('Pod');
  });

  it('parses revisions as Go ParseInt does', () => {
    const at = (v: unknown) => ({ metadata: { annotations: { 'deployment.kubernetes.io/revision': v } } });
    expect(parseRevision(at('12'))).toBe(12);
    expect(parseRevision(at('+3'))).toBe(3);
    expect(parseRevision(at(''))).toBeUndefined();
    expect(parseRevision(at('1.5'))).toBeUndefined();
    expect(parseRevision(at('99999999999999999999'))).toBeUndefined();
    expect(parseRevision({})).toBe(0);
    expect(revisionParseError(at('12'))).toBeUndefined();
    expect(revisionParseError(at('abc'))).toBe('strconv.ParseInt: parsing "abc": invalid syntax');
    expect(revisionParseError(at('99999999999999999999'))).toBe(
      'strconv.ParseInt: parsing "99999999999999999999": value out of range',
    );
  });

  it('words the warning for skipped ReplicaSets as kubectl logs it', () => {
    const h: WorkloadHistory = {
      kind: 'Deployment',
      workload: {},
      records: [],
      skipped: [{ name: 'web-x', error: 'strconv.ParseInt: parsing "x": invalid syntax' }],
    };
    expect(skippedRevisionWarnings(h, 'ns', 'web')).toEqual([
      'unable to get revision from replicaset web-x for deployment web in namespace ns: strconv.ParseInt: parsing "x": invalid syntax',
    ]);
  });
});

describe('revisionTable', () => {
  it('aligns with Go tabwriter settings (padding 2) and fills <none>', () => {
    expect(revisionTable([{ revision: 1, changeCause: 'a long cause' }, { revision: 10 }])).toBe(
      'REVISION  CHANGE-CAUSE\n1         a long cause\n10        <none>\n',
    );
  });
});

describe('podTemplateText', () => {
  it('keeps raw tabs (no column alignment)', () => {
    const text = podTemplateText(template('nginx:1', { app: 'web', tier: 'x' }));
    expect(
      text.startsWith('Pod Template:\n  Labels:\tapp=web\n\ttier=x\n  Containers:\n   c:\n    Image:\tnginx:1\n'),
    ).toBe(true);
    expect(text).toContain('  Tolerations:\t<none>\n');
  });
});

describe('templatesEqualIgnoringHash', () => {
  it('ignores the hash label and empty versus missing maps', () => {
    const a = template('x', { app: 'web', 'pod-template-hash': 'abc' });
    expect(templatesEqualIgnoringHash(a, template('x'))).toBe(true);
    expect(templatesEqualIgnoringHash(template('x', { 'pod-template-hash': 'h' }), { spec: template('x').spec })).toBe(
      true,
    );
    expect(templatesEqualIgnoringHash(a, template('y'))).toBe(false);
    expect(templatesEqualIgnoringHash(template('x', { app: 'other' }), template('x'))).toBe(false);
  });

  it('is symmetric and reflexive (property)', () => {
    const labels = fc.dictionary(fc.constantFrom('app', 'tier', 'pod-template-hash'), fc.string({ maxLength: 3 }));
    const tmpl = fc.record({ image: fc.constantFrom('a', 'b'), labels }).map((t) => template(t.image, t.labels));
    fc.assert(
      fc.property(tmpl, tmpl, (a, b) => {
        expect(templatesEqualIgnoringHash(a, a)).toBe(true);
        expect(templatesEqualIgnoringHash(a, b)).toBe(templatesEqualIgnoringHash(b, a));
      }),
    );
  });
});

describe('viewHistory', () => {
  const deployment: WorkloadHistory = {
    kind: 'Deployment',
    workload: {},
    records: [
      { revision: 3, record: rs('c', '3', 'img:3') },
      { revision: 1, record: rs('a', '1', 'img:1', 'first') },
    ],
  };

  it('lists revisions in order with change causes', () => {
    expect(viewHistory(deployment, 0, null)).toBe('REVISION  CHANGE-CAUSE\n1         first\n3         <none>\n');
    expect(viewHistory({ ...deployment, records: [] }, 0, null)).toBe('No rollout history found.');
  });

  it('shows one revision with its change cause among the template annotations', () => {
    const text = viewHistory(deployment, 1, null);
    expect(text).toContain('Annotations:\tkubernetes.io/change-cause: first\n');
    expect(text).toContain('Image:\timg:1\n');
    expect(() => viewHistory(deployment, 2, null)).toThrow('unable to find the specified revision');
    expect(replicaSetTemplate(rs('a', '1', 'i'))).toEqual(template('i', { app: 'web', 'pod-template-hash': 'a' }));
  });

  it('applies ControllerRevision data to the live workload', () => {
    const ds: WorkloadHistory = {
      kind: 'DaemonSet',
      workload: { kind: 'DaemonSet', apiVersion: 'apps/v1', spec: { template: template('live') } },
      records: [
        {
          revision: 2,
          record: { revision: 2, data: { spec: { template: { $patch: 'replace', ...template('two') } } } },
        },
        {
          revision: 1,
          record: { revision: 1, data: { spec: { template: { $patch: 'replace', ...template('one') } } } },
        },
      ],
    };
    expect(viewHistory(ds, 1, null)).toContain('Image:\tone\n');
    const objects = historyObjects(ds, null);
    expect([...objects.keys()]).toEqual([1, 2]);
    const two = objects.get(2) as { spec: { template: Obj } };
    expect(two.spec.template).toEqual(template('two'));
  });
});
