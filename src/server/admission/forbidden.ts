/**
 * admission.NewForbidden: a 403 naming the object as kube's admission does, by its name, else
 * its generateName (names are generated after admission), else "Unknown".
 */
import { forbidden, type StatusError } from '../../api/status.js';
import type { AdmissionAttributes } from './types.js';

export function admissionForbidden(a: AdmissionAttributes, detail: string): StatusError {
  let name = 'Unknown';
  const meta = a.object?.metadata;
  if (a.object) {
    if (meta?.name) name = meta.name;
    else if (meta?.generateName) name = meta.generateName;
  }
  return forbidden({ group: a.kind.group, resource: a.kind.resource }, name, detail);
}
