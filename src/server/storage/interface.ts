/**
 * The storage contract the registry codes against: kube's `k8s.io/apiserver/pkg/storage.Interface`
 * in TypeScript. Keys are kube's (`/registry/<group/>resource/<ns>/<name>`); the storage treats them
 * as opaque byte strings. resourceVersion is the store revision as a decimal string.
 */
export { StorageError, type StorageErrorCode } from './errors.js';

/** Any JSON object; the storage only reads and writes `metadata.resourceVersion`. */
export type StoredObject = {
  metadata?: {
    name?: string;
    namespace?: string;
    resourceVersion?: string;
    uid?: string;
    [k: string]: unknown;
  };
  [k: string]: unknown;
};

export interface Preconditions {
  uid?: string;
  resourceVersion?: string;
}

/** RV semantics as kube: '' = latest consistent, '0' = any (cache ok), N = not older than N. */
export interface GetOptions {
  resourceVersion?: string;
  ignoreNotFound?: boolean;
  /**
   * The caller only reads the result (an HTTP GET answering with it): the watch cache may hand
   * out its deep-frozen shared object, whose JSON text is cached (cacher/decoded-objects.ts).
   */
  shared?: boolean;
}

export interface ListOptions {
  resourceVersion?: string;
  resourceVersionMatch?: 'Exact' | 'NotOlderThan' | '';
  limit?: number;
  /** kube's continue token: base64url of {"v":"meta.k8s.io/v1","rv":N,"start":"<key suffix>"}. */
  continue?: string;
  /**
   * Label/field filtering. Leave undefined when the selectors are empty: only then is
   * `remainingItemCount` reported (kube reports it only for an empty predicate).
   * Paging keeps filling pages through non-matching objects, like kube's etcd3 store.
   */
  predicate?: (obj: StoredObject) => boolean;
  /** true: key is a prefix (a "/" is appended when missing); false: the single key. */
  recursive: boolean;
}

export interface ListResult {
  items: StoredObject[];
  resourceVersion: string;
  continue?: string;
  remainingItemCount?: number;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

/** ERROR carries a Status-like object (the registry/HTTP layer turns StorageError into Status). */
export interface WatchEvent {
  type: WatchEventType;
  object: StoredObject;
}

export interface WatchOptions {
  resourceVersion?: string;
  recursive: boolean;
  predicate?: (obj: StoredObject) => boolean;
  allowWatchBookmarks?: boolean;
  sendInitialEvents?: boolean;
  signal: AbortSignal;
}

export interface UpdateOptions {
  preconditions?: Preconditions;
  ignoreNotFound?: boolean;
  dryRun?: boolean;
}

/**
 * Gets the current object (with its resourceVersion; `{}` when absent and ignoreNotFound) and
 * returns the desired one. Throw to abort. Returning the same content = no write (RV kept).
 */
export type TryUpdate = (current: StoredObject) => StoredObject | Promise<StoredObject>;

export interface DeleteOptions {
  preconditions?: Preconditions;
  validateDeletion?: (cur: StoredObject) => void | Promise<void>;
  dryRun?: boolean;
}

export interface CreateOptions {
  /** Attach the key to a lease of about this many seconds (kube uses it for Events). */
  ttlSeconds?: number;
  dryRun?: boolean;
}

export interface Storage {
  /** Sets metadata.resourceVersion; KeyExists when present; a set resourceVersion is an Internal error. */
  create(key: string, obj: StoredObject, opts?: CreateOptions): Promise<StoredObject>;
  /** KeyNotFound unless ignoreNotFound (then undefined). */
  get(key: string, opts?: GetOptions): Promise<StoredObject | undefined>;
  getList(key: string, opts: ListOptions): Promise<ListResult>;
  /** Read-modify-CAS loop, retried on conflict; precondition failures are InvalidObj as kube. */
  guaranteedUpdate(key: string, tryUpdate: TryUpdate, opts?: UpdateOptions): Promise<StoredObject>;
  /** Returns the deleted object with resourceVersion = the deletion revision (as kube). */
  delete(key: string, opts?: DeleteOptions): Promise<StoredObject>;
  /**
   * Ends when signal aborts. A too-old RV yields one ERROR event
   * (410 Expired: `too old resource version: X (Y)`) then ends.
   */
  watch(key: string, opts: WatchOptions): AsyncIterable<WatchEvent>;
  count(key: string): Promise<number>;
  currentResourceVersion(): Promise<string>;
  compact?(): Promise<void>;
}
