import { readFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import type { Method, Response } from 'got';
import { packageVersion } from '../../version-info.js';
import { VerbatimError } from '../errors.js';
import { ExecCredentialProvider, type ExecCredentials } from '../kubeconfig/exec-plugin.js';
import { type RestConfig, serverHost } from '../rest-config.js';
import { createDebugLogger, type DebugLogger, logRequest, logResponse, logResponseBody } from './debug-log.js';
import { goDuration } from './go-duration.js';
import { loadGot } from './load-got.js';
import { proxyFromEnvironment } from './proxy.js';
import { TokenBucket } from './rate-limiter.js';
import { type RequestTarget, responseError, retryAfterSeconds, transportError } from './response-errors.js';
import { type Agents, createAgents, destroyAgents } from './transport.js';
import { WarningPrinter } from './warnings.js';

export type QueryValue = string | number | boolean | string[] | undefined;

export interface RequestSpec {
  method?: Method;
  /** Absolute API path, e.g. `/api/v1/namespaces/default/pods`. */
  path: string;
  query?: Record<string, QueryValue>;
  headers?: Record<string, string | string[]>;
  // Accept header; default "application/json, */*" as client-go sends.
  accept?: string;
  /** A Buffer/string is sent as is; anything else as JSON. */
  body?: unknown;
  contentType?: string;
  /** What the request addresses, to word errors from non-Status bodies. */
  target?: RequestTarget;
  /** Overrides the config's --request-timeout; 0 = none. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface RestResponse {
  statusCode: number;
  statusMessage: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface RestClientOptions {
  /** -v level; >= 6 logs round trips to stderr in kubectl's format. */
  verbosity?: number;
  /** Where logs and warnings go (default process.stderr). */
  stderr?: (s: string) => void;
  warnings?: WarningPrinter;
  /** client-go's default is 10. */
  maxRetries?: number;
  sleep?: (ms: number) => Promise<void>;
  logger?: DebugLogger;
  stdinIsTTY?: boolean;
  /** Environment for proxy variables (default process.env). */
  env?: NodeJS.ProcessEnv;
}

export function userAgent(): string {
  const arch = process.arch === 'x64' ? 'amd64' : process.arch;
  return `kctl/${packageVersion()} (${process.platform}/${arch})`;
}

/** Builds the query string with url.Values.Encode semantics (keys sorted, Go's escaping). */
export function encodeQuery(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const parts: string[] = [];
  for (const key of Object.keys(query).sort()) {
    const v = query[key];
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) {
      parts.push(`${queryEscape(key)}=${queryEscape(String(one))}`);
    }
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

/** Go's url.QueryEscape: only [A-Za-z0-9-_.~] stay as is, space becomes '+'. */
export function queryEscape(s: string): string {
  return encodeURIComponent(s)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

const isGetLike = (m: string) => m === 'GET' || m === 'HEAD';

/**
 * client-go's RESTClient on got: auth (token, token file, basic, exec plugin incl. client
 * certs), impersonation headers, keep-alive TLS agents, client-side rate limit, retries (max 10)
 * when the server answers 429/5xx with Retry-After (any verb, the server asked for it) and on
 * connection resets for GET, Warning headers to stderr, -v logging, and error responses turned
 * into StatusError (Status bodies as sent; other bodies with kubectl's generic texts).
 */
export class RestClient {
  readonly warnings: WarningPrinter;
  private readonly limiter: TokenBucket;
  private readonly log?: DebugLogger;
  private readonly host: string;
  private agents: Agents;
  private execAgents?: { creds: ExecCredentials; agents: Agents };
  private readonly exec?: ExecCredentialProvider;
  /** kubeconfig proxy-url, else HTTPS_PROXY/HTTP_PROXY/NO_PROXY from the environment. */
  readonly proxyUrl?: string;

  constructor(
    readonly config: RestConfig,
    private readonly opts: RestClientOptions = {},
  ) {
    const stderr = opts.stderr ?? ((s: string) => process.stderr.write(s));
    this.warnings = opts.warnings ?? new WarningPrinter(stderr);
    this.limiter = new TokenBucket(config.qps, config.burst);
    this.log =
      opts.logger ??
      ((opts.verbosity ?? 0) >= 6 ? createDebugLogger({ verbosity: opts.verbosity!, write: stderr }) : undefined);
    this.host = serverHost(config.server);
    this.proxyUrl = config.proxyUrl || proxyFromEnvironment(config.server, opts.env);
    this.agents = createAgents(config.tls, undefined, this.proxyUrl);
    if (config.auth.type === 'exec') {
      this.exec = new ExecCredentialProvider(config.auth.exec, config.auth.cluster, { stdinIsTTY: opts.stdinIsTTY });
    }
  }

  /** The absolute URL for a path and query. */
  url(path: string, query?: Record<string, QueryValue>): string {
    const p = path.startsWith('/') ? path : `/${path}`;
    return `${this.config.server}${p}${encodeQuery(this.withTimeout(query, undefined))}`;
  }

  /** Sends a request; resolves for 2xx, throws StatusError for error statuses. */
  async request(spec: RequestSpec): Promise<RestResponse> {
    const method = (spec.method ?? 'GET').toUpperCase() as Method;
    const url = `${this.config.server}${spec.path.startsWith('/') ? '' : '/'}${spec.path}${encodeQuery(
      this.withTimeout(spec.query, spec.timeoutMs),
    )}`;
    const body = encodeBody(spec.body);
    const maxRetries = this.opts.maxRetries ?? 10;
    const sleep = this.opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
    let refreshedExec = false;
    for (let attempt = 0; ; attempt++) {
      await this.limiter.wait();
      const { headers, agents } = await this.prepare(spec, body !== undefined);
      logRequest(this.log, method, url, headers, body?.toString('utf8'));
      const started = performance.now();
      let res: Response<Buffer>;
      const got = await loadGot();
      try {
        res = await got(url, {
          method,
          headers,
          ...(body !== undefined ? { body } : {}),
          agent: { http: agents.http, https: agents.https },
          timeout: this.timeoutOption(spec.timeoutMs),
          retry: { limit: 0 },
          throwHttpErrors: false,
          responseType: 'buffer',
          decompress: !this.config.disableCompression,
          followRedirect: isGetLike(method),
          ...(spec.signal ? { signal: spec.signal } : {}),
        });
      } catch (err) {
        if (spec.signal?.aborted) throw spec.signal.reason ?? err;
        const code = (err as { code?: string }).code;
        if (isGetLike(method) && attempt < maxRetries && (code === 'ECONNRESET' || code === 'EPIPE')) {
          await sleep(1000);
          continue;
        }
        throw transportError(err, this.host, url, method);
      }
      const ms = performance.now() - started;
      logResponse(this.log, method, url, `${res.statusCode} ${res.statusMessage ?? ''}`.trim(), res.headers, ms);
      logResponseBody(this.log, res.body);
      this.warnings.handle(res.headers.warning);
      if (res.statusCode >= 200 && res.statusCode < 300) {
        return {
          statusCode: res.statusCode,
          statusMessage: res.statusMessage ?? '',
          headers: res.headers,
          body: res.body,
        };
      }
      if (res.statusCode === 401 && this.exec && !refreshedExec) {
        // Credentials the server rejects are dropped and fetched once more (client-go does so).
        refreshedExec = true;
        this.exec.invalidate();
        continue;
      }
      const wait = retryAfterSeconds(res.headers['retry-after']);
      if ((res.statusCode === 429 || res.statusCode >= 500) && wait !== undefined && attempt < maxRetries) {
        await sleep(wait * 1000);
        continue;
      }
      throw responseError(res.statusCode, method, res.headers['content-type'], res.body, spec.target, wait);
    }
  }

  /** GET (or any verb) and decode the JSON body. */
  async json<T = unknown>(spec: RequestSpec): Promise<T> {
    const res = await this.request(spec);
    return parseJsonBody<T>(res.body);
  }

  /**
   * Opens a streaming response (watch, logs). Error statuses are read fully and thrown as
   * StatusError; the returned stream is destroyed by aborting `spec.signal` or calling destroy().
   */
  async stream(spec: RequestSpec): Promise<{ statusCode: number; headers: IncomingHttpHeaders; body: Readable }> {
    const method = (spec.method ?? 'GET').toUpperCase() as Method;
    const url = this.url(spec.path, spec.query);
    await this.limiter.wait();
    const { headers, agents } = await this.prepare(spec, false);
    logRequest(this.log, method, url, headers, undefined);
    const started = performance.now();
    const got = await loadGot();
    const s = got.stream(url, {
      method,
      headers,
      agent: { http: agents.http, https: agents.https },
      retry: { limit: 0 },
      throwHttpErrors: false,
      decompress: !this.config.disableCompression,
      ...(spec.timeoutMs ? { timeout: { response: spec.timeoutMs } } : {}),
      ...(spec.signal ? { signal: spec.signal } : {}),
    });
    const res = await new Promise<{ statusCode: number; statusMessage?: string; headers: IncomingHttpHeaders }>(
      (resolve, reject) => {
        s.once('response', resolve);
        s.once('error', (err) =>
          reject(spec.signal?.aborted ? (spec.signal.reason ?? err) : transportError(err, this.host, url, method)),
        );
      },
    );
    logResponse(
      this.log,
      method,
      url,
      `${res.statusCode} ${res.statusMessage ?? ''}`.trim(),
      res.headers,
      performance.now() - started,
    );
    this.warnings.handle(res.headers.warning);
    if (res.statusCode < 200 || res.statusCode >= 300) {
      const chunks: Buffer[] = [];
      for await (const c of s) chunks.push(c as Buffer);
      const body = Buffer.concat(chunks);
      throw responseError(res.statusCode, method, res.headers['content-type'], body, spec.target);
    }
    return { statusCode: res.statusCode, headers: res.headers, body: s };
  }

  /** Releases keep-alive sockets so the process can exit promptly. */
  close(): void {
    destroyAgents(this.agents);
    if (this.execAgents) destroyAgents(this.execAgents.agents);
  }

  /** Headers for auth/impersonation and the agents to use (exec plugins may supply certs). */
  async authHeaders(): Promise<{ headers: Record<string, string | string[]>; agents: Agents }> {
    const headers: Record<string, string | string[]> = {};
    let agents = this.agents;
    const auth = this.config.auth;
    if (auth.type === 'token') headers.authorization = `Bearer ${auth.token}`;
    else if (auth.type === 'tokenFile') headers.authorization = `Bearer ${readFileSync(auth.path, 'utf8').trim()}`;
    else if (auth.type === 'basic') {
      headers.authorization = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
    } else if (auth.type === 'exec' && this.exec) {
      let creds: ExecCredentials;
      try {
        creds = await this.exec.get();
      } catch (e) {
        // client-go fails the round trip: kubectl prints it as a connection problem.
        throw new VerbatimError(`Unable to connect to the server: getting credentials: ${(e as Error).message}`);
      }
      if (creds.token) headers.authorization = `Bearer ${creds.token}`;
      if (creds.cert && creds.key) {
        if (this.execAgents?.creds !== creds) {
          if (this.execAgents) destroyAgents(this.execAgents.agents);
          this.execAgents = {
            creds,
            agents: createAgents(this.config.tls, { cert: creds.cert, key: creds.key }, this.proxyUrl),
          };
        }
        agents = this.execAgents.agents;
      }
    }
    const imp = this.config.impersonate;
    if (imp) {
      headers['Impersonate-User'] = imp.user;
      if (imp.uid) headers['Impersonate-Uid'] = imp.uid;
      if (imp.groups.length > 0) headers['Impersonate-Group'] = [...imp.groups];
      for (const [k, v] of Object.entries(imp.extra)) headers[`Impersonate-Extra-${encodeURIComponent(k)}`] = [...v];
    }
    return { headers, agents };
  }

  private async prepare(
    spec: RequestSpec,
    hasBody: boolean,
  ): Promise<{ headers: Record<string, string | string[]>; agents: Agents }> {
    const { headers: auth, agents } = await this.authHeaders();
    const headers: Record<string, string | string[]> = {
      accept: spec.accept ?? 'application/json, */*',
      'user-agent': userAgent(),
      ...auth,
      ...(spec.headers ?? {}),
    };
    if (hasBody) headers['content-type'] = spec.contentType ?? 'application/json';
    if (this.config.disableCompression) headers['accept-encoding'] = 'identity';
    return { headers, agents };
  }

  private withTimeout(query: Record<string, QueryValue> | undefined, override?: number) {
    const ms = override ?? this.config.timeoutMs;
    if (!ms || query?.timeout !== undefined) return query;
    return { ...(query ?? {}), timeout: goDuration(ms) };
  }

  private timeoutOption(override?: number) {
    const ms = override ?? this.config.timeoutMs;
    return ms > 0 ? { request: ms } : {};
  }
}

function encodeBody(body: unknown): Buffer | undefined {
  if (body === undefined) return undefined;
  if (Buffer.isBuffer(body)) return body;
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  return Buffer.from(JSON.stringify(body), 'utf8');
}

/** Parses a JSON response body; an unparseable body is an error naming what was received. */
export function parseJsonBody<T>(body: Buffer): T {
  try {
    return JSON.parse(body.toString('utf8')) as T;
  } catch (e) {
    const head = body.subarray(0, 80).toString('utf8');
    throw new Error(`unable to decode response body as JSON (${(e as Error).message}): ${head}`);
  }
}
