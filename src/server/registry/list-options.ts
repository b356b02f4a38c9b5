/**
 * kube's ValidateListOptions for non-watch lists: resourceVersionMatch needs a resourceVersion,
 * cannot go with continue, must be Exact or NotOlderThan, and Exact cannot be at "0". Errors are
 * one 422 on `ListOptions.meta.k8s.io ""`, as kube-apiserver answers.
 */
import { type FieldError, fieldForbidden, fieldNotSupported, invalid } from '../../api/status.js';
import type { ListQuery } from './types.js';

export function validateListOptions(q: ListQuery): void {
  const match = q.resourceVersionMatch ?? '';
  if (!match) return;
  const errs: FieldError[] = [];
  if (!q.resourceVersion) {
    errs.push(
      fieldForbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden unless resourceVersion is provided'),
    );
  }
  if (q.continue) {
    errs.push(fieldForbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden when continue is provided'));
  }
  if (match !== 'Exact' && match !== 'NotOlderThan') {
    errs.push(fieldNotSupported('resourceVersionMatch', match, ['Exact', 'NotOlderThan', '']));
  }
  if (match === 'Exact' && q.resourceVersion === '0') {
    errs.push(
      fieldForbidden('resourceVersionMatch', 'resourceVersionMatch "exact" is forbidden for resourceVersion "0"'),
    );
  }
  if (errs.length) throw invalid({ group: 'meta.k8s.io', kind: 'ListOptions' }, '', errs);
}
