import type { RestMapping } from '../client/mapper.js';
import type { Visitor } from './info.js';

/**
 * Infos for named objects (`TYPE NAME...`, `TYPE/NAME...`) without their objects: the
 * builder's retrieveLazy step GETs each one, so a missing object is an error for that name only.
 */
export async function* namedVisitor(items: { mapping: RestMapping; namespace: string; name: string }[]): Visitor {
  for (const i of items) yield { mapping: i.mapping, namespace: i.mapping.namespaced ? i.namespace : '', name: i.name };
}
