export { type MvccOptions, MvccStore } from './kv.js';
export { LeaseTable } from './leases.js';
export { SortedKeys } from './sorted-keys.js';
export * from './types.js';
export { KvWatcher } from './watch-hub.js';
