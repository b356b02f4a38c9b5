/** The registry's public surface (see types.ts for the contract the HTTP layer calls). */
export { type DecodeResult, type DecodeTarget, decodeBody } from './decode.js';
export { GenericStore } from './generic-store.js';
export { collectionKey, objectKey, resourcePrefix } from './keys.js';
export { type KindPolicy, kindPolicy } from './kind-policy.js';
export { type CreateRegistryOptions, createRegistry, type ServerRegistry } from './registry.js';
export { type RegistryEvent, RegistryEvents, type RegistryListener } from './registry-events.js';
export type { Rollback, StoreContext, StoreHooks } from './store-context.js';
export { SYSTEM_CONTEXT } from './system-context.js';
export type * from './types.js';
