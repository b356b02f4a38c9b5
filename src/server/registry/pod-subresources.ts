/**
 * The pod subresources that are not plain reads/writes of the pod: binding (assign to a node),
 * eviction (a policy-checked delete; PodDisruptionBudgets join later) and log (empty text until
 * pods are simulated).
 */
import { badRequest, conflict, StatusError } from '../../api/status.js';
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

/** Pods have no runtime yet, so logs are empty; container names are still checked as kube does. */
export async function podLog(
  store: GenericStore,
  ctx: RequestContext,
  name: string,
  opts: PodLogOptions,
): Promise<string> {
  const pod = await store.read(ctx.namespace, name);
  const spec = (pod.spec ?? {}) as {
    containers?: Array<{ name: string }>;
    initContainers?: Array<{ name: string }>;
    ephemeralContainers?: Array<{ name: string }>;
  };
  const names = (spec.containers ?? []).map((c) => c.name);
  const all = [
    ...names,
    ...(spec.initContainers ?? []).map((c) => c.name),
    ...(spec.ephemeralContainers ?? []).map((c) => c.name),
  ];
  if (!opts.container) {
    if (names.length > 1) {
      throw badRequest(`a container name must be specified for pod ${name}, choose one of: [${names.join(' ')}]`);
    }
    return '';
  }
  if (!all.includes(opts.container)) {
    throw badRequest(`container ${opts.container} is not valid for pod ${name}`);
  }
  return '';
}
