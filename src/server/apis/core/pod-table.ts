/**
 * `kubectl get pods` columns and cells, computed as kube's printPod does: READY counts ready
 * app containers (and started, ready restartable init containers), STATUS walks init
 * containers then app containers for a waiting/terminated reason, RESTARTS appends the time
 * since the last restart (`3 (5m ago)`).
 */
import { boolAt, isMap, type JsonMap, mapAt, mapsAt, numAt, strAt } from '../object-access.js';
import { age, ageColumn, column, humanDuration, nameColumn, nameOf } from '../table-columns.js';
import type { KubeObject, TableDefinition } from '../types.js';

const isRestartableInit = (c: JsonMap | undefined): boolean => strAt(c, 'restartPolicy') === 'Always';

/** The latest `lastState.terminated.finishedAt` seen, as epoch ms (0 = none). */
function laterFinish(prev: number, status: JsonMap): number {
  const finished = strAt(mapAt(mapAt(status, 'lastState'), 'terminated'), 'finishedAt');
  const t = finished ? Date.parse(finished) : Number.NaN;
  return Number.isNaN(t) ? prev : Math.max(prev, t);
}

function conditionTrue(status: JsonMap | undefined, type: string): boolean {
  return mapsAt(status, 'conditions').some((c) => c.type === type && c.status === 'True');
}

export interface PodSummary {
  ready: string;
  status: string;
  restarts: string;
}

/** READY, STATUS and RESTARTS of a pod, as kube prints them. */
export function summarizePod(pod: KubeObject, now: Date): PodSummary {
  const spec = isMap(pod.spec) ? pod.spec : {};
  const status = isMap(pod.status) ? pod.status : {};
  const initSpecs = new Map(mapsAt(spec, 'initContainers').map((c) => [String(c.name), c]));
  let total = mapsAt(spec, 'containers').length;
  for (const c of initSpecs.values()) if (isRestartableInit(c)) total++;
  let ready = 0;
  let restarts = 0;
  let sidecarRestarts = 0;
  let lastRestart = 0;
  let lastSidecarRestart = 0;

  const phase = strAt(status, 'phase') ?? '';
  let reason = strAt(status, 'reason') || phase;
  for (const c of mapsAt(status, 'conditions'))
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';

  let initializing = false;
  const initStatuses = mapsAt(status, 'initContainerStatuses');
  for (let i = 0; i < initStatuses.length; i++) {
    const cs = initStatuses[i] as JsonMap;
    const count = numAt(cs, 'restartCount') ?? 0;
    restarts += count;
    lastRestart = laterFinish(lastRestart, cs);
    const sidecar = isRestartableInit(initSpecs.get(String(cs.name)));
    if (sidecar) {
      sidecarRestarts += count;
      lastSidecarRestart = laterFinish(lastSidecarRestart, cs);
    }
    const state = mapAt(cs, 'state');
    const terminated = mapAt(state, 'terminated');
    const waiting = mapAt(state, 'waiting');
    if (terminated && (numAt(terminated, 'exitCode') ?? 0) === 0) continue;
    if (sidecar && boolAt(cs, 'started') === true) {
      if (boolAt(cs, 'ready')) ready++;
      continue;
    }
    if (terminated) {
      const r = strAt(terminated, 'reason');
      const signal = numAt(terminated, 'signal') ?? 0;
      if (r) reason = `Init:${r}`;
      else if (signal !== 0) reason = `Init:Signal:${signal}`;
      else reason = `Init:ExitCode:${numAt(terminated, 'exitCode') ?? 0}`;
    } else if (waiting && strAt(waiting, 'reason') && strAt(waiting, 'reason') !== 'PodInitializing') {
      reason = `Init:${strAt(waiting, 'reason')}`;
    } else {
      reason = `Init:${i}/${initSpecs.size}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || conditionTrue(status, 'Initialized')) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = mapsAt(status, 'containerStatuses');
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i] as JsonMap;
      restarts += numAt(cs, 'restartCount') ?? 0;
      lastRestart = laterFinish(lastRestart, cs);
      const state = mapAt(cs, 'state');
      const waiting = mapAt(state, 'waiting');
      const terminated = mapAt(state, 'terminated');
      if (waiting && strAt(waiting, 'reason')) reason = strAt(waiting, 'reason') as string;
      else if (terminated && strAt(terminated, 'reason')) reason = strAt(terminated, 'reason') as string;
      else if (terminated) {
        const signal = numAt(terminated, 'signal') ?? 0;
        reason = signal !== 0 ? `Signal:${signal}` : `ExitCode:${numAt(terminated, 'exitCode') ?? 0}`;
      } else if (boolAt(cs, 'ready') && mapAt(state, 'running')) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) reason = conditionTrue(status, 'Ready') ? 'Running' : 'NotReady';
  }

  const deleting = typeof pod.metadata?.deletionTimestamp === 'string';
  if (deleting && strAt(status, 'reason') === 'NodeLost') reason = 'Unknown';
  else if (deleting && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';

  let restartsText = String(restarts);
  if (restarts !== 0 && lastRestart !== 0)
    restartsText = `${restarts} (${humanDuration(now.getTime() - lastRestart)} ago)`;
  return { ready: `${ready}/${total}`, status: reason, restarts: restartsText };
}

function readinessGates(spec: JsonMap, status: JsonMap): string {
  const gates = mapsAt(spec, 'readinessGates');
  if (gates.length === 0) return '<none>';
  let trueCount = 0;
  for (const g of gates) {
    const cond = mapsAt(status, 'conditions').find((c) => c.type === g.conditionType);
    if (cond?.status === 'True') trueCount++;
  }
  return `${trueCount}/${gates.length}`;
}

export const podTable: TableDefinition = {
  columns: [
    nameColumn(),
    column('Ready', 'The aggregate readiness state of this pod for accepting traffic.'),
    column('Status', 'The aggregate status of the containers in this pod.'),
    column(
      'Restarts',
      'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.',
    ),
    ageColumn(),
    column('IP', 'IP address allocated to the pod. Routable at least within the cluster.', { wide: true }),
    column('Node', 'The node this pod is scheduled to.', { wide: true }),
    column('Nominated Node', 'The node the scheduler nominated for this pod during preemption.', { wide: true }),
    column('Readiness Gates', 'Extra conditions evaluated for pod readiness.', { wide: true }),
  ],
  cells(pod, now) {
    const spec = isMap(pod.spec) ? pod.spec : {};
    const status = isMap(pod.status) ? pod.status : {};
    const s = summarizePod(pod, now);
    const podIP = strAt(mapsAt(status, 'podIPs')[0], 'ip') || '<none>';
    return [
      nameOf(pod),
      s.ready,
      s.status,
      s.restarts,
      age(pod.metadata?.creationTimestamp, now),
      podIP,
      strAt(spec, 'nodeName') || '<none>',
      strAt(status, 'nominatedNodeName') || '<none>',
      readinessGates(spec, status),
    ];
  },
};
