/**
 * kube's ServiceAccount admission plugin for Pods: defaults spec.serviceAccountName to
 * `default`, refuses pods whose service account does not exist, and mounts the projected
 * `kube-api-access-<random>` token volume into every container (unless automount is off).
 */

import type { KubeObject } from '../apis/types.js';
import { generateName } from '../registry/object-meta.js';
import { admissionForbidden } from './forbidden.js';
import type { AdmissionAttributes, AdmissionPlugin } from './types.js';

export const SERVICE_ACCOUNT_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
const TOKEN_EXPIRATION_SECONDS = 3607;

interface Container {
  name?: string;
  volumeMounts?: Array<{ name: string; mountPath: string; readOnly?: boolean }>;
  [k: string]: unknown;
}
interface PodSpec {
  serviceAccountName?: string;
  serviceAccount?: string;
  automountServiceAccountToken?: boolean;
  volumes?: Array<{ name: string; [k: string]: unknown }>;
  containers?: Container[];
  initContainers?: Container[];
  [k: string]: unknown;
}

const isPod = (a: AdmissionAttributes) => a.kind.group === '' && a.kind.resource === 'pods' && !a.subresource;

export interface ServiceAccountPluginOptions {
  /** How long to wait for a namespace's `default` ServiceAccount to appear (kube retries too). */
  defaultAccountWaitMs?: number;
}

export class ServiceAccountPlugin implements AdmissionPlugin {
  readonly name = 'ServiceAccount';
  constructor(private readonly opts: ServiceAccountPluginOptions = {}) {}

  async admit(a: AdmissionAttributes): Promise<void> {
    if (a.operation !== 'CREATE' || !isPod(a) || !a.object) return;
    const spec = (a.object.spec ?? {}) as PodSpec;
    a.object.spec = spec;
    // Mirror pods (static pods from a kubelet) are left alone by kube; none exist here.
    if (!spec.serviceAccountName) spec.serviceAccountName = spec.serviceAccount || 'default';
    spec.serviceAccount = spec.serviceAccountName;
    const sa = await this.lookupAccount(a, spec.serviceAccountName);
    if (!sa) {
      throw admissionForbidden(
        a,
        `error looking up service account ${a.namespace}/${spec.serviceAccountName}: serviceaccount "${spec.serviceAccountName}" not found`,
      );
    }
    if (spec.automountServiceAccountToken === false) return;
    if (spec.automountServiceAccountToken === undefined && sa.automountServiceAccountToken === false) return;
    mountToken(spec);
  }

  private async lookupAccount(a: AdmissionAttributes, name: string): Promise<KubeObject | undefined> {
    const wait = name === 'default' ? (this.opts.defaultAccountWaitMs ?? 1000) : 0;
    const deadline = Date.now() + wait;
    for (;;) {
      const sa = await a.lookup.get('', 'serviceaccounts', a.namespace, name);
      if (sa || Date.now() >= deadline) return sa;
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}

function mountToken(spec: PodSpec): void {
  const containers = [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
  // A user-provided mount at the token path wins (kube skips those containers).
  const needing = containers.filter(
    (c) => !(c.volumeMounts ?? []).some((m) => m.mountPath === SERVICE_ACCOUNT_MOUNT_PATH),
  );
  if (needing.length === 0) return;
  const volumeName = generateName('kube-api-access-');
  spec.volumes = [
    ...(spec.volumes ?? []),
    {
      name: volumeName,
      projected: {
        defaultMode: 420,
        sources: [
          { serviceAccountToken: { expirationSeconds: TOKEN_EXPIRATION_SECONDS, path: 'token' } },
          { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
          {
            downwardAPI: {
              items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }],
            },
          },
        ],
      },
    },
  ];
  for (const c of needing) {
    c.volumeMounts = [
      ...(c.volumeMounts ?? []),
      { name: volumeName, readOnly: true, mountPath: SERVICE_ACCOUNT_MOUNT_PATH },
    ];
  }
}
