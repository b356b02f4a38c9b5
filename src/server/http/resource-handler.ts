/**
 * Resource requests: RequestInfo -> the registry's ResourceStore call -> the negotiated
 * response. One function per verb; each parses its query into the registry's option objects
 * and lets StatusErrors propagate (the recover filter writes them).
 */

import yaml from 'js-yaml';
import type { Definitions } from '../../api/openapi-schema.js';
import { badRequest, internalError, unsupportedMediaType } from '../../api/status.js';
import type { Catalog } from '../apis/catalog.js';
import type { KindDefinition, KubeObject } from '../apis/types.js';
import { definitionLookup } from '../openapi/documents.js';
import { type DecodeTarget, decodeBody } from '../registry/decode.js';
import { messageOfKindDefinition } from '../registry/go-round-trip.js';
import { checkPodConnect, type PodConnectRequest, parsePodLogOptions } from '../registry/pod-subresources.js';
import type { KubeList, Registry, RegistryWatchEvent, RequestContext, ResourceStore } from '../registry/types.js';
import { sharedDerived } from '../storage/shared-json.js';
import { readBody } from './body.js';
import { type HttpContext, requestInfo } from './context.js';
import { methodNotAllowed, pathNotFound } from './generic-errors.js';
import {
  BODY_MEDIA_TYPES,
  bodyFormat,
  type Endpoint,
  negotiateOutput,
  type OutputTarget,
  parseMediaType,
  patchTypeOf,
} from './negotiation.js';
import { decodeKubeProtobuf } from './protobuf/decode.js';
import { deleteOptions, listQuery, watchQuery, writeOptions } from './query-options.js';
import type { RequestInfo } from './request-info.js';
import { writeBody, writeObject } from './response.js';
import { parseIncludeObject, partialObjectMetadata, partialObjectMetadataList, toTable } from './table.js';
import { streamWatchHttp, streamWatchWebSocket } from './watch-stream.js';

export interface ResourceDeps {
  catalog: Catalog;
  registry: Registry;
  now?: () => Date;
}

interface Target {
  info: RequestInfo;
  definitions: Definitions;
  kind: KindDefinition;
  store: ResourceStore;
  rctx: RequestContext;
}

const GENERIC_SUBRESOURCES = new Set(['status', 'scale']);

function resolve(ctx: HttpContext, deps: ResourceDeps): Target {
  const info = requestInfo(ctx);
  const kind = deps.catalog.byResource(info.apiGroup, info.apiVersion, info.resource);
  const store = kind && deps.registry.store(info.apiGroup, info.apiVersion, info.resource);
  if (!kind || !store) throw pathNotFound();
  // Cluster-scoped kinds have no namespaced paths (a namespace object's own path is the exception).
  if (!kind.namespaced && info.namespace && !(info.resource === 'namespaces' && info.namespace === info.name)) {
    throw pathNotFound();
  }
  if (info.parts.length > 3) throw pathNotFound();
  if (info.subresource) {
    const s = info.subresource;
    const served =
      (s === 'status' && kind.subresources?.status) ||
      (s === 'scale' && kind.subresources?.scale) ||
      (kind.subresources?.custom && Object.hasOwn(kind.subresources.custom, s));
    if (!served) throw pathNotFound();
  }
  const namespace = kind.namespaced ? info.namespace : '';
  const rctx: RequestContext = {
    namespace,
    user: ctx.user ?? { name: 'system:anonymous', groups: ['system:unauthenticated'] },
    warnings: ctx.warnings,
    get signal() {
      return ctx.signal;
    },
  };
  return { info, kind, store, rctx, definitions: deps.catalog.definitions };
}

function output(ctx: HttpContext, endpoint: Endpoint): OutputTarget {
  return negotiateOutput(ctx.req.headers.accept, endpoint);
}

/** Applies the `as=` conversion to a single object. */
function convertOne(ctx: HttpContext, t: Target, out: OutputTarget, obj: KubeObject, noHeaders = false): unknown {
  if (out.as === 'Table') {
    return toTable(t.kind, obj, {
      version: out.version ?? 'v1',
      includeObject: parseIncludeObject(ctx.query.get('includeObject')),
      noHeaders,
      now: undefined,
    });
  }
  if (out.as === 'PartialObjectMetadata') return partialObjectMetadata(obj, out.version ?? 'v1');
  return obj;
}

function respond(ctx: HttpContext, code: number, body: unknown, out: OutputTarget, shared = false): void {
  writeObject(ctx, code, body, out.format, shared);
}

async function handleGet(ctx: HttpContext, t: Target): Promise<void> {
  const { info } = t;
  if (info.subresource === 'log') {
    const opts = parsePodLogOptions(info.name, (k) => ctx.query.get(k));
    const text = t.store.log ? await t.store.log(t.rctx, info.name, opts) : '';
    writeBody(ctx, 200, 'text/plain', text);
    return;
  }
  const out = output(ctx, info.subresource ? 'other' : 'get');
  // Only written out: the store may answer with the watch cache's shared object and its JSON.
  const opts: { resourceVersion?: string; subresource?: string; shared: true } = { shared: true };
  const rv = ctx.query.get('resourceVersion');
  if (rv !== null) opts.resourceVersion = rv;
  if (info.subresource) opts.subresource = info.subresource;
  const obj = await t.store.get(t.rctx, info.name, opts);
  respond(ctx, 200, convertOne(ctx, t, out, obj), out, true);
}

/**
 * The items of a built-in kind's list as kube's typed lists carry them: without apiVersion and
 * kind (clients take them from the list). Custom resources keep theirs, as unstructured lists do.
 */
function typedItems(kind: KindDefinition, list: KubeList): KubeList {
  if (!messageOfKindDefinition(kind.definition)) return list;
  const strip = (o: KubeObject): KubeObject =>
    sharedDerived(o, 'list-item', () => {
      const { kind: _k, apiVersion: _v, ...rest } = o;
      return rest;
    });
  return { ...list, items: list.items.map(strip) };
}

async function handleList(ctx: HttpContext, t: Target): Promise<void> {
  const out = output(ctx, 'list');
  const list = await t.store.list(t.rctx, listQuery(ctx.query));
  let body: unknown;
  if (out.as === 'Table') {
    body = toTable(t.kind, list, {
      version: out.version ?? 'v1',
      includeObject: parseIncludeObject(ctx.query.get('includeObject')),
    });
  } else if (out.as === 'PartialObjectMetadataList') body = partialObjectMetadataList(list, out.version ?? 'v1');
  else body = typedItems(t.kind, list);
  writeObject(ctx, 200, body, out.format, true);
}

async function handleWatch(ctx: HttpContext, t: Target): Promise<void> {
  const out = output(ctx, 'watch');
  const controller = new AbortController();
  const query = watchQuery(ctx.query, controller.signal);
  if (t.info.name) {
    // A watch on one object (the legacy /watch/.../<name> path) is a list watch narrowed by name.
    const byName = `metadata.name=${t.info.name}`;
    query.fieldSelector = query.fieldSelector ? `${query.fieldSelector},${byName}` : byName;
  }
  let headersSent = false;
  const transform = (ev: RegistryWatchEvent): unknown => {
    if (ev.type === 'BOOKMARK') return ev.object;
    const converted = convertOne(ctx, t, out, ev.object, headersSent);
    if (out.as === 'Table') headersSent = true;
    return converted;
  };
  const events = t.store.watch(t.rctx, query);
  const opts = {
    events,
    transform,
    format: out.format,
    timeoutSeconds: query.timeoutSeconds,
    stop: () => controller.abort(),
  };
  if (ctx.upgradeWebSocket) {
    const ws = await ctx.upgradeWebSocket();
    await streamWatchWebSocket(ctx, ws, opts);
    return;
  }
  await streamWatchHttp(ctx, opts);
}

/** Checks the namespace and name of a body against the URL, as kube's handlers do. */
function checkIdentity(t: Target, obj: KubeObject, name?: string): void {
  const meta = obj.metadata;
  if (!meta || typeof meta !== 'object') return;
  if (t.kind.namespaced && t.rctx.namespace && meta.namespace && meta.namespace !== t.rctx.namespace) {
    throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
  }
  if (name !== undefined && meta.name && meta.name !== name && !t.info.subresource) {
    throw badRequest(`the name of the object (${meta.name}) does not match the name on the URL (${name})`);
  }
}

/**
 * What a request body must be: the kind itself, or a subresource's own kind (autoscaling/v1
 * Scale for `scale`, policy/v1 Eviction for `pods/eviction`), so field validation uses its schema.
 */
function bodyKind(t: Target): DecodeTarget {
  const sub = t.info.subresource;
  const gvk =
    sub === 'scale'
      ? { group: 'autoscaling', version: 'v1', kind: 'Scale' }
      : sub && sub !== 'status'
        ? t.kind.subresources?.custom?.[sub]?.kind
        : undefined;
  if (!gvk) return t.kind;
  const definition = definitionLookup(t.definitions)(gvk);
  return definition ? { kind: gvk.kind, version: gvk.version, definition } : t.kind;
}

async function decode(ctx: HttpContext, t: Target, fieldValidation: 'Strict' | 'Warn' | 'Ignore'): Promise<KubeObject> {
  let contentType = String(ctx.req.headers['content-type'] ?? '');
  let raw: Buffer | string;
  if (
    parseMediaType(contentType) &&
    /^application\/vnd\.kubernetes\.protobuf$/i.test(contentType.split(';')[0]?.trim() ?? '')
  ) {
    // kubectl's typed clients send protobuf and never retry with JSON: every catalog kind decodes.
    const decoded = decodeKubeProtobuf(await readBody(ctx), definitionLookup(t.definitions));
    if (!decoded) throw unsupportedMediaType(contentType, BODY_MEDIA_TYPES);
    raw = JSON.stringify(decoded);
    contentType = 'application/json';
  } else {
    bodyFormat(contentType); // 415 for other media types, before reading
    raw = await readBody(ctx);
  }
  const decoded = decodeBody(raw, contentType, bodyKind(t), t.definitions, fieldValidation);
  ctx.warnings.push(...decoded.warnings);
  return decoded.obj;
}

const userAgentOf = (ctx: HttpContext): string => String(ctx.req.headers['user-agent'] ?? '');

async function handleCreate(ctx: HttpContext, t: Target): Promise<void> {
  const out = output(ctx, 'other');
  const opts = writeOptions(ctx.query, 'create', t.info.subresource || undefined, userAgentOf(ctx));
  const obj = await decode(ctx, t, opts.fieldValidation);
  checkIdentity(t, obj);
  // pods/binding, pods/eviction, serviceaccounts/token: the object named in the URL is the one
  // acted on; the body's own name is the subresource's business (kube checks it there).
  const created =
    t.info.subresource && t.info.name && t.store.createSubresource
      ? await t.store.createSubresource(t.rctx, t.info.name, t.info.subresource, obj, opts)
      : await t.store.create(t.rctx, obj, opts);
  respond(ctx, 201, created, out);
}

async function handleUpdate(ctx: HttpContext, t: Target): Promise<void> {
  const out = output(ctx, 'other');
  const opts = writeOptions(ctx.query, 'update', t.info.subresource || undefined, userAgentOf(ctx));
  const obj = await decode(ctx, t, opts.fieldValidation);
  checkIdentity(t, obj, t.info.name);
  const r = await t.store.update(t.rctx, t.info.name, obj, opts);
  respond(ctx, r.created ? 201 : 200, r.object, out);
}

async function handlePatch(ctx: HttpContext, t: Target): Promise<void> {
  const out = output(ctx, 'other');
  const type = patchTypeOf(String(ctx.req.headers['content-type'] ?? ''));
  const opts = writeOptions(ctx.query, 'patch', t.info.subresource || undefined, userAgentOf(ctx));
  const raw = (await readBody(ctx)).toString('utf8');
  let patch: unknown;
  try {
    patch = type === 'apply' ? yaml.load(raw) : JSON.parse(raw);
  } catch (e) {
    throw badRequest(`error decoding patch: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (type === 'json' && !Array.isArray(patch)) {
    throw badRequest('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  }
  if (
    (type === 'merge' || type === 'strategic') &&
    (patch === null || typeof patch !== 'object' || Array.isArray(patch))
  ) {
    throw badRequest(`error decoding patch: patch is not a JSON object`);
  }
  const obj = await t.store.patch(t.rctx, t.info.name, type, patch, opts);
  respond(ctx, 200, obj, out);
}

async function optionalDeleteBody(ctx: HttpContext): Promise<Record<string, unknown> | undefined> {
  const raw = await readBody(ctx);
  const text = raw.toString('utf8').trim();
  if (!text) return undefined;
  const contentType = String(ctx.req.headers['content-type'] ?? '');
  // Typed clients (kubectl drain --disable-eviction) send their DeleteOptions as protobuf.
  if (/^application\/vnd\.kubernetes\.protobuf$/i.test(contentType.split(';')[0]?.trim() ?? '')) {
    const decoded = decodeKubeProtobuf(raw, () => undefined);
    if (!decoded) throw unsupportedMediaType(contentType, BODY_MEDIA_TYPES);
    return decoded;
  }
  const format = bodyFormat(contentType);
  let value: unknown;
  try {
    value = format === 'yaml' ? yaml.load(text) : JSON.parse(text);
  } catch (e) {
    throw badRequest(`error decoding DeleteOptions: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw badRequest('error decoding DeleteOptions: not an object');
  return value as Record<string, unknown>;
}

async function handleDelete(ctx: HttpContext, t: Target): Promise<void> {
  const out = output(ctx, 'other');
  const opts = deleteOptions(ctx.query, await optionalDeleteBody(ctx));
  const r = await t.store.delete(t.rctx, t.info.name, opts);
  if (r.pending) {
    respond(ctx, opts.orphanDependents === false ? 202 : 200, r.object, out);
    return;
  }
  // Kinds whose strategy says so (pods, services, namespaces...) answer with the deleted object;
  // the rest with a success Status naming it, as kube's generic store does.
  if (t.store.returnDeletedObject) {
    respond(ctx, 200, r.object, out);
    return;
  }
  const details: Record<string, unknown> = { name: t.info.name };
  if (t.kind.group) details.group = t.kind.group;
  details.kind = t.kind.resource;
  if (r.object.metadata?.uid) details.uid = r.object.metadata.uid;
  respond(ctx, 200, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details }, out);
}

async function handleDeleteCollection(ctx: HttpContext, t: Target): Promise<void> {
  const out = output(ctx, 'other');
  const opts = deleteOptions(ctx.query, await optionalDeleteBody(ctx));
  const list: KubeList = await t.store.deleteCollection(t.rctx, listQuery(ctx.query), opts);
  respond(ctx, 200, list, out);
}

/** Which verbs each path shape serves (anything else is kube's 405). */
function allowed(t: Target): boolean {
  const { info, kind } = t;
  const verbs = new Set(
    kind.verbs ?? ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
  );
  if (info.subresource) {
    if (info.subresource === 'status' || info.subresource === 'scale')
      return ['get', 'update', 'patch'].includes(info.verb);
    const custom = kind.subresources?.custom?.[info.subresource];
    return !!custom && custom.verbs.includes(info.verb === 'create' ? 'create' : info.verb);
  }
  if (info.name) return ['get', 'update', 'patch', 'delete', 'watch'].includes(info.verb) && verbs.has(info.verb);
  // Collections: all-namespace paths of namespaced kinds only list and watch.
  if (kind.namespaced && !t.rctx.namespace)
    return (info.verb === 'list' || info.verb === 'watch') && verbs.has(info.verb);
  return ['list', 'watch', 'create', 'deletecollection'].includes(info.verb) && verbs.has(info.verb);
}

const CONNECT_SUBRESOURCES = new Set(['exec', 'attach', 'portforward']);

/**
 * pods/exec|attach|portforward, as a GET upgrade (WebSocket, SPDY) or a POST: kube checks the
 * pod, container and node before upgrading, so every failure is a plain HTTP Status. With no
 * kubelet to dial yet, a scheduled pod on an existing node ends where kube's dial would fail.
 */
async function handleConnect(ctx: HttpContext, t: Target, deps: ResourceDeps): Promise<void> {
  const pod = await t.store.get(t.rctx, t.info.name, {});
  const container = ctx.query.get('container') ?? undefined;
  const subresource = t.info.subresource as PodConnectRequest['subresource'];
  const nodeName = checkPodConnect(pod, t.info.name, { subresource, container });
  const nodes = deps.registry.store('', 'v1', 'nodes');
  if (nodes) await nodes.get({ ...t.rctx, namespace: '' }, nodeName, {});
  throw internalError(
    new Error(`error dialing backend: no kubelet serves node ${nodeName} (pods are not simulated yet)`),
  );
}

/** Serves one resource request. */
export async function handleResource(ctx: HttpContext, deps: ResourceDeps): Promise<void> {
  const t = resolve(ctx, deps);
  if (!allowed(t)) throw methodNotAllowed();
  if (CONNECT_SUBRESOURCES.has(t.info.subresource) && (t.info.verb === 'get' || t.info.verb === 'create')) {
    return handleConnect(ctx, t, deps);
  }
  if (
    t.info.subresource &&
    !GENERIC_SUBRESOURCES.has(t.info.subresource) &&
    t.info.subresource !== 'log' &&
    t.info.verb === 'get'
  ) {
    throw methodNotAllowed();
  }
  switch (t.info.verb) {
    case 'get':
      return handleGet(ctx, t);
    case 'list':
      return handleList(ctx, t);
    case 'watch':
      return handleWatch(ctx, t);
    case 'create':
      return handleCreate(ctx, t);
    case 'update':
      return handleUpdate(ctx, t);
    case 'patch':
      return handlePatch(ctx, t);
    case 'delete':
      return handleDelete(ctx, t);
    case 'deletecollection':
      return handleDeleteCollection(ctx, t);
    default:
      throw methodNotAllowed();
  }
}
