/**
 * Hand-built protobuf bodies (field numbers from kube's generated.proto files) decoded to the
 * JSON Go's encoding/json would print for the same struct.
 */
import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../../src/server/apis/catalog.js';
import { decodeKubeProtobuf, decodeMessage } from '../../../../src/server/http/protobuf/decode.js';
import { definitionLookup } from '../../../../src/server/openapi/documents.js';
import { bool, bytes, double, entry, envelope, int, intOrString, msg, quantity, str, time } from './wire-builder.js';

const lookup = definitionLookup(builtinCatalog().definitions);
const decode = (body: Buffer) => decodeKubeProtobuf(body, lookup);

// The exact bytes kubectl v1.35 sends for `kubectl create configmap x --from-literal=a=b`.
const KUBECTL_CONFIGMAP = Buffer.from(
  '6b3873000a0f0a0276311209436f6e6669674d6170121b0a110a017812001a002200' + '2a0032003800420012060a01611201621a002200',
  'hex',
);

describe('envelope and core kinds', () => {
  it('decodes the configmap kubectl sends (empty strings and zero numbers dropped)', () => {
    expect(decode(KUBECTL_CONFIGMAP)).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'x' },
      data: { a: 'b' },
    });
  });

  it('sorts map keys as encoding/json does and base64-encodes []byte values', () => {
    const body = envelope(
      'v1',
      'Secret',
      msg(1, str(1, 's'), entry(12, 'z', '1'), entry(12, 'a', '2')),
      msg(2, str(1, 'k'), bytes(2, [0, 255])),
      str(3, 'Opaque'),
    );
    const got = decode(body);
    expect(got).toEqual({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's', annotations: { a: '2', z: '1' } },
      data: { k: 'AP8=' },
      type: 'Opaque',
    });
    expect(Object.keys((got as { metadata: { annotations: object } }).metadata.annotations)).toEqual(['a', 'z']);
  });

  it('decodes a pod: inlined volume sources, quantities, negative ints, struct order', () => {
    // Container.name has no omitempty: an empty name stays in the JSON.
    const container = [...str(1, ''), ...str(2, 'nginx'), ...msg(8, msg(2, str(1, 'memory'), quantity(2, '64Mi')))];
    const volume = [...str(1, 'cfg'), ...msg(2, msg(19, msg(1, str(1, 'settings')), int(3, 420)))];
    const body = envelope('v1', 'Pod', msg(1, str(1, 'p')), msg(2, msg(2, container), msg(1, volume), int(4, -1)));
    const got = decode(body);
    // Go prints struct fields in declaration order, whatever the wire order was.
    expect(Object.keys(got?.spec as object)).toEqual(['volumes', 'containers', 'terminationGracePeriodSeconds']);
    expect(got).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: {
        volumes: [{ name: 'cfg', configMap: { name: 'settings', defaultMode: 420 } }],
        containers: [{ name: '', image: 'nginx', resources: { requests: { memory: '64Mi' } } }],
        terminationGracePeriodSeconds: -1,
      },
    });
  });
});

describe('rbac (kubectl create role|rolebinding)', () => {
  it('decodes repeated messages and keeps non-omitempty empty strings', () => {
    const role = envelope(
      'rbac.authorization.k8s.io/v1',
      'Role',
      msg(1, str(1, 'reader'), str(3, 'ns')),
      msg(2, str(1, 'get'), str(1, 'list'), str(2, ''), str(3, 'pods')),
      msg(2, str(1, 'watch'), str(4, 'one')),
    );
    expect(decode(role)).toEqual({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: { name: 'reader', namespace: 'ns' },
      rules: [
        { verbs: ['get', 'list'], apiGroups: [''], resources: ['pods'] },
        { verbs: ['watch'], resourceNames: ['one'] },
      ],
    });
    const binding = envelope(
      'rbac.authorization.k8s.io/v1',
      'RoleBinding',
      msg(1, str(1, 'b')),
      msg(2, str(1, 'User'), str(2, 'rbac.authorization.k8s.io'), str(3, 'alice')),
      msg(3, str(1, ''), str(2, 'ClusterRole'), str(3, 'view')),
    );
    expect(decode(binding)).toEqual({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'b' },
      subjects: [{ kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'alice' }],
      roleRef: { apiGroup: '', kind: 'ClusterRole', name: 'view' },
    });
  });
});

describe('int-or-string, pointers and quantities', () => {
  it('decodes a PodDisruptionBudget with int-or-string pointers', () => {
    const pdb = envelope(
      'policy/v1',
      'PodDisruptionBudget',
      msg(1, str(1, 'pdb')),
      msg(2, intOrString(1, '50%'), msg(2, entry(1, 'app', 'web')), intOrString(3, 0)),
    );
    expect(decode(pdb)).toEqual({
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: 'pdb' },
      spec: { minAvailable: '50%', selector: { matchLabels: { app: 'web' } }, maxUnavailable: 0 },
    });
  });

  it('decodes an autoscaling/v2 HPA: zero pointers kept, zero scalars dropped', () => {
    const hpa = envelope(
      'autoscaling/v2',
      'HorizontalPodAutoscaler',
      msg(1, str(1, 'web')),
      msg(
        2,
        msg(1, str(1, 'Deployment'), str(2, 'web'), str(3, 'apps/v1')),
        int(2, 0),
        int(3, 5),
        msg(4, str(1, 'Resource'), msg(4, str(1, 'cpu'), msg(2, str(1, 'Utilization'), int(4, 80)))),
        msg(4, str(1, 'Resource'), msg(4, str(1, 'memory'), msg(2, str(1, 'AverageValue'), quantity(3, '1Gi')))),
      ),
      msg(3, int(3, 0), int(4, 0)),
    );
    expect(decode(hpa)).toEqual({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web' },
      spec: {
        scaleTargetRef: { kind: 'Deployment', name: 'web', apiVersion: 'apps/v1' },
        minReplicas: 0,
        maxReplicas: 5,
        metrics: [
          { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } },
          { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '1Gi' } } },
        ],
      },
      // currentReplicas is omitempty; desiredReplicas is not, so Go prints its 0.
      status: { desiredReplicas: 0 },
    });
  });

  it('decodes a ResourceQuota quantity map and an empty quantity as "0"', () => {
    const rq = envelope(
      'v1',
      'ResourceQuota',
      msg(1, str(1, 'q')),
      msg(2, msg(1, str(1, 'pods'), quantity(2, '10')), msg(1, str(1, 'cpu'), msg(2))),
    );
    expect(decode(rq)).toEqual({
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: 'q' },
      spec: { hard: { cpu: '0', pods: '10' } },
    });
  });
});

describe('times, raw JSON and wrapped slices', () => {
  it('prints metav1.Time with seconds and MicroTime with six fraction digits', () => {
    const lease = envelope(
      'coordination.k8s.io/v1',
      'Lease',
      msg(1, str(1, 'l'), time(9, 1_700_000_000), msg(8)),
      msg(2, str(1, 'me'), time(3, 1_700_000_000, 123_456_789), time(4, 0), int(5, 0)),
    );
    expect(decode(lease)).toEqual({
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      // creationTimestamp was sent empty: Go's zero time is null, so it is left out.
      metadata: { name: 'l', deletionTimestamp: '2023-11-14T22:13:20Z' },
      spec: {
        holderIdentity: 'me',
        acquireTime: '2023-11-14T22:13:20.123456Z',
        renewTime: '1970-01-01T00:00:00.000000Z',
        leaseTransitions: 0,
      },
    });
  });

  it('decodes RawExtension bytes as JSON and refuses non-JSON raw bytes', () => {
    const rev = (raw: string) =>
      envelope('apps/v1', 'ControllerRevision', msg(1, str(1, 'r')), msg(2, str(1, raw)), int(3, 2));
    expect(decode(rev('{"spec":{"x":[1,true]}}'))).toEqual({
      apiVersion: 'apps/v1',
      kind: 'ControllerRevision',
      metadata: { name: 'r' },
      data: { spec: { x: [1, true] } },
      revision: 2,
    });
    expect(decode(rev('k8s\0binary'))).toBeUndefined();
  });

  it('unwraps named slices sent as {items} messages in map values (CSR extra)', () => {
    const csr = envelope(
      'certificates.k8s.io/v1',
      'CertificateSigningRequest',
      msg(1, str(1, 'c')),
      msg(
        2,
        bytes(1, [1, 2, 3]),
        str(7, 'example.com/signer'),
        str(5, 'client auth'),
        msg(6, str(1, 'scopes'), msg(2, str(1, 'a'), str(1, 'b'))),
      ),
    );
    expect(decode(csr)).toMatchObject({
      spec: {
        request: 'AQID',
        signerName: 'example.com/signer',
        usages: ['client auth'],
        extra: { scopes: ['a', 'b'] },
      },
    });
  });

  it('decodes DeleteOptions sent under any group version', () => {
    const body = envelope('policy/v1', 'DeleteOptions', int(1, 0), msg(2, str(1, 'uid-1')), str(4, 'Foreground'));
    expect(decodeKubeProtobuf(body, () => undefined)).toEqual({
      apiVersion: 'policy/v1',
      kind: 'DeleteOptions',
      gracePeriodSeconds: 0,
      preconditions: { uid: 'uid-1' },
      propagationPolicy: 'Foreground',
    });
  });
});

describe('apiextensions (the message types come from helm)', () => {
  it('decodes a CRD with schema unions, raw JSON defaults and doubles', () => {
    const props = (name: string, ...schema: number[][]) => msg(29, str(1, name), msg(2, ...schema));
    const schema = msg(
      1,
      str(5, 'object'),
      props('size', str(5, 'integer'), double(9, 10.5), msg(8, str(1, '3'))),
      props('tags', str(5, 'array'), msg(24, msg(1, str(5, 'string')))),
      props('labels', str(5, 'object'), msg(30, bool(1, true))),
      props('pair', str(5, 'object'), msg(32, str(1, 'a'), msg(2, str(2, 'b')))),
      props('any', msg(20, str(1, '"x"')), msg(20, str(1, '{"y":1}'))),
    );
    const version = msg(7, str(1, 'v1'), bool(2, true), bool(3, true), msg(4, schema));
    const crd = envelope(
      'apiextensions.k8s.io/v1',
      'CustomResourceDefinition',
      msg(1, str(1, 'widgets.example.com')),
      msg(2, str(1, 'example.com'), msg(3, str(1, 'widgets'), str(4, 'Widget')), str(4, 'Namespaced'), version),
    );
    expect(decode(crd)).toEqual({
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'widgets.example.com' },
      spec: {
        group: 'example.com',
        names: { plural: 'widgets', kind: 'Widget' },
        scope: 'Namespaced',
        versions: [
          {
            name: 'v1',
            served: true,
            storage: true,
            schema: {
              openAPIV3Schema: {
                type: 'object',
                properties: {
                  any: { enum: ['x', { y: 1 }] },
                  labels: { type: 'object', additionalProperties: true },
                  pair: { type: 'object', dependencies: { a: ['b'] } },
                  size: { type: 'integer', default: 3, maximum: 10.5 },
                  tags: { type: 'array', items: { type: 'string' } },
                },
              },
            },
          },
        ],
      },
    });
  });
});

describe('refusals', () => {
  it('returns undefined (-> 415) for an unknown field number or kind', () => {
    expect(decode(envelope('v1', 'ConfigMap', msg(1, str(1, 'x'), str(99, 'surprise'))))).toBeUndefined();
    expect(decode(envelope('v1', 'Nonsense', msg(1, str(1, 'x'))))).toBeUndefined();
    expect(decode(envelope('example.com/v1', 'Widget'))).toBeUndefined();
  });

  it('answers 400 for garbage and for a wire type that contradicts the table', () => {
    expect(() => decode(Buffer.from([0x6b, 0x38, 0x73, 0x00, 0x0a, 0xff]))).toThrow(/unable to decode/);
    expect(() => decode(Buffer.from('{}'))).toThrow(/unknown format/);
    // ObjectMeta.name (1) is a string; a varint there is malformed.
    expect(() => decode(envelope('v1', 'ConfigMap', msg(1, int(1, 5))))).toThrow(/wire type/);
    expect(() => decode(envelope('v1', 'ConfigMap', msg(1, double(7, 1))))).toThrow(/wire type/);
  });

  it('reads packed repeated varints and a last-wins singular field', () => {
    // PodSecurityContext.supplementalGroups (4) is repeated int64; ObjectMeta.name sent twice.
    const packed = msg(4, [1, 2, 0x80, 0x01]);
    const pod = envelope('v1', 'Pod', msg(1, str(1, 'a'), str(1, 'b')), msg(2, msg(14, packed), bool(11, true)));
    expect(decode(pod)).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'b' },
      spec: { hostNetwork: true, securityContext: { supplementalGroups: [1, 2, 128] } },
    });
  });

  it('decodeMessage refuses a message the table lacks', () => {
    expect(() => decodeMessage('nope/v1.Thing', new Uint8Array())).toThrow(/no protobuf description/);
  });
});
