/**
 * `kubectl set env --list [--resolve]`: the `# Kind name, container c` blocks with `NAME=value`
 * lines, references shown as `# NAME from configmap cm, key k`, or resolved to their values
 * (config maps, secrets, the object's own fields, the container's resources). Values that
 * cannot be resolved fall back to the reference line and are reported on stderr.
 */
import { parseQuantity } from '../api/quantity.js';
import type { ClientContext } from '../client/index.js';
import type { KubeObject } from '../resource/info.js';
import { type EnvVar, envVarRefString } from './env-vars.js';

type Obj = Record<string, unknown>;

/** Reads config maps and secrets once per command, by name, in one namespace. */
export class ReferenceStore {
  private readonly cache = new Map<string, Promise<Obj>>();

  constructor(
    private readonly ctx: ClientContext,
    private readonly namespace: string,
  ) {}

  get(resource: 'configmaps' | 'secrets', name: string): Promise<Obj> {
    const key = `${resource}/${name}`;
    let hit = this.cache.get(key);
    if (!hit) {
      const ns = encodeURIComponent(this.namespace);
      hit = this.ctx.rest.json<Obj>({ path: `/api/v1/namespaces/${ns}/${resource}/${encodeURIComponent(name)}` });
      this.cache.set(key, hit);
    }
    return hit;
  }
}

function fieldValue(obj: KubeObject, path: string): string {
  const meta = (obj.metadata ?? {}) as Obj;
  const sub = /^(metadata\.(?:labels|annotations))\['(.*)'\]$/s.exec(path);
  if (sub) {
    const map = (sub[1] === 'metadata.labels' ? meta.labels : meta.annotations) as Record<string, string> | undefined;
    return map?.[sub[2]!] ?? '';
  }
  switch (path) {
    case 'metadata.name':
    case 'metadata.namespace':
    case 'metadata.uid':
      return String(meta[path.slice('metadata.'.length)] ?? '');
    case 'metadata.labels':
    case 'metadata.annotations': {
      const map = (meta[path.slice('metadata.'.length)] ?? {}) as Record<string, string>;
      return Object.keys(map)
        .sort()
        .map((k) => `${k}=${JSON.stringify(map[k])}`)
        .join('\n');
    }
    default:
      throw new Error(`unsupported fieldPath: ${path}`);
  }
}

/** Ceiling of the container's resource over the divisor, as kubectl's env_resolve does. */
function resourceValue(ref: Obj, container: Obj): string {
  const resource = String(ref.resource ?? '');
  const m = /^(limits|requests)\.(.+)$/.exec(resource);
  const kind = m?.[2] ?? '';
  if (!m || (!['cpu', 'memory', 'ephemeral-storage'].includes(kind) && !kind.startsWith('hugepages-'))) {
    throw new Error(`Unsupported container resource : ${resource}`);
  }
  const list = ((container.resources as Obj | undefined)?.[m[1]!] ?? {}) as Record<string, string>;
  const amount = parseQuantity(list[kind] ?? '0');
  const divisorText = ref.divisor === undefined || String(ref.divisor) === '0' ? '1' : String(ref.divisor);
  const divisor = parseQuantity(divisorText);
  const scale = kind === 'cpu' ? 1000 : 1;
  const value = amount.toNumber() * scale;
  const per = divisor.toNumber() * scale;
  return String(Math.ceil(value / per));
}

async function resolve(store: ReferenceStore, from: Obj, obj: KubeObject, container: Obj): Promise<string> {
  const cm = from.configMapKeyRef as Obj | undefined;
  if (cm) {
    const data = ((await store.get('configmaps', String(cm.name ?? ''))).data ?? {}) as Record<string, string>;
    const key = String(cm.key ?? '');
    if (key in data) return data[key]!;
    throw new Error(`key ${key} not found in config map ${String(cm.name ?? '')}`);
  }
  const sec = from.secretKeyRef as Obj | undefined;
  if (sec) {
    const data = ((await store.get('secrets', String(sec.name ?? ''))).data ?? {}) as Record<string, string>;
    const key = String(sec.key ?? '');
    if (key in data) return Buffer.from(data[key]!, 'base64').toString('utf8');
    throw new Error(`key ${key} not found in secret ${String(sec.name ?? '')}`);
  }
  const field = from.fieldRef as Obj | undefined;
  if (field) return fieldValue(obj, String(field.fieldPath ?? ''));
  const res = from.resourceFieldRef as Obj | undefined;
  if (res) return resourceValue(res, container);
  throw new Error('invalid valueFrom');
}

/**
 * The `--list` text of one container (stdout) and its resolution errors (stderr lines, sorted;
 * variables sharing an error are listed together).
 */
export async function listContainerEnv(
  obj: KubeObject,
  container: Obj,
  store: ReferenceStore | undefined,
): Promise<{ out: string; err: string }> {
  let out = `# ${obj.kind ?? ''} ${obj.metadata?.name ?? ''}, container ${String(container.name ?? '')}\n`;
  const failed = new Map<string, string[]>();
  for (const env of (container.env ?? []) as EnvVar[]) {
    if (!env.valueFrom) {
      out += `${env.name}=${env.value ?? ''}\n`;
      continue;
    }
    const ref = `# ${env.name} from ${envVarRefString(env.valueFrom)}\n`;
    if (!store) {
      out += ref;
      continue;
    }
    try {
      out += `${env.name}=${await resolve(store, env.valueFrom, obj, container)}\n`;
    } catch (e) {
      out += ref;
      const msg = (e as Error).message;
      failed.set(msg, [...(failed.get(msg) ?? []), env.name]);
    }
  }
  const errs = [...failed].map(([msg, names]) => `error retrieving reference for ${names.sort().join(', ')}: ${msg}`);
  return {
    out,
    err: errs
      .sort()
      .map((l) => `${l}\n`)
      .join(''),
  };
}
