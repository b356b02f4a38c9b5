/** Object generators of `kubectl create <kind>` and the shared run step. */

export { type CronJobOptions, cronJobObject, type JobOptions, jobObject } from './batch.js';
export { configMapObject, type DataSourceOptions, genericSecretObject } from './configmap.js';
export { configMapHash, secretHash } from './content-hash.js';
export { type GeneratorFlagValues, generatorFlags, generatorPrintFlags, nameArg } from './generator-flags.js';
export { namespaceObject, serviceAccountObject } from './named-objects.js';
export {
  type PdbOptions,
  type PriorityClassOptions,
  pdbObject,
  priorityClassObject,
  type QuotaOptions,
  quotaObject,
} from './policy.js';
export { collectionPath, type GeneratedResource, type GeneratorRun, runGenerator } from './run-generator.js';
export { type ServiceOptions, type ServiceType, serviceObject } from './service.js';
export { containerNameFromImage, type DeploymentOptions, deploymentObject } from './workloads.js';
