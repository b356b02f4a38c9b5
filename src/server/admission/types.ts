/**
 * Admission (kube's k8s.io/apiserver/pkg/admission): after decoding and defaulting, every write
 * passes the mutating plugins (`admit`, may change the object) and then, after the kind's own
 * validation, the validating plugins (`validate`, may only reject). Plugins throw StatusError.
 */
import type { KindDefinition, KubeObject } from '../apis/types.js';
import type { UserInfo } from '../registry/types.js';

export type AdmissionOperation = 'CREATE' | 'UPDATE' | 'DELETE' | 'CONNECT';

/** What plugins read back from the cluster (the registry, without admission). */
export interface AdmissionLookup {
  /** The object, or undefined when absent. Reads the latest state. */
  get(group: string, resource: string, namespace: string, name: string): Promise<KubeObject | undefined>;
}

export interface AdmissionAttributes {
  operation: AdmissionOperation;
  kind: KindDefinition;
  subresource: string;
  namespace: string;
  /** '' for a create with generateName (the name is not known yet). */
  name: string;
  /** The incoming object (CREATE/UPDATE); mutating plugins change it in place. */
  object: KubeObject | undefined;
  /** The stored object (UPDATE/DELETE). */
  oldObject: KubeObject | undefined;
  dryRun: boolean;
  user: UserInfo;
  lookup: AdmissionLookup;
}

export interface AdmissionPlugin {
  readonly name: string;
  /** Mutating phase; throw to reject. */
  admit?(attrs: AdmissionAttributes): Promise<void> | void;
  /** Validating phase; must not change the object; throw to reject. */
  validate?(attrs: AdmissionAttributes): Promise<void> | void;
}
