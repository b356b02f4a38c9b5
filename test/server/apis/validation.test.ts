import { describe, expect, it } from 'vitest';
import { fieldErrorString } from '../../../src/api/status.js';
import { builtinCatalog } from '../../../src/server/apis/catalog.js';
import type { KubeObject, StrategyContext } from '../../../src/server/apis/types.js';

const catalog = builtinCatalog();
const ctx: StrategyContext = { namespace: 'default', dryRun: false };

/** Defaults then validation, as the registry runs them; returns kube-formatted error strings. */
function errorsOf(group: string, resource: string, obj: KubeObject): string[] {
  const kind = catalog.byResource(group, 'v1', resource)!;
  const o = structuredClone(obj);
  kind.strategy.defaults?.(o);
  kind.strategy.prepareForCreate?.(o, ctx);
  return (kind.strategy.validate?.(o, ctx) ?? []).map(fieldErrorString);
}

function updateErrorsOf(group: string, resource: string, obj: KubeObject, old: KubeObject): string[] {
  const kind = catalog.byResource(group, 'v1', resource)!;
  const o = structuredClone(obj);
  const prev = structuredClone(old);
  kind.strategy.defaults?.(o);
  kind.strategy.defaults?.(prev);
  kind.strategy.prepareForUpdate?.(o, prev, ctx);
  return (kind.strategy.validateUpdate?.(o, prev, ctx) ?? []).map(fieldErrorString);
}

const pod = (containers: unknown[], extra: Record<string, unknown> = {}): KubeObject => ({
  metadata: { name: 'p' },
  spec: { containers, ...extra },
});

describe('pod validation', () => {
  it('requires containers and images', () => {
    expect(errorsOf('', 'pods', pod([]))).toEqual(['spec.containers: Required value']);
    expect(errorsOf('', 'pods', pod([{ name: 'web' }]))).toEqual(['spec.containers[0].image: Required value']);
  });

  it('checks container names', () => {
    expect(errorsOf('', 'pods', pod([{ name: 'Web', image: 'nginx' }]))).toEqual([
      `spec.containers[0].name: Invalid value: "Web": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
    ]);
    expect(
      errorsOf(
        '',
        'pods',
        pod([
          { name: 'a', image: 'x' },
          { name: 'a', image: 'y' },
        ]),
      ),
    ).toEqual(['spec.containers[1].name: Duplicate value: "a"']);
    expect(errorsOf('', 'pods', pod([{ image: 'x' }]))).toEqual(['spec.containers[0].name: Required value']);
  });

  it('checks ports, policies and mounts', () => {
    expect(errorsOf('', 'pods', pod([{ name: 'a', image: 'x', ports: [{ containerPort: 70000 }] }]))).toEqual([
      'spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
    ]);
    expect(errorsOf('', 'pods', pod([{ name: 'a', image: 'x' }], { restartPolicy: 'Sometimes' }))).toEqual([
      'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    ]);
    expect(
      errorsOf('', 'pods', pod([{ name: 'a', image: 'x', volumeMounts: [{ name: 'data', mountPath: '/d' }] }])),
    ).toEqual(['spec.containers[0].volumeMounts[0].name: Not found: "data"']);
    expect(errorsOf('', 'pods', pod([{ name: 'a', image: 'x', imagePullPolicy: 'Sometimes' }]))).toEqual([
      'spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"',
    ]);
  });

  it('forbids pod spec updates other than images', () => {
    const old = pod([{ name: 'a', image: 'x:1' }]);
    expect(updateErrorsOf('', 'pods', pod([{ name: 'a', image: 'x:2' }]), old)).toEqual([]);
    const errs = updateErrorsOf('', 'pods', pod([{ name: 'a', image: 'x:1', command: ['sh'] }]), old);
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatch(
      /^spec: Forbidden: pod updates may not change fields other than `spec.containers\[\*\].image`/,
    );
  });
});

const deployment = (selector: unknown, labels: Record<string, string>, extra: Record<string, unknown> = {}) => ({
  metadata: { name: 'web' },
  spec: {
    ...(selector === undefined ? {} : { selector }),
    template: { metadata: { labels }, spec: { containers: [{ name: 'web', image: 'nginx' }] } },
    ...extra,
  },
});

describe('workload validation', () => {
  it('requires a selector matching the template labels', () => {
    expect(errorsOf('apps', 'deployments', deployment(undefined, { app: 'web' }))).toEqual([
      'spec.selector: Required value',
    ]);
    expect(errorsOf('apps', 'deployments', deployment({ matchLabels: { app: 'api' } }, { app: 'web' }))).toEqual([
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    ]);
    expect(errorsOf('apps', 'deployments', deployment({}, { app: 'web' }))).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment',
    ]);
  });

  it('rejects negative replicas and non-Always restart policies', () => {
    const errs = errorsOf(
      'apps',
      'deployments',
      deployment({ matchLabels: { app: 'web' } }, { app: 'web' }, { replicas: -1 }),
    );
    expect(errs).toEqual(['spec.replicas: Invalid value: -1: must be greater than or equal to 0']);
    const d = deployment({ matchLabels: { app: 'web' } }, { app: 'web' });
    (d.spec.template.spec as any).restartPolicy = 'Never';
    expect(errorsOf('apps', 'deployments', d)).toEqual([
      'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    ]);
  });

  it('makes the selector immutable', () => {
    const old = deployment({ matchLabels: { app: 'web' } }, { app: 'web' });
    const upd = deployment({ matchLabels: { app: 'web2' } }, { app: 'web2' });
    expect(updateErrorsOf('apps', 'deployments', upd, old)).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    ]);
  });

  it('requires OnFailure or Never for jobs', () => {
    const job = {
      metadata: { name: 'j', uid: 'u' },
      spec: { template: { spec: { containers: [{ name: 'a', image: 'x' }] } } },
    };
    expect(errorsOf('batch', 'jobs', job)).toEqual([
      'spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"',
    ]);
  });

  it('checks cronjob schedules and policies', () => {
    const cj = (spec: Record<string, unknown>) => ({
      metadata: { name: 'c' },
      spec: {
        jobTemplate: {
          spec: { template: { spec: { containers: [{ name: 'a', image: 'x' }], restartPolicy: 'OnFailure' } } },
        },
        ...spec,
      },
    });
    expect(errorsOf('batch', 'cronjobs', cj({ schedule: '* * * * *' }))).toEqual([]);
    expect(errorsOf('batch', 'cronjobs', cj({}))).toEqual(['spec.schedule: Required value']);
    expect(errorsOf('batch', 'cronjobs', cj({ schedule: '* * * * *', concurrencyPolicy: 'Never' }))).toEqual([
      'spec.concurrencyPolicy: Unsupported value: "Never": supported values: "Allow", "Forbid", "Replace"',
    ]);
  });
});

describe('service validation', () => {
  it('requires ports and checks their numbers and names', () => {
    expect(errorsOf('', 'services', { metadata: { name: 's' }, spec: {} })).toEqual(['spec.ports: Required value']);
    expect(errorsOf('', 'services', { metadata: { name: 's' }, spec: { ports: [{ port: 0 }] } })).toEqual([
      'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
      // targetPort defaults to port, so kube reports it as well.
      'spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive',
    ]);
    expect(
      errorsOf('', 'services', { metadata: { name: 's' }, spec: { ports: [{ port: 80 }, { port: 81, name: 'b' }] } }),
    ).toEqual(['spec.ports[0].name: Required value']);
    expect(
      errorsOf('', 'services', { metadata: { name: 's' }, spec: { type: 'Magic', ports: [{ port: 80 }] } }),
    ).toEqual([
      'spec.type: Unsupported value: "Magic": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    ]);
  });

  it('keeps the cluster IP', () => {
    const old = {
      metadata: { name: 's' },
      spec: { clusterIP: '10.96.0.5', clusterIPs: ['10.96.0.5'], ports: [{ port: 80 }] },
    };
    const upd = {
      metadata: { name: 's' },
      spec: { clusterIP: '10.96.0.6', clusterIPs: ['10.96.0.6'], ports: [{ port: 80 }] },
    };
    expect(updateErrorsOf('', 'services', upd, old)).toEqual([
      'spec.clusterIPs[0]: Invalid value: []string{"10.96.0.6"}: may not change once set',
    ]);
  });
});

describe('configmap and secret validation', () => {
  it('checks keys', () => {
    expect(errorsOf('', 'configmaps', { metadata: { name: 'c' }, data: { 'a b': 'x' } })).toEqual([
      `data[a b]: Invalid value: "a b": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`,
    ]);
    expect(
      errorsOf('', 'configmaps', { metadata: { name: 'c' }, data: { k: 'x' }, binaryData: { k: 'eA==' } }),
    ).toEqual([
      'data[k]: Invalid value: "k": duplicate of key present in binaryData',
      'binaryData[k]: Invalid value: "k": duplicate of key present in data',
    ]);
  });

  it('freezes immutable data', () => {
    const old = { metadata: { name: 'c' }, immutable: true, data: { a: '1' } };
    expect(updateErrorsOf('', 'configmaps', { ...old, data: { a: '2' } }, old)).toEqual([
      'data: Forbidden: field is immutable when `immutable` is set',
    ]);
  });

  it('requires the keys of typed secrets and keeps the type', () => {
    expect(errorsOf('', 'secrets', { metadata: { name: 's' }, type: 'kubernetes.io/tls', data: {} })).toEqual([
      'data[tls.key]: Required value',
      'data[tls.crt]: Required value',
    ]);
    const old = { metadata: { name: 's' }, type: 'Opaque' };
    expect(updateErrorsOf('', 'secrets', { metadata: { name: 's' }, type: 'example.com/x' }, old)).toEqual([
      'type: Invalid value: "example.com/x": field is immutable',
    ]);
  });
});
