/**
 * The skeleton the namespace controllers share: a work queue keyed by namespace name, fed from
 * registry events and, at start, from the namespaces that already exist; stop/idle/busy report
 * on that queue. Subclasses say which events and which existing namespaces need a sync.
 */
import type { KubeObject } from '../apis/types.js';
import type { ServerRegistry } from '../registry/registry.js';
import type { RegistryEvent } from '../registry/registry-events.js';
import { SYSTEM_CONTEXT } from '../registry/system-context.js';
import type { Controller, ControllerOptions } from './types.js';
import { WorkQueue } from './work-queue.js';

export abstract class NamespaceQueueController implements Controller {
  abstract readonly name: string;
  private readonly queue = new WorkQueue<string>((ns) => this.sync(ns));
  private unsubscribe?: () => void;

  constructor(
    protected readonly registry: ServerRegistry,
    protected readonly opts: ControllerOptions,
  ) {}

  /** Whether a namespace found at start needs a sync. */
  protected abstract wantsAtStart(ns: KubeObject): boolean;

  /** Reacts to a registry event (usually by calling enqueue). */
  protected abstract onEvent(e: RegistryEvent): void;

  /** Syncs one namespace; a number asks to be run again after that many ms. */
  protected abstract sync(namespace: string): Promise<number | undefined>;

  /** Subscribes before listing, so a namespace added in between is still seen. */
  async start(): Promise<void> {
    this.unsubscribe = this.registry.events.subscribe((e) => this.onEvent(e));
    const store = this.registry.storeFor('', 'namespaces');
    if (!store) return;
    const list = await store.list(SYSTEM_CONTEXT(), {});
    for (const ns of list.items) if (this.wantsAtStart(ns)) this.enqueue(ns.metadata?.name ?? '');
  }

  /** Queues a sync of `namespace` (once, however often it is queued before it runs). */
  protected enqueue(namespace: string): void {
    this.queue.add(namespace, namespace);
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    this.queue.stop();
  }

  idle(): Promise<void> {
    return this.queue.idle();
  }

  busy(): boolean {
    return this.queue.busy;
  }
}
