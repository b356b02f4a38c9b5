import { describe, expect, it } from 'vitest';
import { decodeKubeProtobuf } from '../../../src/server/http/protobuf/decode.js';

// The exact bytes kubectl v1.35 sends for `kubectl create configmap x --from-literal=a=b`.
const KUBECTL_CONFIGMAP = Buffer.from(
  '6b3873000a0f0a0276311209436f6e6669674d6170121b0a110a0178120' +
    '01a00220' +
    '02a0032003800420012060a0161120162' +
    '1a002200',
  'hex',
);

function encodeVarint(n: number): number[] {
  const out: number[] = [];
  let v = n;
  while (v > 0x7f) {
    out.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  out.push(v);
  return out;
}
const field = (num: number, bytes: number[]) => [
  ...encodeVarint((num << 3) | 2),
  ...encodeVarint(bytes.length),
  ...bytes,
];
const str = (num: number, s: string) => field(num, [...Buffer.from(s)]);

describe('protobuf bodies', () => {
  it('decodes the configmap kubectl sends', () => {
    expect(decodeKubeProtobuf(KUBECTL_CONFIGMAP)).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'x' },
      data: { a: 'b' },
    });
  });
  it('decodes a namespace with labels and a secret with bytes', () => {
    const meta = [...str(1, 'ns1'), ...field(11, [...str(1, 'team'), ...str(2, 'a')])];
    const ns = [
      0x6b,
      0x38,
      0x73,
      0x00,
      ...field(1, [...str(1, 'v1'), ...str(2, 'Namespace')]),
      ...field(2, [...field(1, meta)]),
    ];
    expect(decodeKubeProtobuf(Buffer.from(ns))).toEqual({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'ns1', labels: { team: 'a' } },
    });
    const secret = [
      0x6b,
      0x38,
      0x73,
      0x00,
      ...field(1, [...str(1, 'v1'), ...str(2, 'Secret')]),
      ...field(2, [
        ...field(1, str(1, 's')),
        ...field(2, [...str(1, 'k'), ...field(2, [0, 255])]),
        ...str(3, 'Opaque'),
      ]),
    ];
    expect(decodeKubeProtobuf(Buffer.from(secret))).toEqual({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's' },
      data: { k: 'AP8=' },
      type: 'Opaque',
    });
  });
  it('returns undefined for kinds it cannot read and 400 for garbage', () => {
    const pod = [0x6b, 0x38, 0x73, 0x00, ...field(1, [...str(1, 'v1'), ...str(2, 'Pod')])];
    expect(decodeKubeProtobuf(Buffer.from(pod))).toBeUndefined();
    expect(() => decodeKubeProtobuf(Buffer.from([0x6b, 0x38, 0x73, 0x00, 0x0a, 0xff]))).toThrow(/unable to decode/);
    expect(() => decodeKubeProtobuf(Buffer.from('{}'))).toThrow();
  });
});

describe('deployments', () => {
  it('decodes what kubectl create deployment sends, int-or-strings and quantities included', () => {
    const intOrString = (n: number, s?: string) =>
      s === undefined ? [0x08, 0x00, 0x10, n] : [0x08, 0x01, ...str(3, s)];
    const container = [
      ...str(1, 'web'),
      ...str(2, 'nginx'),
      ...field(6, [0x18, 80, ...str(4, 'TCP')]),
      ...field(8, field(1, [...str(1, 'cpu'), ...field(2, str(1, '500m'))])),
      ...str(5, ''),
      0x80,
      0x01,
      0x00,
    ];
    const spec = [
      0x08,
      0x02,
      ...field(2, field(1, [...str(1, 'app'), ...str(2, 'web')])),
      ...field(3, [...field(1, []), ...field(2, field(2, container))]),
      ...field(4, [
        ...str(1, 'RollingUpdate'),
        ...field(2, [...field(1, intOrString(0, '25%')), ...field(2, intOrString(1))]),
      ]),
    ];
    const dep = [
      0x6b,
      0x38,
      0x73,
      0x00,
      ...field(1, [...str(1, 'apps/v1'), ...str(2, 'Deployment')]),
      ...field(2, [...field(1, str(1, 'web')), ...field(2, spec), ...field(3, [])]),
    ];
    expect(decodeKubeProtobuf(Buffer.from(dep))).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: {},
          spec: {
            containers: [
              {
                name: 'web',
                image: 'nginx',
                ports: [{ containerPort: 80, protocol: 'TCP' }],
                resources: { limits: { cpu: '500m' } },
              },
            ],
          },
        },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: 1 } },
      },
      status: {},
    });
  });
});

describe('protobuf strictness', () => {
  it('refuses (undefined -> 415) a body carrying a field the table does not know', () => {
    const meta = [...str(1, 'x'), ...str(99, 'surprise')];
    const cm = [
      0x6b,
      0x38,
      0x73,
      0x00,
      ...field(1, [...str(1, 'v1'), ...str(2, 'ConfigMap')]),
      ...field(2, field(1, meta)),
    ];
    expect(decodeKubeProtobuf(Buffer.from(cm))).toBeUndefined();
  });
});
