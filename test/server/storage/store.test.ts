import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type OpenedStorage,
  openStorage,
  StorageError,
  type StoredObject,
  storageErrorToStatus,
  type WatchEvent,
} from '../../../src/server/storage/index.js';

let s: OpenedStorage;
beforeEach(async () => {
  s = await openStorage({ compactionIntervalMs: 0 });
});
afterEach(async () => {
  await s.close();
});

const pod = (ns: string, name: string, labels: Record<string, string> = {}): StoredObject => ({
  kind: 'Pod',
  metadata: { name, namespace: ns, uid: `uid-${name}`, labels },
  spec: { n: name },
});
const key = (ns: string, name: string) => `/registry/pods/${ns}/${name}`;
const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'ok';
  } catch (e) {
    return e instanceof StorageError ? e.code : String(e);
  }
};

async function collect(it: AsyncIterable<WatchEvent>, n: number): Promise<WatchEvent[]> {
  const out: WatchEvent[] = [];
  for await (const e of it) {
    out.push(e);
    if (out.length >= n) break;
  }
  return out;
}

describe('KubeStore create/get/update/delete', () => {
  it('sets resourceVersion, never stores it, and reports KeyExists/KeyNotFound', async () => {
    const { storage, kv } = s;
    const c = await storage.create(key('a', 'p'), pod('a', 'p'));
    expect(c.metadata?.resourceVersion).toBe('1');
    expect(kv.range(key('a', 'p')).kvs[0]?.value).not.toContain('resourceVersion');
    expect(await codeOf(storage.create(key('a', 'p'), pod('a', 'p')))).toBe('KeyExists');
    expect(await codeOf(storage.create(key('a', 'q'), { metadata: { resourceVersion: '5' } }))).toBe('Internal');
    expect(await codeOf(storage.get(key('a', 'zz')))).toBe('KeyNotFound');
    expect(await storage.get(key('a', 'zz'), { ignoreNotFound: true })).toBeUndefined();
    expect((await storage.get(key('a', 'p')))?.metadata?.resourceVersion).toBe('1');
    expect(await codeOf(storage.get(key('a', 'p'), { resourceVersion: '7' }))).toBe('TooLargeResourceVersion');
    expect(await codeOf(storage.get(key('a', 'p'), { resourceVersion: 'x' }))).toBe('BadRequest');
    const dry = await storage.create(key('a', 'd'), pod('a', 'd'), { dryRun: true });
    expect(dry.metadata?.resourceVersion).toBeUndefined();
    expect(await storage.get(key('a', 'd'), { ignoreNotFound: true })).toBeUndefined();
  });

  it('guaranteedUpdate retries on conflict, keeps RV on no-op, checks preconditions like kube', async () => {
    const { storage } = s;
    await storage.create(key('a', 'p'), pod('a', 'p'));
    let calls = 0;
    const updated = await storage.guaranteedUpdate(key('a', 'p'), async (cur) => {
      calls++;
      // A concurrent writer sneaks in during the first attempt.
      if (calls === 1) await storage.guaranteedUpdate(key('a', 'p'), (c) => ({ ...c, status: { by: 'other' } }));
      return { ...cur, spec: { n: 'mine' } };
    });
    expect(calls).toBe(2);
    expect(updated).toMatchObject({ spec: { n: 'mine' }, status: { by: 'other' }, metadata: { resourceVersion: '3' } });
    const same = await storage.guaranteedUpdate(key('a', 'p'), (cur) => cur);
    expect(same.metadata?.resourceVersion).toBe('3');
    expect(await storage.currentResourceVersion()).toBe('3');
    const err = await storage
      .guaranteedUpdate(key('a', 'p'), (c) => c, { preconditions: { uid: 'other' } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect((err as StorageError).message).toBe(
      'StorageError: invalid object, Code: 4, Key: /registry/pods/a/p, ResourceVersion: 0, AdditionalErrorMsg: Precondition failed: UID in precondition: other, UID in object meta: uid-p',
    );
    const status = storageErrorToStatus(err, { group: '', resource: 'pods' }, 'p', 'update') as {
      status: { code: number; message: string };
    };
    expect(status.status.code).toBe(409);
    expect(status.status.message).toMatch(/^Operation cannot be fulfilled on pods "p": StorageError: invalid object/);
    expect(
      await codeOf(storage.guaranteedUpdate(key('a', 'p'), (c) => c, { preconditions: { resourceVersion: '2' } })),
    ).toBe('InvalidObj');
    expect(await codeOf(storage.guaranteedUpdate(key('a', 'none'), (c) => c))).toBe('KeyNotFound');
    const created = await storage.guaranteedUpdate(key('a', 'new'), () => pod('a', 'new'), { ignoreNotFound: true });
    expect(created.metadata?.resourceVersion).toBe('4');
    const dry = await storage.guaranteedUpdate(key('a', 'p'), (c) => ({ ...c, spec: {} }), { dryRun: true });
    expect(dry.spec).toEqual({});
    expect((await storage.get(key('a', 'p')))?.spec).toEqual({ n: 'mine' });
    const thrown = await storage
      .guaranteedUpdate(key('a', 'p'), () => {
        throw new Error('nope');
      })
      .catch((e: Error) => e.message);
    expect(thrown).toBe('nope');
  });

  it('delete returns the object at the deletion revision, honours preconditions and validation', async () => {
    const { storage } = s;
    await storage.create(key('a', 'p'), pod('a', 'p'));
    expect(await codeOf(storage.delete(key('a', 'p'), { preconditions: { uid: 'x' } }))).toBe('InvalidObj');
    expect(
      await codeOf(storage.delete(key('a', 'p'), { validateDeletion: () => Promise.reject(new Error('no')) })),
    ).toBe('Error: no');
    expect((await storage.delete(key('a', 'p'), { dryRun: true })).metadata?.resourceVersion).toBe('1');
    const d = await storage.delete(key('a', 'p'), { preconditions: { uid: 'uid-p', resourceVersion: '1' } });
    expect(d.metadata?.resourceVersion).toBe('2');
    expect(await codeOf(storage.delete(key('a', 'p')))).toBe('KeyNotFound');
  });

  it('attaches TTL objects to a shared lease', async () => {
    const { storage, kv } = s;
    await storage.create('/registry/events/a/e1', { metadata: { name: 'e1' } }, { ttlSeconds: 3600 });
    await storage.create('/registry/events/a/e2', { metadata: { name: 'e2' } }, { ttlSeconds: 3600 });
    const l1 = kv.range('/registry/events/a/e1').kvs[0]?.lease;
    expect(l1).toBeGreaterThan(0);
    expect(kv.range('/registry/events/a/e2').kvs[0]?.lease).toBe(l1);
    await storage.guaranteedUpdate('/registry/events/a/e1', (c) => ({ ...c, count: 2 }));
    expect(kv.range('/registry/events/a/e1').kvs[0]?.lease).toBe(l1);
  });
});

describe('KubeStore getList', () => {
  beforeEach(async () => {
    for (const ns of ['a', 'b'])
      for (let i = 0; i < 10; i++)
        await s.storage.create(key(ns, `p${i}`), pod(ns, `p${i}`, { even: String(i % 2 === 0) }));
    await s.storage.create('/registry/podsx/a/z', pod('a', 'z'));
  });

  it('lists a prefix in key order, never leaking sibling prefixes', async () => {
    const l = await s.storage.getList('/registry/pods', { recursive: true });
    expect(l.items).toHaveLength(20);
    expect(l.resourceVersion).toBe('21');
    expect(l.continue).toBeUndefined();
    expect(
      (await s.storage.getList('/registry/pods/b', { recursive: true })).items.map((o) => o.metadata?.name)[0],
    ).toBe('p0');
    expect(await s.storage.count('/registry/pods')).toBe(20);
    const single = await s.storage.getList(key('a', 'p3'), { recursive: false });
    expect(single.items.map((o) => o.metadata?.name)).toEqual(['p3']);
  });

  it('pages with continue tokens at one revision, with remainingItemCount, across concurrent writes', async () => {
    const names: string[] = [];
    let cont: string | undefined;
    let first = true;
    do {
      const l = await s.storage.getList('/registry/pods', { recursive: true, limit: 6, continue: cont });
      if (first) {
        expect(l.remainingItemCount).toBe(14);
        // A write between pages must not show up in later pages.
        await s.storage.create(key('b', 'p99'), pod('b', 'p99'));
        first = false;
      }
      expect(l.resourceVersion).toBe('21');
      names.push(...l.items.map((o) => `${o.metadata?.namespace}/${o.metadata?.name}`));
      cont = l.continue;
    } while (cont);
    expect(names).toHaveLength(20);
    expect(names).not.toContain('b/p99');
  });

  it('keeps filling pages through objects the predicate drops (kube etcd3 paging)', async () => {
    const pred = (o: StoredObject) => (o.metadata?.labels as Record<string, string> | undefined)?.even === 'true';
    const l = await s.storage.getList('/registry/pods', { recursive: true, limit: 4, predicate: pred });
    expect(l.items.map((o) => o.metadata?.name)).toEqual(['p0', 'p2', 'p4', 'p6']);
    expect(l.remainingItemCount).toBeUndefined();
    const l2 = await s.storage.getList('/registry/pods', {
      recursive: true,
      limit: 4,
      predicate: pred,
      continue: l.continue,
    });
    expect(l2.items.map((o) => `${o.metadata?.namespace}/${o.metadata?.name}`)).toEqual([
      'a/p8',
      'b/p0',
      'b/p2',
      'b/p4',
    ]);
  });

  it('implements resourceVersion / resourceVersionMatch semantics and their errors', async () => {
    const { storage } = s;
    await storage.delete(key('a', 'p0'));
    const exact = await storage.getList('/registry/pods', {
      recursive: true,
      resourceVersion: '5',
      resourceVersionMatch: 'Exact',
    });
    expect(exact.items).toHaveLength(5);
    expect(exact.resourceVersion).toBe('5');
    const legacyPaged = await storage.getList('/registry/pods', { recursive: true, resourceVersion: '3', limit: 100 });
    expect(legacyPaged.items).toHaveLength(3);
    const nol = await storage.getList('/registry/pods', {
      recursive: true,
      resourceVersion: '3',
      resourceVersionMatch: 'NotOlderThan',
    });
    expect(nol.items).toHaveLength(19);
    expect(nol.resourceVersion).toBe('22');
    expect(
      await codeOf(
        storage.getList('/registry/pods', {
          recursive: true,
          resourceVersion: '99',
          resourceVersionMatch: 'NotOlderThan',
        }),
      ),
    ).toBe('TooLargeResourceVersion');
    await storage.compact?.();
    const old = await storage
      .getList('/registry/pods', { recursive: true, resourceVersion: '5', resourceVersionMatch: 'Exact' })
      .catch((e: StorageError) => e);
    expect(old).toMatchObject({ code: 'Expired', message: 'The resourceVersion for the provided list is too old.' });
    expect(await codeOf(storage.getList('/registry/pods', { recursive: true, continue: 'bad!' }))).toBe(
      'InvalidContinue',
    );
    const bad = await storage
      .getList('/registry/pods', { recursive: true, continue: 'bad!' })
      .catch((e: StorageError) => e.message);
    expect(bad).toBe('invalid continue token: continue key is not valid: illegal base64 data at input byte 3');
  });

  it('a continue token whose revision was compacted yields 410 with a fresh token', async () => {
    const { storage } = s;
    const l = await storage.getList('/registry/pods', { recursive: true, limit: 5 });
    await storage.create(key('c', 'x'), pod('c', 'x'));
    await storage.compact?.();
    const e = (await storage
      .getList('/registry/pods', { recursive: true, limit: 5, continue: l.continue })
      .catch((x: unknown) => x)) as StorageError;
    expect(e.code).toBe('Expired');
    expect(e.message).toMatch(/^The provided continue parameter is too old/);
    const resumed = await storage.getList('/registry/pods', { recursive: true, limit: 100, continue: e.continueToken });
    expect(resumed.items).toHaveLength(16);
    expect(resumed.resourceVersion).toBe('22');
    const st = storageErrorToStatus(e, { group: '', resource: 'pods' }, '', 'list') as {
      status: { code: number; metadata: { continue?: string } };
    };
    expect(st.status.code).toBe(410);
    expect(st.status.metadata.continue).toBe(e.continueToken);
  });
});

describe('KubeStore watch', () => {
  it('sends initial state for RV 0, then transitions with predicate semantics', async () => {
    const { storage } = s;
    await storage.create(key('a', 'p1'), pod('a', 'p1', { app: 'x' }));
    await storage.create(key('a', 'p2'), pod('a', 'p2', { app: 'y' }));
    const ac = new AbortController();
    const pred = (o: StoredObject) => (o.metadata?.labels as Record<string, string> | undefined)?.app === 'x';
    const events = collect(
      storage.watch('/registry/pods', { recursive: true, resourceVersion: '0', predicate: pred, signal: ac.signal }),
      4,
    );
    await storage.guaranteedUpdate(key('a', 'p2'), (c) => ({
      ...c,
      metadata: { ...c.metadata, labels: { app: 'x' } },
    }));
    await storage.guaranteedUpdate(key('a', 'p1'), (c) => ({
      ...c,
      metadata: { ...c.metadata, labels: { app: 'z' } },
    }));
    await storage.guaranteedUpdate(key('a', 'p2'), (c) => ({ ...c, spec: { v: 2 } }));
    const got = (await events).map((e) => [e.type, e.object.metadata?.name, e.object.metadata?.resourceVersion]);
    expect(got).toEqual([
      ['ADDED', 'p1', '1'],
      ['ADDED', 'p2', '3'],
      ['DELETED', 'p1', '4'],
      ['MODIFIED', 'p2', '5'],
    ]);
    ac.abort();
  });

  it('replays from a resourceVersion and answers a compacted one with 410', async () => {
    const { storage } = s;
    for (let i = 0; i < 4; i++) await storage.create(key('a', `p${i}`), pod('a', `p${i}`));
    const ac = new AbortController();
    const got = await collect(
      storage.watch('/registry/pods/a', { recursive: true, resourceVersion: '2', signal: ac.signal }),
      2,
    );
    expect(got.map((e) => e.object.metadata?.name)).toEqual(['p2', 'p3']);
    await storage.compact?.();
    const err = await collect(
      storage.watch('/registry/pods/a', { recursive: true, resourceVersion: '1', signal: ac.signal }),
      5,
    );
    expect(err).toEqual([
      {
        type: 'ERROR',
        object: {
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Failure',
          message: 'too old resource version: 1 (3)',
          reason: 'Expired',
          code: 410,
        },
      },
    ]);
    ac.abort();
  });
});

describe('openStorage', () => {
  it('refuses a data dir another open store holds, with a clear error', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'kctl-lock-'));
    const first = await openStorage({ dataDir: dir, compactionIntervalMs: 0 });
    try {
      await first.storage.create('/registry/a/b', { metadata: { name: 'b' } });
      await expect(openStorage({ dataDir: dir })).rejects.toThrow(/cannot open the store at .*another process/);
    } finally {
      await first.close();
    }
    const again = await openStorage({ dataDir: dir, compactionIntervalMs: 0 });
    expect((await again.storage.get('/registry/a/b'))?.metadata?.resourceVersion).toBe('1');
    await again.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
