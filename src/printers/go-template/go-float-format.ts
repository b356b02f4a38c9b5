/**
 * Fixed and exponent formatting of doubles with Go's rounding: strconv rounds the exact binary
 * value half-to-even, while JavaScript's toFixed/toExponential round ties away from zero
 * (`%.3e` of 1234.5 is 1.234e+03 in Go, 1.235e+3 in JavaScript).
 */

/** The exact decimal digits of a finite non-negative double: integer and fraction parts. */
function exactDigits(x: number): { int: string; frac: string } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const expBits = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & ((1n << 52n) - 1n);
  let e: number;
  if (expBits === 0) e = -1074;
  else {
    mant |= 1n << 52n;
    e = expBits - 1075;
  }
  if (e >= 0) return { int: (mant << BigInt(e)).toString(), frac: '' };
  const k = -e;
  const scaled = (mant * 5n ** BigInt(k)).toString().padStart(k + 1, '0');
  return { int: scaled.slice(0, -k), frac: scaled.slice(-k).replace(/0+$/, '') };
}

/** Rounds the digit string to `keep` digits, half to even; may grow by one digit. */
function roundDigits(digits: string, keep: number): string {
  if (keep < 0) return '';
  const kept = digits.slice(0, keep).padEnd(keep, '0');
  const rest = digits.slice(keep);
  let up = false;
  if (rest.length > 0) {
    if (rest[0]! > '5') up = true;
    else if (rest[0] === '5') up = /[1-9]/.test(rest.slice(1)) || (kept.length > 0 && Number(kept.at(-1)) % 2 === 1);
  }
  if (!up) return kept;
  if (kept.length === 0) return '1';
  return (BigInt(kept) + 1n).toString().padStart(kept.length, '0');
}

/** %.{prec}f */
export function goFixed(x: number, prec: number): string {
  if (!Number.isFinite(x)) return x > 0 ? '+Inf' : x < 0 ? '-Inf' : 'NaN';
  const neg = x < 0 || Object.is(x, -0);
  const { int, frac } = exactDigits(Math.abs(x));
  const rounded = roundDigits(int + frac, int.length + prec);
  const intPart = rounded.slice(0, rounded.length - prec) || '0';
  const fracPart = prec > 0 ? `.${rounded.slice(rounded.length - prec)}` : '';
  return `${neg ? '-' : ''}${intPart.replace(/^0+(?=\d)/, '')}${fracPart}`;
}

/** Mantissa digits (prec+1 significant) and decimal exponent of |x|, rounded half to even. */
function significant(x: number, prec: number): { digits: string; exp: number } {
  const { int, frac } = exactDigits(Math.abs(x));
  const all = int + frac;
  const first = all.search(/[1-9]/);
  if (first < 0) return { digits: '0'.repeat(prec + 1), exp: 0 };
  let exp = int.length - 1 - first;
  let digits = roundDigits(all.slice(first), prec + 1);
  if (digits.length > prec + 1) {
    digits = digits.slice(0, prec + 1);
    exp++;
  }
  return { digits, exp };
}

const expText = (exp: number) => `e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;

/** %.{prec}e */
export function goExponent(x: number, prec: number): string {
  if (!Number.isFinite(x)) return x > 0 ? '+Inf' : x < 0 ? '-Inf' : 'NaN';
  const { digits, exp } = significant(x, prec);
  const mant = prec > 0 ? `${digits[0]}.${digits.slice(1)}` : digits[0]!;
  return `${x < 0 || Object.is(x, -0) ? '-' : ''}${mant}${expText(x === 0 ? 0 : exp)}`;
}

/** %.{prec}g (prec significant digits; trailing zeros removed). */
export function goGeneral(x: number, prec: number): string {
  if (!Number.isFinite(x)) return x > 0 ? '+Inf' : x < 0 ? '-Inf' : 'NaN';
  const p = prec === 0 ? 1 : prec;
  const { digits, exp } = significant(x, p - 1);
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  const e = x === 0 ? 0 : exp;
  if (e < -4 || e >= p) {
    const rest = digits.slice(1).replace(/0+$/, '');
    return `${sign}${digits[0]}${rest ? `.${rest}` : ''}${expText(e)}`;
  }
  let s: string;
  if (e >= 0) s = `${digits.slice(0, e + 1).padEnd(e + 1, '0')}.${digits.slice(e + 1)}`;
  else s = `0.${'0'.repeat(-e - 1)}${digits}`;
  s = s.replace(/\.?0+$/, '');
  return sign + (s === '' ? '0' : s);
}
