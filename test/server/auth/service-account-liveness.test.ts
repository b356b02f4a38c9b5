import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/server/apis/types.js';
import { staleReason } from '../../../src/server/auth/service-account-liveness.js';

const now = new Date('2026-01-01T00:10:00Z');
const obj = (uid: string, deletionTimestamp?: string): KubeObject => ({
  metadata: { uid, ...(deletionTimestamp ? { deletionTimestamp } : {}) },
});

/** Objects by `resource/namespace/name`, as the registry would answer. */
function getter(objects: Record<string, KubeObject>) {
  return async (resource: string, namespace: string, name: string) => objects[`${resource}/${namespace}/${name}`];
}

describe('staleReason', () => {
  const claims = { namespace: 'ns', serviceaccount: { name: 'sa', uid: 'u1' } };

  it('accepts a token whose service account and bound objects exist with the claimed UIDs', async () => {
    const get = getter({
      'serviceaccounts/ns/sa': obj('u1'),
      'pods/ns/p': obj('pu'),
      'nodes//n': obj('nu'),
      'secrets/ns/s': obj('su', '2026-01-01T00:09:30Z'), // deleted within the 60 s leeway
    });
    const bound = {
      ...claims,
      pod: { name: 'p', uid: 'pu' },
      node: { name: 'n', uid: 'nu' },
      secret: { name: 's', uid: 'su' },
    };
    expect(await staleReason(bound, get, now)).toBeUndefined();
    expect(await staleReason({ ...claims, node: { name: 'n' } }, get, now)).toBeUndefined(); // no UID: name only
  });

  it('rejects with kube’s texts', async () => {
    expect(await staleReason(claims, getter({}), now)).toBe('serviceaccount "sa" not found');
    expect(await staleReason(claims, getter({ 'serviceaccounts/ns/sa': obj('u2') }), now)).toBe(
      'service account UID (u2) does not match claim (u1)',
    );
    expect(await staleReason(claims, getter({ 'serviceaccounts/ns/sa': obj('u1', '2026-01-01T00:08:00Z') }), now)).toBe(
      'service account ns/sa has been deleted',
    );
    const sa = { 'serviceaccounts/ns/sa': obj('u1') };
    expect(await staleReason({ ...claims, pod: { name: 'p', uid: 'pu' } }, getter(sa), now)).toBe(
      'service account token has been invalidated',
    );
    expect(
      await staleReason({ ...claims, pod: { name: 'p', uid: 'pu' } }, getter({ ...sa, 'pods/ns/p': obj('x') }), now),
    ).toBe('pod UID (x) does not match service account pod ref claim (pu)');
    expect(
      await staleReason(
        { ...claims, secret: { name: 's', uid: 'su' } },
        getter({ ...sa, 'secrets/ns/s': obj('su', '2026-01-01T00:00:00Z') }),
        now,
      ),
    ).toBe('service account token has been invalidated');
  });
});
