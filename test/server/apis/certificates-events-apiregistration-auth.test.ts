import { describe, expect, it } from 'vitest';
import { seedObjects as apiServices } from '../../../src/server/apis/apiregistration/module.js';
import { answerSelfSubjectReview } from '../../../src/server/apis/authentication/reviews.js';
import { ADMIN_DECIDER, answerAccessReview, answerRulesReview } from '../../../src/server/apis/authorization/module.js';
import { eventFromCore, eventToCore } from '../../../src/server/apis/events/module.js';
import { ago, catalog, cells, create, ctx, headers, kindOf } from './strategy-harness.js';

const meta = (name: string, namespace?: string) => ({
  name,
  ...(namespace ? { namespace } : {}),
  creationTimestamp: ago(20),
});
const CSR_PEM = Buffer.from('-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n').toString(
  'base64',
);

describe('certificates.k8s.io/v1 certificatesigningrequests', () => {
  const k = kindOf('certificates.k8s.io', 'v1', 'certificatesigningrequests');
  it('records the requesting user and prints the condition', () => {
    const { obj, errors } = create(k, {
      metadata: meta('jane'),
      spec: {
        request: CSR_PEM,
        signerName: 'kubernetes.io/kube-apiserver-client',
        usages: ['client auth'],
        username: 'spoofed',
        expirationSeconds: 86400,
      },
    });
    expect(errors).toEqual([]);
    expect((obj.spec as any).username).toBe('kubernetes-admin');
    expect(k.subresources?.custom?.approval?.verbs).toEqual(['get', 'patch', 'update']);
    expect(headers(k)).toBe('NAME AGE SIGNERNAME REQUESTOR REQUESTEDDURATION CONDITION');
    expect(cells(k, obj)).toEqual([
      'jane',
      '20s',
      'kubernetes.io/kube-apiserver-client',
      'kubernetes-admin',
      '24h',
      'Pending',
    ]);
    const approved = {
      ...obj,
      status: { conditions: [{ type: 'Approved', status: 'True' }], certificate: 'Y2VydA==' },
    };
    expect(cells(k, approved)[5]).toBe('Approved,Issued');
  });
  it('rejects a request that is not a CSR', () => {
    expect(
      create(k, {
        metadata: meta('x'),
        spec: { request: Buffer.from('junk').toString('base64'), signerName: 'example.com/s', usages: ['client auth'] },
      }).errors,
    ).toEqual(['spec.request: Invalid value: "anVuaw==": PEM block type must be CERTIFICATE REQUEST']);
  });
});

describe('events.k8s.io/v1 events', () => {
  const k = kindOf('events.k8s.io', 'v1', 'events');
  const ev = {
    apiVersion: 'events.k8s.io/v1',
    kind: 'Event',
    metadata: meta('web.1', 'default'),
    eventTime: '2026-03-01T11:59:40.000000Z',
    reportingController: 'example.com/ctl',
    reportingInstance: 'ctl-1',
    action: 'Scale',
    reason: 'Scaled',
    type: 'Normal',
    note: 'scaled to 3',
    regarding: { kind: 'Deployment', name: 'web', namespace: 'default' },
  };
  it('shares storage with core events and converts both ways', () => {
    expect(k.storagePrefix).toBe('events');
    const core = eventToCore(ev);
    expect(core).toMatchObject({
      apiVersion: 'v1',
      message: 'scaled to 3',
      involvedObject: { name: 'web' },
      reportingComponent: 'example.com/ctl',
    });
    expect(core.note).toBeUndefined();
    expect(eventFromCore(core)).toEqual(ev);
  });
  it('validates new-API events', () => {
    expect(create(k, ev).errors).toEqual([]);
    expect(create(k, { ...ev, reportingController: '', action: undefined }).errors).toEqual([
      'reportingController: Required value',
      'action: Required value',
    ]);
    expect(cells(k, ev)[3]).toBe('deployment/web');
  });
});

describe('apiregistration.k8s.io/v1 apiservices', () => {
  const k = kindOf('apiregistration.k8s.io', 'v1', 'apiservices');
  it('lists built-in group versions as Local', () => {
    const names = apiServices.map((s) => s.metadata?.name);
    expect(names).toContain('v1.');
    expect(names).toContain('v2.autoscaling');
    expect(names).toContain('v1.resource.k8s.io');
    const apps = apiServices.find((s) => s.metadata?.name === 'v1.apps')!;
    expect(create(k, apps).errors).toEqual([]);
    expect(headers(k)).toBe('NAME SERVICE AVAILABLE AGE');
    expect(cells(k, { ...apps, metadata: meta('v1.apps') })).toEqual(['v1.apps', 'Local', 'True', '20s']);
    // Every served group version has its APIService.
    for (const gv of catalog.groupVersions())
      for (const v of gv.versions) expect(names, `${v}.${gv.group}`).toContain(`${v}.${gv.group}`);
  });
  it('checks the name and priorities', () => {
    expect(
      create(k, {
        metadata: meta('v1beta1.metrics.k8s.io'),
        spec: { group: 'metrics.k8s.io', version: 'v1', groupPriorityMinimum: 0, versionPriority: 100 },
      }).errors,
    ).toEqual([
      'metadata.name: Invalid value: "v1beta1.metrics.k8s.io": must be `spec.version+"."+spec.group`: "v1.metrics.k8s.io"',
      'spec.groupPriorityMinimum: Invalid value: 0: must be positive and less than 20000',
    ]);
    const ext = {
      ...meta('v1beta1.metrics.k8s.io'),
      spec: { service: { namespace: 'kube-system', name: 'metrics-server' } },
    };
    expect(
      cells(k, {
        metadata: ext,
        ...ext,
        status: { conditions: [{ type: 'Available', status: 'False', reason: 'MissingEndpoints' }] },
      }).slice(1, 3),
    ).toEqual(['kube-system/metrics-server', 'False (MissingEndpoints)']);
  });
});

describe('authentication and authorization reviews', () => {
  it('are create-only', () => {
    for (const [g, r] of [
      ['authentication.k8s.io', 'tokenreviews'],
      ['authentication.k8s.io', 'selfsubjectreviews'],
      ['authorization.k8s.io', 'subjectaccessreviews'],
      ['authorization.k8s.io', 'selfsubjectaccessreviews'],
      ['authorization.k8s.io', 'localsubjectaccessreviews'],
      ['authorization.k8s.io', 'selfsubjectrulesreviews'],
    ] as const)
      expect(kindOf(g, 'v1', r).verbs).toEqual(['create']);
    expect(kindOf('authorization.k8s.io', 'v1', 'localsubjectaccessreviews').namespaced).toBe(true);
  });
  it('answer as kube does for the admin user', () => {
    const ssr = answerSelfSubjectReview({ apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' }, ctx);
    expect(ssr.status).toEqual({
      userInfo: { username: 'kubernetes-admin', groups: ['system:masters', 'system:authenticated'] },
    });
    const ssar = answerAccessReview(
      { kind: 'SelfSubjectAccessReview', spec: { resourceAttributes: { verb: 'delete', resource: 'nodes' } } },
      ctx,
      ADMIN_DECIDER,
    );
    expect(ssar.status).toEqual({ allowed: true });
    expect(
      (answerRulesReview({ kind: 'SelfSubjectRulesReview', spec: { namespace: 'default' } }, ctx).status as any)
        .incomplete,
    ).toBe(false);
  });
  it('validate the review shape', () => {
    const sar = kindOf('authorization.k8s.io', 'v1', 'subjectaccessreviews');
    expect(create(sar, { spec: { user: 'jane' } }).errors).toEqual([
      'spec.resourceAttributes: Invalid value: null: exactly one of nonResourceAttributes or resourceAttributes must be specified',
    ]);
  });
});
