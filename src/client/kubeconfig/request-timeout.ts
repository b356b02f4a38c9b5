const INVALID =
  'Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)';

const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/**
 * Parses kubectl's --request-timeout: "0" or "" means no timeout, a bare integer is seconds,
 * otherwise a Go duration ("1s", "2m", "1h30m", "500ms"). Anything else throws kubectl's text.
 */
export function parseRequestTimeout(value: string | undefined): number {
  const v = (value ?? '').trim();
  if (v === '' || v === '0') return 0;
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/y;
  let total = 0;
  let pos = 0;
  while (pos < v.length) {
    re.lastIndex = pos;
    const m = re.exec(v);
    if (!m) throw new Error(INVALID);
    total += Number(m[1]) * UNIT_MS[m[2]];
    pos = re.lastIndex;
  }
  if (total < 0) throw new Error(INVALID);
  return Math.round(total);
}
