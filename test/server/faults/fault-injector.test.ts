import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Faults, faultError } from '../../../src/server/faults/fault-injector.js';
import { type FaultTarget, ruleMatches, validateRule } from '../../../src/server/faults/rules.js';

const target = (over: Partial<FaultTarget> = {}): FaultTarget => ({
  verb: 'list',
  group: '',
  resource: 'pods',
  subresource: '',
  namespace: 'default',
  name: '',
  ...over,
});

describe('fault rules', () => {
  it('match by verb, resource (plain or qualified), subresource, namespace and name', () => {
    const r = validateRule({ verbs: ['patch'], resources: ['deployments.apps'], action: { type: 'expired' } });
    expect(ruleMatches(r, target({ verb: 'patch', group: 'apps', resource: 'deployments' }))).toBe(true);
    expect(ruleMatches(r, target({ verb: 'get', group: 'apps', resource: 'deployments' }))).toBe(false);
    expect(
      ruleMatches(r, target({ verb: 'patch', group: 'apps', resource: 'deployments', subresource: 'status' })),
    ).toBe(false);
    const s = validateRule({
      resources: ['pods/status'],
      namespaces: ['a'],
      names: ['p'],
      action: { type: 'expired' },
    });
    expect(ruleMatches(s, target({ subresource: 'status', namespace: 'a', name: 'p' }))).toBe(true);
    expect(ruleMatches(s, target({ subresource: 'status', namespace: 'b', name: 'p' }))).toBe(false);
  });

  it('reject bad rules with the field named', () => {
    expect(() => validateRule({ action: { type: 'boom' } })).toThrow(/unknown action type "boom"/);
    expect(() => validateRule({ verbs: ['fetch'], action: { type: 'expired' } })).toThrow(/unknown verb "fetch"/);
    expect(() => validateRule({ probability: 2, action: { type: 'expired' } })).toThrow(/probability/);
    expect(() => validateRule({ action: { type: 'error', code: 200 } })).toThrow(/action.code/);
    expect(() => validateRule({ count: -1, action: { type: 'expired' } })).toThrow(/count/);
  });

  it('error actions carry kube reasons and retryAfterSeconds', () => {
    const e = faultError({ type: 'error', code: 429, retryAfterSeconds: 3 });
    expect(e.status).toMatchObject({ code: 429, reason: 'TooManyRequests', details: { retryAfterSeconds: 3 } });
    expect(faultError({ type: 'error', code: 503 }).status.reason).toBe('ServiceUnavailable');
  });
});

describe('Faults.pick', () => {
  it('is deterministic for a seed and hits about probability * n requests', () => {
    fc.assert(
      fc.property(fc.integer(), fc.double({ min: 0.05, max: 0.95, noNaN: true }), (seed, p) => {
        const run = (): boolean[] => {
          const f = new Faults({ seed });
          f.add({ probability: p, action: { type: 'error', code: 500 } });
          return Array.from({ length: 400 }, () => f.pick(target()).length > 0);
        };
        const a = run();
        expect(run()).toEqual(a);
        const hits = a.filter(Boolean).length;
        expect(Math.abs(hits / 400 - p)).toBeLessThan(0.2);
      }),
      { numRuns: 25 },
    );
  });

  it('count limits the hits; probability 0 never hits; certain rules draw no random numbers', () => {
    const f = new Faults({ seed: 7 });
    f.add({ count: 2, action: { type: 'error', code: 503 } });
    f.add({ probability: 0, action: { type: 'latency', ms: 5 } });
    const hits = Array.from({ length: 5 }, () => f.pick(target()).length);
    expect(hits).toEqual([1, 1, 0, 0, 0]);
    expect(f.list().map((r) => r.hits)).toEqual([2, 0]);

    const withCertain = new Faults({ seed: 3 });
    withCertain.add({ action: { type: 'latency', ms: 0 } });
    withCertain.add({ probability: 0.5, action: { type: 'error', code: 500 } });
    const alone = new Faults({ seed: 3 });
    alone.add({ probability: 0.5, action: { type: 'error', code: 500 } });
    const errs = (f2: Faults) => Array.from({ length: 50 }, () => f2.pick(target()).some((a) => a.type === 'error'));
    expect(errs(withCertain)).toEqual(errs(alone));
  });

  it('beforeRequest throws the error and the list 410, and waits for latency', async () => {
    const f = new Faults();
    f.add({ verbs: ['create'], action: { type: 'error', code: 429, retryAfterSeconds: 2 } });
    f.add({ verbs: ['list'], count: 1, action: { type: 'expired' } });
    await expect(f.beforeRequest(target({ verb: 'create' }))).rejects.toMatchObject({ status: { code: 429 } });
    await expect(f.beforeRequest(target())).rejects.toMatchObject({
      status: { code: 410, reason: 'Expired', message: 'The resourceVersion for the provided list is too old.' },
    });
    await expect(f.beforeRequest(target())).resolves.toBeUndefined();
  });
});
