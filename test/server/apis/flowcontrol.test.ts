import { describe, expect, it } from 'vitest';
import { fieldErrorString } from '../../../src/api/status.js';
import { builtinCatalog } from '../../../src/server/apis/catalog.js';
import type { KindDefinition, KubeObject, StrategyContext } from '../../../src/server/apis/types.js';

const catalog = builtinCatalog();
const ctx: StrategyContext = {
  namespace: 'default',
  dryRun: false,
  user: { name: 'kubernetes-admin', groups: ['system:masters', 'system:authenticated'] },
};
const now = new Date('2026-03-01T12:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString().replace(/\.\d+Z$/, 'Z');

function kindOf(group: string, version: string, resource: string): KindDefinition {
  const k = catalog.byResource(group, version, resource);
  if (!k) throw new Error(`${group}/${version}/${resource} is not in the catalog`);
  return k;
}

/** Defaults, prepareForCreate and validation, as the registry runs them on create. */
function create(k: KindDefinition, input: KubeObject): { obj: KubeObject; errors: string[] } {
  const obj = structuredClone(input);
  k.strategy.defaults?.(obj);
  k.strategy.prepareForCreate?.(obj, ctx);
  return { obj, errors: (k.strategy.validate?.(obj, ctx) ?? []).map(fieldErrorString) };
}

/** Column headers as kubectl prints them (`wide` includes priority-1 columns). */
function headers(k: KindDefinition, wide = false): string {
  const cols = k.table?.columns ?? [
    { name: 'Name', priority: 0 },
    { name: 'Created At', priority: 0 },
  ];
  return cols
    .filter((c) => wide || c.priority === 0)
    .map((c) => c.name.toUpperCase())
    .join(' ');
}

/** The table cells of an object (after create defaults), every column. */
function cells(k: KindDefinition, obj: KubeObject): unknown[] {
  if (!k.table) throw new Error(`${k.resource} has the default table`);
  const row = k.table.cells(obj, now);
  expect(row.length).toBe(k.table.columns.length);
  return row;
}

import { seedObjects } from '../../../src/server/apis/flowcontrol/module.js';

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
