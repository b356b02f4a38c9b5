/**
 * Server-side conversions asked for with `as=` (kube's handlers/response.go): a meta/v1 Table
 * from the kind's TableDefinition (or kube's default Name / Created At table), and
 * PartialObjectMetadata(List). Table rows carry their object as None (null), Metadata
 * (a PartialObjectMetadata, the default) or Object (the whole object), per `includeObject`.
 */
import { badRequest } from '../../api/status.js';
import type { KindDefinition, KubeObject, TableColumn, TableDefinition } from '../apis/types.js';
import type { KubeList } from '../registry/types.js';
import { sharedDerived } from '../storage/shared-json.js';

export type IncludeObject = 'None' | 'Metadata' | 'Object';

/** kube's default table (DefaultTableConvertor): name and creation time. */
export const DEFAULT_TABLE: TableDefinition = {
  columns: [
    {
      name: 'Name',
      type: 'string',
      format: 'name',
      description:
        'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names',
      priority: 0,
    },
    {
      name: 'Created At',
      type: 'date',
      format: '',
      description:
        'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata',
      priority: 0,
    },
  ],
  cells: (obj) => [obj.metadata?.name ?? '', obj.metadata?.creationTimestamp ?? null],
};

/** Parses `includeObject`; kube rejects unknown values with 400. */
export function parseIncludeObject(value: string | null): IncludeObject {
  if (value === null || value === '') return 'Metadata';
  if (value === 'None' || value === 'Metadata' || value === 'Object') return value;
  throw badRequest(
    `unable to decode query parameters: includeObject: Unsupported value: "${value}": supported values: "Metadata", "None", "Object"`,
  );
}

/** The object's PartialObjectMetadata; built once per shared (watch-cache) object and version. */
export function partialObjectMetadata(obj: KubeObject, version: string): KubeObject {
  const build = (): KubeObject => ({
    kind: 'PartialObjectMetadata',
    apiVersion: `meta.k8s.io/${version}`,
    metadata: obj.metadata ?? {},
  });
  return obj.metadata ? sharedDerived(obj.metadata, `PartialObjectMetadata/${version}`, build) : build();
}

export function partialObjectMetadataList(list: KubeList, version: string): KubeObject {
  return {
    kind: 'PartialObjectMetadataList',
    apiVersion: `meta.k8s.io/${version}`,
    metadata: list.metadata,
    items: list.items.map((i) => partialObjectMetadata(i, version)),
  };
}

export interface TableOptions {
  version: 'v1' | 'v1beta1';
  includeObject: IncludeObject;
  /** Omit column definitions (later events of a watch); they are sent as null like kube. */
  noHeaders?: boolean;
  now?: Date;
}

const isList = (x: KubeObject | KubeList): x is KubeList => Array.isArray((x as KubeList).items);

function rowObject(kind: KindDefinition, obj: KubeObject, opts: TableOptions): unknown {
  if (opts.includeObject === 'None') return null;
  if (opts.includeObject === 'Object') {
    // Row objects are whole API objects: they carry their TypeMeta even when list items do not.
    const apiVersion = kind.group ? `${kind.group}/${kind.version}` : kind.version;
    return { apiVersion: obj.apiVersion ?? apiVersion, kind: obj.kind ?? kind.kind, ...obj };
  }
  return partialObjectMetadata(obj, opts.version);
}

/** The Table of one object or a list. Cells a printer cannot compute are left as null, not thrown. */
export function toTable(kind: KindDefinition, input: KubeObject | KubeList, opts: TableOptions): KubeObject {
  const def = kind.table ?? DEFAULT_TABLE;
  const now = opts.now ?? new Date();
  const items = isList(input) ? input.items : [input];
  const metadata: Record<string, unknown> = {};
  if (isList(input)) {
    metadata.resourceVersion = input.metadata.resourceVersion;
    if (input.metadata.continue) metadata.continue = input.metadata.continue;
    if (input.metadata.remainingItemCount !== undefined)
      metadata.remainingItemCount = input.metadata.remainingItemCount;
  } else if (input.metadata?.resourceVersion) metadata.resourceVersion = input.metadata.resourceVersion;
  const columns: TableColumn[] | null = opts.noHeaders ? null : def.columns.map((c) => ({ ...c }));
  const rows = items.map((obj) => {
    let cells: unknown[];
    try {
      cells = def.cells(obj, now);
    } catch {
      cells = def.columns.map(() => null);
    }
    return { cells, object: rowObject(kind, obj, opts) };
  });
  return { kind: 'Table', apiVersion: `meta.k8s.io/${opts.version}`, metadata, columnDefinitions: columns, rows };
}
