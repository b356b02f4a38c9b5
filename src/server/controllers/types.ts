import type { ServerRegistry } from '../registry/registry.js';

/** An in-process controller: reacts to registry events, acts through the registry. */
export interface Controller {
  readonly name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Resolves when the controller has no queued or running work. */
  idle(): Promise<void>;
  /** Whether work is queued or running right now. */
  busy(): boolean;
}

export type ControllerFactory = (registry: ServerRegistry) => Controller;

export interface ControllerOptions {
  /** The cluster CA (PEM) published as `kube-root-ca.crt` in every namespace; none: not published. */
  caPem?: string;
  /** The address and port the `kubernetes` Endpoints/EndpointSlice point at. */
  advertiseAddress?: string;
  securePort?: number;
  /** Seed default namespaces and the `kubernetes` Service (default true). */
  seed?: boolean;
  /** Base requeue delay for namespaces waiting on content (default 100 ms, doubling up to 5 s). */
  namespaceRetryMs?: number;
}
