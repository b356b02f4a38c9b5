/**
 * The status viewers of `kubectl rollout status`: from a Deployment, DaemonSet or StatefulSet,
 * the message kubectl prints and whether the rollout is done (kubectl's texts, same conditions).
 */

type Obj = Record<string, unknown>;

export interface RolloutStatus {
  message: string;
  done: boolean;
}

const num = (v: unknown): number => (typeof v === 'number' ? v : 0);
const obj = (v: unknown): Obj => (v && typeof v === 'object' ? (v as Obj) : {});

function deploymentStatus(o: Obj, name: string): RolloutStatus {
  const spec = obj(o.spec);
  const status = obj(o.status);
  if (num(obj(o.metadata).generation) > num(status.observedGeneration)) {
    return { message: 'Waiting for deployment spec update to be observed...\n', done: false };
  }
  const conds = (status.conditions as Obj[] | undefined) ?? [];
  const progressing = conds.find((c) => c.type === 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded') {
    throw new Error(`deployment "${name}" exceeded its progress deadline`);
  }
  const updated = num(status.updatedReplicas);
  if (typeof spec.replicas === 'number' && updated < spec.replicas) {
    return {
      message: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${spec.replicas} new replicas have been updated...\n`,
      done: false,
    };
  }
  if (num(status.replicas) > updated) {
    return {
      message: `Waiting for deployment "${name}" rollout to finish: ${num(status.replicas) - updated} old replicas are pending termination...\n`,
      done: false,
    };
  }
  if (num(status.availableReplicas) < updated) {
    return {
      message: `Waiting for deployment "${name}" rollout to finish: ${num(status.availableReplicas)} of ${updated} updated replicas are available...\n`,
      done: false,
    };
  }
  return { message: `deployment "${name}" successfully rolled out\n`, done: true };
}

function daemonSetStatus(o: Obj, name: string): RolloutStatus {
  const status = obj(o.status);
  if (obj(obj(o.spec).updateStrategy).type !== 'RollingUpdate') {
    throw new Error('rollout status is only available for RollingUpdate strategy type');
  }
  if (num(obj(o.metadata).generation) > num(status.observedGeneration)) {
    return { message: 'Waiting for daemon set spec update to be observed...\n', done: false };
  }
  const desired = num(status.desiredNumberScheduled);
  const updated = num(status.updatedNumberScheduled);
  if (updated < desired) {
    return {
      message: `Waiting for daemon set "${name}" rollout to finish: ${updated} out of ${desired} new pods have been updated...\n`,
      done: false,
    };
  }
  if (num(status.numberAvailable) < desired) {
    return {
      message: `Waiting for daemon set "${name}" rollout to finish: ${num(status.numberAvailable)} of ${desired} updated pods are available...\n`,
      done: false,
    };
  }
  return { message: `daemon set "${name}" successfully rolled out\n`, done: true };
}

function statefulSetStatus(o: Obj): RolloutStatus {
  const spec = obj(o.spec);
  const status = obj(o.status);
  const strategy = obj(spec.updateStrategy);
  if (strategy.type !== 'RollingUpdate') {
    throw new Error('rollout status is only available for RollingUpdate strategy type');
  }
  const observed = num(status.observedGeneration);
  if (observed === 0 || num(obj(o.metadata).generation) > observed) {
    return { message: 'Waiting for statefulset spec update to be observed...\n', done: false };
  }
  const replicas = typeof spec.replicas === 'number' ? spec.replicas : undefined;
  if (replicas !== undefined && num(status.readyReplicas) < replicas) {
    return { message: `Waiting for ${replicas - num(status.readyReplicas)} pods to be ready...\n`, done: false };
  }
  const partition = obj(strategy.rollingUpdate).partition;
  if (replicas !== undefined && typeof partition === 'number') {
    if (num(status.updatedReplicas) < replicas - partition) {
      return {
        message: `Waiting for partitioned roll out to finish: ${num(status.updatedReplicas)} out of ${replicas - partition} new pods have been updated...\n`,
        done: false,
      };
    }
    return {
      message: `partitioned roll out complete: ${num(status.updatedReplicas)} new pods have been updated...\n`,
      done: true,
    };
  }
  if (status.updateRevision !== status.currentRevision) {
    return {
      message: `waiting for statefulset rolling update to complete ${num(status.updatedReplicas)} pods at revision ${String(status.updateRevision ?? '')}...\n`,
      done: false,
    };
  }
  return {
    message: `statefulset rolling update complete ${num(status.currentReplicas)} pods at revision ${String(status.currentRevision ?? '')}...\n`,
    done: true,
  };
}

/** The viewer for a kind; kubectl's error for kinds without one. */
export function rolloutStatus(o: Obj): RolloutStatus {
  const name = String(obj(o.metadata).name ?? '');
  switch (o.kind) {
    case 'Deployment':
      return deploymentStatus(o, name);
    case 'DaemonSet':
      return daemonSetStatus(o, name);
    case 'StatefulSet':
      return statefulSetStatus(o);
    default:
      throw new Error(`no status viewer has been implemented for ${String(o.kind)}`);
  }
}

/**
 * A short summary for the TTY progress line while `rollout status` watches:
 * `2/3 updated, 1/3 available` (StatefulSets count ready pods). Empty for kinds without a
 * status viewer; never throws (the viewer above reports the errors).
 */
export function rolloutProgressSummary(o: Obj): string {
  const spec = obj(o.spec);
  const status = obj(o.status);
  const desiredOf = (v: unknown) => (typeof v === 'number' ? v : 1);
  switch (o.kind) {
    case 'Deployment': {
      const want = desiredOf(spec.replicas);
      return `${num(status.updatedReplicas)}/${want} updated, ${num(status.availableReplicas)}/${want} available`;
    }
    case 'DaemonSet': {
      const want = num(status.desiredNumberScheduled);
      return `${num(status.updatedNumberScheduled)}/${want} updated, ${num(status.numberAvailable)}/${want} available`;
    }
    case 'StatefulSet': {
      const want = desiredOf(spec.replicas);
      return `${num(status.updatedReplicas)}/${want} updated, ${num(status.readyReplicas)}/${want} ready`;
    }
    default:
      return '';
  }
}
