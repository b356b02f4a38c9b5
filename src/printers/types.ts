/** Shapes shared by the printers: print flags, output sink, meta.k8s.io/v1 Table. */

export interface PrintFlags {
  /** '', 'wide', 'json', 'yaml', 'name', 'jsonpath=…', 'custom-columns=…', 'go-template=…', … */
  output?: string;
  /** --template: the template text for -o go-template/jsonpath/… given without `=`. */
  template?: string;
  noHeaders?: boolean;
  showLabels?: boolean;
  labelColumns?: string[];
  showKind?: boolean;
  sortBy?: string;
  allNamespaces?: boolean;
  showManagedFields?: boolean;
  /** Default true (kubectl's --allow-missing-template-keys). */
  allowMissingTemplateKeys?: boolean;
}

export interface Output {
  write(s: string): unknown;
}

/** What the caller knows about the object beyond its body (kubectl's RESTMapping). */
export interface PrintContext {
  /** API group of the resource ('' for core). */
  group?: string;
  /** Kind, e.g. 'Deployment'. Used by --show-kind and `-o name` when the body has no kind. */
  kind?: string;
  /** False for cluster-scoped resources: no NAMESPACE column even with -A. */
  namespaced?: boolean;
  /** Watch event type (ADDED, MODIFIED, DELETED, ERROR) for --output-watch-events. */
  eventType?: string;
}

export interface ResourcePrinter {
  print(obj: unknown, out: Output, ctx?: PrintContext): void | Promise<void>;
}

export interface TableColumnDefinition {
  name: string;
  type: string;
  format?: string;
  description?: string;
  priority?: number;
}

export interface TableRow {
  cells: unknown[];
  object?: unknown;
  conditions?: unknown[];
}

export interface Table {
  kind: 'Table';
  apiVersion?: string;
  metadata?: Record<string, unknown>;
  columnDefinitions?: TableColumnDefinition[];
  rows?: TableRow[];
}

export function isTable(obj: unknown): obj is Table {
  return (
    typeof obj === 'object' &&
    obj !== null &&
    (obj as { kind?: unknown }).kind === 'Table' &&
    String((obj as { apiVersion?: unknown }).apiVersion ?? 'meta.k8s.io/v1').startsWith('meta.k8s.io/')
  );
}

export type JsonObject = Record<string, unknown>;

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
