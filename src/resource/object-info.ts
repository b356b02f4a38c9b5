import type { DeferredRestMapper } from '../client/mapper.js';
import type { Info, KubeObject } from './info.js';

/** Splits `apps/v1` into group and version (`v1` -> core). */
export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const i = apiVersion.indexOf('/');
  return i < 0
    ? { group: '', version: apiVersion }
    : { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1) };
}

/**
 * The Info for a manifest object: its type from apiVersion+kind through the mapper, its
 * name/namespace from metadata. An unknown kind is kubectl's
 * `resource mapping not found for name: ... ensure CRDs are installed first`.
 */
export async function infoForObject(mapper: DeferredRestMapper, obj: KubeObject, source: string): Promise<Info> {
  const { group, version } = splitApiVersion(obj.apiVersion ?? '');
  const name = obj.metadata?.name ?? '';
  const namespace = obj.metadata?.namespace ?? '';
  let mapping: Info['mapping'];
  try {
    mapping = await mapper.mappingForKind(group, version, obj.kind ?? '');
  } catch (e) {
    throw new Error(
      `resource mapping not found for name: "${name}" namespace: "${namespace}" from "${source}": ${(e as Error).message}\nensure CRDs are installed first`,
      { cause: e },
    );
  }
  return { mapping, namespace, name, object: obj, source };
}
