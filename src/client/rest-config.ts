import type { ExecConfig } from './kubeconfig/types.js';

/** TLS material, already read from files or decoded from *-data fields. */
export interface TlsConfig {
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
  insecure: boolean;
  serverName?: string;
}

/** What an exec plugin may be told about the cluster (ExecCredential.spec.cluster). */
export interface ExecClusterInfo {
  server: string;
  'tls-server-name'?: string;
  'insecure-skip-tls-verify'?: boolean;
  'certificate-authority-data'?: string;
  'proxy-url'?: string;
  'disable-compression'?: boolean;
  config?: unknown;
}

export type AuthConfig =
  | { type: 'none' }
  | { type: 'token'; token: string }
  | { type: 'tokenFile'; path: string }
  | { type: 'basic'; username: string; password: string }
  | { type: 'exec'; exec: ExecConfig; cluster: ExecClusterInfo; userName: string };

export interface Impersonation {
  user: string;
  uid?: string;
  groups: string[];
  extra: Record<string, string[]>;
}

/**
 * Everything needed to talk to one API server, resolved from kubeconfig + flags
 * (client-go's rest.Config).
 */
export interface RestConfig {
  /** Base URL with scheme and no trailing slash, e.g. `https://127.0.0.1:6443`. */
  server: string;
  tls: TlsConfig;
  auth: AuthConfig;
  impersonate?: Impersonation;
  /** The namespace commands default to: -n, else the context's, else `default`. */
  namespace: string;
  /** True when -n/--namespace was given (kubectl's "enforce namespace"). */
  explicitNamespace: boolean;
  /** Per-request timeout from --request-timeout; 0 means none. */
  timeoutMs: number;
  proxyUrl?: string;
  disableCompression: boolean;
  /** Client-side rate limit (client-go defaults 5 qps, burst 10). */
  qps: number;
  burst: number;
  contextName: string;
  clusterName: string;
  userName: string;
}

/** host:port as kubectl prints it in connection errors (the URL's host part). */
export function serverHost(server: string): string {
  try {
    return new URL(server).host;
  } catch {
    return server;
  }
}
