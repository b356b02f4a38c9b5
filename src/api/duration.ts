/**
 * Durations as kubectl shows and reads them:
 * - humanDuration / shortHumanDuration: the AGE column (k8s.io/apimachinery/pkg/util/duration),
 *   taking milliseconds, e.g. from `Date.now() - Date.parse(creationTimestamp)`;
 * - parseGoDuration / formatGoDuration: Go's time.ParseDuration and Duration.String() for flags
 *   such as `--timeout=1m30s`, in nanoseconds (bigint, like Go's int64).
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Go's int(x): truncation toward zero. */
const trunc = (x: number): number => Math.trunc(x);

/**
 * duration.HumanDuration: about 2-3 significant figures. Up to 2s in the future counts as now
 * ("0s", clock skew); further in the future is `<invalid>`. Thresholds: <2m seconds, <10m
 * `XmYs`, <3h minutes, <8h `XhYm`, <48h hours, <8d `XdYh`, <2y days, <8y `XyYd`, then years.
 */
export function humanDuration(ms: number): string {
  const seconds = trunc(ms / SECOND);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = trunc(ms / MINUTE);
  if (minutes < 10) {
    const s = trunc(ms / SECOND) % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = trunc(ms / HOUR);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    const d = trunc(hours / 24);
    return h === 0 ? `${d}d` : `${d}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = trunc(hours / 24) % 365;
    const y = trunc(hours / 24 / 365);
    return dy === 0 ? `${y}y` : `${y}y${dy}d`;
  }
  return `${trunc(hours / 24 / 365)}y`;
}

/** duration.ShortHumanDuration: one unit only (`45s`, `3m`, `5h`, `12d`, `2y`), same skew rules. */
export function shortHumanDuration(ms: number): string {
  const seconds = trunc(ms / SECOND);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60) return `${seconds}s`;
  const minutes = trunc(ms / MINUTE);
  if (minutes < 60) return `${minutes}m`;
  const hours = trunc(ms / HOUR);
  if (hours < 24) return `${hours}h`;
  if (hours < 24 * 365) return `${trunc(hours / 24)}d`;
  return `${trunc(ms / HOUR / 24 / 365)}y`;
}

// ---- Go time.Duration ----

const NS = 1n;
const US = 1000n * NS;
const MS = 1000n * US;
const S = 1000n * MS;
const M = 60n * S;
const H = 60n * M;
const UNITS: Readonly<Record<string, bigint>> = { ns: NS, us: US, µs: US, μs: US, ms: MS, s: S, m: M, h: H };
const LIMIT = 1n << 63n;

/** A duration Go would reject; the message is Go's (`time: invalid duration "x"`). */
export class DurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DurationError';
  }
}

/** Go's time-package quote(): `"` + s + `"` with `"`, `\` and non-printable bytes escaped. */
function goTimeQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/**
 * time.ParseDuration: a signed sequence of decimal numbers with units, e.g. `300ms`, `-1.5h`,
 * `2h45m`; units ns, us (or µs), ms, s, m, h; a bare `0` is allowed. Returns nanoseconds.
 * Errors: `time: invalid duration "x"`, `time: missing unit in duration "1"`,
 * `time: unknown unit "d" in duration "1d"`.
 */
export function parseGoDuration(input: string): bigint {
  const invalid = (): DurationError => new DurationError(`time: invalid duration ${goTimeQuote(input)}`);
  let s = input;
  let neg = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0n;
  if (s === '') throw invalid();
  let total = 0n;
  while (s !== '') {
    if (!(s[0] === '.' || isDigit(s[0]))) throw invalid();
    let i = 0;
    let v = 0n;
    while (isDigit(s[i])) {
      v = v * 10n + BigInt(Number(s[i]));
      if (v > LIMIT) throw invalid();
      i++;
    }
    const pre = i > 0;
    s = s.slice(i);
    let f = 0n;
    let scale = 1;
    let post = false;
    if (s[0] === '.') {
      s = s.slice(1);
      let j = 0;
      let overflow = false;
      while (isDigit(s[j])) {
        // Digits past int64 precision are dropped, as Go's leadingFraction does.
        if (!overflow) {
          const next = f * 10n + BigInt(Number(s[j]));
          if (f > (LIMIT - 1n) / 10n || next > LIMIT) overflow = true;
          else {
            f = next;
            scale *= 10;
          }
        }
        j++;
      }
      post = j > 0;
      s = s.slice(j);
    }
    if (!pre && !post) throw invalid();
    let k = 0;
    while (k < s.length && s[k] !== '.' && !isDigit(s[k])) k++;
    if (k === 0) throw new DurationError(`time: missing unit in duration ${goTimeQuote(input)}`);
    const u = s.slice(0, k);
    s = s.slice(k);
    const unit = UNITS[u];
    if (unit === undefined || !Object.hasOwn(UNITS, u)) {
      throw new DurationError(`time: unknown unit ${goTimeQuote(u)} in duration ${goTimeQuote(input)}`);
    }
    if (v > LIMIT / unit) throw invalid();
    v *= unit;
    if (f > 0n) {
      // Go computes the fractional part in float64; so do we, for identical rounding.
      v += BigInt(Math.trunc(Number(f) * (Number(unit) / scale)));
      if (v > LIMIT) throw invalid();
    }
    total += v;
    if (total > LIMIT) throw invalid();
  }
  if (neg) return -total;
  if (total > LIMIT - 1n) throw invalid();
  return total;
}

/** parseGoDuration in milliseconds (fractions of a millisecond kept as a float). */
export const parseGoDurationMs = (input: string): number => Number(parseGoDuration(input)) / 1e6;

/** Go's fmtFrac: `.ddd` without trailing zeros (nothing when the fraction is 0). */
function frac(v: bigint, prec: number): [string, bigint] {
  let digits = '';
  let print = false;
  let rest = v;
  for (let i = 0; i < prec; i++) {
    const digit = rest % 10n;
    print = print || digit !== 0n;
    if (print) digits = `${digit}${digits}`;
    rest /= 10n;
  }
  return [print ? `.${digits}` : '', rest];
}

/**
 * time.Duration.String(): `0s`, `300ms`, `1.5µs`, `1m30s`, `1h0m0s`, `-2h3m4.5s`.
 * Takes nanoseconds.
 */
export function formatGoDuration(ns: bigint | number): string {
  let u = BigInt(ns);
  const neg = u < 0n;
  if (neg) u = -u;
  let out: string;
  if (u < S) {
    if (u === 0n) return '0s';
    let unit: string;
    let prec: number;
    if (u < US) {
      unit = 'ns';
      prec = 0;
    } else if (u < MS) {
      unit = 'µs';
      prec = 3;
    } else {
      unit = 'ms';
      prec = 6;
    }
    const [f, whole] = frac(u, prec);
    out = `${whole}${f}${unit}`;
  } else {
    const [f, secs] = frac(u, 9);
    out = `${secs % 60n}${f}s`;
    const mins = secs / 60n;
    if (mins > 0n) {
      out = `${mins % 60n}m${out}`;
      const hours = mins / 60n;
      if (hours > 0n) out = `${hours}h${out}`;
    }
  }
  return neg ? `-${out}` : out;
}

/** formatGoDuration for milliseconds. */
export const formatGoDurationMs = (ms: number): string => formatGoDuration(BigInt(Math.round(ms * 1e6)));
