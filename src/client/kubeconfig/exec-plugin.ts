import { spawn } from 'node:child_process';
import type { ExecClusterInfo } from '../rest-config.js';
import type { ExecConfig } from './types.js';

export const EXEC_API_VERSIONS = ['client.authentication.k8s.io/v1', 'client.authentication.k8s.io/v1beta1'] as const;

/** Credentials an exec plugin returned. */
export interface ExecCredentials {
  token?: string;
  cert?: Buffer;
  key?: Buffer;
  /** Epoch ms after which the credentials must be fetched again; undefined = never. */
  expiresAt?: number;
}

export interface ExecRunOptions {
  /** Whether standard input is a terminal (decides interactive mode). */
  stdinIsTTY?: boolean;
  /** Base environment of the plugin (default process.env). */
  env?: NodeJS.ProcessEnv;
  now?: () => number;
}

const INSTALL_DOC =
  '\n\nIt looks like you are trying to use a client-go credential plugin that is not installed.\n\nTo learn more about this feature, consult the documentation available at:\n      https://kubernetes.io/docs/reference/access-authn-authz/authentication/#client-go-credential-plugins';

/** Credentials shared by every client of this process, keyed by plugin config + cluster. */
const cache = new Map<string, ExecCredentials>();

const cacheKey = (exec: ExecConfig, cluster: ExecClusterInfo | undefined): string =>
  JSON.stringify([exec.command, exec.args ?? [], exec.env ?? [], exec.apiVersion, exec.provideClusterInfo, cluster]);

/**
 * Runs client-go credential plugins (client.authentication.k8s.io v1 and v1beta1) and caches
 * their answer until `status.expirationTimestamp`. `invalidate()` drops the cached answer, as
 * client-go does when the server rejects it with 401. Errors carry client-go's texts without
 * the `getting credentials: ` prefix, which the REST client adds.
 */
export class ExecCredentialProvider {
  private inflight?: Promise<ExecCredentials>;
  private readonly key: string;

  constructor(
    private readonly exec: ExecConfig,
    private readonly cluster: ExecClusterInfo | undefined,
    private readonly opts: ExecRunOptions = {},
  ) {
    this.key = cacheKey(exec, exec.provideClusterInfo ? cluster : undefined);
  }

  /** Cached credentials when still valid, else runs the plugin (one run at a time). */
  async get(): Promise<ExecCredentials> {
    const now = (this.opts.now ?? Date.now)();
    const hit = cache.get(this.key);
    if (hit && (hit.expiresAt === undefined || hit.expiresAt > now)) return hit;
    this.inflight ??= this.run().finally(() => {
      this.inflight = undefined;
    });
    const creds = await this.inflight;
    cache.set(this.key, creds);
    return creds;
  }

  invalidate(): void {
    cache.delete(this.key);
  }

  private async run(): Promise<ExecCredentials> {
    const { exec } = this;
    if (!(EXEC_API_VERSIONS as readonly string[]).includes(exec.apiVersion)) {
      throw new Error(`exec plugin: invalid apiVersion "${exec.apiVersion}"`);
    }
    const mode = exec.interactiveMode ?? 'IfAvailable';
    const tty = this.opts.stdinIsTTY ?? Boolean(process.stdin.isTTY);
    if (mode === 'Always' && !tty) {
      throw new Error('exec plugin cannot support interactive mode: standard input is not a terminal');
    }
    const interactive = mode !== 'Never' && tty;
    const spec: Record<string, unknown> = {};
    if (exec.provideClusterInfo && this.cluster) spec.cluster = this.cluster;
    spec.interactive = interactive;
    const info = { kind: 'ExecCredential', apiVersion: exec.apiVersion, spec };
    const env: NodeJS.ProcessEnv = { ...(this.opts.env ?? process.env) };
    for (const e of exec.env ?? []) env[e.name] = e.value;
    env.KUBERNETES_EXEC_INFO = JSON.stringify(info);

    const stdout = await runPlugin(exec, env, interactive);
    return decodeExecCredential(stdout, exec.apiVersion);
  }
}

function runPlugin(exec: ExecConfig, env: NodeJS.ProcessEnv, interactive: boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(exec.command, exec.args ?? [], {
      env,
      stdio: [interactive ? 'inherit' : 'ignore', 'pipe', 'inherit'],
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => chunks.push(d));
    child.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') {
        const hint = exec.installHint ? `\n\n${exec.installHint}` : '';
        reject(new Error(`exec: executable ${exec.command} not found${INSTALL_DOC}${hint}`));
      } else reject(new Error(`exec: ${e.message}`));
    });
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new Error(`exec: executable ${exec.command} failed with exit code ${code}`));
        return;
      }
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
  });
}

/**
 * Decodes a plugin's ExecCredential output. The plugin must answer in the configured
 * apiVersion and return a token or a cert/key pair (both halves), else kubectl's errors.
 */
export function decodeExecCredential(stdout: string, apiVersion: string): ExecCredentials {
  let doc: {
    apiVersion?: string;
    kind?: string;
    status?: { token?: string; clientCertificateData?: string; clientKeyData?: string; expirationTimestamp?: string };
  };
  try {
    doc = JSON.parse(stdout);
  } catch (e) {
    throw new Error(`decoding stdout: ${(e as Error).message}`);
  }
  if (!doc || typeof doc !== 'object') throw new Error('decoding stdout: not an ExecCredential object');
  if (doc.apiVersion !== apiVersion) {
    throw new Error(
      `exec plugin is configured to use API version ${apiVersion}, plugin returned version ${doc.apiVersion ?? ''}`,
    );
  }
  const st = doc.status;
  if (!st) throw new Error("exec plugin didn't return a status field");
  const hasCert = Boolean(st.clientCertificateData);
  const hasKey = Boolean(st.clientKeyData);
  if (!st.token && !hasCert && !hasKey) throw new Error("exec plugin didn't return a token or cert/key pair");
  if (hasCert !== hasKey) throw new Error('exec plugin returned only certificate or key, not both');
  const out: ExecCredentials = {};
  if (st.token) out.token = st.token;
  if (hasCert) {
    out.cert = Buffer.from(st.clientCertificateData!, 'utf8');
    out.key = Buffer.from(st.clientKeyData!, 'utf8');
  }
  if (st.expirationTimestamp) {
    const t = Date.parse(st.expirationTimestamp);
    if (Number.isNaN(t)) throw new Error(`decoding stdout: invalid expirationTimestamp "${st.expirationTimestamp}"`);
    out.expiresAt = t;
  }
  return out;
}

/** Test hook: forget every cached credential. */
export function clearExecCache(): void {
  cache.clear();
}
