import type { RestMapping } from '../client/mapper.js';

export type KubeObject = Record<string, unknown> & {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; namespace?: string; resourceVersion?: string; labels?: Record<string, string> };
};

/**
 * One resource found by the builder (cli-runtime's resource.Info): its type, namespace (""
 * for cluster-scoped types or all namespaces), name ("" for a whole list), and the object when
 * loaded: a single object, a List/Table page from a selector, or a manifest read from input.
 */
export interface Info {
  mapping: RestMapping;
  namespace: string;
  name: string;
  object?: KubeObject;
  /** Where the object came from: a file path, URL, `STDIN`, or undefined for the server. */
  source?: string;
}

/** What visitors pass along: an Info, or an error that happened while producing one. */
export type VisitItem = Info | Error;

/** A stream of Infos (cli-runtime's Visitor). Decorators wrap one visitor in another. */
export type Visitor = AsyncIterable<VisitItem>;

export const isInfo = (v: VisitItem): v is Info => !(v instanceof Error);

/** `namespace/name` or `name`, for messages. */
export function infoKey(i: Info): string {
  return i.namespace ? `${i.namespace}/${i.name}` : i.name;
}
