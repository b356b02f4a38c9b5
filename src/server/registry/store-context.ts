/**
 * What every GenericStore shares: storage, catalog, admission, the clock, the write
 * notifications, and per-kind hooks (service IP/port allocation, ...).
 */
import type { Definitions } from '../../api/openapi-schema.js';
import type { AdmissionChain } from '../admission/chain.js';
import type { AdmissionLookup } from '../admission/types.js';
import type { UserLookup } from '../apis/authentication/reviews.js';
import type { KindDefinition, KubeObject } from '../apis/types.js';
import type { ServiceAccountTokens } from '../auth/service-account-tokens.js';
import type { Storage } from '../storage/interface.js';
import type { GenericStore } from './generic-store.js';
import type { RegistryEvents } from './registry-events.js';
import type { KindLookup } from './type-meta.js';

/** Undoes a hook's side effect (e.g. releases an allocated IP) when the write fails. */
export type Rollback = () => void | Promise<void>;

/**
 * Kind-specific side effects around the generic write path (kube's BeginCreate/BeginUpdate/
 * AfterDelete decorators). Hooks run after validation and admission, just before the storage
 * write; with `dryRun` they must check without allocating.
 */
export interface StoreHooks {
  /**
   * Runs before validation on every update (kube's beginUpdate normalization, e.g. a Service
   * switching to ClusterIP drops the node ports it no longer needs). Must not allocate.
   */
  prepareUpdate?(obj: KubeObject, old: KubeObject): void;
  beforeCreate?(obj: KubeObject, opts: { dryRun: boolean }): Promise<Rollback | undefined>;
  beforeUpdate?(obj: KubeObject, old: KubeObject, opts: { dryRun: boolean }): Promise<Rollback | undefined>;
  /** After the object left storage (not for dry runs). */
  afterDelete?(obj: KubeObject): Promise<void>;
}

export interface StoreContext {
  storage: Storage;
  kinds: KindLookup;
  definitions: Definitions;
  admission: AdmissionChain;
  lookup: AdmissionLookup;
  events: RegistryEvents;
  clock: () => Date;
  hooksFor(kind: KindDefinition): StoreHooks | undefined;
  /** The preferred store of another resource (core/v1 bindings write through pods). */
  storeFor?(group: string, resource: string): GenericStore | undefined;
  /** Authenticates TokenReview tokens; without it no token authenticates. */
  tokenLookup?: UserLookup;
  /** Signs the tokens of `serviceaccounts/<name>/token`; without it that subresource is 404. */
  serviceAccountTokens?: ServiceAccountTokens;
}
