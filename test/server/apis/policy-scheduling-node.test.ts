import { describe, expect, it } from 'vitest';
import { seedObjects as priorityClasses } from '../../../src/server/apis/scheduling/module.js';
import { ago, cells, create, headers, kindOf, update } from './strategy-harness.js';

const meta = (name: string, namespace?: string) => ({
  name,
  ...(namespace ? { namespace } : {}),
  creationTimestamp: ago(90),
});

describe('policy/v1 poddisruptionbudgets', () => {
  const k = kindOf('policy', 'v1', 'poddisruptionbudgets');
  it('starts with a zeroed status and prints budgets', () => {
    const { obj, errors } = create(k, {
      metadata: meta('web', 'default'),
      spec: { minAvailable: '50%', selector: { matchLabels: { app: 'web' } } },
    });
    expect(errors).toEqual([]);
    expect(obj.status).toEqual({ currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 });
    expect(headers(k)).toBe('NAME MIN AVAILABLE MAX UNAVAILABLE ALLOWED DISRUPTIONS AGE');
    expect(cells(k, obj)).toEqual(['web', '50%', 'N/A', 0, '90s']);
  });
  it('rejects both bounds and percentages over 100', () => {
    expect(create(k, { metadata: meta('x', 'default'), spec: { maxUnavailable: '120%' } }).errors).toEqual([
      'spec.maxUnavailable: Invalid value: "120%": must not be greater than 100%',
    ]);
    expect(
      create(k, { metadata: meta('x', 'default'), spec: { minAvailable: 1, maxUnavailable: 1 } }).errors[0],
    ).toMatch(/^spec: Invalid value: .*minAvailable and maxUnavailable cannot be both set$/);
  });
});

describe('scheduling.k8s.io/v1 priorityclasses', () => {
  const k = kindOf('scheduling.k8s.io', 'v1', 'priorityclasses');
  it('defaults the preemption policy and prints it', () => {
    const { obj, errors } = create(k, { metadata: meta('high'), value: 1000000, globalDefault: false });
    expect(errors).toEqual([]);
    expect(obj.preemptionPolicy).toBe('PreemptLowerPriority');
    expect(headers(k)).toBe('NAME VALUE GLOBAL-DEFAULT AGE PREEMPTIONPOLICY');
    expect(cells(k, obj)).toEqual(['high', 1000000, false, '90s', 'PreemptLowerPriority']);
  });
  it('reserves system- names and high values, freezes value', () => {
    expect(create(k, { metadata: meta('system-mine'), value: 1 }).errors).toEqual([
      "metadata.name: Forbidden: priority class names with 'system-' prefix are reserved",
    ]);
    expect(create(k, { metadata: meta('huge'), value: 2000000000 }).errors).toEqual([
      'value: Forbidden: maximum allowed value of a user defined priority is 1000000000',
    ]);
    const old = create(k, { metadata: meta('p'), value: 5 }).obj;
    expect(update(k, { ...old, value: 6 }, old)).toEqual(['value: Forbidden: may not be changed in an update.']);
  });
  it('seeds the two system classes', () => {
    expect(priorityClasses.map((p) => [p.metadata?.name, p.value])).toEqual([
      ['system-node-critical', 2000001000],
      ['system-cluster-critical', 2000000000],
    ]);
    for (const p of priorityClasses) expect(create(k, p).errors).toEqual([]);
  });
});

describe('node.k8s.io/v1 runtimeclasses', () => {
  const k = kindOf('node.k8s.io', 'v1', 'runtimeclasses');
  it('requires a DNS-label handler and prints it', () => {
    expect(create(k, { metadata: meta('gvisor') }).errors).toEqual(['handler: Required value']);
    expect(create(k, { metadata: meta('gvisor'), handler: 'Run_SC' }).errors[0]).toMatch(
      /^handler: Invalid value: "Run_SC": a lowercase RFC 1123 label/,
    );
    expect(cells(k, { metadata: meta('gvisor'), handler: 'runsc' })).toEqual(['gvisor', 'runsc', '90s']);
  });
});

describe('coordination.k8s.io/v1 leases and discovery.k8s.io/v1 endpointslices', () => {
  it('leases', () => {
    const k = kindOf('coordination.k8s.io', 'v1', 'leases');
    expect(create(k, { metadata: meta('l', 'kube-system'), spec: { leaseDurationSeconds: 0 } }).errors).toEqual([
      'spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0',
    ]);
    expect(
      cells(k, { metadata: meta('kube-scheduler', 'kube-system'), spec: { holderIdentity: 'node-1_abc' } }),
    ).toEqual(['kube-scheduler', 'node-1_abc', '90s']);
  });
  it('endpointslices', () => {
    const k = kindOf('discovery.k8s.io', 'v1', 'endpointslices');
    const slice = {
      metadata: meta('web-abc', 'default'),
      addressType: 'IPv4',
      ports: [{ name: 'http', port: 80, protocol: 'TCP' }],
      endpoints: ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4'].map((a) => ({ addresses: [a] })),
    };
    const { obj, errors } = create(k, slice);
    expect(errors).toEqual([]);
    expect(obj.metadata?.generation).toBe(1);
    expect(cells(k, obj)).toEqual(['web-abc', 'IPv4', '80', '10.0.0.1,10.0.0.2,10.0.0.3 + 1 more...', '90s']);
    expect(cells(k, { metadata: meta('e', 'default'), addressType: 'IPv4', endpoints: [] }).slice(2, 4)).toEqual([
      '<unset>',
      '<unset>',
    ]);
    expect(create(k, { ...slice, addressType: 'IPv5' }).errors).toEqual([
      'addressType: Unsupported value: "IPv5": supported values: "FQDN", "IPv4", "IPv6"',
    ]);
  });
});
