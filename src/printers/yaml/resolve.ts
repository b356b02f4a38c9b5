/**
 * How go-yaml v2 (the fork vendored as sigs.k8s.io/yaml/goyaml.v2, used by kubectl) decides
 * whether a string may be written unquoted: a plain scalar is only allowed when reading it back
 * would give a string again (not a bool, null, int, float, timestamp or merge key), and it is not
 * a YAML 1.1 base-60 float such as `1:20`.
 */

/** Plain scalars that go-yaml v2 resolves to a non-string through its lookup table (YAML 1.1). */
const TABLE_WORDS = new Set([
  'y',
  'Y',
  'yes',
  'Yes',
  'YES',
  'true',
  'True',
  'TRUE',
  'on',
  'On',
  'ON',
  'n',
  'N',
  'no',
  'No',
  'NO',
  'false',
  'False',
  'FALSE',
  'off',
  'Off',
  'OFF',
  '',
  '~',
  'null',
  'Null',
  'NULL',
  '.nan',
  '.NaN',
  '.NAN',
  '.inf',
  '.Inf',
  '.INF',
  '+.inf',
  '+.Inf',
  '+.INF',
  '-.inf',
  '-.Inf',
  '-.INF',
]);
// ('<<' is in go-yaml's table too, but its first byte has no resolve hint, so it stays a string.)

// Go's strconv.ParseInt(s, 0, 64) syntax (after underscores are removed); any syntactically valid
// integer resolves to !!int, even out of range (go-yaml then falls back to big.Int).
const GO_INT = /^[-+]?(?:0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|0[0-7]*|[1-9][0-9]*)$/;
const YAML_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const DOT_FLOAT = /^\.[0-9]+(?:[eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
// The four layouts go-yaml tries with time.Parse; fields checked for range below.
const TIMESTAMP =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))|(?: (\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?))?$/;

function daysIn(month: number, year: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isTimestamp(s: string): boolean {
  const m = TIMESTAMP.exec(s);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(month, year)) return false;
  const h = m[4] ?? m[7];
  if (h === undefined) return true;
  const mi = m[5] ?? m[8];
  const se = m[6] ?? m[9];
  return Number(h) < 24 && Number(mi) < 60 && Number(se) < 60;
}

/** True when go-yaml v2 would read the unquoted text `s` back as something other than a string. */
export function resolvesToNonString(s: string): boolean {
  if (TABLE_WORDS.has(s)) return true;
  const c = s[0];
  if (c === '.') return DOT_FLOAT.test(s);
  const isDigit = c !== undefined && c >= '0' && c <= '9';
  if (!isDigit && c !== '+' && c !== '-') return false;
  if (isTimestamp(s)) return true;
  const plain = s.replaceAll('_', '');
  if (GO_INT.test(plain)) return true;
  // ParseFloat fails on overflow (1e400), which leaves the text a string.
  if (YAML_FLOAT.test(plain) && Number.isFinite(Number(plain))) return true;
  if (/^-?0b[01]+$/.test(plain)) return true;
  return false;
}

/** go-yaml's stringv: may this string be emitted as a plain scalar (before layout checks)? */
export function canUsePlain(s: string): boolean {
  return !resolvesToNonString(s) && !BASE60_FLOAT.test(s);
}
