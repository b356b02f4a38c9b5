/**
 * kubectl logs (staging/src/k8s.io/kubectl/pkg/cmd/logs): argument and flag checks in kubectl's
 * order, the pods/log requests a pod, a workload or a label selector expands to, and copying
 * the streams line by line (optionally prefixed `[pod/<name>/<container>] `) to stdout.
 */
import type { Writable } from 'node:stream';
import { isNotFound, StatusError } from '../api/status.js';
import type { ClientContext } from '../client/index.js';
import type { QueryValue } from '../client/rest/client.js';
import type { KubeObject } from '../resource/index.js';
import {
  containerNamesText,
  DEFAULT_CONTAINER_ANNOTATION,
  findContainer,
  getNamedObject,
  goTypeName,
  isPod,
  type Pod,
  podsForSelector,
  selectorForObject,
} from './pod-target.js';

export const LOGS_USAGE = 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]';

export interface LogsOptions {
  args: string[];
  container?: string;
  /** -c was given (kubectl refuses it together with an inline container). */
  containerFlag: boolean;
  selector?: string;
  allContainers: boolean;
  follow: boolean;
  previous: boolean;
  timestamps: boolean;
  ignoreErrors: boolean;
  prefix: boolean;
  insecureSkipTlsVerifyBackend: boolean;
  /** -1 = all (or 10 with a selector, unless --tail was given). */
  tail: number;
  tailGiven: boolean;
  limitBytes: number;
  sinceMs: number;
  sinceTime?: string;
  maxLogRequests: number;
  podRunningTimeoutMs: number;
}

export interface LogsIO {
  out: Writable;
  /** Messages kubectl writes to stderr (Defaulted container..., Found N pods...). */
  warn: (s: string) => void;
  /** `See 'kctl logs -h'...` wording for usage errors. */
  usageError: (msg: string) => Error;
}

export interface LogRequest {
  pod: string;
  namespace: string;
  container: string;
  /** The container's field path (`spec.containers{name}`), used for --prefix. */
  fieldPath: string;
}

/** Go's time.Parse error for RFC3339 (only the common "not a date at all" shapes are exact). */
function parseSinceTime(v: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.exec(v);
  const t = m ? Date.parse(v) : Number.NaN;
  if (Number.isNaN(t)) {
    const head = /^\d{4}/.test(v) ? v.slice(4) : v;
    const elem = /^\d{4}/.test(v) ? '-' : '2006';
    throw new Error(
      `parsing time ${JSON.stringify(v)} as "2006-01-02T15:04:05Z07:00": cannot parse ${JSON.stringify(head)} as ${JSON.stringify(elem)}`,
    );
  }
  // metav1.Time goes on the wire as RFC3339 in UTC, whole seconds.
  return new Date(Math.floor(t / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** The PodLogOptions query for one container (VersionedParams: only set fields are sent). */
export function logQuery(o: LogsOptions, container: string): Record<string, QueryValue> {
  const q: Record<string, QueryValue> = { container };
  if (o.follow) q.follow = 'true';
  if (o.previous) q.previous = 'true';
  if (o.timestamps) q.timestamps = 'true';
  if (o.insecureSkipTlsVerifyBackend) q.insecureSkipTLSVerifyBackend = 'true';
  if (o.sinceTime) q.sinceTime = parseSinceTime(o.sinceTime);
  if (o.sinceMs !== 0) q.sinceSeconds = String(Math.round(o.sinceMs / 1000));
  if (o.limitBytes !== 0) q.limitBytes = String(o.limitBytes);
  const tail = o.selector && o.tail === -1 && !o.tailGiven ? 10 : o.tail;
  if (tail !== -1) q.tailLines = String(tail);
  return q;
}

/** kubectl's Complete + Validate checks that need no server, in its order. */
function checkArgs(o: LogsOptions, io: LogsIO): void {
  const usage = `expected '${LOGS_USAGE}'.\nPOD or TYPE/NAME is a required argument for the logs command`;
  if (o.args.length === 0 && !o.selector) throw io.usageError(usage);
  if (o.args.length === 1 && o.selector) throw io.usageError('only a selector (-l) or a POD name is allowed');
  if (o.args.length > 2) throw io.usageError(usage);
  if (!(o.podRunningTimeoutMs > 0)) throw new Error('--pod-running-timeout must be higher than zero');
  if (o.sinceTime) parseSinceTime(o.sinceTime);
}

function validate(o: LogsOptions, container: string | undefined): void {
  if (o.sinceTime && o.sinceMs !== 0) throw new Error('at most one of `sinceTime` or `sinceSeconds` may be specified');
  if (o.allContainers && container) {
    throw new Error(`--all-containers=true should not be specified with container name ${container}`);
  }
  if (o.containerFlag && o.args.length === 2) throw new Error('only one of -c or an inline [CONTAINER] arg is allowed');
  if (o.limitBytes < 0) throw new Error('--limit-bytes must be greater than 0');
  if (o.sinceMs < 0) throw new Error('--since must be greater than 0');
  const tail = o.selector && o.tail === -1 && !o.tailGiven ? 10 : o.tail;
  if (tail < -1) throw new Error('--tail must be greater than or equal to -1');
}

/** The builder's NotFound as `kubectl logs` words it. */
function notFoundInNamespace(e: unknown, namespace: string): unknown {
  if (e instanceof StatusError && isNotFound(e)) {
    return new Error(`error from server (NotFound): ${e.message} in namespace ${JSON.stringify(namespace)}`);
  }
  return e;
}

/** logsForObject for one pod: the containers to read and kubectl's defaulting messages. */
function requestsForPod(pod: Pod, container: string | undefined, all: boolean, io: LogsIO): LogRequest[] {
  const base = { pod: pod.metadata.name, namespace: pod.metadata.namespace ?? '' };
  if (all) {
    const names = [
      ...(pod.spec?.initContainers ?? []),
      ...(pod.spec?.containers ?? []),
      ...(pod.spec?.ephemeralContainers ?? []),
    ].map((c) => c.name);
    return names.flatMap((n) => requestsForPod(pod, n, false, io));
  }
  let name = container ?? '';
  const annotated = pod.metadata.annotations?.[DEFAULT_CONTAINER_ANNOTATION];
  if (!name && annotated) {
    if (findContainer(pod, annotated)) name = annotated;
    else io.warn(`Default container name ${JSON.stringify(annotated)} not found in pod ${pod.metadata.name}\n`);
  }
  if (!name) {
    const containers = pod.spec?.containers ?? [];
    name = containers[0]?.name ?? '';
    const others =
      containers.length > 1 ||
      (pod.spec?.initContainers ?? []).length > 0 ||
      (pod.spec?.ephemeralContainers ?? []).length > 0;
    if (others) io.warn(`Defaulted container ${JSON.stringify(name)} out of: ${containerNamesText(pod)}\n`);
  }
  const found = findContainer(pod, name);
  if (!found) throw new Error(`container ${name} is not valid for pod ${pod.metadata.name}`);
  return [{ ...base, container: name, fieldPath: found.fieldPath }];
}

async function requestsForObject(
  ctx: ClientContext,
  obj: KubeObject,
  o: LogsOptions,
  container: string | undefined,
  io: LogsIO,
): Promise<LogRequest[]> {
  if (obj.kind === 'PodList' || Array.isArray((obj as { items?: unknown }).items)) {
    const items = ((obj as { items?: Pod[] }).items ?? []).map((p) => ({ kind: 'Pod', apiVersion: 'v1', ...p }));
    const out: LogRequest[] = [];
    for (const p of items) out.push(...(await requestsForObject(ctx, p, o, container, io)));
    return out;
  }
  if (isPod(obj)) return requestsForPod(obj, container, o.allContainers, io);
  let sel: { namespace: string; selector: string };
  try {
    sel = selectorForObject(obj);
  } catch (e) {
    throw new Error(`cannot get the logs from ${goTypeName(obj)}: ${(e as Error).message}`);
  }
  const pods = await podsForSelector(ctx, sel.namespace || ctx.namespace, sel.selector, o.podRunningTimeoutMs);
  if (pods.length > 1) io.warn(`Found ${pods.length} pods, using pod/${pods[0]?.metadata.name}\n`);
  return requestsForPod(pods[0] as Pod, container, o.allContainers, io);
}

/**
 * Copies one log stream to `out`, a line at a time (so concurrent streams never interleave
 * inside a line), each line prefixed when `prefix` is set.
 */
async function consume(ctx: ClientContext, o: LogsOptions, r: LogRequest, out: Writable): Promise<void> {
  const res = await ctx.rest.stream({
    path: `/api/v1/namespaces/${encodeURIComponent(r.namespace)}/pods/${encodeURIComponent(r.pod)}/log`,
    query: logQuery(o, r.container),
    timeoutMs: 0,
  });
  const m = /spec\.(?:initContainers|containers|ephemeralContainers)\{(.+)\}/.exec(r.fieldPath);
  const prefix = o.prefix && r.fieldPath && r.pod ? `[pod/${r.pod}/${m?.[1] ?? ''}] ` : '';
  let pending = Buffer.alloc(0);
  const emit = (line: Buffer) => out.write(prefix ? Buffer.concat([Buffer.from(prefix), line]) : line);
  for await (const chunk of res.body) {
    pending = Buffer.concat([pending, chunk as Buffer]);
    let nl = pending.indexOf(10);
    while (nl >= 0) {
      emit(pending.subarray(0, nl + 1));
      pending = pending.subarray(nl + 1);
      nl = pending.indexOf(10);
    }
  }
  if (pending.length > 0) emit(pending);
}

/**
 * Runs `kubectl logs`. Errors use kubectl's texts; with `--follow` and several streams they are
 * read concurrently (at most --max-log-requests, else an error), otherwise one after another.
 */
export async function runLogs(ctx: ClientContext, o: LogsOptions, io: LogsIO): Promise<void> {
  checkArgs(o, io);
  const container = o.args.length === 2 ? o.args[1] : o.container || undefined;
  let obj: KubeObject;
  if (o.selector) {
    const list = await ctx.rest.json<{ items?: Pod[] }>({
      path: `/api/v1/namespaces/${encodeURIComponent(ctx.namespace)}/pods`,
      query: { labelSelector: o.selector },
    });
    obj = { kind: 'PodList', apiVersion: 'v1', items: list.items ?? [] };
    if ((list.items ?? []).length === 0) io.warn(`No resources found in ${ctx.namespace} namespace.\n`);
  } else {
    obj = await getNamedObject(ctx, o.args[0] as string).catch((e: unknown) => {
      throw notFoundInNamespace(e, ctx.namespace);
    });
  }
  validate(o, container);
  const requests = await requestsForObject(ctx, obj, o, container, io);
  if (o.follow && requests.length > 1) {
    if (requests.length > o.maxLogRequests) {
      throw new Error(
        `you are attempting to follow ${requests.length} log streams, but maximum allowed concurrency is ${o.maxLogRequests}, use --max-log-requests to increase the limit`,
      );
    }
    await Promise.all(
      requests.map((r) =>
        consume(ctx, o, r, io.out).catch((e: unknown) => {
          if (!o.ignoreErrors) throw e;
          io.out.write(`error: ${(e as Error).message}\n`);
        }),
      ),
    );
    return;
  }
  for (const r of requests) await consume(ctx, o, r, io.out);
}
