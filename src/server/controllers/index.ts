/**
 * The server's in-process controllers, started by the registry: seeding, per-namespace
 * defaults, namespace lifecycle and the garbage collector.
 */
import type { ServerRegistry } from '../registry/registry.js';
import { GarbageCollector } from './garbage-collector.js';
import { NamespaceDefaultsController } from './namespace-defaults.js';
import { NamespaceLifecycleController } from './namespace-lifecycle.js';
import { seedCluster } from './seed.js';
import type { Controller, ControllerOptions } from './types.js';

export { GarbageCollector } from './garbage-collector.js';
export { NamespaceDefaultsController, ROOT_CA_CONFIGMAP } from './namespace-defaults.js';
export { deletionConditions, KUBERNETES_FINALIZER, NamespaceLifecycleController } from './namespace-lifecycle.js';
export { SYSTEM_NAMESPACES, seedCluster } from './seed.js';
export type { Controller, ControllerOptions } from './types.js';
export { WorkQueue } from './work-queue.js';

export interface RunningControllers {
  controllers: Controller[];
  stop(): Promise<void>;
  /** Resolves when every controller's queue is empty (several rounds, as one may feed another). */
  idle(): Promise<void>;
}

export async function startControllers(registry: ServerRegistry, opts: ControllerOptions): Promise<RunningControllers> {
  const controllers: Controller[] = [
    new NamespaceDefaultsController(registry, opts),
    new NamespaceLifecycleController(registry, opts),
    new GarbageCollector(registry),
  ];
  for (const c of controllers) await c.start();
  if (opts.seed !== false) await seedCluster(registry, opts);
  return {
    controllers,
    async stop() {
      for (const c of controllers) await c.stop();
    },
    async idle() {
      // Events reach controllers on microtasks and one controller's writes feed another: wait
      // until, after a macrotask turn, no queue has work.
      for (let round = 0; round < 1000; round++) {
        await new Promise((r) => setImmediate(r));
        const busy = controllers.filter((c) => c.busy());
        if (busy.length === 0) return;
        await Promise.all(busy.map((c) => c.idle()));
      }
    },
  };
}
