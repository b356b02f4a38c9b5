/**
 * metadata.managedFields for Update operations (create, PUT, PATCH): each write records which
 * fields the calling manager set, in FieldsV1 form (`{"f:spec":{"f:replicas":{}}}`), as kube's
 * field manager does. Simplifications (documented gaps): ownership moves by value change only
 * (a manager owns what it changed, other managers lose it), and object maps get a "." entry only
 * when the schema says they are maps (pointer structs don't).
 */
import { type Definitions, REF_PREFIX, type SchemaObject } from '../../api/openapi-schema.js';
import type { KubeObject } from '../apis/types.js';

export interface ManagedFieldsEntry {
  manager: string;
  operation: 'Update' | 'Apply';
  apiVersion: string;
  time: string;
  fieldsType: 'FieldsV1';
  fieldsV1: Record<string, unknown>;
  subresource?: string;
}

const SEP = '\u0000';
const SYSTEM_META = new Set([
  'name',
  'namespace',
  'generateName',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'managedFields',
  'selfLink',
]);

function resolve(defs: Definitions, s: SchemaObject | undefined): SchemaObject | undefined {
  let cur = s;
  for (let i = 0; cur?.$ref && i < 16; i++) cur = defs[cur.$ref.slice(REF_PREFIX.length)];
  return cur;
}

type Leaves = Map<string, string>;

function collect(v: unknown, schema: SchemaObject | undefined, defs: Definitions, prefix: string[], out: Leaves): void {
  const s = resolve(defs, schema);
  const here = prefix.join(SEP);
  if (Array.isArray(v)) {
    const keys =
      s?.['x-kubernetes-list-map-keys'] ??
      (s?.['x-kubernetes-patch-merge-key'] ? [s['x-kubernetes-patch-merge-key']] : undefined);
    const isSet = s?.['x-kubernetes-list-type'] === 'set' || s?.['x-kubernetes-patch-strategy']?.includes('merge');
    if (keys && v.every((i) => i && typeof i === 'object' && !Array.isArray(i))) {
      for (const item of v as Record<string, unknown>[]) {
        const id: Record<string, unknown> = {};
        for (const k of keys) if (item[k] !== undefined) id[k] = item[k];
        const p = [...prefix, `k:${JSON.stringify(id)}`];
        out.set([...p, '.'].join(SEP), '');
        collectStruct(item, s?.items, defs, p, out);
      }
    } else if (isSet && v.every((i) => i === null || typeof i !== 'object')) {
      for (const item of v) out.set([...prefix, `v:${JSON.stringify(item)}`].join(SEP), '');
    } else {
      out.set(here, JSON.stringify(v));
    }
    return;
  }
  if (v && typeof v === 'object') {
    const isMap = !!s && !s.properties && typeof s.additionalProperties === 'object';
    if (isMap) out.set([...prefix, '.'].join(SEP), '');
    const before = out.size;
    collectStruct(v as Record<string, unknown>, s, defs, prefix, out);
    if (out.size === before) out.set(here, '{}');
    return;
  }
  out.set(here, JSON.stringify(v));
}

function collectStruct(
  obj: Record<string, unknown>,
  s: SchemaObject | undefined,
  defs: Definitions,
  prefix: string[],
  out: Leaves,
): void {
  const r = resolve(defs, s);
  for (const [k, child] of Object.entries(obj)) {
    if (child === undefined) continue;
    const childSchema =
      r?.properties?.[k] ?? (typeof r?.additionalProperties === 'object' ? r.additionalProperties : undefined);
    collect(child, childSchema, defs, [...prefix, `f:${k}`], out);
  }
}

/** The fields an object sets, excluding system metadata and (unless `status`) the status. */
function leavesOf(obj: KubeObject, defs: Definitions, root: string, status: boolean): Leaves {
  const out: Leaves = new Map();
  const rootSchema = defs[root];
  for (const [k, v] of Object.entries(obj)) {
    if (k === 'apiVersion' || k === 'kind' || v === undefined) continue;
    if ((k === 'status') !== status) continue;
    const childSchema = rootSchema?.properties?.[k];
    if (k === 'metadata') {
      const meta = Object.fromEntries(Object.entries(v as object).filter(([mk]) => !SYSTEM_META.has(mk)));
      if (Object.keys(meta).length) collectStruct(meta, childSchema, defs, ['f:metadata'], out);
      continue;
    }
    collect(v, childSchema, defs, [`f:${k}`], out);
  }
  return out;
}

function toFieldsV1(paths: Iterable<string>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const p of [...paths].sort()) {
    let cur = root;
    for (const seg of p.split(SEP)) {
      cur[seg] ??= {};
      cur = cur[seg] as Record<string, unknown>;
    }
  }
  return root;
}

function fromFieldsV1(f: unknown, prefix: string[] = [], out: string[] = []): string[] {
  const entries = f && typeof f === 'object' ? Object.entries(f as Record<string, unknown>) : [];
  if (entries.length === 0 && prefix.length) out.push(prefix.join(SEP));
  for (const [k, v] of entries) fromFieldsV1(v, [...prefix, k], out);
  return out;
}

export interface ManagedFieldsUpdate {
  manager: string;
  apiVersion: string;
  time: string;
  /** 'status' for status subresource writes. */
  subresource?: string;
  definitions: Definitions;
  rootDefinition: string;
}

/**
 * The managedFields of `obj` after `u.manager` wrote it over `old` (undefined on create).
 * Returns the list to store (entries whose field sets became empty are dropped).
 */
export function updateManagedFields(
  obj: KubeObject,
  old: KubeObject | undefined,
  u: ManagedFieldsUpdate,
): ManagedFieldsEntry[] {
  const status = u.subresource === 'status';
  const now = leavesOf(obj, u.definitions, u.rootDefinition, status);
  const before = old ? leavesOf(old, u.definitions, u.rootDefinition, status) : new Map<string, string>();
  const changed = new Set<string>();
  for (const [p, v] of now) if (before.get(p) !== v) changed.add(p);
  for (const p of before.keys()) if (!now.has(p)) changed.add(p);

  const previous = ((old?.metadata?.managedFields ?? []) as ManagedFieldsEntry[]).filter(
    (e) => e && typeof e === 'object' && typeof e.manager === 'string',
  );
  const result: ManagedFieldsEntry[] = [];
  let mine: Set<string> | undefined;
  // The writer's entry keeps its place in the list (kube updates it in place).
  let minePosition = -1;
  for (const e of previous) {
    const same = e.manager === u.manager && e.operation === 'Update' && (e.subresource ?? '') === (u.subresource ?? '');
    const owned = fromFieldsV1(e.fieldsV1);
    if (same) {
      mine = new Set(owned);
      minePosition = result.length;
      continue;
    }
    // Only entries of the same scope (main resource vs status) can lose fields to this write.
    const sameScope = (e.subresource === 'status') === status;
    const kept = sameScope ? owned.filter((p) => !changed.has(p) && now.has(p)) : owned;
    if (kept.length) result.push({ ...e, fieldsV1: toFieldsV1(kept) });
  }
  const ownedNow = new Set<string>();
  for (const p of mine ?? []) if (now.has(p)) ownedNow.add(p);
  for (const p of changed) if (now.has(p)) ownedNow.add(p);
  if (!old) for (const p of now.keys()) ownedNow.add(p);
  if (ownedNow.size) {
    const entryChanged =
      !mine || mine.size !== ownedNow.size || [...ownedNow].some((p) => !mine?.has(p)) || changed.size > 0;
    const prevEntry = previous.find(
      (e) => e.manager === u.manager && e.operation === 'Update' && (e.subresource ?? '') === (u.subresource ?? ''),
    );
    const entry: ManagedFieldsEntry = {
      manager: u.manager,
      operation: 'Update',
      apiVersion: u.apiVersion,
      time: entryChanged || !prevEntry ? u.time : prevEntry.time,
      fieldsType: 'FieldsV1',
      fieldsV1: toFieldsV1(ownedNow),
      ...(u.subresource ? { subresource: u.subresource } : {}),
    };
    if (minePosition >= 0) result.splice(minePosition, 0, entry);
    else result.push(entry);
  }
  return result;
}
