/**
 * The one generic REST store (kube's registry/generic/registry.Store): create, get, list,
 * watch, update, patch, delete and deletecollection for any kind, configured by its
 * KindDefinition (strategy hooks, scope, subresources) and the kind policy table. No kind has
 * CRUD code of its own; kind-specific side effects come in through StoreHooks.
 */
import {
  conflict,
  type FieldError,
  type GroupKind,
  type GroupResource,
  invalid,
  isNotFound,
  notFound,
  OMIT_VALUE,
  StatusError,
  unsupportedMediaType,
} from '../../api/status.js';
import type { AdmissionAttributes, AdmissionOperation } from '../admission/types.js';
import { jsonEqual } from '../apis/object-access.js';
import type { KindDefinition, KubeObject, StrategyContext } from '../apis/types.js';
import { isStorageError, type Storage, type StoredObject } from '../storage/index.js';
import { type DeleteOutcome, deleteObject } from './delete-flow.js';
import { goRoundTrip, messageOfKindDefinition } from './go-round-trip.js';
import { collectionKey, objectKey, resourcePrefix } from './keys.js';
import { type KindPolicy, kindPolicy } from './kind-policy.js';
import { validateListOptions } from './list-options.js';
import { updateManagedFields } from './managed-fields.js';
import {
  canonicalOrder,
  generateName,
  newUid,
  rfc3339,
  validateObjectMeta,
  validateObjectMetaUpdate,
} from './object-meta.js';
import { applyPatchTo, checkPatchedFields } from './patching.js';
import { bindPod, evictPod, type PodLogOptions, podLog } from './pod-subresources.js';
import { toScale, writeScale } from './scale.js';
import { buildSelection } from './selection.js';
import { toStatusError, translating } from './storage-errors.js';
import type { Rollback, StoreContext } from './store-context.js';
import { requestToken } from './token-request.js';
import { checkTypeMeta, groupVersion } from './type-meta.js';
import type {
  DeleteOptions,
  KubeList,
  ListQuery,
  PatchType,
  RegistryWatchEvent,
  RequestContext,
  ResourceStore,
  WatchQuery,
  WriteOptions,
} from './types.js';
import { carrySystemMeta, prepareUpdate, shouldDeleteAfterUpdate } from './update-rules.js';
import {
  computedObjects,
  createVirtual,
  getComputed,
  isVirtualCreate,
  listComputed,
  NO_TOKENS,
} from './virtual-kinds.js';

/** How many times a generateName create retries on a name collision (kube's RetryGenerateName). */
const GENERATE_NAME_RETRIES = 7;

/** The object without what a no-op check must ignore (managedFields, resourceVersion). */
function comparable(obj: KubeObject): KubeObject {
  const { managedFields: _m, resourceVersion: _r, ...meta } = obj.metadata ?? {};
  return { ...obj, metadata: meta };
}

export class GenericStore implements ResourceStore {
  readonly gr: GroupResource;
  readonly gk: GroupKind;
  readonly policy: KindPolicy;
  readonly prefix: string;
  readonly apiVersion: string;
  private readonly goMessage: string | undefined;

  private readonly storageSource: Storage | (() => Storage);
  private resolvedStorage?: Storage;

  /**
   * `storage` may be a factory: the kind's watch cache is then built on first use, so a server
   * with ~70 kinds starts without priming ~70 caches nobody reads yet.
   */
  constructor(
    readonly kind: KindDefinition,
    readonly deps: StoreContext,
    storage?: Storage | (() => Storage),
  ) {
    this.storageSource = storage ?? deps.storage;
    this.gr = { group: kind.group, resource: kind.resource };
    this.gk = { group: kind.group, kind: kind.kind };
    this.policy = kindPolicy(kind);
    this.prefix = resourcePrefix(kind);
    this.apiVersion = groupVersion(kind);
    this.goMessage = messageOfKindDefinition(kind.definition);
  }

  /**
   * An object as kube's decode into the kind's Go struct leaves it (go-round-trip.ts): applied to
   * what a client sends, before defaulting, and to what is stored. Kinds without a Go struct in
   * the table keep every field, only the top level and metadata are put in kube's order.
   */
  goShape(obj: KubeObject): KubeObject {
    return this.goMessage ? goRoundTrip(obj, this.goMessage) : canonicalOrder(obj);
  }

  /** Reads, lists and watches go through this (the kind's watch cache when enabled); writes too. */
  get storage(): Storage {
    const src = this.storageSource;
    this.resolvedStorage ??= typeof src === 'function' ? src() : src;
    return this.resolvedStorage;
  }

  // ---- keys and small helpers ----

  key(namespace: string, name: string): string {
    return objectKey(this.prefix, this.kind.namespaced, namespace, name);
  }

  now(): Date {
    return this.deps.clock();
  }

  private strategyCtx(ctx: RequestContext, dryRun: boolean): StrategyContext {
    return { namespace: ctx.namespace, user: ctx.user, dryRun };
  }

  attrs(
    ctx: RequestContext,
    operation: AdmissionOperation,
    name: string,
    object: KubeObject | undefined,
    oldObject: KubeObject | undefined,
    dryRun: boolean,
    subresource = '',
  ): AdmissionAttributes {
    return {
      operation,
      kind: this.kind,
      subresource,
      namespace: this.kind.namespaced ? ctx.namespace || (object?.metadata?.namespace ?? '') : '',
      name,
      object,
      oldObject,
      dryRun,
      user: ctx.user,
      lookup: this.deps.lookup,
    };
  }

  /** Stored objects carry apiVersion/kind already; objects from older writers may not. */
  withTypeMeta<T extends StoredObject>(obj: T): KubeObject {
    const o = obj as KubeObject;
    if (o.apiVersion === this.apiVersion && o.kind === this.kind.kind) return o;
    return { apiVersion: this.apiVersion, kind: this.kind.kind, ...o };
  }

  /** kube's rest.ValidNamespace / BeforeCreate namespace handling. */
  private applyNamespace(ctx: RequestContext, obj: KubeObject): void {
    const meta = (obj.metadata ??= {});
    if (!this.kind.namespaced) {
      delete meta.namespace;
      return;
    }
    if (!meta.namespace) meta.namespace = ctx.namespace;
    else if (ctx.namespace && meta.namespace !== ctx.namespace) {
      throw new StatusError({
        code: 400,
        reason: 'BadRequest',
        message: 'the namespace of the provided object does not match the namespace sent on the request',
      });
    }
  }

  private emit(type: 'ADDED' | 'MODIFIED' | 'DELETED', object: KubeObject, oldObject?: KubeObject): void {
    this.deps.events.emit({ type, kind: this.kind, object, ...(oldObject ? { oldObject } : {}) });
  }

  private fieldManager(opts: WriteOptions): string {
    return opts.fieldManager || 'unknown';
  }

  // ---- reads ----

  async get(
    ctx: RequestContext,
    name: string,
    opts?: { resourceVersion?: string; subresource?: string; shared?: boolean },
  ): Promise<KubeObject> {
    const computed = computedObjects(this.kind);
    if (computed && !opts?.subresource) return getComputed(this, computed, name);
    const obj = await this.read(ctx.namespace, name, opts?.resourceVersion, opts?.shared);
    if (opts?.subresource === 'scale') return this.scaleOf(obj);
    if (opts?.subresource && opts.subresource !== 'status') throw this.noSubresource(opts.subresource);
    if (opts?.subresource === 'status' && !this.kind.subresources?.status) throw this.noSubresource('status');
    return obj;
  }

  /** The stored object or a NotFound StatusError; `shared` as in GetOptions. */
  async read(namespace: string, name: string, resourceVersion?: string, shared = false): Promise<KubeObject> {
    const obj = await translating(this.gr, name, 'get', () =>
      this.storage.get(this.key(namespace, name), resourceVersion ? { resourceVersion, shared } : { shared }),
    );
    if (!obj) throw notFound(this.gr, name);
    return this.withTypeMeta(obj);
  }

  private scaleOf(obj: KubeObject): KubeObject {
    const scale = this.kind.subresources?.scale;
    if (!scale) throw this.noSubresource('scale');
    return toScale(obj, scale);
  }

  noSubresource(_sub: string): StatusError {
    return new StatusError({
      code: 404,
      reason: 'NotFound',
      message: 'the server could not find the requested resource',
      details: {},
    });
  }

  /** 404 for a write to a subresource this kind does not serve generically. */
  private checkWritableSubresource(sub: string | undefined): void {
    if (!sub) return;
    const s = this.kind.subresources;
    if (sub === 'status' && s?.status) return;
    if (sub === 'scale' && s?.scale) return;
    if (sub === 'finalize' && s?.custom?.finalize) return;
    if (s?.custom?.[sub] && this.kind.strategy.prepareForSubresourceUpdate) return;
    throw this.noSubresource(sub);
  }

  async list(ctx: RequestContext, query: ListQuery): Promise<KubeList> {
    validateListOptions(query);
    const sel = buildSelection(this.kind, query.labelSelector, query.fieldSelector);
    const computed = computedObjects(this.kind);
    if (computed) return listComputed(this, computed, sel.predicate);
    const res = await translating(this.gr, '', 'list', () =>
      this.storage.getList(collectionKey(this.prefix, this.kind.namespaced, ctx.namespace), {
        recursive: true,
        ...(query.resourceVersion !== undefined ? { resourceVersion: query.resourceVersion } : {}),
        ...(query.resourceVersionMatch ? { resourceVersionMatch: query.resourceVersionMatch } : {}),
        ...(query.limit ? { limit: query.limit } : {}),
        ...(query.continue ? { continue: query.continue } : {}),
        ...(sel.predicate ? { predicate: sel.predicate as (o: StoredObject) => boolean } : {}),
      }),
    );
    const metadata: KubeList['metadata'] = { resourceVersion: res.resourceVersion };
    if (res.continue) metadata.continue = res.continue;
    if (res.remainingItemCount !== undefined) metadata.remainingItemCount = res.remainingItemCount;
    return {
      kind: `${this.kind.kind}List`,
      apiVersion: this.apiVersion,
      metadata,
      items: res.items.map((o) => this.withTypeMeta(o)),
    };
  }

  async *watch(ctx: RequestContext, query: WatchQuery): AsyncIterable<RegistryWatchEvent> {
    const sel = buildSelection(this.kind, query.labelSelector, query.fieldSelector);
    const signal =
      query.timeoutSeconds && query.timeoutSeconds > 0
        ? AbortSignal.any([query.signal, AbortSignal.timeout(query.timeoutSeconds * 1000)])
        : query.signal;
    const iter = this.storage.watch(collectionKey(this.prefix, this.kind.namespaced, ctx.namespace), {
      recursive: true,
      signal,
      ...(query.resourceVersion !== undefined ? { resourceVersion: query.resourceVersion } : {}),
      ...(sel.predicate ? { predicate: sel.predicate as (o: StoredObject) => boolean } : {}),
      ...(query.allowWatchBookmarks !== undefined ? { allowWatchBookmarks: query.allowWatchBookmarks } : {}),
      ...(query.sendInitialEvents !== undefined ? { sendInitialEvents: query.sendInitialEvents } : {}),
    });
    try {
      for await (const ev of iter) {
        if (ev.type === 'ERROR') yield { type: 'ERROR', object: ev.object as KubeObject };
        else yield { type: ev.type, object: this.withTypeMeta(ev.object) };
      }
    } catch (e) {
      if (signal.aborted) return;
      throw toStatusError(e, this.gr, '', 'watch');
    }
  }

  // ---- create ----

  /**
   * POST. With `opts.subresource` (pods/binding, pods/eviction) the body is the subresource's
   * (Binding, Eviction) and its metadata.name names the pod; see createSubresource.
   */
  async create(ctx: RequestContext, body: unknown, opts: WriteOptions): Promise<KubeObject> {
    if (opts.subresource) {
      const name = (body as { metadata?: { name?: string } } | null)?.metadata?.name ?? '';
      return this.createSubresource(ctx, name, opts.subresource, body, opts);
    }
    const obj = checkTypeMeta(body, this.kind, this.deps.kinds);
    if (isVirtualCreate(this.kind)) {
      const pods = this.deps.storeFor?.('', 'pods');
      return createVirtual(this, pods, ctx, obj, opts, this.deps.tokenLookup ?? NO_TOKENS);
    }
    return this.createObject(ctx, obj, opts);
  }

  /** The create pipeline after decoding (also used by create-on-update). */
  async createObject(ctx: RequestContext, input: KubeObject, opts: WriteOptions): Promise<KubeObject> {
    const obj = this.goShape(input);
    this.applyNamespace(ctx, obj);
    const meta = obj.metadata ?? {};
    obj.metadata = meta;
    if (meta.resourceVersion) {
      throw new StatusError({
        code: 400,
        reason: 'BadRequest',
        message: 'resourceVersion should not be set on objects to be created',
      });
    }
    for (const f of [
      'deletionTimestamp',
      'deletionGracePeriodSeconds',
      'generation',
      'managedFields',
      'uid',
      'creationTimestamp',
    ]) {
      delete meta[f];
    }
    const sctx = this.strategyCtx(ctx, opts.dryRun);
    this.kind.strategy.defaults?.(obj);
    await this.deps.admission.admit(this.attrs(ctx, 'CREATE', meta.name ?? '', obj, undefined, opts.dryRun));
    this.kind.strategy.prepareForCreate?.(obj, sctx);
    const m = (obj.metadata ??= {});
    const generated = !m.name && !!m.generateName;
    if (generated) m.name = generateName(m.generateName as string);
    m.uid = newUid();
    m.creationTimestamp = rfc3339(this.now());
    this.validateCreate(obj, sctx);
    ctx.warnings.push(...(this.kind.strategy.warnings?.(obj, undefined) ?? []));
    await this.deps.admission.validate(this.attrs(ctx, 'CREATE', m.name ?? '', obj, undefined, opts.dryRun));
    m.managedFields = updateManagedFields(obj, undefined, this.managedFieldsUpdate(opts));
    if (m.managedFields.length === 0) delete m.managedFields;

    const rollback = await this.deps.hooksFor(this.kind)?.beforeCreate?.(obj, { dryRun: opts.dryRun });
    let created: StoredObject | undefined;
    try {
      for (let attempt = 0; ; attempt++) {
        try {
          created = await this.storage.create(this.key(m.namespace ?? '', m.name ?? ''), this.goShape(obj), {
            dryRun: opts.dryRun,
            ...(this.kind.ttlSeconds ? { ttlSeconds: this.kind.ttlSeconds } : {}),
          });
          break;
        } catch (e) {
          if (generated && isStorageError(e, 'KeyExists') && attempt < GENERATE_NAME_RETRIES) {
            m.name = generateName(m.generateName as string);
            continue;
          }
          throw toStatusError(e, this.gr, m.name ?? '', 'create');
        }
      }
    } catch (e) {
      await rollback?.();
      throw e;
    }
    const out = this.withTypeMeta(created);
    if (!opts.dryRun) this.emit('ADDED', out);
    return out;
  }

  private validateCreate(obj: KubeObject, sctx: StrategyContext): void {
    const errs: FieldError[] = [
      ...validateObjectMeta(obj.metadata ?? {}, this.policy.validateName, this.kind.namespaced),
      ...(this.kind.strategy.validate?.(obj, sctx) ?? []),
    ];
    if (errs.length) throw invalid(this.gk, obj.metadata?.name ?? '', errs);
  }

  private managedFieldsUpdate(opts: WriteOptions, subresource?: string) {
    return {
      manager: this.fieldManager(opts),
      apiVersion: this.apiVersion,
      time: rfc3339(this.now()),
      ...(subresource ? { subresource } : {}),
      definitions: this.deps.definitions,
      rootDefinition: this.kind.definition,
    };
  }

  // ---- update / patch ----

  async update(
    ctx: RequestContext,
    name: string,
    body: unknown,
    opts: WriteOptions,
  ): Promise<{ object: KubeObject; created: boolean }> {
    this.checkWritableSubresource(opts.subresource);
    if (opts.subresource === 'scale') {
      return { object: await writeScale(this, ctx, name, () => body, opts), created: false };
    }
    const input = checkTypeMeta(body, this.kind, this.deps.kinds);
    const inputName = input.metadata?.name;
    if (inputName && inputName !== name) {
      throw new StatusError({
        code: 400,
        reason: 'BadRequest',
        message: `the name of the object (${inputName}) does not match the name on the URL (${name})`,
      });
    }
    this.applyNamespace(ctx, input);
    (input.metadata ??= {}).name = name;
    try {
      const object = await this.writeUpdate(ctx, name, opts, () => structuredClone(input));
      return { object, created: false };
    } catch (e) {
      if (!isNotFound(e) || !this.policy.allowCreateOnUpdate || opts.subresource) throw e;
      if (input.metadata?.resourceVersion) throw e;
      const object = await this.createObject(ctx, structuredClone(input), opts);
      return { object, created: true };
    }
  }

  async patch(
    ctx: RequestContext,
    name: string,
    type: PatchType,
    patch: unknown,
    opts: WriteOptions,
  ): Promise<KubeObject> {
    if (type === 'apply') {
      throw unsupportedMediaType('application/apply-patch+yaml', [
        'application/json-patch+json',
        'application/merge-patch+json',
        'application/strategic-merge-patch+json',
      ]);
    }
    if (opts.subresource === 'scale') {
      return writeScale(
        this,
        ctx,
        name,
        (scale) => applyPatchTo(scale, type, patch, this.deps.definitions, 'io.k8s.api.autoscaling.v1.Scale'),
        opts,
      );
    }
    const warnings = new Set<string>();
    const out = await this.writeUpdate(ctx, name, opts, (current) => {
      const patched = applyPatchTo(current, type, patch, this.deps.definitions, this.kind.definition) as KubeObject;
      for (const w of checkPatchedFields(patched, opts.fieldValidation, this.deps.definitions, this.kind.definition))
        warnings.add(w);
      patched.apiVersion = this.apiVersion;
      patched.kind = this.kind.kind;
      return patched;
    });
    ctx.warnings.push(...warnings);
    return out;
  }

  /**
   * The update pipeline inside storage.guaranteedUpdate: `produce` turns the current object
   * into the desired one; then resourceVersion precondition, system metadata, strategy,
   * admission, validation, managed fields and hooks. A no-op leaves the stored object (and its
   * resourceVersion) alone.
   */
  async writeUpdate(
    ctx: RequestContext,
    name: string,
    opts: WriteOptions,
    produce: (current: KubeObject) => KubeObject | Promise<KubeObject>,
  ): Promise<KubeObject> {
    const sub = opts.subresource ?? '';
    const sctx = this.strategyCtx(ctx, opts.dryRun);
    let rollback: Rollback | undefined;
    let old: KubeObject | undefined;
    let changed = false;
    const result = await translating(this.gr, name, 'update', () =>
      this.storage.guaranteedUpdate(
        this.key(ctx.namespace, name),
        async (cur) => {
          await rollback?.();
          rollback = undefined;
          const current = this.withTypeMeta(cur);
          const next = this.goShape(await produce(structuredClone(current)));
          const meta = (next.metadata ??= {});
          const curMeta = current.metadata ?? {};
          if (meta.resourceVersion) {
            if (meta.resourceVersion !== curMeta.resourceVersion) throw this.conflict(name);
          } else if (!this.policy.allowUnconditionalUpdate) {
            throw invalid(this.gk, name, [
              {
                type: 'FieldValueInvalid',
                field: 'metadata.resourceVersion',
                value: OMIT_VALUE,
                detail: '0x0: must be specified for an update',
              },
            ]);
          }
          carrySystemMeta(next, current);
          this.kind.strategy.defaults?.(next);
          await this.deps.admission.admit(this.attrs(ctx, 'UPDATE', name, next, current, opts.dryRun, sub));
          prepareUpdate(this.kind, next, current, sub, sctx);
          this.deps.hooksFor(this.kind)?.prepareUpdate?.(next, current);
          const errs: FieldError[] = [
            ...validateObjectMeta(next.metadata ?? {}, this.policy.validateName, this.kind.namespaced),
            ...validateObjectMetaUpdate(next.metadata ?? {}, curMeta),
            ...(this.kind.strategy.validate?.(next, sctx) ?? []),
            ...(sub === 'binding' ? [] : (this.kind.strategy.validateUpdate?.(next, current, sctx) ?? [])),
          ];
          if (errs.length) throw invalid(this.gk, name, errs);
          await this.deps.admission.validate(this.attrs(ctx, 'UPDATE', name, next, current, opts.dryRun, sub));
          // Compared as stored (Go's shape; field order aside): a change Go's round trip erases is none.
          if (jsonEqual(comparable(this.goShape(next)), comparable(current))) {
            changed = false;
            return cur;
          }
          ctx.warnings.push(...(this.kind.strategy.warnings?.(next, current) ?? []));
          const mf = updateManagedFields(
            next,
            current,
            this.managedFieldsUpdate(opts, sub === 'status' ? 'status' : undefined),
          );
          if (mf.length) (next.metadata as { managedFields?: unknown[] }).managedFields = mf;
          else delete next.metadata?.managedFields;
          rollback = await this.deps.hooksFor(this.kind)?.beforeUpdate?.(next, current, { dryRun: opts.dryRun });
          changed = true;
          old = current;
          return this.goShape(next);
        },
        { dryRun: opts.dryRun },
      ),
    ).catch(async (e) => {
      await rollback?.();
      throw e;
    });
    const out = this.withTypeMeta(result);
    if (!changed || opts.dryRun) return out;
    this.emit('MODIFIED', out, old);
    if (shouldDeleteAfterUpdate(this.kind, out)) {
      await this.finishDeletion(out);
    }
    return out;
  }

  conflict(name: string): StatusError {
    return conflict(this.gr, name);
  }

  /** Removes an object whose deletion is complete (no finalizers, no grace left). */
  async finishDeletion(obj: KubeObject): Promise<KubeObject | undefined> {
    const m = obj.metadata ?? {};
    try {
      const deleted = await this.storage.delete(this.key(m.namespace ?? '', m.name ?? ''), {
        preconditions: { uid: m.uid ?? '' },
      });
      const out = this.withTypeMeta(deleted);
      await this.deps.hooksFor(this.kind)?.afterDelete?.(out);
      this.emit('DELETED', out);
      return out;
    } catch (e) {
      if (isStorageError(e, 'KeyNotFound')) return undefined;
      throw toStatusError(e, this.gr, m.name ?? '', 'delete');
    }
  }

  // ---- delete ----

  async delete(
    ctx: RequestContext,
    name: string,
    opts: DeleteOptions,
  ): Promise<{ object: KubeObject; pending: boolean }> {
    const outcome: DeleteOutcome = await deleteObject(this, ctx, name, opts);
    if (!opts.dryRun) {
      if (outcome.deleted) {
        await this.deps.hooksFor(this.kind)?.afterDelete?.(outcome.object);
        this.emit('DELETED', outcome.object);
      } else if (outcome.modified) this.emit('MODIFIED', outcome.object);
    }
    return { object: outcome.object, pending: !outcome.deleted };
  }

  async deleteCollection(ctx: RequestContext, query: ListQuery, opts: DeleteOptions): Promise<KubeList> {
    const deleted: KubeObject[] = [];
    let cont: string | undefined;
    let rv = '';
    do {
      const page = await this.list(ctx, { ...query, limit: 500, ...(cont ? { continue: cont } : {}) });
      rv = page.metadata.resourceVersion;
      for (const item of page.items) {
        const m = item.metadata ?? {};
        try {
          const r = await this.delete({ ...ctx, namespace: m.namespace ?? ctx.namespace }, m.name ?? '', opts);
          deleted.push(r.object);
        } catch (e) {
          if (!isNotFound(e)) throw e;
        }
      }
      cont = page.metadata.continue;
    } while (cont);
    return {
      kind: `${this.kind.kind}List`,
      apiVersion: this.apiVersion,
      metadata: { resourceVersion: rv },
      items: deleted,
    };
  }

  // ---- subresources beyond status/scale ----

  get returnDeletedObject(): boolean {
    return this.policy.returnDeletedObject;
  }

  async createSubresource(
    ctx: RequestContext,
    name: string,
    subresource: string,
    body: unknown,
    opts: WriteOptions,
  ): Promise<KubeObject> {
    const isPods = this.kind.group === '' && this.kind.resource === 'pods';
    if (isPods && subresource === 'binding') return bindPod(this, ctx, name, body, opts);
    if (isPods && subresource === 'eviction') return evictPod(this, ctx, name, body, opts);
    const tokens = this.deps.serviceAccountTokens;
    if (this.kind.group === '' && this.kind.resource === 'serviceaccounts' && subresource === 'token' && tokens) {
      return requestToken(this, ctx, name, body, tokens);
    }
    throw this.noSubresource(subresource);
  }

  async log(ctx: RequestContext, name: string, opts: PodLogOptions): Promise<string> {
    if (!(this.kind.group === '' && this.kind.resource === 'pods')) throw this.noSubresource('log');
    return podLog(this, ctx, name, opts);
  }
}
