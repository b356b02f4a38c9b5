import { describe, expect, it } from 'vitest';
import { seedObjects } from '../../../src/server/apis/flowcontrol/module.js';
import { ago, cells, create, headers, kindOf } from './strategy-harness.js';

const FC = 'flowcontrol.apiserver.k8s.io';
const meta = (name: string) => ({ name, creationTimestamp: ago(30) });

describe('flowcontrol.apiserver.k8s.io/v1', () => {
  it('defaults precedence and queuing, prints both tables', () => {
    const fs = kindOf(FC, 'v1', 'flowschemas');
    const schema = create(fs, {
      metadata: meta('team'),
      spec: {
        priorityLevelConfiguration: { name: 'team' },
        distinguisherMethod: { type: 'ByUser' },
        rules: [
          {
            subjects: [{ kind: 'Group', group: { name: 'devs' } }],
            nonResourceRules: [{ verbs: ['*'], nonResourceURLs: ['*'] }],
          },
        ],
      },
    });
    expect(schema.errors).toEqual([]);
    expect((schema.obj.spec as any).matchingPrecedence).toBe(1000);
    expect(headers(fs)).toBe('NAME PRIORITYLEVEL MATCHINGPRECEDENCE DISTINGUISHERMETHOD AGE MISSINGPL');
    expect(cells(fs, schema.obj)).toEqual(['team', 'team', 1000, 'ByUser', '30s', '?']);

    const pl = kindOf(FC, 'v1', 'prioritylevelconfigurations');
    const level = create(pl, {
      metadata: meta('team'),
      spec: { type: 'Limited', limited: { limitResponse: { type: 'Queue', queuing: {} } } },
    });
    expect(level.errors).toEqual([]);
    expect((level.obj.spec as any).limited).toEqual({
      nominalConcurrencyShares: 30,
      lendablePercent: 0,
      limitResponse: { type: 'Queue', queuing: { handSize: 8, queues: 64, queueLengthLimit: 50 } },
    });
    expect(headers(pl)).toBe('NAME TYPE NOMINALCONCURRENCYSHARES QUEUES HANDSIZE QUEUELENGTHLIMIT AGE');
    expect(cells(pl, level.obj)).toEqual(['team', 'Limited', 30, 64, 8, 50, '30s']);
    expect(cells(pl, { metadata: meta('exempt'), spec: { type: 'Exempt', exempt: {} } })).toEqual([
      'exempt',
      'Exempt',
      '<none>',
      '<none>',
      '<none>',
      '<none>',
      '30s',
    ]);
  });

  it('rejects a limited level without its configuration', () => {
    expect(
      create(kindOf(FC, 'v1', 'prioritylevelconfigurations'), { metadata: meta('x'), spec: { type: 'Limited' } })
        .errors,
    ).toEqual(['spec.limited: Required value: must not be empty when type is Limited']);
  });

  it('seeds kube bootstrap objects that pass validation', () => {
    const names = seedObjects.map((o) => `${o.kind}/${o.metadata?.name}`);
    for (const n of [
      'PriorityLevelConfiguration/exempt',
      'PriorityLevelConfiguration/catch-all',
      'FlowSchema/exempt',
      'FlowSchema/catch-all',
      'FlowSchema/global-default',
    ])
      expect(names).toContain(n);
    for (const o of seedObjects) {
      const k = kindOf(FC, 'v1', o.kind === 'FlowSchema' ? 'flowschemas' : 'prioritylevelconfigurations');
      expect(create(k, o).errors, o.metadata?.name).toEqual([]);
    }
  });
});
