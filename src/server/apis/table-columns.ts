/**
 * Building blocks of kube's table printers (pkg/printers/internalversion/printers.go): the
 * Name and Age columns every kind has, a column factory, and the cell formats kube uses
 * (`<none>`, ages, joined lists).
 */
import { humanDuration } from '../../api/duration.js';
import type { TableColumn } from './types.js';

export { humanDuration };

/** ObjectMeta's swagger text for `name`, which kube uses as the Name column's description. */
export const NAME_DESCRIPTION =
  'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names';
/** ObjectMeta's swagger text for `creationTimestamp` (the Age column). */
export const AGE_DESCRIPTION =
  'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata';

export const nameColumn = (): TableColumn => ({
  name: 'Name',
  type: 'string',
  format: 'name',
  description: NAME_DESCRIPTION,
  priority: 0,
});
export const ageColumn = (): TableColumn => ({
  name: 'Age',
  type: 'string',
  format: '',
  description: AGE_DESCRIPTION,
  priority: 0,
});

/** A column; `wide` columns have priority 1 (shown with -o wide). */
export function column(
  name: string,
  description: string,
  opts: { type?: TableColumn['type']; wide?: boolean; format?: string } = {},
): TableColumn {
  return {
    name,
    type: opts.type ?? 'string',
    format: opts.format ?? '',
    description,
    priority: opts.wide ? 1 : 0,
  };
}

/** translateTimestampSince: `<unknown>` for a missing or unparsable timestamp. */
export function age(timestamp: unknown, now: Date): string {
  if (typeof timestamp !== 'string' || timestamp === '') return '<unknown>';
  const t = Date.parse(timestamp);
  if (Number.isNaN(t)) return '<unknown>';
  return humanDuration(now.getTime() - t);
}

/** The object's metadata.name as the Name cell. */
export const nameOf = (obj: { metadata?: { name?: string } }): string => obj.metadata?.name ?? '';
