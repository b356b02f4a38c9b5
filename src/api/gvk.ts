/**
 * Group/version/kind/resource identifiers (k8s.io/apimachinery/pkg/runtime/schema) and the
 * parsing of kubectl's resource arguments (`deployments.v1.apps`, `deploy`).
 */
import type { GroupKind, GroupResource } from './status.js';

export type { GroupKind, GroupResource };

export interface GroupVersion {
  group: string;
  version: string;
}
export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}
export interface GroupVersionResource {
  group: string;
  version: string;
  resource: string;
}

/**
 * schema.ParseGroupVersion: `apps/v1` -> {apps, v1}, `v1` -> {"", v1}; "" and "/" are the
 * empty GroupVersion. More than one `/` throws `unexpected GroupVersion string: a/b/c`.
 */
export function parseGroupVersion(gv: string): GroupVersion {
  if (gv === '' || gv === '/') return { group: '', version: '' };
  const parts = gv.split('/');
  if (parts.length === 1) return { group: '', version: gv };
  if (parts.length === 2) return { group: parts[0] as string, version: parts[1] as string };
  throw new Error(`unexpected GroupVersion string: ${gv}`);
}

/** GroupVersion.String(): `apps/v1`, or just `v1` for the core group. */
export const formatGroupVersion = (gv: GroupVersion): string => (gv.group ? `${gv.group}/${gv.version}` : gv.version);

/**
 * schema.FromAPIVersionAndKind: an unparsable apiVersion yields a kind with empty group and
 * version, as kube does (it ignores the error).
 */
export function gvkFromAPIVersionAndKind(apiVersion: string, kind: string): GroupVersionKind {
  try {
    return { ...parseGroupVersion(apiVersion), kind };
  } catch {
    return { group: '', version: '', kind };
  }
}

/** GroupVersionKind.ToAPIVersionAndKind. */
export const gvkToAPIVersionAndKind = (gvk: GroupVersionKind): { apiVersion: string; kind: string } => ({
  apiVersion: formatGroupVersion(gvk),
  kind: gvk.kind,
});

/** GroupVersionKind.String(): `apps/v1, Kind=Deployment` (`/v1, Kind=Pod` for core). */
export const formatGVK = (gvk: GroupVersionKind): string => `${gvk.group}/${gvk.version}, Kind=${gvk.kind}`;
/** GroupVersionResource.String(): `apps/v1, Resource=deployments`. */
export const formatGVR = (gvr: GroupVersionResource): string => `${gvr.group}/${gvr.version}, Resource=${gvr.resource}`;
/** GroupResource.String(): `deployments.apps`, `pods`. */
export const formatGroupResource = (gr: GroupResource): string =>
  gr.group ? `${gr.resource}.${gr.group}` : gr.resource;
/** GroupKind.String(): `Deployment.apps`, `Pod`. */
export const formatGroupKind = (gk: GroupKind): string => (gk.group ? `${gk.kind}.${gk.group}` : gk.kind);

export const gvkGroupKind = (gvk: GroupVersionKind): GroupKind => ({ group: gvk.group, kind: gvk.kind });
export const gvrGroupResource = (gvr: GroupVersionResource): GroupResource => ({
  group: gvr.group,
  resource: gvr.resource,
});
export const gvkGroupVersion = (gvk: GroupVersionKind): GroupVersion => ({ group: gvk.group, version: gvk.version });

export const sameGVK = (a: GroupVersionKind, b: GroupVersionKind): boolean =>
  a.group === b.group && a.version === b.version && a.kind === b.kind;
export const sameGVR = (a: GroupVersionResource, b: GroupVersionResource): boolean =>
  a.group === b.group && a.version === b.version && a.resource === b.resource;

/** schema.ParseGroupResource: `deployments.apps` -> {apps, deployments}; the first dot splits. */
export function parseGroupResource(arg: string): GroupResource {
  const i = arg.indexOf('.');
  return i < 0 ? { group: '', resource: arg } : { group: arg.slice(i + 1), resource: arg.slice(0, i) };
}

/** schema.ParseGroupKind: `Deployment.apps` -> {apps, Deployment}. */
export function parseGroupKind(arg: string): GroupKind {
  const i = arg.indexOf('.');
  return i < 0 ? { group: '', kind: arg } : { group: arg.slice(i + 1), kind: arg.slice(0, i) };
}

/**
 * schema.ParseResourceArg: both readings of a kubectl resource argument, for the RESTMapper to
 * pick from. With two or more dots, `gvr` reads `resource.version.group`
 * (`deployments.v1.apps` -> apps/v1 deployments); `gr` always reads `resource.group`
 * (`deployments.v1.apps` -> group `v1.apps`). With fewer dots `gvr` is undefined.
 */
export function parseResourceArg(arg: string): { gvr?: GroupVersionResource; gr: GroupResource } {
  const gr = parseGroupResource(arg);
  const parts = arg.split('.');
  if (parts.length < 3) return { gr };
  return { gvr: { resource: parts[0] as string, version: parts[1] as string, group: parts.slice(2).join('.') }, gr };
}

/** schema.ParseKindArg: the same two readings for `Kind.version.group` / `Kind.group`. */
export function parseKindArg(arg: string): { gvk?: GroupVersionKind; gk: GroupKind } {
  const gk = parseGroupKind(arg);
  const parts = arg.split('.');
  if (parts.length < 3) return { gk };
  return { gvk: { kind: parts[0] as string, version: parts[1] as string, group: parts.slice(2).join('.') }, gk };
}

/** One reading of a resource argument; absent version/group mean "any". */
export interface ResourceArg {
  resource: string;
  version?: string;
  group?: string;
}

/**
 * The readings of a kubectl resource argument in the order kubectl tries them: the fully
 * specified `resource.version.group` first (when there are two dots or more), then
 * `resource.group` with any version. `deploy` -> [{resource: 'deploy'}].
 */
export function resourceArgCandidates(arg: string): ResourceArg[] {
  const { gvr, gr } = parseResourceArg(arg);
  const out: ResourceArg[] = [];
  if (gvr) out.push({ resource: gvr.resource, version: gvr.version, group: gvr.group });
  out.push(gr.group ? { resource: gr.resource, group: gr.group } : { resource: gr.resource });
  return out;
}
