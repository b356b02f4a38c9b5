/**
 * The kubeconfig as kubectl prints and writes it (clientcmd/api/v1 Config): Go struct field
 * order (what -o json shows), named lists sorted by name and `null` when empty, exec's `env`
 * and `provideClusterInfo` always present, empty preferences omitted.
 */
import type {
  AuthInfo,
  Cluster,
  Context,
  ExecConfig,
  Kubeconfig,
  NamedExtension,
} from '../../client/kubeconfig/types.js';

type Obj = Record<string, unknown>;

function pick(src: object, keys: string[]): Obj {
  const out: Obj = {};
  const s = src as Obj;
  for (const k of keys) {
    const v = s[k];
    if (v === undefined || v === null || v === '' || v === false) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    if (typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0) continue;
    out[k] = v;
  }
  return out;
}

const byName = <T extends { name: string }>(list: T[] | undefined): T[] =>
  [...(list ?? [])].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

const extensions = (e: NamedExtension[] | undefined) => (e && e.length > 0 ? byName(e) : undefined);

export function externalCluster(c: Cluster): Obj {
  return pick({ ...c, extensions: extensions(c.extensions) }, [
    'server',
    'tls-server-name',
    'insecure-skip-tls-verify',
    'certificate-authority',
    'certificate-authority-data',
    'proxy-url',
    'disable-compression',
    'extensions',
  ]);
}

function externalExec(e: ExecConfig): Obj {
  const out: Obj = { command: e.command };
  if (e.args?.length) out.args = e.args;
  out.env = e.env?.length ? e.env.map((v) => ({ name: v.name, value: v.value })) : null;
  out.apiVersion = e.apiVersion;
  if (e.installHint) out.installHint = e.installHint;
  out.provideClusterInfo = Boolean(e.provideClusterInfo);
  if (e.interactiveMode) out.interactiveMode = e.interactiveMode;
  return out;
}

export function externalUser(u: AuthInfo): Obj {
  return pick(
    {
      ...u,
      'auth-provider': u['auth-provider'] ? pick(u['auth-provider'], ['name', 'config']) : undefined,
      exec: u.exec ? externalExec(u.exec) : undefined,
      extensions: extensions(u.extensions),
    },
    [
      'client-certificate',
      'client-certificate-data',
      'client-key',
      'client-key-data',
      'token',
      'tokenFile',
      'as',
      'as-uid',
      'as-groups',
      'as-user-extra',
      'username',
      'password',
      'auth-provider',
      'exec',
      'extensions',
    ],
  );
}

export function externalContext(c: Context): Obj {
  return pick({ ...c, extensions: extensions(c.extensions) }, ['cluster', 'user', 'namespace', 'extensions']);
}

/** The whole Config in kubectl's external shape. */
export function externalConfig(cfg: Kubeconfig): Obj {
  const out: Obj = { kind: 'Config', apiVersion: 'v1' };
  const prefs = cfg.preferences ? pick(cfg.preferences, ['colors', 'extensions']) : {};
  if (Object.keys(prefs).length > 0) out.preferences = prefs;
  const list = <T>(items: T[]) => (items.length > 0 ? items : null);
  out.clusters = list(byName(cfg.clusters).map((c) => ({ name: c.name, cluster: externalCluster(c.cluster ?? {}) })));
  out.users = list(byName(cfg.users).map((u) => ({ name: u.name, user: externalUser(u.user ?? {}) })));
  out.contexts = list(byName(cfg.contexts).map((c) => ({ name: c.name, context: externalContext(c.context ?? {}) })));
  out['current-context'] = cfg['current-context'] ?? '';
  const ext = extensions(cfg.extensions);
  if (ext) out.extensions = ext;
  return out;
}
