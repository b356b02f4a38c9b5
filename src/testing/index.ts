/**
 * `kctl/testing`: a real Kubernetes API server for tests, in-process. See docs/testing.md.
 *
 *   const server = await startServer({ seed: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}' });
 *   // point any client at server.kubeconfigPath; between tests: await server.reset();
 */
export { Faults, type FaultsOptions, type StoredRule, type WatchSelector } from '../server/faults/fault-injector.js';
export type { FaultAction, FaultRule } from '../server/faults/rules.js';
export {
  parseSnapshot,
  SNAPSHOT_FORMAT,
  type SnapshotEntry,
  SnapshotFormatError,
  type StoreSnapshot,
  serializeSnapshot,
} from '../server/snapshot/format.js';
export type { RestoreResult } from '../server/snapshot/live-restore.js';
export { parseManifests } from './seed-objects.js';
export { startServer, type TestServer, type TestServerOptions } from './test-server.js';
