/**
 * The pod subresources that are not plain reads/writes of the pod: binding (assign to a node),
 * eviction (a policy-checked delete; PodDisruptionBudgets join later), log (empty text until
 * pods are simulated) and the checks kube makes before exec/attach/portforward reach a kubelet.
 */
import {
  badRequest,
  conflict,
  type FieldError,
  fieldForbidden,
  fieldInvalid,
  invalid,
  StatusError,
} from '../../api/status.js';
import type { KubeObject } from '../apis/types.js';
import type { GenericStore } from './generic-store.js';
import { rfc3339 } from './object-meta.js';
import type { DeleteOptions, PodLogOptions, RequestContext, WriteOptions } from './types.js';

export type { PodLogOptions };

/** The Status kube answers a successful binding/eviction with (HTTP 201). */
const success = (): KubeObject => ({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 });

const bindingGR = { group: '', resource: 'pods/binding' };

export async function bindPod(
  store: GenericStore,
  ctx: RequestContext,
  name: string,
  body: unknown,
  opts: WriteOptions,
): Promise<KubeObject> {
  const binding = (body ?? {}) as { metadata?: { name?: string }; target?: { kind?: string; name?: string } };
  if (binding.metadata?.name && binding.metadata.name !== name) {
    throw badRequest('name in URL does not match name in Binding object');
  }
  const target = binding.target ?? {};
  if (target.kind && target.kind !== 'Node') {
    throw badRequest('must be empty or "Node"');
  }
  if (!target.name) {
    throw new StatusError({
      code: 422,
      reason: 'Invalid',
      message: `Binding "${name}" is invalid: target.name: Required value`,
      details: {
        name,
        kind: 'Binding',
        causes: [{ reason: 'FieldValueRequired', message: 'Required value', field: 'target.name' }],
      },
    });
  }
  await store.writeUpdate(ctx, name, { ...opts, subresource: 'binding' }, (pod) => {
    const spec = (pod.spec ??= {}) as { nodeName?: string };
    if (pod.metadata?.deletionTimestamp) {
      throw conflict(bindingGR, name, `pod ${name} is being deleted, cannot be assigned to a host`);
    }
    if (spec.nodeName)
      throw conflict(bindingGR, name, `pod ${name} is already assigned to node ${JSON.stringify(spec.nodeName)}`);
    spec.nodeName = target.name;
    const status = (pod.status ??= {}) as { conditions?: Array<Record<string, unknown>> };
    const conditions = (status.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
    conditions.push({
      type: 'PodScheduled',
      status: 'True',
      lastProbeTime: null,
      lastTransitionTime: rfc3339(store.now()),
    });
    status.conditions = conditions;
    return pod;
  });
  return success();
}

export async function evictPod(
  store: GenericStore,
  ctx: RequestContext,
  name: string,
  body: unknown,
  opts: WriteOptions,
): Promise<KubeObject> {
  const eviction = (body ?? {}) as {
    metadata?: { name?: string };
    deleteOptions?: Partial<DeleteOptions> & { dryRun?: string[] };
  };
  if (eviction.metadata?.name && eviction.metadata.name !== name) {
    throw badRequest('name in URL does not match name in Eviction object');
  }
  const d = eviction.deleteOptions ?? {};
  const del: DeleteOptions = {
    dryRun: opts.dryRun || (Array.isArray(d.dryRun) && d.dryRun.includes('All')),
    ...(typeof d.gracePeriodSeconds === 'number' ? { gracePeriodSeconds: d.gracePeriodSeconds } : {}),
    ...(d.preconditions ? { preconditions: d.preconditions } : {}),
    ...(d.propagationPolicy ? { propagationPolicy: d.propagationPolicy } : {}),
  };
  await store.delete(ctx, name, del);
  return success();
}

type ContainerList = Array<{ name?: string }> | undefined;

interface PodSpecContainers {
  containers?: ContainerList;
  initContainers?: ContainerList;
  ephemeralContainers?: ContainerList;
  nodeName?: string;
}

/** Every container name in kube's VisitContainers order: init, regular, ephemeral. */
export function allContainerNames(spec: PodSpecContainers): string[] {
  const names = (list: ContainerList) => (list ?? []).map((c) => c.name ?? '');
  return [...names(spec.initContainers), ...names(spec.containers), ...names(spec.ephemeralContainers)];
}

/**
 * kube's validateContainer (pod strategy): an empty name is fine for a one-container pod; with
 * none or several the caller must choose (the list names every container, init ones first); a
 * given name must exist in any of the three lists. Returns the container the request is for.
 */
export function validateContainer(pod: KubeObject, name: string, container: string | undefined): string {
  const spec = (pod.spec ?? {}) as PodSpecContainers;
  const regular = spec.containers ?? [];
  if (!container) {
    if (regular.length === 1) return regular[0]?.name ?? '';
    if (regular.length === 0) throw badRequest(`a container name must be specified for pod ${name}`);
    throw badRequest(
      `a container name must be specified for pod ${name}, choose one of: [${allContainerNames(spec).join(' ')}]`,
    );
  }
  if (!allContainerNames(spec).includes(container)) {
    throw badRequest(`container ${container} is not valid for pod ${name}`);
  }
  return container;
}

const podLogOptionsKind = { group: '', kind: 'PodLogOptions' };

/** Go's strconv.ParseInt error text, as kube's query parameter decoding reports it. */
function int64Param(raw: string): number {
  if (!/^[+-]?\d+$/.test(raw) || !Number.isSafeInteger(Number(raw))) {
    throw badRequest(`strconv.ParseInt: parsing ${JSON.stringify(raw)}: invalid syntax`);
  }
  return Number(raw);
}

function boolParam(raw: string): boolean {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(raw)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False', ''].includes(raw)) return false;
  throw badRequest(`strconv.ParseBool: parsing ${JSON.stringify(raw)}: invalid syntax`);
}

/**
 * Reads PodLogOptions from query parameters (`get` returns null for an absent key) and checks
 * them as kube's ValidatePodLogOptions does: negative tailLines, limitBytes < 1, sinceSeconds < 1
 * and both since forms at once are 422 Invalid (kind PodLogOptions, named after the pod);
 * unparseable numbers or booleans are 400 as kube's parameter codec answers.
 */
export function parsePodLogOptions(name: string, get: (key: string) => string | null): PodLogOptions {
  const opts: PodLogOptions = {};
  const container = get('container');
  if (container) opts.container = container;
  for (const key of ['follow', 'previous', 'timestamps'] as const) {
    const raw = get(key);
    if (raw !== null && boolParam(raw)) opts[key] = true;
  }
  const tail = get('tailLines');
  if (tail !== null) opts.tailLines = int64Param(tail);
  const since = get('sinceSeconds');
  if (since !== null) opts.sinceSeconds = int64Param(since);
  const limit = get('limitBytes');
  const limitBytes = limit === null ? undefined : int64Param(limit);
  const sinceTime = get('sinceTime');
  const errors: FieldError[] = [];
  if (opts.tailLines !== undefined && opts.tailLines < 0) {
    errors.push(fieldInvalid('tailLines', opts.tailLines, 'must be greater than or equal to 0'));
  }
  if (limitBytes !== undefined && limitBytes < 1) {
    errors.push(fieldInvalid('limitBytes', limitBytes, 'must be greater than 0'));
  }
  if (opts.sinceSeconds !== undefined && sinceTime) {
    errors.push(fieldForbidden('', 'at most one of `sinceTime` or `sinceSeconds` may be specified'));
  } else if (opts.sinceSeconds !== undefined && opts.sinceSeconds < 1) {
    errors.push(fieldInvalid('sinceSeconds', opts.sinceSeconds, 'must be greater than 0'));
  }
  if (errors.length > 0) throw invalid(podLogOptionsKind, name, errors);
  return opts;
}

/**
 * pods/log. Pods have no runtime yet, so the text is empty (kube answers the same for a pod
 * not yet bound to a node); the container is still checked as kube's LogLocation does.
 */
export async function podLog(
  store: GenericStore,
  ctx: RequestContext,
  name: string,
  opts: PodLogOptions,
): Promise<string> {
  const pod = await store.read(ctx.namespace, name);
  validateContainer(pod, name, opts.container);
  return '';
}

/** What a pods/exec|attach|portforward request asks for (PodExecOptions and friends). */
export interface PodConnectRequest {
  subresource: 'exec' | 'attach' | 'portforward';
  container?: string;
}

/**
 * kube's streamLocation / PortForwardLocation checks on a pod already read: the container
 * (exec, attach only) and then the node. An unscheduled pod is 400 `pod <name> does not have a
 * host assigned`. Returns the node name the kubelet connection would go to.
 */
export function checkPodConnect(pod: KubeObject, name: string, req: PodConnectRequest): string {
  if (req.subresource !== 'portforward') validateContainer(pod, name, req.container);
  const nodeName = ((pod.spec ?? {}) as PodSpecContainers).nodeName;
  if (!nodeName) throw badRequest(`pod ${name} does not have a host assigned`);
  return nodeName;
}
