import type { RestMapping } from '../client/mapper.js';
import type { RestClient } from '../client/rest/client.js';

export type KObject = Record<string, unknown> & {
  apiVersion?: string;
  kind?: string;
  metadata?: {
    name?: string;
    namespace?: string;
    uid?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    creationTimestamp?: string;
  };
};

export interface DescribeContext {
  rest: RestClient;
  mapping: RestMapping;
  /** --show-events (default true). */
  showEvents: boolean;
  /** --chunk-size for the event list (default 500). */
  chunkSize: number;
  /** Clock for ages (ms since epoch). */
  now: number;
}

/** Renders one object as kubectl describe does (may read related objects). */
export type Describer = (obj: KObject, ctx: DescribeContext) => Promise<string>;
