import { describe, expect, it } from 'vitest';
import { ago, cells, create, headers, kindOf } from './strategy-harness.js';

const ADM = 'admissionregistration.k8s.io';
const meta = (name: string) => ({ name, creationTimestamp: ago(7200) });

describe('admissionregistration.k8s.io/v1', () => {
  it('defaults webhooks and counts them', () => {
    const k = kindOf(ADM, 'v1', 'mutatingwebhookconfigurations');
    const { obj, errors } = create(k, {
      metadata: meta('inject'),
      webhooks: [
        {
          name: 'inject.example.com',
          admissionReviewVersions: ['v1'],
          sideEffects: 'None',
          clientConfig: { service: { namespace: 'system', name: 'webhook' } },
          rules: [{ operations: ['CREATE'], apiGroups: [''], apiVersions: ['v1'], resources: ['pods'] }],
        },
      ],
    });
    expect(errors).toEqual([]);
    expect((obj.webhooks as any[])[0]).toMatchObject({
      failurePolicy: 'Fail',
      matchPolicy: 'Equivalent',
      namespaceSelector: {},
      objectSelector: {},
      timeoutSeconds: 10,
      reinvocationPolicy: 'Never',
      rules: [{ scope: '*' }],
      clientConfig: { service: { port: 443 } },
    });
    expect(headers(k)).toBe('NAME WEBHOOKS AGE');
    expect(cells(k, obj)).toEqual(['inject', 1, '120m']);
    expect(k.categories).toEqual(['api-extensions']);
  });

  it('rejects webhooks kube rejects', () => {
    const k = kindOf(ADM, 'v1', 'validatingwebhookconfigurations');
    expect(
      create(k, { metadata: meta('v'), webhooks: [{ name: 'short', sideEffects: 'Some', clientConfig: {} }] }).errors,
    ).toEqual([
      'webhooks[0].name: Invalid value: "short": should be a domain with at least three segments separated by dots',
      'webhooks[0].admissionReviewVersions: Required value: must specify one of v1, v1beta1',
      'webhooks[0].clientConfig: Required value: exactly one of url or service is required',
      'webhooks[0].sideEffects: Unsupported value: "Some": supported values: "None", "NoneOnDryRun"',
    ]);
  });

  it('validating admission policies and bindings', () => {
    const p = kindOf(ADM, 'v1', 'validatingadmissionpolicies');
    const { obj, errors } = create(p, {
      metadata: meta('replicas'),
      spec: {
        paramKind: { apiVersion: 'v1', kind: 'ConfigMap' },
        matchConstraints: {
          resourceRules: [
            { apiGroups: ['apps'], apiVersions: ['v1'], operations: ['CREATE'], resources: ['deployments'] },
          ],
        },
        validations: [{ expression: 'object.spec.replicas <= 5' }],
      },
    });
    expect(errors).toEqual([]);
    expect(obj.spec).toMatchObject({ failurePolicy: 'Fail', matchConstraints: { matchPolicy: 'Equivalent' } });
    expect(cells(p, obj)).toEqual(['replicas', 1, 'v1/ConfigMap', '120m']);
    expect(create(p, { metadata: meta('x'), spec: {} }).errors).toEqual([
      'spec.validations: Required value: validations or auditAnnotations must contain at least one item',
      'spec.matchConstraints: Required value',
    ]);
    const b = kindOf(ADM, 'v1', 'validatingadmissionpolicybindings');
    expect(create(b, { metadata: meta('b'), spec: { policyName: 'replicas' } }).errors).toEqual([
      'spec.validationActions: Required value: at least one validation action is required',
    ]);
    expect(
      cells(b, {
        metadata: meta('b'),
        spec: { policyName: 'replicas', paramRef: { name: 'limits', namespace: 'default' } },
      }),
    ).toEqual(['b', 'replicas', 'default/limits', '120m']);
  });
});
