import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../src/server/apis/catalog.js';
import { defaultPullPolicy, imageTag } from '../../../src/server/apis/core/pod-defaults.js';
import type { KubeObject, StrategyContext } from '../../../src/server/apis/types.js';

const catalog = builtinCatalog();
const ctx: StrategyContext = { namespace: 'default', dryRun: false };

/** What the registry does on create: defaults, then prepareForCreate. */
function create(group: string, resource: string, obj: KubeObject): KubeObject {
  const kind = catalog.byResource(group, 'v1', resource);
  if (!kind) throw new Error(`no ${resource}`);
  const o = structuredClone(obj);
  kind.strategy.defaults?.(o);
  kind.strategy.prepareForCreate?.(o, ctx);
  return o;
}

// The expected objects are what `kubectl create -f` then `kubectl get -o yaml` shows on a v1.35
// cluster (minus server-set metadata and admission plugins' additions).
const defaultedContainer = {
  name: 'web',
  image: 'nginx',
  imagePullPolicy: 'Always',
  terminationMessagePath: '/dev/termination-log',
  terminationMessagePolicy: 'File',
  resources: {},
};
const templateSpec = {
  containers: [defaultedContainer],
  dnsPolicy: 'ClusterFirst',
  restartPolicy: 'Always',
  schedulerName: 'default-scheduler',
  securityContext: {},
  terminationGracePeriodSeconds: 30,
};

describe('defaults', () => {
  it('fills a minimal pod as kube does', () => {
    const pod = create('', 'pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: { containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 80 }] }] },
    });
    expect(pod).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', generation: 1 },
      spec: {
        ...templateSpec,
        containers: [{ ...defaultedContainer, ports: [{ containerPort: 80, protocol: 'TCP' }] }],
        enableServiceLinks: true,
      },
      status: { phase: 'Pending', qosClass: 'BestEffort' },
    });
  });

  it('defaults probes, volumes, env field refs and requests from limits', () => {
    const pod = create('', 'pods', {
      metadata: { name: 'p' },
      spec: {
        containers: [
          {
            name: 'c',
            image: 'registry.example.com:5000/app:1.2',
            livenessProbe: { httpGet: { port: 8080 } },
            env: [{ name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
            resources: { limits: { cpu: '1', memory: '1Gi' } },
          },
        ],
        volumes: [{ name: 'cfg', configMap: { name: 'cfg' } }, { name: 'scratch' }],
      },
    });
    const spec = pod.spec as any;
    expect(spec.containers[0].imagePullPolicy).toBe('IfNotPresent');
    expect(spec.containers[0].livenessProbe).toEqual({
      httpGet: { port: 8080, path: '/', scheme: 'HTTP' },
      timeoutSeconds: 1,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 3,
    });
    expect(spec.containers[0].env[0].valueFrom.fieldRef.apiVersion).toBe('v1');
    expect(spec.containers[0].resources.requests).toEqual({ cpu: '1', memory: '1Gi' });
    expect(spec.volumes).toEqual([
      { name: 'cfg', configMap: { name: 'cfg', defaultMode: 420 } },
      { name: 'scratch', emptyDir: {} },
    ]);
    expect((pod.status as any).qosClass).toBe('Guaranteed');
  });

  it('picks the pull policy from the tag', () => {
    expect(defaultPullPolicy('nginx')).toBe('Always');
    expect(defaultPullPolicy('nginx:latest')).toBe('Always');
    expect(defaultPullPolicy('nginx:1.27')).toBe('IfNotPresent');
    expect(defaultPullPolicy('localhost:5000/nginx')).toBe('Always');
    expect(defaultPullPolicy('nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef')).toBe(
      'IfNotPresent',
    );
    expect(imageTag('Nginx')).toBe('');
    expect(defaultPullPolicy('')).toBe('IfNotPresent');
  });

  it('fills a minimal deployment', () => {
    const d = create('apps', 'deployments', {
      metadata: { name: 'web' },
      spec: {
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } },
      },
    });
    expect(d).toEqual({
      metadata: { name: 'web', generation: 1 },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: 'web' } },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
        revisionHistoryLimit: 10,
        progressDeadlineSeconds: 600,
        template: { metadata: { labels: { app: 'web' } }, spec: templateSpec },
      },
      status: {},
    });
  });

  it('fills a minimal service', () => {
    const s = create('', 'services', {
      metadata: { name: 'web' },
      spec: { selector: { app: 'web' }, ports: [{ port: 80 }] },
    });
    expect(s).toEqual({
      metadata: { name: 'web' },
      spec: {
        selector: { app: 'web' },
        ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
        type: 'ClusterIP',
        sessionAffinity: 'None',
        internalTrafficPolicy: 'Cluster',
        ipFamilyPolicy: 'SingleStack',
        ipFamilies: ['IPv4'],
      },
      status: { loadBalancer: {} },
    });
  });

  it('fills NodePort and LoadBalancer specifics', () => {
    const s = create('', 'services', {
      metadata: { name: 'lb' },
      spec: { type: 'LoadBalancer', sessionAffinity: 'ClientIP', ports: [{ port: 443, targetPort: 'https' }] },
    });
    expect(s.spec).toMatchObject({
      externalTrafficPolicy: 'Cluster',
      allocateLoadBalancerNodePorts: true,
      sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } },
      ports: [{ port: 443, targetPort: 'https', protocol: 'TCP' }],
    });
  });

  it('gives headless services without a selector RequireDualStack', () => {
    const headless = create('', 'services', {
      metadata: { name: 'h' },
      spec: { clusterIP: 'None', ports: [{ port: 9092 }] },
    });
    expect(headless.spec).toMatchObject({ ipFamilyPolicy: 'RequireDualStack', ipFamilies: ['IPv4'] });
    const selected = create('', 'services', {
      metadata: { name: 'h' },
      spec: { clusterIP: 'None', selector: { a: 'b' }, ports: [{ port: 9092 }] },
    });
    expect((selected.spec as any).ipFamilyPolicy).toBe('SingleStack');
    const external = create('', 'services', {
      metadata: { name: 'e' },
      spec: { type: 'ExternalName', externalName: 'x.io' },
    });
    expect(external.spec).toEqual({ type: 'ExternalName', externalName: 'x.io', sessionAffinity: 'None' });
  });

  it('fills a minimal job and generates its selector from the uid', () => {
    const j = create('batch', 'jobs', {
      metadata: { name: 'pi', uid: 'u-1' },
      spec: { template: { spec: { containers: [{ name: 'pi', image: 'perl:5' }], restartPolicy: 'Never' } } },
    });
    expect(j).toEqual({
      metadata: { name: 'pi', uid: 'u-1', generation: 1 },
      spec: {
        completions: 1,
        parallelism: 1,
        backoffLimit: 6,
        completionMode: 'NonIndexed',
        suspend: false,
        podReplacementPolicy: 'TerminatingOrFailed',
        selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'u-1' } },
        template: {
          metadata: {
            labels: {
              'batch.kubernetes.io/controller-uid': 'u-1',
              'batch.kubernetes.io/job-name': 'pi',
              'controller-uid': 'u-1',
              'job-name': 'pi',
            },
          },
          spec: {
            ...templateSpec,
            containers: [{ ...defaultedContainer, name: 'pi', image: 'perl:5', imagePullPolicy: 'IfNotPresent' }],
            restartPolicy: 'Never',
          },
        },
      },
      status: {},
    });
  });

  it('fills a cronjob, namespace and secret', () => {
    const cj = create('batch', 'cronjobs', {
      metadata: { name: 'c' },
      spec: { schedule: '*/5 * * * *', jobTemplate: { spec: { template: { spec: { containers: [] } } } } },
    });
    expect(cj.spec).toMatchObject({
      concurrencyPolicy: 'Allow',
      suspend: false,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 1,
      // Plain ObjectMeta structs print as `metadata: {}`.
      jobTemplate: { metadata: {}, spec: { template: { metadata: {} } } },
    });
    const ns = create('', 'namespaces', { metadata: { name: 'shop' } });
    expect(ns).toEqual({
      metadata: { name: 'shop', labels: { 'kubernetes.io/metadata.name': 'shop' } },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
    const secret = create('', 'secrets', { metadata: { name: 's' }, stringData: { user: 'admin' } });
    expect(secret).toEqual({ metadata: { name: 's' }, type: 'Opaque', data: { user: 'YWRtaW4=' } });
  });

  it('fills statefulsets and daemonsets', () => {
    const template = { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'x:1' }] } };
    const sts = create('apps', 'statefulsets', { metadata: { name: 's' }, spec: { selector: {}, template } });
    expect(sts.spec).toMatchObject({
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0, maxUnavailable: 1 } },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      replicas: 1,
      revisionHistoryLimit: 10,
    });
    const ds = create('apps', 'daemonsets', { metadata: { name: 'd' }, spec: { selector: {}, template } });
    expect(ds.spec).toMatchObject({
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
      revisionHistoryLimit: 10,
    });
  });
});

describe('status split and generation', () => {
  const deployments = catalog.byResource('apps', 'v1', 'deployments')!;
  const base: KubeObject = {
    metadata: { name: 'web', generation: 3 },
    spec: { replicas: 2 },
    status: { replicas: 2 },
  };

  it('ignores status on update and bumps generation only on spec change', () => {
    const upd = structuredClone(base);
    (upd.status as any).replicas = 9;
    deployments.strategy.prepareForUpdate?.(upd, base, ctx);
    expect(upd.status).toEqual({ replicas: 2 });
    expect(upd.metadata?.generation).toBe(3);
    (upd.spec as any).replicas = 5;
    deployments.strategy.prepareForUpdate?.(upd, base, ctx);
    expect(upd.metadata?.generation).toBe(4);
  });

  it('ignores spec on a status update', () => {
    const upd = structuredClone(base);
    (upd.spec as any).replicas = 7;
    (upd.status as any).replicas = 1;
    deployments.strategy.prepareForStatusUpdate?.(upd, base, ctx);
    expect(upd.spec).toEqual({ replicas: 2 });
    expect(upd.status).toEqual({ replicas: 1 });
    expect(upd.metadata?.generation).toBe(3);
  });

  it('never gives generation-less kinds a generation', () => {
    const cm = create('', 'configmaps', { metadata: { name: 'c', generation: 5 }, data: { a: 'b' } });
    expect(cm.metadata?.generation).toBeUndefined();
  });

  it('keeps allocated service values an update omits', () => {
    const services = catalog.byResource('', 'v1', 'services')!;
    const old: KubeObject = {
      metadata: { name: 's' },
      spec: {
        type: 'NodePort',
        clusterIP: '10.96.0.10',
        clusterIPs: ['10.96.0.10'],
        ports: [{ port: 80, nodePort: 30080 }],
      },
    };
    const upd: KubeObject = { metadata: { name: 's' }, spec: { type: 'NodePort', ports: [{ port: 80 }] } };
    services.strategy.prepareForUpdate?.(upd, old, ctx);
    expect(upd.spec).toMatchObject({
      clusterIP: '10.96.0.10',
      clusterIPs: ['10.96.0.10'],
      ports: [{ port: 80, nodePort: 30080 }],
    });
  });
});

describe('defaulting is idempotent (property)', () => {
  it('defaults(defaults(x)) equals defaults(x) for every kind', () => {
    const container = fc.record(
      {
        name: fc.constantFrom('a', 'b', 'web'),
        image: fc.constantFrom('nginx', 'nginx:1.27', 'repo/app@sha256:abc', ''),
        imagePullPolicy: fc.constantFrom(undefined, 'Never'),
        ports: fc.array(
          fc.record({ containerPort: fc.integer({ min: 1, max: 65535 }) }, { requiredKeys: ['containerPort'] }),
          {
            maxLength: 2,
          },
        ),
        resources: fc.constantFrom(undefined, { limits: { cpu: '1' } }, { requests: { memory: '1Gi' } }),
      },
      { requiredKeys: ['name', 'image'] },
    );
    const podSpec = fc.record(
      {
        containers: fc.array(container, { minLength: 1, maxLength: 3 }),
        restartPolicy: fc.constantFrom(undefined, 'Never', 'OnFailure'),
        hostNetwork: fc.boolean(),
        volumes: fc.array(fc.record({ name: fc.constantFrom('v1', 'v2'), secret: fc.constant({ secretName: 's' }) }), {
          maxLength: 2,
        }),
      },
      { requiredKeys: ['containers'] },
    );
    fc.assert(
      fc.property(podSpec, fc.constantFrom(...catalog.kinds), (spec, kind) => {
        const obj: KubeObject = {
          metadata: { name: 'x' },
          spec: { ...structuredClone(spec), template: { spec: structuredClone(spec) }, ports: [{ port: 80 }] },
        };
        kind.strategy.defaults?.(obj);
        const once = structuredClone(obj);
        kind.strategy.defaults?.(obj);
        expect(obj).toEqual(once);
      }),
      { numRuns: 200 },
    );
  });
});
