/**
 * The kind catalog's vocabulary. A kind is defined once, as a `KindDefinition`; discovery,
 * OpenAPI, validation, defaulting, table printing, field selectors and strategic-merge patch
 * metadata all derive from it. Generic CRUD lives once in src/server/registry; a kind only
 * supplies data and small strategy hooks.
 */
import type { Definitions } from '../../api/openapi-schema.js';
import type { FieldError } from '../../api/status.js';

/** A plain Kubernetes object as stored and served (JSON-shaped). */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  [field: string]: unknown;
}

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
  managedFields?: unknown[];
  [field: string]: unknown;
}

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

/** One column of a meta.k8s.io/v1 Table, exactly as kube's printers declare it. */
export interface TableColumn {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  format: string; // '' | 'name' | ...
  description: string;
  /** 0 = always shown; 1 = only with -o wide. */
  priority: number;
}

export interface TableDefinition {
  columns: TableColumn[];
  /**
   * The cells of one row, in column order. `now` is injected so ages are testable.
   * Returning several rows is not supported (kube's printers return one row per object).
   */
  cells(obj: KubeObject, now: Date): unknown[];
}

/** Context handed to strategy hooks. */
export interface StrategyContext {
  /** The request's namespace ('' for cluster-scoped). */
  namespace: string;
  /** The authenticated user, for hooks that record it (e.g. CSR username). */
  user?: { name: string; groups: string[]; uid?: string; extra?: Record<string, string[]> };
  /** True for a dry run: hooks must not allocate external resources. */
  dryRun: boolean;
}

/**
 * Per-kind behaviour (kube's RESTCreateStrategy / RESTUpdateStrategy). Every hook is optional;
 * the generic store does ObjectMeta handling (names, uid, timestamps, generation, labels and
 * annotations validation) itself, so hooks only deal with the kind's own fields.
 */
export interface Strategy {
  /** Fill kube's defaults in place (what `SetDefaults_*` do). Runs on create, update and patch. */
  defaults?(obj: KubeObject): void;
  /** Clear what users may not set on create (e.g. status) before validation. */
  prepareForCreate?(obj: KubeObject, ctx: StrategyContext): void;
  /** Carry over what the main resource may not change (e.g. status) from `old` on update. */
  prepareForUpdate?(obj: KubeObject, old: KubeObject, ctx: StrategyContext): void;
  /** For the status subresource: keep everything but status from `old`. */
  prepareForStatusUpdate?(obj: KubeObject, old: KubeObject, ctx: StrategyContext): void;
  /**
   * Updates of a custom subresource that is a write of the object itself (e.g.
   * certificatesigningrequests/approval): keep from `old` what that subresource may not change.
   * A custom subresource without this hook is not writable.
   */
  prepareForSubresourceUpdate?(sub: string, obj: KubeObject, old: KubeObject, ctx: StrategyContext): void;
  /** Field errors for a new object (paths like `spec.containers[0].image`). */
  validate?(obj: KubeObject, ctx: StrategyContext): FieldError[];
  /** Field errors for an update (immutable fields etc.); `validate` runs as well. */
  validateUpdate?(obj: KubeObject, old: KubeObject, ctx: StrategyContext): FieldError[];
  /** Warnings returned to the client as `Warning` headers. */
  warnings?(obj: KubeObject, old: KubeObject | undefined): string[];
  /**
   * Whether a spec change should bump metadata.generation. Default: any change outside
   * metadata and status.
   */
  specChanged?(obj: KubeObject, old: KubeObject): boolean;
}

/** The scale subresource: where a kind keeps replicas and its selector. */
export interface ScaleSubresource {
  specReplicasPath: string; // e.g. '.spec.replicas'
  statusReplicasPath: string; // e.g. '.status.replicas'
  labelSelectorPath?: string; // e.g. '.status.selector' (string form) or '.spec.selector' (LabelSelector)
}

export interface KindDefinition {
  group: string; // '' for core
  version: string;
  kind: string;
  /** Plural resource name, e.g. 'deployments'. */
  resource: string;
  singular: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[];
  /** Discovery verbs; default: create delete deletecollection get list patch update watch. */
  verbs?: string[];
  /** The OpenAPI definition name of the kind, e.g. 'io.k8s.api.apps.v1.Deployment'. */
  definition: string;
  /** Subresources: status and scale are served generically; others by name (handled by the server). */
  subresources?: {
    status?: boolean;
    scale?: ScaleSubresource;
    /** Other subresources by name with their discovery data (e.g. pods/log, pods/eviction). */
    custom?: Record<string, { kind: { group: string; version: string; kind: string }; verbs: string[] }>;
  };
  strategy: Strategy;
  table?: TableDefinition;
  /** Extra field selector fields beyond metadata.name/metadata.namespace (kube's per-kind GetAttrs). */
  fieldSelectors?: (obj: KubeObject) => Record<string, string>;
  /** Storage key segment; default: `resource` (kube's etcd layout, e.g. `/registry/deployments/`). */
  storagePrefix?: string;
  /** Objects of this kind are kept only this long (events: 1h), via a store lease. */
  ttlSeconds?: number;
}

/** A group of kinds plus the OpenAPI definitions they reference. */
export interface CatalogModule {
  kinds: KindDefinition[];
  definitions: Definitions;
}
