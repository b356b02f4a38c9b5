/**
 * The kubeconfig file format (clientcmd/api/v1), as written on disk: named lists with
 * kebab-case keys. kctl keeps this wire shape in memory too, so a loaded file can be saved
 * back without a lossy conversion.
 */

export interface ExecEnvVar {
  name: string;
  value: string;
}

export type InteractiveMode = 'Never' | 'IfAvailable' | 'Always';

/** users[].user.exec: a client-go credential plugin. */
export interface ExecConfig {
  command: string;
  args?: string[] | null;
  env?: ExecEnvVar[] | null;
  apiVersion: string;
  installHint?: string;
  provideClusterInfo?: boolean;
  interactiveMode?: InteractiveMode;
}

export interface AuthProviderConfig {
  name: string;
  config?: Record<string, string>;
}

export interface NamedExtension {
  name: string;
  extension: unknown;
}

export interface Cluster {
  server?: string;
  'tls-server-name'?: string;
  'insecure-skip-tls-verify'?: boolean;
  'certificate-authority'?: string;
  'certificate-authority-data'?: string;
  'proxy-url'?: string;
  'disable-compression'?: boolean;
  extensions?: NamedExtension[];
}

export interface AuthInfo {
  'client-certificate'?: string;
  'client-certificate-data'?: string;
  'client-key'?: string;
  'client-key-data'?: string;
  token?: string;
  tokenFile?: string;
  as?: string;
  'as-uid'?: string;
  'as-groups'?: string[];
  'as-user-extra'?: Record<string, string[]>;
  username?: string;
  password?: string;
  'auth-provider'?: AuthProviderConfig;
  exec?: ExecConfig;
  extensions?: NamedExtension[];
}

export interface Context {
  cluster?: string;
  user?: string;
  namespace?: string;
  extensions?: NamedExtension[];
}

export interface NamedCluster {
  name: string;
  cluster: Cluster;
}
export interface NamedAuthInfo {
  name: string;
  user: AuthInfo;
}
export interface NamedContext {
  name: string;
  context: Context;
}

export interface Preferences {
  colors?: boolean;
  extensions?: NamedExtension[];
}

export interface Kubeconfig {
  apiVersion?: string;
  kind?: string;
  preferences?: Preferences;
  clusters: NamedCluster[];
  users: NamedAuthInfo[];
  contexts: NamedContext[];
  'current-context'?: string;
  extensions?: NamedExtension[];
}

export const emptyKubeconfig = (): Kubeconfig => ({
  apiVersion: 'v1',
  kind: 'Config',
  preferences: {},
  clusters: [],
  users: [],
  contexts: [],
  'current-context': '',
});

/** Where each entry of a merged config came from (kubectl's LocationOfOrigin). */
export interface LoadedKubeconfig {
  config: Kubeconfig;
  /** Files that were read, in precedence order (first wins). */
  files: string[];
  /** The file kubectl would write changes to (first existing file, or the first candidate). */
  writeTarget: string;
}
