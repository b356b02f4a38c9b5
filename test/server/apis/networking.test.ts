import { describe, expect, it } from 'vitest';
import { ago, cells, create, headers, kindOf } from './strategy-harness.js';

const NET = 'networking.k8s.io';
const meta = (name: string) => ({ name, namespace: 'default', creationTimestamp: ago(120) });
const backend = (name: string, number: number) => ({ service: { name, port: { number } } });

describe('networking.k8s.io/v1', () => {
  it('ingresses: validation and table', () => {
    const k = kindOf(NET, 'v1', 'ingresses');
    expect(
      create(k, {
        metadata: meta('web'),
        spec: { rules: [{ http: { paths: [{ path: '/', backend: backend('web', 80) }] } }] },
      }).errors,
    ).toEqual(['spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified']);
    expect(create(k, { metadata: meta('web'), spec: {} }).errors).toEqual([
      'spec: Invalid value: []: either `defaultBackend` or `rules` must be specified',
    ]);
    const { obj, errors } = create(k, {
      metadata: meta('web'),
      spec: {
        ingressClassName: 'nginx',
        tls: [{ hosts: ['shop.example.com'], secretName: 'tls' }],
        rules: [
          {
            host: 'shop.example.com',
            http: { paths: [{ path: '/', pathType: 'Prefix', backend: backend('web', 80) }] },
          },
          {
            host: 'api.example.com',
            http: { paths: [{ path: '/v1', pathType: 'Exact', backend: backend('api', 8080) }] },
          },
        ],
      },
      status: { loadBalancer: { ingress: [{ ip: '10.0.0.1' }] } },
    });
    expect(errors).toEqual([]);
    expect(obj.metadata?.generation).toBe(1);
    expect(headers(k)).toBe('NAME CLASS HOSTS ADDRESS PORTS AGE');
    // Status is reset on create; a controller fills it later.
    expect(cells(k, obj)).toEqual(['web', 'nginx', 'shop.example.com,api.example.com', '', '80, 443', '2m']);
    expect(
      cells(k, { ...obj, status: { loadBalancer: { ingress: [{ ip: '10.0.0.1' }, { hostname: 'lb.example' }] } } })[3],
    ).toBe('10.0.0.1,lb.example');
  });

  it('networkpolicies: default policy types and port protocol', () => {
    const k = kindOf(NET, 'v1', 'networkpolicies');
    const { obj, errors } = create(k, {
      metadata: meta('db'),
      spec: {
        podSelector: { matchLabels: { app: 'db' } },
        ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 5432 }] }],
        egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8' } }] }],
      },
    });
    expect(errors).toEqual([]);
    const spec = obj.spec as Record<string, any>;
    expect(spec.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(spec.ingress[0].ports[0].protocol).toBe('TCP');
    expect(cells(k, obj)).toEqual(['db', 'app=db', '2m']);
    expect(cells(k, { metadata: meta('all'), spec: { podSelector: {} } })[1]).toBe('<none>');
    expect(
      create(k, { metadata: meta('bad'), spec: { podSelector: {}, ingress: [{ ports: [{ port: 80, endPort: 70 }] }] } })
        .errors,
    ).toEqual(['spec.ingress[0].ports[0].endPort: Invalid value: 70: must be greater than or equal to `port`']);
  });

  it('ingressclasses: scope default, required controller, parameters cell', () => {
    const k = kindOf(NET, 'v1', 'ingressclasses');
    const { obj, errors } = create(k, {
      metadata: { name: 'nginx', creationTimestamp: ago(60) },
      spec: {
        controller: 'k8s.io/ingress-nginx',
        parameters: { apiGroup: 'k8s.example.com', kind: 'IngressParameters', name: 'p' },
      },
    });
    expect(errors).toEqual([]);
    expect((obj.spec as any).parameters.scope).toBe('Cluster');
    expect(cells(k, obj)).toEqual(['nginx', 'k8s.io/ingress-nginx', 'IngressParameters.k8s.example.com/p', '60s']);
    expect(create(k, { metadata: { name: 'x' }, spec: {} }).errors).toEqual(['spec.controller: Required value']);
  });

  it('ipaddresses and servicecidrs', () => {
    const ip = kindOf(NET, 'v1', 'ipaddresses');
    expect(create(ip, { metadata: { name: '10.96.0.10' }, spec: {} }).errors).toEqual([
      'spec.parentRef: Required value',
    ]);
    expect(
      cells(ip, {
        metadata: { name: '10.96.0.10' },
        spec: { parentRef: { resource: 'services', namespace: 'kube-system', name: 'kube-dns' } },
      }),
    ).toEqual(['10.96.0.10', 'services/kube-system/kube-dns']);
    const sc = kindOf(NET, 'v1', 'servicecidrs');
    expect(create(sc, { metadata: { name: 'k' }, spec: { cidrs: ['10.96.0.0/x'] } }).errors).toEqual([
      'spec.cidrs[0]: Invalid value: "10.96.0.0/x": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
    ]);
    expect(
      cells(sc, {
        metadata: { name: 'kubernetes', creationTimestamp: ago(5) },
        spec: { cidrs: ['10.96.0.0/12', 'fd00::/108'] },
      }),
    ).toEqual(['kubernetes', '10.96.0.0/12,fd00::/108', '5s']);
  });
});
