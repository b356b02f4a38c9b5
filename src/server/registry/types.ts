/**
 * The registry's face towards the HTTP layer. The registry knows kinds, storage and admission;
 * it knows nothing of HTTP: handlers parse a request into these option objects, call one
 * method, and write the result (or the thrown StatusError) back.
 */
import type { KindDefinition, KubeObject } from '../apis/types.js';

export interface UserInfo {
  name: string;
  uid?: string;
  groups: string[];
  extra?: Record<string, string[]>;
}

export interface RequestContext {
  /** The namespace from the URL ('' for cluster-scoped kinds and all-namespace lists). */
  namespace: string;
  user: UserInfo;
  /** Warnings to send back as `Warning: 299 - "<text>"` headers; hooks push to it. */
  warnings: string[];
  signal?: AbortSignal;
}

export interface ListQuery {
  labelSelector?: string;
  fieldSelector?: string;
  resourceVersion?: string;
  resourceVersionMatch?: 'Exact' | 'NotOlderThan' | '';
  limit?: number;
  continue?: string;
}

export interface WatchQuery extends ListQuery {
  allowWatchBookmarks?: boolean;
  sendInitialEvents?: boolean;
  /** The watch ends after this long (the HTTP layer also enforces it). */
  timeoutSeconds?: number;
  signal: AbortSignal;
}

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

export interface WriteOptions {
  dryRun: boolean;
  fieldManager?: string;
  /** Unknown/duplicate field handling; kube's default for a missing parameter is Warn... see decode. */
  fieldValidation: FieldValidation;
  /** 'status' or 'scale' for subresource writes; undefined for the main resource. */
  subresource?: string;
}

export type PatchType = 'json' | 'merge' | 'strategic' | 'apply';

export interface DeleteOptions {
  dryRun: boolean;
  gracePeriodSeconds?: number;
  preconditions?: { uid?: string; resourceVersion?: string };
  propagationPolicy?: 'Orphan' | 'Background' | 'Foreground';
  orphanDependents?: boolean;
}

export interface KubeList {
  apiVersion: string;
  kind: string;
  metadata: { resourceVersion: string; continue?: string; remainingItemCount?: number };
  items: KubeObject[];
}

export interface RegistryWatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: KubeObject;
}

/** Everything one resource serves. Errors are thrown as StatusError (src/api/status.ts). */
export interface ResourceStore {
  readonly kind: KindDefinition;
  /** `shared`: the caller only reads the object, which may then be frozen and shared (GetOptions). */
  get(
    ctx: RequestContext,
    name: string,
    opts?: { resourceVersion?: string; subresource?: string; shared?: boolean },
  ): Promise<KubeObject>;
  list(ctx: RequestContext, query: ListQuery): Promise<KubeList>;
  watch(ctx: RequestContext, query: WatchQuery): AsyncIterable<RegistryWatchEvent>;
  /** `body` is the decoded request body (JSON value); the store validates its shape. */
  create(ctx: RequestContext, body: unknown, opts: WriteOptions): Promise<KubeObject>;
  /** PUT. Creates when the object is missing and the kind allows create-on-update. */
  update(
    ctx: RequestContext,
    name: string,
    body: unknown,
    opts: WriteOptions,
  ): Promise<{ object: KubeObject; created: boolean }>;
  patch(ctx: RequestContext, name: string, type: PatchType, patch: unknown, opts: WriteOptions): Promise<KubeObject>;
  /** Returns the deleted object, or the object still held by finalizers/grace (`pending: true`). */
  delete(ctx: RequestContext, name: string, opts: DeleteOptions): Promise<{ object: KubeObject; pending: boolean }>;
  deleteCollection(ctx: RequestContext, query: ListQuery, opts: DeleteOptions): Promise<KubeList>;
  /**
   * DELETE answers with the deleted object (true: pods, services, namespaces...) or with a
   * Status Success naming it (false). Pending deletions always answer with the object.
   */
  readonly returnDeletedObject?: boolean;
  /**
   * POST to a subresource that is not a plain write (pods/binding, pods/eviction). Returns what
   * to send with HTTP 201 (a Status Success for both). Unknown subresources: 404.
   */
  createSubresource?(
    ctx: RequestContext,
    name: string,
    subresource: string,
    body: unknown,
    opts: WriteOptions,
  ): Promise<KubeObject>;
  /** pods/log: the log text (empty until pods are simulated). 400s with kube's texts for bad containers. */
  log?(ctx: RequestContext, name: string, opts: PodLogOptions): Promise<string>;
}

export interface PodLogOptions {
  container?: string;
  follow?: boolean;
  previous?: boolean;
  tailLines?: number;
  sinceSeconds?: number;
  timestamps?: boolean;
}

export interface Registry {
  /** The store serving group/version/resource, or undefined (-> 404 from the HTTP layer). */
  store(group: string, version: string, resource: string): ResourceStore | undefined;
}
