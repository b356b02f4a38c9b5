import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/server/apis/types.js';
import { ctx, type Fixture, failure, openRegistry, write } from './registry-fixture.js';

const svc = (name: string, spec: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name },
  spec: { selector: { app: name }, ports: [{ port: 80 }], ...spec },
});

let f: Fixture | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await f?.close();
  f = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('service allocation', () => {
  it('gives ClusterIPs from 10.96.0.0/12 without duplicates, and refuses a taken one', async () => {
    f = await openRegistry();
    const store = f.registry.store('', 'v1', 'services')!;
    const ips = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const s = await store.create(ctx(), svc(`s${i}`), write());
      const spec = s.spec as { clusterIP: string; clusterIPs: string[] };
      expect(spec.clusterIP).toMatch(/^10\.(9[6-9]|10[0-9]|11[01])\.\d+\.\d+$/);
      expect(spec.clusterIPs).toEqual([spec.clusterIP]);
      ips.add(spec.clusterIP);
    }
    expect(ips.size).toBe(5);
    expect(ips.has('10.96.0.1')).toBe(false);
    const taken = [...ips][0]!;
    const e = await failure(() => store.create(ctx(), svc('dup', { clusterIP: taken }), write()));
    expect(e.code).toBe(422);
    expect(e.message).toBe(
      `Service "dup" is invalid: spec.clusterIPs: Invalid value: []string{"${taken}"}: failed to allocate IP ${taken}: provided IP is already allocated`,
    );
    const k = await failure(() => store.create(ctx(), svc('k', { clusterIP: '10.96.0.1' }), write()));
    expect(k.message).toContain('provided IP is already allocated');
    // Released on delete: the same IP can be asked for again.
    await store.delete(ctx(), 's0', { dryRun: false });
    const s0 = [...ips][0]!;
    const again = await store.create(ctx(), svc('again', { clusterIP: s0 }), write());
    expect((again.spec as { clusterIP: string }).clusterIP).toBe(s0);
  });

  it('allocates NodePorts, refuses duplicates, keeps them on update', async () => {
    f = await openRegistry();
    const store = f.registry.store('', 'v1', 'services')!;
    const a = await store.create(ctx(), svc('np', { type: 'NodePort' }), write());
    const port = (a.spec as { ports: Array<{ nodePort: number }> }).ports[0]!.nodePort;
    expect(port).toBeGreaterThanOrEqual(30000);
    expect(port).toBeLessThanOrEqual(32767);
    const e = await failure(() =>
      store.create(ctx(), svc('np2', { type: 'NodePort', ports: [{ port: 80, nodePort: port }] }), write()),
    );
    expect(e.message).toBe(
      `Service "np2" is invalid: spec.ports[0].nodePort: Invalid value: ${port}: provided port is already allocated`,
    );
    const updated = await store.patch(ctx(), 'np', 'merge', { metadata: { labels: { a: 'b' } } }, write());
    expect((updated.spec as { ports: Array<{ nodePort: number }> }).ports[0]!.nodePort).toBe(port);
    const dry = await store.create(ctx(), svc('dry', { type: 'NodePort' }), write({ dryRun: true }));
    expect((dry.spec as { clusterIP: string }).clusterIP).toBeTruthy();
    expect(f.registry.allocations.ips.used).toBe(2); // kubernetes + np
  });

  it('switching NodePort -> ClusterIP drops and releases the node ports', async () => {
    f = await openRegistry();
    const store = f.registry.store('', 'v1', 'services')!;
    const a = await store.create(ctx(), svc('sw', { type: 'NodePort' }), write());
    const port = (a.spec as { ports: Array<{ nodePort: number }> }).ports[0]!.nodePort;
    const b = await store.patch(ctx(), 'sw', 'merge', { spec: { type: 'ClusterIP' } }, write());
    expect((b.spec as { ports: Array<{ nodePort?: number }> }).ports[0]!.nodePort).toBeUndefined();
    expect((b.spec as { clusterIP: string }).clusterIP).toBe((a.spec as { clusterIP: string }).clusterIP);
    expect(f.registry.allocations.ports.isAllocated(port)).toBe(false);
  });

  it('recovers allocations from stored services after a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kctl-reg-'));
    dirs.push(dir);
    f = await openRegistry({ dataDir: dir });
    const s = await f.registry.store('', 'v1', 'services')!.create(ctx(), svc('keep'), write());
    const ip = (s.spec as { clusterIP: string }).clusterIP;
    await f.close();
    f = await openRegistry({ dataDir: dir });
    expect(f.registry.allocations.ips.isAllocated(ip)).toBe(true);
    expect(f.registry.allocations.ips.isAllocated('10.96.0.1')).toBe(true);
    const e = await failure(() =>
      f!.registry.store('', 'v1', 'services')!.create(ctx(), svc('clash', { clusterIP: ip }), write()),
    );
    expect(e.code).toBe(422);
  });
});
