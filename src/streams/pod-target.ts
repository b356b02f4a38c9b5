/**
 * Which pod and container a logs/exec/attach/port-forward command means (kubectl's
 * polymorphichelpers and podcmd): a bare name is a pod, TYPE/NAME of a workload or service
 * resolves through its selector to one of its pods, and an unnamed container defaults to the
 * `kubectl.kubernetes.io/default-container` annotation or the first container.
 */
import { type LabelSelector, labelSelectorAsSelector } from '../api/labels/label-selector.js';
import { selectorFromSet } from '../api/labels/selector.js';
import type { ClientContext } from '../client/index.js';
import { buildResources, type KubeObject } from '../resource/index.js';

export const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container';

export interface Container {
  name: string;
  /** The container was started with a TTY (attach must use one). */
  tty?: boolean;
  ports?: Array<{ name?: string; containerPort?: number; protocol?: string }>;
}

export interface Pod extends KubeObject {
  metadata: { name: string; namespace?: string; annotations?: Record<string, string>; creationTimestamp?: string };
  spec?: {
    containers?: Container[];
    initContainers?: Container[];
    ephemeralContainers?: Container[];
    nodeName?: string;
  };
  status?: {
    phase?: string;
    conditions?: Array<{ type?: string; status?: string }>;
  };
}

/**
 * Reads the object `arg` names, as kubectl's `ResourceNames("pods", arg)`: `name` is a pod,
 * `type/name` anything the server knows. Errors are the builder's (NotFound as a StatusError).
 */
export async function getNamedObject(ctx: ClientContext, arg: string): Promise<KubeObject> {
  const result = await buildResources({
    mapper: ctx.mapper,
    client: ctx.rest,
    args: [arg.includes('/') ? arg : `pods/${arg}`],
    namespace: ctx.namespace,
  });
  const infos = await result.infos();
  const obj = infos[0]?.object;
  if (infos.length !== 1 || !obj) throw new Error('expected a resource');
  return obj;
}

export const isPod = (obj: KubeObject): obj is Pod => obj.kind === 'Pod' && (obj.apiVersion ?? 'v1') === 'v1';

/** The Go type kubectl's `%T` prints for an object (`*v1.ConfigMap`). */
export function goTypeName(obj: KubeObject): string {
  const version =
    String(obj.apiVersion ?? '')
      .split('/')
      .pop() || 'v1';
  return `*${version}.${obj.kind ?? 'Unknown'}`;
}

/**
 * kubectl's SelectorsForObject: the pod selector of a ReplicationController, ReplicaSet,
 * Deployment, StatefulSet, DaemonSet, Job or Service. Other kinds, and services without a
 * selector, are errors with kubectl's texts.
 */
export function selectorForObject(obj: KubeObject): { namespace: string; selector: string } {
  const namespace = obj.metadata?.namespace ?? '';
  const spec = (obj.spec ?? {}) as { selector?: unknown };
  switch (obj.kind) {
    case 'ReplicationController':
      return { namespace, selector: selectorFromSet(spec.selector as Record<string, string>).toString() };
    case 'Service': {
      const sel = spec.selector as Record<string, string> | undefined;
      if (!sel || Object.keys(sel).length === 0) {
        throw new Error(`invalid service '${obj.metadata?.name ?? ''}': Service is defined without a selector`);
      }
      return { namespace, selector: selectorFromSet(sel).toString() };
    }
    case 'ReplicaSet':
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'Job':
      try {
        return { namespace, selector: labelSelectorAsSelector(spec.selector as LabelSelector).toString() };
      } catch (e) {
        throw new Error(`invalid label selector: ${(e as Error).message}`);
      }
    default:
      throw new Error(`selector for ${goTypeName(obj)} not implemented`);
  }
}

const PHASE_RANK: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 };

const isReady = (p: Pod) => (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');

/**
 * The order kubectl picks "the" pod of a workload in (podutils.ByLogging, and the reverse of
 * ActivePods, which agree on these keys): scheduled first, then Running < Unknown < Pending,
 * ready first, older first; ties keep the list order.
 */
export function comparePodsForPick(a: Pod, b: Pod): number {
  const assigned = Number(!!b.spec?.nodeName) - Number(!!a.spec?.nodeName);
  if (assigned) return assigned;
  const phase = (PHASE_RANK[a.status?.phase ?? ''] ?? 3) - (PHASE_RANK[b.status?.phase ?? ''] ?? 3);
  if (phase) return phase;
  const ready = Number(isReady(b)) - Number(isReady(a));
  if (ready) return ready;
  const ta = Date.parse(a.metadata.creationTimestamp ?? '') || 0;
  const tb = Date.parse(b.metadata.creationTimestamp ?? '') || 0;
  return ta - tb;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * kubectl's GetPodList: the pods matching `selector`, sorted for picking. When there are none
 * it waits up to `timeoutMs` for one to appear (kubectl watches; this polls), then fails with
 * `timed out waiting for the condition`.
 */
export async function podsForSelector(
  ctx: ClientContext,
  namespace: string,
  selector: string,
  timeoutMs: number,
): Promise<Pod[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const list = await ctx.rest.json<{ items?: Pod[] }>({
      path: `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods`,
      query: { labelSelector: selector || undefined },
    });
    const pods = [...(list.items ?? [])].sort(comparePodsForPick);
    if (pods.length > 0) return pods;
    if (Date.now() >= deadline) throw new Error('timed out waiting for the condition');
    await sleep(Math.min(1000, Math.max(0, deadline - Date.now())));
  }
}

/**
 * kubectl's AttachablePodForObject: a pod is itself; anything with a selector gives its first
 * pod (kubectl says `cannot attach to <type>: <why>` when there is no selector).
 */
export async function attachablePod(ctx: ClientContext, obj: KubeObject, timeoutMs: number): Promise<Pod> {
  if (isPod(obj)) return obj;
  let sel: { namespace: string; selector: string };
  try {
    sel = selectorForObject(obj);
  } catch (e) {
    throw new Error(`cannot attach to ${goTypeName(obj)}: ${(e as Error).message}`);
  }
  const pods = await podsForSelector(ctx, sel.namespace || ctx.namespace, sel.selector, timeoutMs);
  return pods[0] as Pod;
}

/** podcmd.FindContainerByName: regular, then init, then ephemeral containers. */
export function findContainer(pod: Pod, name: string): { container: Container; fieldPath: string } | undefined {
  const lists = [
    ['containers', pod.spec?.containers],
    ['initContainers', pod.spec?.initContainers],
    ['ephemeralContainers', pod.spec?.ephemeralContainers],
  ] as const;
  for (const [field, list] of lists) {
    const c = (list ?? []).find((x) => x.name === name);
    if (c) return { container: c, fieldPath: `spec.${field}{${name}}` };
  }
  return undefined;
}

/** podcmd's allContainerNames: `a, b, dbg (ephem), init (init)`. */
export function containerNamesText(pod: Pod): string {
  return [
    ...(pod.spec?.containers ?? []).map((c) => c.name),
    ...(pod.spec?.ephemeralContainers ?? []).map((c) => `${c.name} (ephem)`),
    ...(pod.spec?.initContainers ?? []).map((c) => `${c.name} (init)`),
  ].join(', ');
}

/**
 * podcmd.FindOrDefaultContainerByName: a given name must exist (`container x not found in pod
 * p`); otherwise the annotation's container if it exists, else the first one, announcing the
 * choice on `warn` when the pod has others (unless quiet).
 */
export function findOrDefaultContainer(pod: Pod, name: string, quiet: boolean, warn: (s: string) => void): Container {
  if (name) {
    const found = findContainer(pod, name);
    if (!found) throw new Error(`container ${name} not found in pod ${pod.metadata.name}`);
    return found.container;
  }
  const containers = pod.spec?.containers ?? [];
  const first = containers[0];
  if (!first) throw new Error(`pod ${pod.metadata.namespace ?? ''}/${pod.metadata.name} does not have any containers`);
  const annotated = pod.metadata.annotations?.[DEFAULT_CONTAINER_ANNOTATION];
  if (annotated) {
    const found = findContainer(pod, annotated);
    if (found) return found.container;
  }
  const others = containers.length > 1 || (pod.spec?.initContainers ?? []).length > 0;
  if (!quiet && (others || (pod.spec?.ephemeralContainers ?? []).length > 0)) {
    warn(`Defaulted container ${JSON.stringify(first.name)} out of: ${containerNamesText(pod)}\n`);
  }
  return first;
}
