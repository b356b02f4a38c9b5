/**
 * kubectl's -v logging (klog text format) for HTTP round trips. The layout follows client-go's
 * transport/round_trippers.go in kubectl 1.35:
 *   -v=6  `"Response" verb="GET" url="..." status="200 OK" milliseconds=5`
 *   -v=7  adds a `"Request"` line with request headers; the response line drops verb/url
 *   -v=8  adds response headers and `"Response Body"` lines (bodies cut at 1024 chars)
 *   -v=9  bodies cut at 10240 chars; -v=10 uncut.
 * The Authorization header is never logged (kubectl logs requests before auth is added).
 */

export interface DebugLogger {
  readonly verbosity: number;
  /** Writes one klog line `I<mmdd hh:mm:ss.uuuuuu> <pid> <file>] <msg>`. */
  info(file: string, msg: string): void;
}

export interface DebugLoggerOptions {
  verbosity: number;
  write?: (s: string) => void;
  now?: () => Date;
  pid?: number;
}

const p2 = (n: number) => String(n).padStart(2, '0');

/** The klog header for a line: `I1129 10:00:00.000000   12345 file.go:1] `. */
export function klogHeader(severity: 'I' | 'W' | 'E', when: Date, pid: number, file: string): string {
  const us = `${String(when.getMilliseconds()).padStart(3, '0')}000`;
  const ts = `${p2(when.getMonth() + 1)}${p2(when.getDate())} ${p2(when.getHours())}:${p2(when.getMinutes())}:${p2(when.getSeconds())}.${us}`;
  return `${severity}${ts} ${String(pid).padStart(7, ' ')} ${file}] `;
}

export function createDebugLogger(opts: DebugLoggerOptions): DebugLogger {
  const write = opts.write ?? ((s: string) => process.stderr.write(s));
  const now = opts.now ?? (() => new Date());
  const pid = opts.pid ?? process.pid;
  return {
    verbosity: opts.verbosity,
    info(file, msg) {
      write(`${klogHeader('I', now(), pid, file)}${msg}\n`);
    },
  };
}

/** Go's %q for the strings we log (JSON escaping is the same for printable text). */
export const quote = (s: string): string => JSON.stringify(s);

/** klog's multi-line value: `<\n\tK: V\n >`, headers sorted by canonical name. */
export function formatHeaders(headers: Record<string, string | string[] | undefined>): string {
  const lines: string[] = [];
  const names = Object.keys(headers)
    .filter((k) => k.toLowerCase() !== 'authorization' && headers[k] !== undefined)
    .map((k) => [canonicalHeader(k), k] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (const [canon, key] of names) {
    const v = headers[key]!;
    for (const one of Array.isArray(v) ? v : [v]) lines.push(`\t${canon}: ${one}`);
  }
  return `<\n${lines.join('\n')}\n >`;
}

/** Go's http.CanonicalHeaderKey: `content-type` -> `Content-Type`. */
export function canonicalHeader(k: string): string {
  return k
    .split('-')
    .map((p) => (p ? p[0].toUpperCase() + p.slice(1).toLowerCase() : p))
    .join('-');
}

/** client-go's body truncation by verbosity. */
export function truncateBody(body: string, verbosity: number): string {
  if (verbosity >= 10) return body;
  const max = verbosity >= 9 ? 10240 : 1024;
  return body.length <= max ? body : `${body.slice(0, max)} [truncated ${body.length - max} chars]`;
}

export function logRequest(
  log: DebugLogger | undefined,
  verb: string,
  url: string,
  headers: Record<string, string | string[] | undefined>,
  body: string | undefined,
): void {
  if (!log || log.verbosity < 7) return;
  if (log.verbosity >= 8)
    log.info('request.go:1212', `"Request Body" body=${quote(truncateBody(body ?? '', log.verbosity))}`);
  log.info(
    'round_trippers.go:527',
    `"Request" verb=${quote(verb)} url=${quote(url)} headers=${formatHeaders(headers)}`,
  );
}

export function logResponse(
  log: DebugLogger | undefined,
  verb: string,
  url: string,
  status: string,
  headers: Record<string, string | string[] | undefined>,
  ms: number,
): void {
  if (!log || log.verbosity < 6) return;
  const where = log.verbosity === 6 || log.verbosity >= 9 ? ` verb=${quote(verb)} url=${quote(url)}` : '';
  const hdrs = log.verbosity >= 8 ? ` headers=${formatHeaders(headers)}` : '';
  log.info('round_trippers.go:632', `"Response"${where} status=${quote(status)}${hdrs} milliseconds=${Math.round(ms)}`);
}

export function logResponseBody(log: DebugLogger | undefined, body: Buffer): void {
  if (!log || log.verbosity < 8) return;
  log.info('request.go:1212', `"Response Body" body=${quote(truncateBody(body.toString('utf8'), log.verbosity))}`);
}
