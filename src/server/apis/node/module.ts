/** node.k8s.io/v1 runtimeclasses (staging/src/k8s.io/api/node/v1/types.go). */
import type { Definitions } from '../../../api/openapi-schema.js';
import { type FieldError, fieldInvalid, fieldRequired } from '../../../api/status.js';
import { isDNS1123Label } from '../../../api/validation/names.js';
import { strAt } from '../object-access.js';
import { atomic, core, kindObj, listKind, mapOf, obj, quantity, ref, str, strMap } from '../schema-dsl.js';
import { plainHooks } from '../status-split.js';
import { age, ageColumn, column, nameColumn, nameOf } from '../table-columns.js';
import type { CatalogModule, KindDefinition, KubeObject } from '../types.js';

const NODE = 'io.k8s.api.node.v1.';
const gvk = (kind: string) => ({ group: 'node.k8s.io', version: 'v1', kind });

export const nodeDefinitions: Definitions = {
  [`${NODE}RuntimeClass`]: kindObj(
    gvk('RuntimeClass'),
    {
      handler: str('The CRI handler that runs pods of this class.'),
      overhead: ref(`${NODE}Overhead`),
      scheduling: ref(`${NODE}Scheduling`),
    },
    { required: ['handler'], description: 'A container runtime supported in the cluster.' },
  ),
  [`${NODE}RuntimeClassList`]: listKind(gvk('RuntimeClassList'), `${NODE}RuntimeClass`),
  [`${NODE}Overhead`]: obj({ podFixed: mapOf(quantity()) }),
  [`${NODE}Scheduling`]: obj({
    nodeSelector: strMap({ 'x-kubernetes-map-type': 'atomic' }),
    tolerations: atomic(core('Toleration')),
  }),
};

function validateRuntimeClass(rc: KubeObject): FieldError[] {
  const handler = strAt(rc, 'handler') ?? '';
  if (!handler) return [fieldRequired('handler')];
  return isDNS1123Label(handler).map((m) => fieldInvalid('handler', handler, m));
}

export const runtimeclasses: KindDefinition = {
  group: 'node.k8s.io',
  version: 'v1',
  kind: 'RuntimeClass',
  resource: 'runtimeclasses',
  singular: 'runtimeclass',
  namespaced: false,
  definition: `${NODE}RuntimeClass`,
  strategy: {
    ...plainHooks(),
    validate: validateRuntimeClass,
    validateUpdate: (rc, old) =>
      rc.handler === old.handler ? [] : [fieldInvalid('handler', rc.handler ?? '', 'field is immutable')],
  },
  table: {
    columns: [nameColumn(), column('Handler', ''), ageColumn()],
    cells: (rc, now) => [nameOf(rc), strAt(rc, 'handler') ?? '', age(rc.metadata?.creationTimestamp, now)],
  },
};

export function nodeModule(): CatalogModule {
  return { kinds: [runtimeclasses], definitions: nodeDefinitions };
}
