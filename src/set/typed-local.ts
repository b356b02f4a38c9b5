/**
 * What an object read from a file looks like after kubectl decoded it into its Go type and
 * encoded it again, for the kinds `set` edits: struct fields without `omitempty` pointers come
 * back as `{}` (a Deployment's `strategy` and `status`, every container's `resources`,
 * templates' `metadata`) and status counters that are not optional come back as 0. kubectl
 * prints these for `--local` and kctl's output must match. Existing values are never changed.
 */
import type { KubeObject } from '../resource/info.js';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);

/** Sets `obj[key]` to `value` when absent; returns the (existing or new) object there. */
function ensure(obj: Obj, key: string, value: Obj = {}): Obj | undefined {
  if (obj[key] === undefined) obj[key] = value;
  return isObj(obj[key]) ? (obj[key] as Obj) : undefined;
}

/** Status fields that Go always encodes (no omitempty), per kind. */
const STATUS_ZEROES: Record<string, string[]> = {
  'apps/ReplicaSet': ['replicas'],
  'apps/StatefulSet': ['replicas', 'availableReplicas'],
  'apps/DaemonSet': ['currentNumberScheduled', 'numberMisscheduled', 'desiredNumberScheduled', 'numberReady'],
  '/ReplicationController': ['replicas'],
};

/** Spec fields that are non-pointer structs, per kind. */
const SPEC_STRUCTS: Record<string, string[]> = {
  'apps/Deployment': ['strategy'],
  'apps/StatefulSet': ['updateStrategy'],
  'apps/DaemonSet': ['updateStrategy'],
};

function podTemplate(template: Obj | undefined): void {
  if (!template) return;
  ensure(template, 'metadata');
  const spec = ensure(template, 'spec');
  if (spec) podSpec(spec);
}

function podSpec(spec: Obj): void {
  for (const key of ['initContainers', 'containers']) {
    const list = spec[key];
    if (!Array.isArray(list)) continue;
    for (const c of list) if (isObj(c)) ensure(c, 'resources');
  }
}

/**
 * A copy of `obj` shaped like kubectl's typed round trip (see the module comment). Kinds other
 * than the pod-template kinds, Services and role bindings are returned as a plain copy.
 */
export function typedLocalObject(obj: KubeObject): KubeObject {
  const out = structuredClone(obj) as Obj;
  const apiVersion = String(out.apiVersion ?? '');
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  const key = `${group}/${String(out.kind ?? '')}`;
  const spec = isObj(out.spec) ? out.spec : undefined;
  switch (key) {
    case '/Pod':
      if (spec) podSpec(spec);
      ensure(out, 'status');
      break;
    case '/Service': {
      const svc = ensure(out, 'spec');
      // ServicePort.targetPort is a non-pointer IntOrString: absent comes back as 0.
      const ports = svc?.ports;
      if (Array.isArray(ports)) for (const p of ports) if (isObj(p) && p.targetPort === undefined) p.targetPort = 0;
      ensure(ensure(out, 'status') ?? {}, 'loadBalancer');
      break;
    }
    case 'batch/CronJob': {
      const jobTemplate = spec ? ensure(spec, 'jobTemplate') : undefined;
      if (jobTemplate) {
        ensure(jobTemplate, 'metadata');
        const jobSpec = ensure(jobTemplate, 'spec');
        podTemplate(jobSpec ? ensure(jobSpec, 'template') : undefined);
      }
      ensure(out, 'status');
      break;
    }
    case 'apps/Deployment':
    case 'apps/ReplicaSet':
    case 'apps/StatefulSet':
    case 'apps/DaemonSet':
    case 'batch/Job':
    case '/ReplicationController': {
      if (spec) {
        for (const s of SPEC_STRUCTS[key] ?? []) ensure(spec, s);
        // StatefulSetSpec.serviceName has no omitempty.
        if (key === 'apps/StatefulSet' && spec.serviceName === undefined) spec.serviceName = '';
        podTemplate(isObj(spec.template) ? spec.template : undefined);
      }
      const status = ensure(out, 'status');
      if (status) for (const z of STATUS_ZEROES[key] ?? []) if (status[z] === undefined) status[z] = 0;
      break;
    }
    default:
      break;
  }
  return out as KubeObject;
}
