/**
 * kubectl describe's describers by group/kind; kinds without a dedicated describer (including
 * custom resources) get the generic one.
 */
import { describeConfigMap, describeNamespace, describeSecret, describeServiceAccount } from './config-describers.js';
import { describeDeployment } from './deployment-describer.js';
import { describeGeneric } from './generic.js';
import { describeService } from './service-describer.js';
import type { Describer } from './types.js';

const DESCRIBERS: Record<string, Describer> = {
  '/ConfigMap': describeConfigMap,
  '/Secret': describeSecret,
  '/ServiceAccount': describeServiceAccount,
  '/Namespace': describeNamespace,
  '/Service': describeService,
  'apps/Deployment': describeDeployment,
};

export function describerFor(group: string, kind: string): Describer {
  return DESCRIBERS[`${group}/${kind}`] ?? describeGeneric;
}

export type { DescribeContext, Describer, KObject } from './types.js';
