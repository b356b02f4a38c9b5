/**
 * core/v1 namespaces: the `kubernetes.io/metadata.name` label, phase Active, the `kubernetes`
 * finalizer added on create, and the `finalize` subresource (the only way to change
 * spec.finalizers after create).
 */

import { isQualifiedName } from '../../../api/labels/label-validation.js';
import { type FieldError, fieldInvalid } from '../../../api/status.js';
import { clone, ensureMap, listAt, mapAt, setDefaultString, strAt } from '../object-access.js';
import { dropGeneration, keepOldSpec } from '../status-split.js';
import { age, ageColumn, column, nameColumn, nameOf } from '../table-columns.js';
import type { KindDefinition, KubeObject } from '../types.js';

/** The label kube stamps on every namespace (SetDefaults_Namespace). */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

function defaultNamespace(ns: KubeObject): void {
  const name = ns.metadata?.name;
  if (name) {
    ns.metadata ??= {};
    ns.metadata.labels = { ...(ns.metadata.labels ?? {}), [NAMESPACE_NAME_LABEL]: name };
  }
  const status = ensureMap(ns, 'status');
  if (status) setDefaultString(status, 'phase', 'Active');
}

const STANDARD_FINALIZERS = ['kubernetes', 'orphan', 'foregroundDeletion'];

function validateFinalizers(ns: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  listAt(mapAt(ns, 'spec'), 'finalizers').forEach((f, i) => {
    const s = String(f);
    const path = `spec.finalizers[${i}]`;
    for (const m of isQualifiedName(s)) errs.push(fieldInvalid(path, s, m));
    if (!s.includes('/') && !STANDARD_FINALIZERS.includes(s))
      errs.push(fieldInvalid(path, s, 'name is neither a standard finalizer name nor is it fully qualified'));
  });
  return errs;
}

export const namespaces: KindDefinition = {
  group: '',
  version: 'v1',
  kind: 'Namespace',
  resource: 'namespaces',
  singular: 'namespace',
  namespaced: false,
  shortNames: ['ns'],
  verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
  definition: 'io.k8s.api.core.v1.Namespace',
  subresources: {
    status: true,
    custom: { finalize: { kind: { group: '', version: 'v1', kind: 'Namespace' }, verbs: ['update'] } },
  },
  strategy: {
    defaults: defaultNamespace,
    prepareForCreate(ns) {
      ns.status = { phase: 'Active' };
      dropGeneration(ns);
      const spec = ensureMap(ns, 'spec');
      if (!spec) return;
      const finalizers = listAt(spec, 'finalizers').map(String);
      if (!finalizers.includes('kubernetes')) finalizers.push('kubernetes');
      spec.finalizers = finalizers;
    },
    prepareForUpdate(ns, old) {
      const spec = ensureMap(ns, 'spec');
      const oldFinalizers = mapAt(old, 'spec')?.finalizers;
      if (spec) {
        if (oldFinalizers === undefined) delete spec.finalizers;
        else spec.finalizers = clone(oldFinalizers);
      }
      if (old.status === undefined) delete ns.status;
      else ns.status = clone(old.status);
      dropGeneration(ns);
    },
    prepareForStatusUpdate(ns, old) {
      keepOldSpec(ns, old);
      dropGeneration(ns);
    },
    validate: validateFinalizers,
    validateUpdate: validateFinalizers,
    specChanged: () => false,
  },
  table: {
    columns: [nameColumn(), column('Status', 'The status of the namespace'), ageColumn()],
    cells: (ns, now) => [
      nameOf(ns),
      strAt(mapAt(ns, 'status'), 'phase') ?? '',
      age(ns.metadata?.creationTimestamp, now),
    ],
  },
  fieldSelectors: (ns) => ({
    'status.phase': strAt(mapAt(ns, 'status'), 'phase') ?? '',
    name: ns.metadata?.name ?? '',
  }),
};
