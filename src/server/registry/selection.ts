/**
 * List/watch filtering: the label selector and the field selector (metadata.name,
 * metadata.namespace and the kind's extra fields) become one predicate. Parse errors and
 * unsupported fields are 400s with kube's texts (`field label not supported: x`).
 */
import {
  checkSelectableFields,
  FieldSelectorError,
  objectMetaFields,
  parseFieldSelector,
} from '../../api/fields/index.js';
import { SelectorError } from '../../api/labels/requirement.js';
import { parseSelector } from '../../api/labels/selector.js';
import { badRequest } from '../../api/status.js';
import type { KindDefinition, KubeObject } from '../apis/types.js';

export interface Selection {
  /** undefined when nothing is filtered (storage then reports remainingItemCount). */
  predicate?: (obj: KubeObject) => boolean;
  /** A name pinned by `metadata.name=<x>`, so a watch/list can narrow to one key. */
  exactName?: string;
}

/**
 * Field labels a served version names differently from the fields its kind reports (kube's
 * AddFieldLabelConversionFunc): events.k8s.io/v1 selects on `regarding.*` and
 * `reportingController`, which the shared core Event fields call `involvedObject.*` and
 * `reportingComponent`. Versioned label -> reported field.
 */
const EVENT_FIELD_ALIASES: Record<string, string> = Object.fromEntries([
  ...['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath'].map((f) => [
    `regarding.${f}`,
    `involvedObject.${f}`,
  ]),
  ['reportingController', 'reportingComponent'],
]);

const FIELD_ALIASES: Record<string, Record<string, string>> = { 'events.k8s.io/events': EVENT_FIELD_ALIASES };

/** The selectable fields of an object of `kind`. */
export function selectableFields(kind: KindDefinition, obj: KubeObject): Record<string, string> {
  const base = objectMetaFields(obj, kind.namespaced);
  const fields = kind.fieldSelectors ? { ...base, ...kind.fieldSelectors(obj) } : base;
  const aliases = FIELD_ALIASES[`${kind.group}/${kind.resource}`];
  if (!aliases) return fields;
  for (const [label, field] of Object.entries(aliases)) if (field in fields) fields[label] = fields[field] as string;
  return fields;
}

/** The field names `kind` supports, found by asking its accessor about an empty object. */
function supportedFields(kind: KindDefinition): string[] {
  return Object.keys(selectableFields(kind, { metadata: {} }));
}

export function buildSelection(kind: KindDefinition, labelSelector?: string, fieldSelector?: string): Selection {
  let labels: ReturnType<typeof parseSelector> | undefined;
  let fields: ReturnType<typeof parseFieldSelector> | undefined;
  try {
    if (labelSelector) labels = parseSelector(labelSelector);
    if (fieldSelector) {
      fields = parseFieldSelector(fieldSelector);
      checkSelectableFields(fields, supportedFields(kind));
    }
  } catch (e) {
    if (e instanceof SelectorError || e instanceof FieldSelectorError) throw badRequest(e.message);
    throw e;
  }
  const l = labels && !labels.isEmpty() ? labels : undefined;
  const f = fields && !fields.isEmpty() ? fields : undefined;
  if (!l && !f) return {};
  return {
    predicate: (obj) => (!l || l.matches(obj.metadata?.labels)) && (!f || f.matches(selectableFields(kind, obj))),
    ...(f?.requiresExactMatch('metadata.name') !== undefined
      ? { exactName: f.requiresExactMatch('metadata.name') }
      : {}),
  };
}
