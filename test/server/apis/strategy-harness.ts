/**
 * The strategy pipeline as the registry runs it, for the catalog's per-group tests: create and
 * update through a kind's hooks, its table headers and cells, against one built-in catalog.
 */
import { expect } from 'vitest';
import { fieldErrorString } from '../../../src/api/status.js';
import { builtinCatalog } from '../../../src/server/apis/catalog.js';
import type { KindDefinition, KubeObject, StrategyContext } from '../../../src/server/apis/types.js';

export const catalog = builtinCatalog();
export const ctx: StrategyContext = {
  namespace: 'default',
  dryRun: false,
  user: { name: 'kubernetes-admin', groups: ['system:masters', 'system:authenticated'] },
};
export const now = new Date('2026-03-01T12:00:00Z');
export const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString().replace(/\.\d+Z$/, 'Z');

export function kindOf(group: string, version: string, resource: string): KindDefinition {
  const k = catalog.byResource(group, version, resource);
  if (!k) throw new Error(`${group}/${version}/${resource} is not in the catalog`);
  return k;
}

/** Defaults, prepareForCreate and validation, as the registry runs them on create. */
export function create(k: KindDefinition, input: KubeObject): { obj: KubeObject; errors: string[] } {
  const obj = structuredClone(input);
  k.strategy.defaults?.(obj);
  k.strategy.prepareForCreate?.(obj, ctx);
  return { obj, errors: (k.strategy.validate?.(obj, ctx) ?? []).map(fieldErrorString) };
}

/** The update path: defaults, prepareForUpdate, validate and validateUpdate. */
export function update(k: KindDefinition, input: KubeObject, old: KubeObject): string[] {
  const obj = structuredClone(input);
  k.strategy.defaults?.(obj);
  k.strategy.prepareForUpdate?.(obj, old, ctx);
  return [...(k.strategy.validate?.(obj, ctx) ?? []), ...(k.strategy.validateUpdate?.(obj, old, ctx) ?? [])].map(
    fieldErrorString,
  );
}

/** Column headers as kubectl prints them (`wide` includes priority-1 columns). */
export function headers(k: KindDefinition, wide = false): string {
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
export function cells(k: KindDefinition, obj: KubeObject): unknown[] {
  if (!k.table) throw new Error(`${k.resource} has the default table`);
  const row = k.table.cells(obj, now);
  expect(row.length).toBe(k.table.columns.length);
  return row;
}
