/**
 * Reads a field's patch metadata into the pieces the merge algorithms branch on, as
 * strategicpatch's extractRetainKeysPatchStrategy does.
 */
import { NO_PATCH_META, type PatchMeta } from './patch-meta.js';
import { RETAIN_KEYS_STRATEGY, smpError } from './smp-errors.js';

export interface FieldStrategy {
  /** The strategy other than retainKeys: `merge`, `replace` or '' (none). */
  readonly strategy: string;
  readonly retainKeys: boolean;
  readonly mergeKey: string;
  /** Metadata of the field's value (NO_PATCH_META when unknown). */
  readonly sub: PatchMeta;
}

/** Splits strategies into retainKeys + one other; more than that is an error, as in kube. */
export function extractRetainKeysPatchStrategy(strategies: readonly string[]): {
  retainKeys: boolean;
  strategy: string;
} {
  const list = `[${strategies.join(' ')}]`;
  switch (strategies.length) {
    case 0:
      return { retainKeys: false, strategy: '' };
    case 1:
      return strategies[0] === RETAIN_KEYS_STRATEGY
        ? { retainKeys: true, strategy: '' }
        : { retainKeys: false, strategy: strategies[0] };
    case 2:
      if (strategies[0] === RETAIN_KEYS_STRATEGY) return { retainKeys: true, strategy: strategies[1] };
      if (strategies[1] === RETAIN_KEYS_STRATEGY) return { retainKeys: true, strategy: strategies[0] };
      throw smpError(`unexpected patch strategy: ${list}`);
    default:
      throw smpError(`unexpected patch strategy: ${list}`);
  }
}

/** The strategy of field `key` of the object `meta` describes. */
export function fieldStrategy(meta: PatchMeta, key: string): FieldStrategy {
  const { meta: field, sub } = meta.lookupField(key);
  const { retainKeys, strategy } = extractRetainKeysPatchStrategy(field.strategies);
  return { strategy, retainKeys, mergeKey: field.mergeKey ?? '', sub: sub ?? NO_PATCH_META };
}

/** Metadata of the items of the array `meta` describes (NO_PATCH_META when unknown). */
export const itemsMeta = (meta: PatchMeta): PatchMeta => meta.lookupItems() ?? NO_PATCH_META;
