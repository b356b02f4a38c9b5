/**
 * `kctl serve` assembled: options -> data dir (lock, PKI, token) -> storage and registry ->
 * the handler chain (wired in `buildHandlerChain`, outermost filter first) -> one TLS port
 * speaking HTTP/2 and HTTP/1.1 -> kubeconfig files. `startServer` resolves once the server
 * answers requests; `close()` stops accepting, ends watches, drains requests and closes the store.
 */

import { setMaxListeners } from 'node:events';
import { type IncomingMessage, ServerResponse } from 'node:http';
import { createSecureServer, type Http2ServerRequest, type Http2ServerResponse, type Http2Session } from 'node:http2';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { versionInfo } from '../version-info.js';
import type { Catalog } from './apis/catalog.js';
import {
  type Authenticator,
  anyToken,
  bootstrapTokenUser,
  loadOrCreateBootstrapToken,
  tokenAuthenticator,
  tokenString,
  unionAuthenticator,
  x509Authenticator,
} from './auth/authenticator.js';
import { type ObjectGetter, serviceAccountTokenUser } from './auth/service-account-liveness.js';
import { ServiceAccountTokens } from './auth/service-account-tokens.js';
import { loadOrCreatePki } from './certs/cert-store.js';
import type { ControllerOptions } from './controllers/types.js';
import type { Faults } from './faults/fault-injector.js';
import { faultyRegistry } from './faults/faulty-registry.js';
import { withFaults } from './faults/with-faults.js';
import { withAuthentication } from './filters/with-authentication.js';
import { withMaxInflight } from './filters/with-max-inflight.js';
import { withRecover } from './filters/with-recover.js';
import { withRequestInfo } from './filters/with-request-info.js';
import { withTimeout } from './filters/with-timeout.js';
import { type Handler, newContext } from './http/context.js';
import type { HealthEndpoints } from './http/health.js';
import { createRouter } from './http/router.js';
import {
  adminKubeconfig,
  serverUrl,
  updateUserKubeconfig,
  userKubeconfigPath,
  writeKubeconfig,
} from './kubeconfig/admin-kubeconfig.js';
import { lockDataDir } from './lock/data-dir-lock.js';
import { SYSTEM_CONTEXT } from './registry/system-context.js';
import type { Registry } from './registry/types.js';
import { type OpenRegistryOptions, openRegistry, type RegistryRuntime } from './serve-registry.js';
import type { StoreSnapshot } from './snapshot/format.js';
import type { MvccStore } from './storage/index.js';

export interface ServeOptions {
  /** Listen address; default 127.0.0.1. */
  address?: string;
  /** Port; default 6443; 0 picks a free one (see `port` of the result). */
  port?: number;
  /** Data dir (database, PKI, kubeconfig, lock); default ~/.kctl/serve. */
  dataDir?: string;
  /** sqlite (default): data survives restarts; memory: nothing is written but PKI and kubeconfig. */
  storage?: 'sqlite' | 'memory';
  /** Merge the `kctl` context into the user's kubeconfig; default false here (the command sets true). */
  updateKubeconfig?: boolean;
  /** The user's kubeconfig to merge into; default KUBECONFIG's first file or ~/.kube/config. */
  userKubeconfig?: string;
  /** kube's --request-timeout in ms (default 60 000). */
  requestTimeoutMs?: number;
  maxRequestsInflight?: number;
  maxMutatingRequestsInflight?: number;
  /** Defaults to the built-in catalog. */
  catalog?: Catalog;
  /** Server log (unexpected errors); default stderr. */
  log?: (line: string) => void;
  /** Replaces the storage + registry runtime (tests of the HTTP layer alone). */
  openRegistry?: (o: OpenRegistryOptions) => Promise<RegistryRuntime>;
  /** Fault injection: rules applied per request, and the `/kctl/faults` admin endpoint. */
  faults?: Faults;
  /** Start from this store snapshot (the store must be empty: memory, or a fresh data dir). */
  snapshot?: StoreSnapshot;
}

export interface RunningServer {
  url: string;
  address: string;
  port: number;
  dataDir: string;
  kubeconfigPath: string;
  caPem: string;
  /** The bootstrap token (`Authorization: Bearer <token>`). */
  token: string;
  /** The registry without faults (what controllers see). */
  registry: Registry;
  /** The embedded store, for in-process test tooling (snapshots, compaction). */
  kv?: MvccStore;
  /** Graceful stop; resolves when the store is closed and the lock released. Idempotent. */
  close(): Promise<void>;
}

export const defaultDataDir = (): string => join(homedir(), '.kctl', 'serve');

export interface ChainDeps {
  authenticator: Authenticator;
  requestTimeoutMs?: number;
  maxRequestsInflight?: number;
  maxMutatingRequestsInflight?: number;
  log?: (line: string) => void;
  faults?: Faults;
}

/**
 * The filter chain, listed in the order a request passes through it (kube's
 * DefaultBuildHandlerChain order for the filters served so far).
 */
export function buildHandlerChain(router: Handler, deps: ChainDeps): Handler {
  const filters: Array<(next: Handler) => Handler> = [
    (next) => withRecover(next, { log: deps.log }),
    (next) => withTimeout(next, { defaultTimeoutMs: deps.requestTimeoutMs }),
    (next) =>
      withMaxInflight(next, { maxReadOnly: deps.maxRequestsInflight, maxMutating: deps.maxMutatingRequestsInflight }),
    (next) => withAuthentication(next, { authenticator: deps.authenticator }),
    (next) => withRequestInfo(next),
    (next) => (deps.faults ? withFaults(next, deps.faults) : next),
  ];
  return filters.reduceRight<Handler>((inner, wrap) => wrap(inner), router);
}

function healthChecks(runtime: RegistryRuntime, shuttingDown: () => boolean): HealthEndpoints {
  const ping = { name: 'ping', check: () => {} };
  const log = { name: 'log', check: () => {} };
  const etcd = { name: 'etcd', check: () => runtime.checkStorage() };
  return {
    healthz: [ping, log, etcd],
    livez: [ping, log, etcd],
    readyz: [
      ping,
      log,
      etcd,
      { name: 'etcd-readiness', check: () => runtime.checkStorage() },
      { name: 'informer-sync', check: () => {} },
      {
        name: 'shutdown',
        check: () => {
          if (shuttingDown()) throw new Error('server is shutting down');
        },
      },
    ],
  };
}

/** Starts a server; see ServeOptions for defaults. Throws DataDirLockedError when the dir is in use. */
export async function startServer(opts: ServeOptions = {}): Promise<RunningServer> {
  const address = opts.address ?? '127.0.0.1';
  const dataDir = resolve(opts.dataDir ?? defaultDataDir());
  const lock = lockDataDir(dataDir);
  const cleanups: Array<() => Promise<void> | void> = [() => lock.release()];
  const runCleanups = async (): Promise<void> => {
    for (const c of cleanups.splice(0).reverse()) {
      try {
        await c();
      } catch {
        // keep closing the rest
      }
    }
  };
  try {
    const pki = await loadOrCreatePki(dataDir, address);
    const token = loadOrCreateBootstrapToken(dataDir);
    const saTokens = ServiceAccountTokens.loadOrCreate(dataDir);
    // Service account tokens also need their objects to still exist: looked up once the registry is open.
    let objects: ObjectGetter = async () => undefined;
    const tokenUser = anyToken(
      bootstrapTokenUser(token),
      serviceAccountTokenUser(saTokens, (...ref) => objects(...ref)),
    );
    // Loaded on demand: a caller with its own catalog does not pay for the built-in one.
    const catalog = opts.catalog ?? (await import('./apis/catalog.js')).builtinCatalog();
    const controllers: ControllerOptions = { caPem: pki.ca.certPem, advertiseAddress: address };
    const runtime = await (opts.openRegistry ?? openRegistry)({
      catalog,
      dataDir,
      storage: opts.storage ?? 'sqlite',
      controllers,
      snapshot: opts.snapshot,
      tokenLookup: tokenUser,
      serviceAccountTokens: saTokens,
    });
    cleanups.push(() => runtime.close());
    objects = (resource, namespace, name) =>
      (
        runtime.registry.store('', 'v1', resource)?.get(SYSTEM_CONTEXT(namespace), name) ?? Promise.resolve(undefined)
      ).catch(() => undefined);

    const shutdown = new AbortController();
    // Every in-flight request listens for shutdown; hundreds at once are normal.
    setMaxListeners(0, shutdown.signal);
    const router = createRouter({
      catalog,
      registry: opts.faults ? faultyRegistry(runtime.registry, opts.faults) : runtime.registry,
      health: healthChecks(runtime, () => shutdown.signal.aborted),
      version: versionInfo(),
      kubeVersion: versionInfo().gitVersion,
    });
    const handler = buildHandlerChain(router, {
      authenticator: unionAuthenticator([x509Authenticator(), tokenAuthenticator(tokenUser)]),
      requestTimeoutMs: opts.requestTimeoutMs,
      maxRequestsInflight: opts.maxRequestsInflight,
      maxMutatingRequestsInflight: opts.maxMutatingRequestsInflight,
      log: opts.log,
      faults: opts.faults,
    });

    let inflight = 0;
    let drained: (() => void) | undefined;
    const serve = (ctx: ReturnType<typeof newContext>): void => {
      inflight++;
      handler(ctx)
        .catch(() => undefined)
        .finally(() => {
          inflight--;
          if (inflight === 0) drained?.();
        });
    };

    const server = createSecureServer({
      allowHTTP1: true,
      key: pki.serving.keyPem,
      cert: pki.serving.certPem,
      ca: [pki.ca.certPem],
      requestCert: true,
      rejectUnauthorized: false,
      minVersion: 'TLSv1.2',
    });
    server.on('request', (req: Http2ServerRequest | IncomingMessage, res: Http2ServerResponse | ServerResponse) => {
      serve(newContext(req, res, shutdown.signal));
    });
    const wss = new WebSocketServer({ noServer: true });
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      // WebSocket watches run through the same chain; errors before the handshake are plain HTTP.
      const res = new ServerResponse(req);
      res.assignSocket(socket as never);
      // A refused upgrade is the socket's last HTTP exchange: say so, then close it.
      res.shouldKeepAlive = false;
      let upgraded = false;
      res.on('finish', () => {
        if (!upgraded) socket.end();
      });
      const ctx = newContext(req, res, shutdown.signal);
      ctx.upgradeWebSocket = () =>
        new Promise((done) => {
          upgraded = true;
          res.detachSocket(socket as never);
          wss.handleUpgrade(req, socket, head, (ws) => done(ws));
        });
      serve(ctx);
    });
    const sessions = new Set<Http2Session>();
    const sockets = new Set<Duplex>();
    server.on('session', (s: Http2Session) => {
      sessions.add(s);
      s.on('close', () => sessions.delete(s));
    });
    server.on('secureConnection', (s: Duplex) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });

    await new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(opts.port ?? 6443, address, () => {
        server.off('error', fail);
        ok();
      });
    });
    const bound = server.address();
    const port = typeof bound === 'object' && bound ? bound.port : (opts.port ?? 6443);
    const url = serverUrl(address, port);

    cleanups.push(async () => {
      shutdown.abort(new Error('server shutting down'));
      await new Promise<void>((ok) => {
        server.close(() => ok());
        for (const s of sessions) s.close();
        if (inflight === 0) drained = undefined;
        const wait = inflight === 0 ? Promise.resolve() : new Promise<void>((d) => (drained = d));
        // In-flight requests get 5 s to finish; the timer must not keep the process alive after.
        let grace: NodeJS.Timeout | undefined;
        const timeUp = new Promise((r) => {
          grace = setTimeout(r, 5000);
        });
        void Promise.race([wait, timeUp]).then(() => {
          clearTimeout(grace);
          for (const s of sockets) s.destroy();
          for (const s of sessions) s.destroy();
          for (const c of wss.clients) c.terminate();
        });
      });
    });

    const creds = {
      server: url,
      caPem: pki.ca.certPem,
      clientCertPem: pki.admin.certPem,
      clientKeyPem: pki.admin.keyPem,
    };
    const kubeconfigPath = join(dataDir, 'kubeconfig');
    writeKubeconfig(kubeconfigPath, adminKubeconfig(creds));
    if (opts.updateKubeconfig) updateUserKubeconfig(opts.userKubeconfig ?? userKubeconfigPath(), creds);

    controllers.securePort = port;
    await runtime.start();

    let closing: Promise<void> | undefined;
    return {
      url,
      address,
      port,
      dataDir,
      kubeconfigPath,
      caPem: pki.ca.certPem,
      token: tokenString(token),
      registry: runtime.registry,
      kv: runtime.kv,
      close: () => {
        closing ??= runCleanups();
        return closing;
      },
    };
  } catch (e) {
    await runCleanups();
    throw e;
  }
}
