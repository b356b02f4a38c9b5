/** apps/v1 controllerrevisions: immutable snapshots of a workload's template. */
import type { Definitions } from '../../../api/openapi-schema.js';
import { type FieldError, fieldInvalid, fieldRequired } from '../../../api/status.js';
import { jsonEqual, numAt } from '../object-access.js';
import { APPS, int64, kindObj, listKind, RAW_EXTENSION, ref } from '../schema-dsl.js';
import { plainHooks } from '../status-split.js';
import { age, ageColumn, column, nameColumn, nameOf } from '../table-columns.js';
import type { KindDefinition, KubeObject } from '../types.js';

const gvk = (kind: string) => ({ group: 'apps', version: 'v1', kind });

export const controllerRevisionDefinitions: Definitions = {
  [`${APPS}ControllerRevision`]: kindObj(
    gvk('ControllerRevision'),
    { data: ref(RAW_EXTENSION, 'The serialized state.'), revision: int64('The revision number.') },
    { required: ['revision'], description: 'An immutable snapshot of state data.' },
  ),
  [`${APPS}ControllerRevisionList`]: listKind(gvk('ControllerRevisionList'), `${APPS}ControllerRevision`),
};

function validateRevision(cr: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  if (cr.data === undefined || cr.data === null) errs.push(fieldRequired('data', 'data is mandatory'));
  const rev = numAt(cr, 'revision');
  if (rev !== undefined && rev < 0) errs.push(fieldInvalid('revision', rev, 'must be greater than or equal to 0'));
  return errs;
}

/** printControllerRevision: the controller owner as `kind.group/name`, `<none>` without one. */
export function controllerCell(cr: KubeObject): string {
  const owner = (cr.metadata?.ownerReferences ?? []).find((o) => o.controller === true);
  if (!owner) return '<none>';
  const slash = owner.apiVersion.indexOf('/');
  const group = slash >= 0 ? owner.apiVersion.slice(0, slash) : '';
  if (!owner.kind && !group) return owner.name;
  return `${(group ? `${owner.kind}.${group}` : owner.kind).toLowerCase()}/${owner.name}`;
}

export const controllerrevisions: KindDefinition = {
  group: 'apps',
  version: 'v1',
  kind: 'ControllerRevision',
  resource: 'controllerrevisions',
  singular: 'controllerrevision',
  namespaced: true,
  definition: `${APPS}ControllerRevision`,
  strategy: {
    ...plainHooks(),
    validate: validateRevision,
    validateUpdate: (cr, old) =>
      jsonEqual(cr.data, old.data) ? [] : [fieldInvalid('data', cr.data ?? null, 'field is immutable')],
  },
  table: {
    columns: [
      nameColumn(),
      column('Controller', 'Controller of the object'),
      column('Revision', 'Revision indicates the revision of the state represented by Data.'),
      ageColumn(),
    ],
    cells: (cr, now) => [
      nameOf(cr),
      controllerCell(cr),
      numAt(cr, 'revision') ?? 0,
      age(cr.metadata?.creationTimestamp, now),
    ],
  },
};
