/**
 * ClusterIPs and NodePorts of Services (kube's service REST allocators), as StoreHooks on the
 * services store: allocate on create, keep/adjust on update, release on delete, undo when the
 * write fails. The allocation state is rebuilt from the stored Services at start (`recover`).
 */
import { goStringSlice } from '../../api/labels/go-format.js';
import { type FieldError, invalid, OMIT_VALUE } from '../../api/status.js';
import type { KubeObject } from '../apis/types.js';
import type { Rollback, StoreHooks } from '../registry/store-context.js';
import { IPAllocator } from './ip-allocator.js';
import { PortAllocator } from './port-allocator.js';

interface ServicePort {
  port?: number;
  protocol?: string;
  nodePort?: number;
  [k: string]: unknown;
}
interface ServiceSpec {
  type?: string;
  clusterIP?: string;
  clusterIPs?: string[];
  ipFamilies?: string[];
  ipFamilyPolicy?: string;
  ports?: ServicePort[];
  [k: string]: unknown;
}

const specOf = (svc: KubeObject): ServiceSpec => {
  if (!svc.spec || typeof svc.spec !== 'object') svc.spec = {};
  return svc.spec as ServiceSpec;
};
const typeOf = (spec: ServiceSpec): string => spec.type || 'ClusterIP';
const usesNodePorts = (spec: ServiceSpec): boolean => ['NodePort', 'LoadBalancer'].includes(typeOf(spec));
const hasClusterIP = (spec: ServiceSpec): boolean => typeOf(spec) !== 'ExternalName';
const realIPs = (spec: ServiceSpec): string[] =>
  (spec.clusterIPs?.length ? spec.clusterIPs : spec.clusterIP ? [spec.clusterIP] : []).filter(
    (ip) => ip && ip !== 'None',
  );
const nodePorts = (spec: ServiceSpec): number[] =>
  usesNodePorts(spec) ? (spec.ports ?? []).map((p) => p.nodePort ?? 0).filter((p) => p > 0) : [];

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * kube's dropTypeDependentFields: when a Service changes type, values that only the old type
 * needed and that the user left untouched are cleared (then released by the update).
 */
function dropTypeDependentFields(spec: ServiceSpec, old: ServiceSpec): void {
  if (
    hasClusterIP(old) &&
    !hasClusterIP(spec) &&
    sameJson(spec.clusterIPs ?? [spec.clusterIP].filter(Boolean), old.clusterIPs)
  ) {
    delete spec.clusterIP;
    delete spec.clusterIPs;
    if (sameJson(spec.ipFamilies, old.ipFamilies)) delete spec.ipFamilies;
    if (sameJson(spec.ipFamilyPolicy, old.ipFamilyPolicy)) delete spec.ipFamilyPolicy;
  }
  if (usesNodePorts(old) && !usesNodePorts(spec)) {
    const oldPorts = (old.ports ?? []).map((p) => p.nodePort ?? 0);
    const newPorts = (spec.ports ?? []).map((p) => p.nodePort ?? 0);
    if (newPorts.every((p) => p === 0 || oldPorts.includes(p))) for (const p of spec.ports ?? []) delete p.nodePort;
    if (sameJson(spec.externalTrafficPolicy, old.externalTrafficPolicy)) delete spec.externalTrafficPolicy;
  }
  if (typeOf(old) === 'LoadBalancer' && typeOf(spec) !== 'LoadBalancer') {
    if (sameJson(spec.healthCheckNodePort, old.healthCheckNodePort)) delete spec.healthCheckNodePort;
    if (sameJson(spec.allocateLoadBalancerNodePorts, old.allocateLoadBalancerNodePorts))
      delete spec.allocateLoadBalancerNodePorts;
    if (sameJson(spec.loadBalancerClass, old.loadBalancerClass)) delete spec.loadBalancerClass;
  }
}

/** Runs undo steps newest first. */
function runAll(undo: Array<() => void>): void {
  for (const u of [...undo].reverse()) u();
}

export class ServiceAllocations {
  constructor(
    readonly ips: IPAllocator = new IPAllocator(),
    readonly ports: PortAllocator = new PortAllocator(),
  ) {}

  /** Marks what stored services hold as taken (restart recovery). Conflicts are ignored. */
  recover(services: readonly KubeObject[]): void {
    for (const svc of services) {
      const spec = (svc.spec ?? {}) as ServiceSpec;
      for (const ip of realIPs(spec)) if (this.ips.contains(ip) && !this.ips.isAllocated(ip)) this.ips.allocate(ip);
      for (const p of nodePorts(spec)) if (!this.ports.isAllocated(p)) this.safe(() => this.ports.allocate(p));
    }
  }

  private safe(fn: () => void): void {
    try {
      fn();
    } catch {
      /* already taken or out of range: nothing to recover */
    }
  }

  hooks(): StoreHooks {
    return {
      prepareUpdate: (svc, old) => dropTypeDependentFields(specOf(svc), (old.spec ?? {}) as ServiceSpec),
      beforeCreate: async (svc, { dryRun }) => this.allocateCreate(svc, dryRun),
      beforeUpdate: async (svc, old, { dryRun }) => this.allocateUpdate(svc, old, dryRun),
      afterDelete: async (svc) => this.releaseAll(svc),
    };
  }

  /** Frees everything a stored service holds. */
  releaseAll(svc: KubeObject): void {
    const spec = (svc.spec ?? {}) as ServiceSpec;
    for (const ip of realIPs(spec)) this.ips.release(ip);
    for (const p of nodePorts(spec)) this.ports.release(p);
  }

  private allocateCreate(svc: KubeObject, dryRun: boolean): Rollback | undefined {
    const spec = specOf(svc);
    const undo: Array<() => void> = [];
    try {
      if (hasClusterIP(spec)) this.assignClusterIP(svc, spec, dryRun, undo);
      if (usesNodePorts(spec)) this.assignNodePorts(svc, spec, undefined, dryRun, undo);
    } catch (e) {
      for (const u of undo.reverse()) u();
      throw e;
    }
    return undo.length ? () => runAll(undo) : undefined;
  }

  private assignClusterIP(svc: KubeObject, spec: ServiceSpec, dryRun: boolean, undo: Array<() => void>): void {
    const requested = spec.clusterIPs?.[0] ?? spec.clusterIP;
    if (requested === 'None') {
      spec.clusterIP = 'None';
      spec.clusterIPs = ['None'];
    } else if (requested) {
      try {
        this.ips.allocate(requested, dryRun);
      } catch (e) {
        const list = spec.clusterIPs?.length ? spec.clusterIPs : [requested];
        throw invalid({ group: '', kind: 'Service' }, svc.metadata?.name ?? '', [
          {
            type: 'FieldValueInvalid',
            field: 'spec.clusterIPs',
            value: OMIT_VALUE,
            detail: `${goStringSlice(list)}: failed to allocate IP ${requested}: ${(e as Error).message}`,
          },
        ]);
      }
      if (!dryRun) undo.push(() => this.ips.release(requested));
      spec.clusterIP = requested;
      spec.clusterIPs = [requested];
    } else {
      const ip = this.ips.allocateNext(dryRun);
      if (!dryRun) undo.push(() => this.ips.release(ip));
      spec.clusterIP = ip;
      spec.clusterIPs = [ip];
    }
    spec.ipFamilies ??= ['IPv4'];
    spec.ipFamilyPolicy ??= 'SingleStack';
  }

  /** Gives every port a nodePort: the requested one, the old one for the same port, or a new one. */
  private assignNodePorts(
    svc: KubeObject,
    spec: ServiceSpec,
    old: ServiceSpec | undefined,
    dryRun: boolean,
    undo: Array<() => void>,
  ): void {
    const held = new Set(old ? nodePorts(old) : []);
    const errs: FieldError[] = [];
    const byPort = new Map<number, number>();
    (spec.ports ?? []).forEach((p, i) => {
      const requested = p.nodePort ?? 0;
      if (requested > 0) {
        if (held.has(requested) || [...byPort.values()].includes(requested)) {
          byPort.set(p.port ?? 0, requested);
          return;
        }
        try {
          this.ports.allocate(requested, dryRun);
          if (!dryRun) undo.push(() => this.ports.release(requested));
          byPort.set(p.port ?? 0, requested);
        } catch (e) {
          errs.push({
            type: 'FieldValueInvalid',
            field: `spec.ports[${i}].nodePort`,
            value: requested,
            detail: (e as Error).message,
          });
        }
        return;
      }
      const previous = old?.ports?.find(
        (o) => o.port === p.port && (o.protocol ?? 'TCP') === (p.protocol ?? 'TCP'),
      )?.nodePort;
      const sameNumber = byPort.get(p.port ?? 0);
      if (previous && held.has(previous)) p.nodePort = previous;
      else if (sameNumber) p.nodePort = sameNumber;
      else {
        const np = this.ports.allocateNext(dryRun);
        if (!dryRun) undo.push(() => this.ports.release(np));
        p.nodePort = np;
      }
      byPort.set(p.port ?? 0, p.nodePort);
    });
    if (errs.length) throw invalid({ group: '', kind: 'Service' }, svc.metadata?.name ?? '', errs);
  }

  private allocateUpdate(svc: KubeObject, oldSvc: KubeObject, dryRun: boolean): Rollback | undefined {
    const spec = specOf(svc);
    const old = (oldSvc.spec ?? {}) as ServiceSpec;
    const undo: Array<() => void> = [];
    try {
      if (hasClusterIP(spec)) {
        const oldIPs = hasClusterIP(old)
          ? old.clusterIPs?.length
            ? old.clusterIPs
            : old.clusterIP
              ? [old.clusterIP]
              : []
          : [];
        if (!spec.clusterIP && !spec.clusterIPs?.length && oldIPs.length) {
          // An update that omits the allocated IP keeps it (kube's patchAllocatedValues).
          spec.clusterIP = oldIPs[0];
          spec.clusterIPs = [...oldIPs];
          spec.ipFamilies ??= old.ipFamilies;
          spec.ipFamilyPolicy ??= old.ipFamilyPolicy;
        } else if (!oldIPs.length) {
          this.assignClusterIP(svc, spec, dryRun, undo);
        }
      }
      if (usesNodePorts(spec)) this.assignNodePorts(svc, spec, usesNodePorts(old) ? old : undefined, dryRun, undo);
    } catch (e) {
      for (const u of undo.reverse()) u();
      throw e;
    }
    // What the old object held and the new one no longer does goes back to the pools.
    if (!dryRun) {
      const keepIPs = new Set(hasClusterIP(spec) ? realIPs(spec) : []);
      const keepPorts = new Set(nodePorts(spec));
      for (const ip of realIPs(old)) {
        if (!keepIPs.has(ip)) {
          this.ips.release(ip);
          undo.push(() => this.safe(() => this.ips.allocate(ip)));
        }
      }
      for (const p of nodePorts(old)) {
        if (!keepPorts.has(p)) {
          this.ports.release(p);
          undo.push(() => this.safe(() => this.ports.allocate(p)));
        }
      }
    }
    return undo.length ? () => runAll(undo) : undefined;
  }
}
