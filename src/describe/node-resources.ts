/**
 * The resource part of kubectl's Node describer: the non-terminated pods table with each pod's
 * requests and limits as a share of the node's allocatable, and the allocated totals.
 */
import { Quantity } from '../api/quantity.js';
import { translateTimestampSince } from '../printers/table/human-duration.js';
import { sortedKeys } from './format.js';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './prefix-writer.js';

type Obj = Record<string, unknown>;
type ResourceList = Map<string, Quantity>;
const arr = (x: unknown): Obj[] => (Array.isArray(x) ? (x as Obj[]) : []);

function toList(x: unknown): ResourceList {
  const out: ResourceList = new Map();
  for (const [k, v] of Object.entries((x ?? {}) as Record<string, unknown>)) {
    const q = Quantity.tryParse(String(v));
    if (q) out.set(k, q);
  }
  return out;
}

function addInto(into: ResourceList, from: ResourceList): void {
  for (const [k, q] of from) {
    const cur = into.get(k);
    into.set(k, cur ? cur.add(q) : q);
  }
}

function maxInto(into: ResourceList, from: ResourceList): void {
  for (const [k, q] of from) {
    const cur = into.get(k);
    if (!cur || q.cmp(cur) > 0) into.set(k, q);
  }
}

/**
 * resourcehelper.PodRequests/PodLimits, simplified: pod-level resources win; otherwise the sum of
 * the app containers (plus restartable init "sidecars"), raised to the largest init container,
 * plus the pod overhead. Limits use the same rule.
 */
export function podResources(pod: Obj, which: 'requests' | 'limits'): ResourceList {
  const spec = (pod.spec ?? {}) as Obj;
  const podLevel = toList(((spec.resources ?? {}) as Obj)[which]);
  const total: ResourceList = new Map();
  for (const c of arr(spec.containers)) addInto(total, toList(((c.resources ?? {}) as Obj)[which]));
  const sidecars: ResourceList = new Map();
  const initMax: ResourceList = new Map();
  for (const c of arr(spec.initContainers)) {
    const res = toList(((c.resources ?? {}) as Obj)[which]);
    if (c.restartPolicy === 'Always') {
      addInto(sidecars, res);
      const withSidecars = new Map(sidecars);
      maxInto(initMax, withSidecars);
    } else {
      const run = new Map(sidecars);
      addInto(run, res);
      maxInto(initMax, run);
    }
  }
  addInto(total, sidecars);
  maxInto(total, initMax);
  for (const [k, q] of podLevel) if (k === 'cpu' || k === 'memory') total.set(k, q);
  addInto(total, toList(spec.overhead));
  return total;
}

const ZERO = Quantity.of(0);
const get = (l: ResourceList, k: string) => l.get(k) ?? ZERO;
/** int64(float64(a)/float64(b)*100) as Go computes it (NaN and Inf from /0 become the minimum int64). */
function percent(a: number, b: number): string {
  const f = (a / b) * 100;
  if (!Number.isFinite(f)) return '-9223372036854775808';
  return String(Math.trunc(f));
}
const fraction = (a: number, b: number) => (b === 0 ? '0' : percent(a, b));

const HUGE = 'hugepages-';
const STANDARD = new Set(['cpu', 'memory', 'ephemeral-storage', 'storage']);
/** IsStandardContainerResourceName: cpu, memory, ephemeral-storage, storage and hugepages-*. */
const isStandard = (n: string) => STANDARD.has(n) || n.startsWith(HUGE);

/** Writes `Non-terminated Pods:` and `Allocated resources:` for the pods on the node. */
export function describeNodeResource(pods: Obj[], node: Obj, w: PrefixWriter, now: number): void {
  const status = (node.status ?? {}) as Obj;
  const alloc = toList(
    Object.keys((status.allocatable ?? {}) as Obj).length > 0 ? status.allocatable : status.capacity,
  );
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const cpuA = get(alloc, 'cpu').milliValue();
  const memA = get(alloc, 'memory').value();
  const reqs: ResourceList = new Map();
  const limits: ResourceList = new Map();
  for (const pod of pods) {
    const md = (pod.metadata ?? {}) as Obj;
    const req = podResources(pod, 'requests');
    const lim = podResources(pod, 'limits');
    addInto(reqs, req);
    addInto(limits, lim);
    const cell = (q: Quantity, total: number, milli: boolean) =>
      `${q.toString()} (${percent(milli ? q.milliValue() : q.value(), total)}%)`;
    w.write(
      LEVEL_1,
      `${String(md.namespace ?? '')}\t${String(md.name ?? '')}\t\t${cell(get(req, 'cpu'), cpuA, true)}\t${cell(get(lim, 'cpu'), cpuA, true)}\t${cell(get(req, 'memory'), memA, false)}\t${cell(get(lim, 'memory'), memA, false)}\t${translateTimestampSince(md.creationTimestamp as string | undefined, now)}\n`,
    );
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  const row = (name: string, milli: boolean) => {
    const a = milli ? get(alloc, name).milliValue() : get(alloc, name).value();
    const r = get(reqs, name);
    const l = get(limits, name);
    const v = (q: Quantity) => (milli ? q.milliValue() : q.value());
    w.write(LEVEL_1, `${name}\t${r.toString()} (${fraction(v(r), a)}%)\t${l.toString()} (${fraction(v(l), a)}%)\n`);
  };
  row('cpu', true);
  row('memory', false);
  row('ephemeral-storage', false);
  const names = sortedKeys(Object.fromEntries(alloc));
  for (const n of names.filter((k) => k.startsWith(HUGE))) row(n, false);
  for (const n of names.filter((k) => !isStandard(k) && k !== 'pods')) {
    w.write(LEVEL_1, `${n}\t${get(reqs, n).toString()}\t${get(limits, n).toString()}\n`);
  }
}
