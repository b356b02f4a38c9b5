import type { RestConfig } from '../../../src/client/rest-config.js';

/** A RestConfig for a test server (no auth, no rate limit unless asked). */
export function testConfig(server: string, extra: Partial<RestConfig> = {}): RestConfig {
  return {
    server,
    tls: { insecure: false },
    auth: { type: 'none' },
    namespace: 'default',
    explicitNamespace: false,
    timeoutMs: 0,
    disableCompression: false,
    qps: 0,
    burst: 0,
    contextName: 'test',
    clusterName: 'test',
    userName: 'test',
    ...extra,
  };
}
