/**
 * In-process notifications of committed writes, for the server's controllers (namespace
 * lifecycle, garbage collector, per-namespace defaults). Delivered after the storage commit;
 * listeners run asynchronously and their errors never reach the writer.
 */
import type { KindDefinition, KubeObject } from '../apis/types.js';

export interface RegistryEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  kind: KindDefinition;
  object: KubeObject;
  oldObject?: KubeObject;
}

export type RegistryListener = (e: RegistryEvent) => void | Promise<void>;

export class RegistryEvents {
  private readonly listeners = new Set<RegistryListener>();

  /** Returns an unsubscribe function. */
  subscribe(l: RegistryListener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  emit(e: RegistryEvent): void {
    for (const l of this.listeners) {
      queueMicrotask(() => {
        try {
          const r = l(e);
          if (r && typeof (r as Promise<void>).catch === 'function') (r as Promise<void>).catch(() => {});
        } catch {
          /* a listener's failure is its own business */
        }
      });
    }
  }
}
