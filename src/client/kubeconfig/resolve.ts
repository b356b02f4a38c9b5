import { readFileSync } from 'node:fs';
import { VerbatimError } from '../errors.js';
import type { AuthConfig, ExecClusterInfo, Impersonation, RestConfig, TlsConfig } from '../rest-config.js';
import { parseRequestTimeout } from './request-timeout.js';
import type { AuthInfo, Cluster, Context, Kubeconfig } from './types.js';

/** Command-line overrides of the kubeconfig (clientcmd.ConfigOverrides). */
export interface ConfigOverrides {
  context?: string;
  cluster?: string;
  user?: string;
  namespace?: string;
  server?: string;
  token?: string;
  insecureSkipTlsVerify?: boolean;
  certificateAuthority?: string;
  clientCertificate?: string;
  clientKey?: string;
  tlsServerName?: string;
  requestTimeout?: string;
  as?: string;
  asGroups?: string[];
  asUid?: string;
  username?: string;
  password?: string;
  disableCompression?: boolean;
}

/** The context/cluster/user selected after applying overrides, before files are read. */
export interface SelectedConfig {
  contextName: string;
  clusterName: string;
  userName: string;
  context: Context;
  cluster: Cluster;
  user: AuthInfo;
}

const DEFAULT_SERVER = 'http://localhost:8080';

/**
 * Picks context, cluster and user with kubectl's rules and texts:
 * an unknown --context / current-context is `Error in configuration: context was not found for
 * specified context: X` (printed without `error: `), an unknown --cluster is
 * `no server found for cluster "X"`, an unknown --user is `auth info "X" does not exist`.
 */
export function selectConfig(cfg: Kubeconfig, o: ConfigOverrides = {}): SelectedConfig {
  const contextName = o.context || cfg['current-context'] || '';
  let context: Context = {};
  if (contextName) {
    const found = cfg.contexts.find((c) => c.name === contextName);
    if (!found)
      throw new VerbatimError(`Error in configuration: context was not found for specified context: ${contextName}`);
    context = { ...found.context };
  }
  const clusterName = o.cluster || context.cluster || '';
  let cluster: Cluster = {};
  if (clusterName) {
    const found = cfg.clusters.find((c) => c.name === clusterName);
    if (found) cluster = { ...found.cluster };
    else if (o.cluster) throw new Error(`no server found for cluster "${clusterName}"`);
  }
  const userName = o.user || context.user || '';
  let user: AuthInfo = {};
  if (userName) {
    const found = cfg.users.find((u) => u.name === userName);
    if (found) user = { ...found.user };
    else if (o.user) throw new Error(`auth info "${userName}" does not exist`);
  }
  applyClusterOverrides(cluster, o);
  applyUserOverrides(user, o);
  return { contextName, clusterName, userName, context, cluster, user };
}

function applyClusterOverrides(c: Cluster, o: ConfigOverrides): void {
  if (o.server) {
    c.server = o.server;
    // A new server makes the configured SNI name meaningless unless given again.
    if (!o.tlsServerName) delete c['tls-server-name'];
  }
  if (o.tlsServerName) c['tls-server-name'] = o.tlsServerName;
  if (o.certificateAuthority) {
    c['certificate-authority'] = o.certificateAuthority;
    delete c['certificate-authority-data'];
  }
  if (o.insecureSkipTlsVerify) {
    c['insecure-skip-tls-verify'] = true;
    // --insecure-skip-tls-verify without a CA flag clears the configured CA (clientcmd does so).
    if (!o.certificateAuthority) {
      delete c['certificate-authority'];
      delete c['certificate-authority-data'];
    }
  }
  if (o.disableCompression) c['disable-compression'] = true;
}

function applyUserOverrides(u: AuthInfo, o: ConfigOverrides): void {
  if (o.token) {
    u.token = o.token;
    delete u.tokenFile;
  }
  if (o.username) u.username = o.username;
  if (o.password) u.password = o.password;
  if (o.clientCertificate) {
    u['client-certificate'] = o.clientCertificate;
    delete u['client-certificate-data'];
  }
  if (o.clientKey) {
    u['client-key'] = o.clientKey;
    delete u['client-key-data'];
  }
  if (o.as) u.as = o.as;
  if (o.asUid) u['as-uid'] = o.asUid;
  if (o.asGroups && o.asGroups.length > 0) u['as-groups'] = [...o.asGroups];
}

const readFor = (what: string, path: string, owner: string): Buffer => {
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file or directory' : code === 'EACCES' ? 'permission denied' : String(e);
    throw new Error(`unable to read ${what} ${path} for ${owner} due to open ${path}: ${why}`);
  }
};

const b64 = (data: string, what: string, owner: string): Buffer => {
  if (!/^[A-Za-z0-9+/=\s]*$/.test(data)) throw new Error(`${what} for ${owner} is not valid base64 data`);
  return Buffer.from(data, 'base64');
};

/** Validates the selected user like clientcmd's validateAuthInfo (kubectl's texts). */
export function validateUser(name: string, u: AuthInfo): void {
  const methods: string[] = [];
  if (u.token || u.tokenFile) methods.push('token');
  if (u.username || u.password) methods.push('basicAuth');
  if (methods.length > 1) {
    throw new Error(
      `more than one authentication method found for ${name}; found [${methods.join(' ')}], only one is allowed`,
    );
  }
  if (!u.as && (u['as-uid'] || (u['as-groups']?.length ?? 0) > 0 || Object.keys(u['as-user-extra'] ?? {}).length)) {
    throw new Error(`requesting uid, groups or user-extra for ${name} without impersonating a user`);
  }
  if (u.exec) {
    if (u['auth-provider'])
      throw new Error(`authProvider cannot be provided in combination with an exec plugin for ${name}`);
    if (!u.exec.command) throw new Error(`command must be specified for ${name} to use exec authentication plugin`);
    if (!u.exec.apiVersion)
      throw new Error(`apiVersion must be specified for ${name} to use exec authentication plugin`);
    for (const e of u.exec.env ?? []) {
      if (!e.name) throw new Error(`env variable name must be specified for ${name} to use exec authentication plugin`);
      if (e.value === undefined || e.value === null) {
        throw new Error(`env variable ${e.name} value must be specified for ${name} to use exec authentication plugin`);
      }
    }
    const mode = u.exec.interactiveMode;
    if (!mode && u.exec.apiVersion === 'client.authentication.k8s.io/v1') {
      throw new Error(`interactiveMode must be specified for ${name} to use exec authentication plugin`);
    }
    if (mode && !['Never', 'IfAvailable', 'Always'].includes(mode)) {
      throw new Error(`invalid interactiveMode for ${name}: ${mode}`);
    }
  }
}

/** kubectl's message for the legacy in-tree auth providers, which client-go no longer has. */
export function authProviderError(name: string): Error {
  if (name === 'gcp') {
    return new Error(
      'The gcp auth plugin has been removed.\nPlease use the "gke-gcloud-auth-plugin" kubectl/client-go credential plugin instead.\nSee https://cloud.google.com/blog/products/containers-kubernetes/kubectl-auth-changes-in-gke for further details',
    );
  }
  if (name === 'azure') {
    return new Error(
      'The azure auth plugin has been removed.\nPlease use the https://github.com/Azure/kubelogin kubectl/client-go credential plugin instead.\nSee https://go.microsoft.com/fwlink/?linkid=2248379 for further details',
    );
  }
  return new Error(`no Auth Provider found for name "${name}"`);
}

/**
 * Turns a kubeconfig plus overrides into a RestConfig: reads CA and client cert/key files
 * (errors name the file and owner as kubectl does), validates the auth methods, picks the
 * namespace (-n, else context, else `default`) and parses --request-timeout. With no server
 * anywhere the server is kubectl's fallback `http://localhost:8080`; a server without a
 * scheme gets https when TLS material or insecure is configured, else http.
 */
export function resolveRestConfig(cfg: Kubeconfig, o: ConfigOverrides = {}): RestConfig {
  const sel = selectConfig(cfg, o);
  const { cluster: c, user: u } = sel;
  validateUser(sel.userName, u);
  if (u['auth-provider']) throw authProviderError(u['auth-provider'].name);

  const tls: TlsConfig = { insecure: c['insecure-skip-tls-verify'] === true };
  if (c['certificate-authority-data'])
    tls.ca = b64(c['certificate-authority-data'], 'certificate-authority-data', sel.clusterName);
  else if (c['certificate-authority'])
    tls.ca = readFor('certificate-authority', c['certificate-authority'], sel.clusterName);
  if (c['tls-server-name']) tls.serverName = c['tls-server-name'];
  if (u['client-certificate-data'])
    tls.cert = b64(u['client-certificate-data'], 'client-certificate-data', sel.userName);
  else if (u['client-certificate']) tls.cert = readFor('client-cert', u['client-certificate'], sel.userName);
  if (u['client-key-data']) tls.key = b64(u['client-key-data'], 'client-key-data', sel.userName);
  else if (u['client-key']) tls.key = readFor('client-key', u['client-key'], sel.userName);

  const server = normaliseServer(c.server || DEFAULT_SERVER, Boolean(tls.ca || tls.cert || tls.insecure));

  let auth: AuthConfig = { type: 'none' };
  if (u.token) auth = { type: 'token', token: u.token };
  else if (u.tokenFile) auth = { type: 'tokenFile', path: u.tokenFile };
  else if (u.username || u.password) auth = { type: 'basic', username: u.username ?? '', password: u.password ?? '' };
  else if (u.exec)
    auth = { type: 'exec', exec: u.exec, cluster: execClusterInfo(server, c, tls), userName: sel.userName };

  let impersonate: Impersonation | undefined;
  if (u.as) {
    impersonate = { user: u.as, groups: u['as-groups'] ?? [], extra: u['as-user-extra'] ?? {} };
    if (u['as-uid']) impersonate.uid = u['as-uid'];
  }

  return {
    server,
    tls,
    auth,
    ...(impersonate ? { impersonate } : {}),
    namespace: o.namespace || sel.context.namespace || 'default',
    explicitNamespace: Boolean(o.namespace),
    timeoutMs: parseRequestTimeout(o.requestTimeout),
    ...(c['proxy-url'] ? { proxyUrl: c['proxy-url'] } : {}),
    disableCompression: c['disable-compression'] === true,
    qps: 5,
    burst: 10,
    contextName: sel.contextName,
    clusterName: sel.clusterName,
    userName: sel.userName,
  };
}

function normaliseServer(server: string, secure: boolean): string {
  let s = server.trim();
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) s = `${secure ? 'https' : 'http'}://${s}`;
  return s.replace(/\/+$/, '');
}

function execClusterInfo(server: string, c: Cluster, tls: TlsConfig): ExecClusterInfo {
  const info: ExecClusterInfo = { server };
  if (c['tls-server-name']) info['tls-server-name'] = c['tls-server-name'];
  if (c['insecure-skip-tls-verify']) info['insecure-skip-tls-verify'] = true;
  if (tls.ca) info['certificate-authority-data'] = tls.ca.toString('base64');
  if (c['proxy-url']) info['proxy-url'] = c['proxy-url'];
  if (c['disable-compression']) info['disable-compression'] = true;
  const ext = c.extensions?.find((e) => e.name === 'client.authentication.k8s.io/exec');
  if (ext) info.config = ext.extension;
  return info;
}
