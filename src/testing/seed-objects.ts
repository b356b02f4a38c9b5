/**
 * Creating seed objects through the registry (defaults, validation and admission apply, as for
 * a client's create), in order, so a namespace listed before its objects exists when they come.
 */
import yaml from 'js-yaml';
import type { KubeObject } from '../server/apis/types.js';
import type { ServerRegistry } from '../server/registry/registry.js';
import { SYSTEM_CONTEXT } from '../server/registry/system-context.js';

/** Objects from YAML/JSON text: multi-document streams and `kind: List` are flattened. */
export function parseManifests(text: string): KubeObject[] {
  const out: KubeObject[] = [];
  const add = (doc: unknown, where: string): void => {
    if (doc === null || doc === undefined) return;
    if (typeof doc !== 'object' || Array.isArray(doc)) throw new Error(`seed ${where}: not an object`);
    const o = doc as KubeObject & { items?: unknown[] };
    if (typeof o.kind === 'string' && o.kind.endsWith('List') && Array.isArray(o.items)) {
      for (const [i, item] of o.items.entries()) add(item, `${where} item ${i}`);
      return;
    }
    out.push(o);
  };
  for (const [i, d] of yaml.loadAll(text).entries()) add(d, `document ${i + 1}`);
  return out;
}

const splitApiVersion = (apiVersion: string): [string, string] => {
  const i = apiVersion.indexOf('/');
  return i < 0 ? ['', apiVersion] : [apiVersion.slice(0, i), apiVersion.slice(i + 1)];
};

/** Creates each object; an unknown kind or a rejected object fails with the object named. */
export async function seedObjects(registry: ServerRegistry, seed: KubeObject[] | string): Promise<void> {
  const objects = typeof seed === 'string' ? parseManifests(seed) : seed;
  for (const [i, obj] of objects.entries()) {
    const name = `${obj.kind ?? '?'} ${obj.metadata?.namespace ? `${obj.metadata.namespace}/` : ''}${obj.metadata?.name ?? obj.metadata?.generateName ?? ''}`;
    if (typeof obj.apiVersion !== 'string' || typeof obj.kind !== 'string')
      throw new Error(`seed object ${i} (${name}): apiVersion and kind are required`);
    const [group, version] = splitApiVersion(obj.apiVersion);
    const kind = registry.catalog.byKind(group, version, obj.kind);
    const store = kind && registry.store(group, version, kind.resource);
    if (!kind || !store) throw new Error(`seed object ${i} (${name}): no kind ${obj.kind} in ${obj.apiVersion}`);
    const namespace = kind.namespaced ? obj.metadata?.namespace || 'default' : '';
    const body = structuredClone(obj);
    if (kind.namespaced) body.metadata = { ...body.metadata, namespace };
    try {
      await store.create(SYSTEM_CONTEXT(namespace), body, {
        dryRun: false,
        fieldValidation: 'Strict',
        fieldManager: 'kctl-testing',
      });
    } catch (e) {
      throw new Error(`seed object ${i} (${name}): ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
  }
}
