/**
 * kubectl describe's describers by group/kind; kinds without a dedicated describer (including
 * custom resources) get the generic one.
 */
import { describeConfigMap, describeNamespace, describeSecret, describeServiceAccount } from './config-describers.js';
import { describeCronJob, describeDaemonSet, describeStatefulSet } from './controller-describers.js';
import { describeDeployment } from './deployment-describer.js';
import { describeGeneric } from './generic.js';
import { describeEndpoints, describeIngress } from './network-describers.js';
import { describeNode } from './node-describer.js';
import { describePod } from './pod-describer.js';
import { describePersistentVolumeClaim } from './pvc-describer.js';
import { describeService } from './service-describer.js';
import type { Describer } from './types.js';
import { describeJob, describeReplicaSet } from './workload-describers.js';

const DESCRIBERS: Record<string, Describer> = {
  '/ConfigMap': describeConfigMap,
  '/Secret': describeSecret,
  '/ServiceAccount': describeServiceAccount,
  '/Namespace': describeNamespace,
  '/Service': describeService,
  '/Pod': describePod,
  '/Node': describeNode,
  '/Endpoints': describeEndpoints,
  '/PersistentVolumeClaim': describePersistentVolumeClaim,
  'networking.k8s.io/Ingress': describeIngress,
  'apps/Deployment': describeDeployment,
  'apps/ReplicaSet': describeReplicaSet,
  'batch/Job': describeJob,
  'apps/StatefulSet': describeStatefulSet,
  'apps/DaemonSet': describeDaemonSet,
  'batch/CronJob': describeCronJob,
};

export function describerFor(group: string, kind: string): Describer {
  return DESCRIBERS[`${group}/${kind}`] ?? describeGeneric;
}

export type { DescribeContext, Describer, KObject } from './types.js';
