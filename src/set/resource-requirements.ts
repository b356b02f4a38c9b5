/**
 * `kubectl set resources --limits/--requests` values (generateversioned.HandleResourceRequirementsV1):
 * `name=quantity` pairs separated by commas, each quantity parsed by kube's rules and kept in its
 * canonical text (`0.5` becomes `500m`).
 */
import { parseQuantity } from '../api/quantity.js';

/** A resource list: resource name -> canonical quantity text. */
export type ResourceList = Record<string, string>;

export interface ResourceRequirements {
  limits?: ResourceList;
  requests?: ResourceList;
}

/**
 * Parses `cpu=100m,memory=256Mi`. An empty string is "not given" (undefined). Throws kubectl's
 * `Invalid argument syntax ...` for a pair without exactly one `=`, and the quantity parser's
 * error for a bad quantity. A name given twice keeps the last value.
 */
export function parseResourceList(spec: string): ResourceList | undefined {
  if (spec === '') return undefined;
  const out: ResourceList = {};
  for (const statement of spec.split(',')) {
    const parts = statement.split('=');
    if (parts.length !== 2) {
      throw new Error(`Invalid argument syntax ${statement}, expected <resource>=<value>`);
    }
    out[parts[0]!] = parseQuantity(parts[1]!).toString();
  }
  return out;
}

/** Both lists; limits are parsed first, so a bad limit is the error reported. */
export function parseResourceRequirements(limits: string, requests: string): ResourceRequirements {
  return { limits: parseResourceList(limits), requests: parseResourceList(requests) };
}

/**
 * Writes the given limits and requests into a container's `resources`, entry by entry (other
 * entries stay). Creates the `resources` object and its lists as needed.
 */
export function applyResourceRequirements(container: Record<string, unknown>, req: ResourceRequirements): void {
  const resources = (container.resources ??= {}) as Record<string, unknown>;
  for (const key of ['limits', 'requests'] as const) {
    const given = req[key];
    if (!given) continue;
    const list = (resources[key] ??= {}) as ResourceList;
    Object.assign(list, given);
  }
}
