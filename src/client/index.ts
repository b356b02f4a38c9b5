import type { GlobalFlagValues } from '../cli/global-flags.js';
import { overridesFromFlags } from './config-flags.js';
import { DiscoveryClient } from './discovery/client.js';
import { DiscoveryDiskCache, defaultCacheDir, discoveryCacheDir } from './discovery/disk-cache.js';
import { inClusterKubeconfig } from './kubeconfig/in-cluster.js';
import { defaultLoadingRules, loadKubeconfig } from './kubeconfig/load.js';
import { resolveRestConfig } from './kubeconfig/resolve.js';
import type { LoadedKubeconfig } from './kubeconfig/types.js';
import { DeferredRestMapper } from './mapper.js';
import { RestClient, type RestClientOptions } from './rest/client.js';
import { createDebugLogger } from './rest/debug-log.js';
import type { RestConfig } from './rest-config.js';

export interface ClientContext {
  /** The merged kubeconfig files (for `config` commands). */
  readonly kubeconfig: LoadedKubeconfig;
  readonly config: RestConfig;
  readonly rest: RestClient;
  readonly discovery: DiscoveryClient;
  readonly mapper: DeferredRestMapper;
  /** -n, else the context's namespace, else `default`. */
  readonly namespace: string;
  /** Whether -n/--namespace was given. */
  readonly explicitNamespace: boolean;
  /** Closes keep-alive sockets (call when the command is done). */
  close(): void;
}

export interface ClientContextOptions extends RestClientOptions {
  /** Overrides $KUBECONFIG (tests). */
  envKubeconfig?: string;
  home?: string;
  /** Disables the discovery disk cache. */
  noDiskCache?: boolean;
  /** Disables the in-cluster (service account) fallback. */
  noInCluster?: boolean;
}

/**
 * Everything a command needs to talk to a server, built lazily from the global flags: the
 * kubeconfig is read on first access of `kubeconfig`/`config`, the REST client and discovery
 * on first use, so `kctl version --client` never touches a file. Errors (bad kubeconfig, unknown
 * context) surface at the first access, with kubectl's texts.
 */
export function createClientContext(flags: GlobalFlagValues, opts: ClientContextOptions = {}): ClientContext {
  let kubeconfig: LoadedKubeconfig | undefined;
  let config: RestConfig | undefined;
  let rest: RestClient | undefined;
  let discovery: DiscoveryClient | undefined;
  let discoveryRest: RestClient | undefined;
  let mapper: DeferredRestMapper | undefined;
  const ctx: ClientContext = {
    get kubeconfig() {
      if (!kubeconfig) {
        const rules = defaultLoadingRules(flags.kubeconfig);
        if (opts.envKubeconfig !== undefined) rules.envValue = opts.envKubeconfig;
        if (opts.home !== undefined) rules.home = opts.home;
        kubeconfig = loadKubeconfig(rules);
        if ((flags.v ?? 0) >= 6) {
          const log = createDebugLogger({ verbosity: flags.v!, write: opts.stderr });
          for (const f of kubeconfig.files) log.info('loader.go:405', `Config loaded from file:  ${f}`);
        }
      }
      return kubeconfig;
    },
    get config() {
      if (!config) {
        const loaded = ctx.kubeconfig.config;
        const effective = opts.noInCluster ? loaded : (inClusterKubeconfig(loaded) ?? loaded);
        config = resolveRestConfig(effective, overridesFromFlags(flags));
      }
      return config;
    },
    get rest() {
      rest ??= new RestClient(ctx.config, { verbosity: flags.v ?? 0, ...opts });
      return rest;
    },
    get discovery() {
      if (!discovery) {
        const cache = opts.noDiskCache
          ? null
          : new DiscoveryDiskCache(discoveryCacheDir(flags['cache-dir'] || defaultCacheDir(), ctx.config.server));
        // kubectl's discovery client has its own, higher rate limit (50 qps, burst 300).
        discoveryRest = new RestClient(
          { ...ctx.config, qps: 50, burst: 300 },
          { verbosity: flags.v ?? 0, ...opts, warnings: ctx.rest.warnings },
        );
        discovery = new DiscoveryClient(discoveryRest, { cache });
      }
      return discovery;
    },
    get mapper() {
      mapper ??= new DeferredRestMapper(ctx.discovery);
      return mapper;
    },
    get namespace() {
      return ctx.config.namespace;
    },
    get explicitNamespace() {
      return ctx.config.explicitNamespace;
    },
    close() {
      rest?.close();
      discoveryRest?.close();
    },
  };
  return ctx;
}

export { isVerbatimError, VerbatimError } from './errors.js';
export type { RestMapping } from './mapper.js';
export { RestClient } from './rest/client.js';
export type { RestConfig } from './rest-config.js';
