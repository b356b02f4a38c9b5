/**
 * kubectl's cmdutil.AddSourceToErr: an API error about an object read from a file names the
 * file and the verb (`error when creating "web.yaml": ...`); other errors pass unchanged.
 */
import { StatusError } from '../api/status.js';
import type { RestMapping } from '../client/mapper.js';
import { goJsonString } from '../printers/json/go-json.js';
import type { Info } from '../resource/info.js';

export function addSourceToErr(verb: string, source: string | undefined, err: unknown): Error {
  const e = err instanceof Error ? err : new Error(String(err));
  if (!source || !(e instanceof StatusError)) return e;
  return new StatusError({ ...e.status, message: `error when ${verb} "${source}": ${e.status.message ?? ''}` });
}

/** apimachinery's GroupVersionResource.String() / GroupVersionKind.String(). */
function gvrString(m: RestMapping): string {
  return `${m.resource.group}/${m.resource.version}, Resource=${m.resource.resource}`;
}
function gvkString(m: RestMapping): string {
  return `${m.gvk.group}/${m.gvk.version}, Kind=${m.gvk.kind}`;
}

/** cli-runtime's Info.String(), which kubectl prints after `to:` in apply's patch errors
 * (`applying patch:\n<patch>\nto:\n<info>\nfor:`). */
export function infoString(info: Info): string {
  return `Resource: ${goJsonString(gvrString(info.mapping))}, GroupVersionKind: ${goJsonString(gvkString(info.mapping))}\nName: ${goJsonString(info.name)}, Namespace: ${goJsonString(info.namespace)}`;
}
