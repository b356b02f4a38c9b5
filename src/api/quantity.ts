/**
 * resource.Quantity (k8s.io/apimachinery/pkg/api/resource): `100m`, `1.5Gi`, `1e3`.
 * Values are exact: mantissa (bigint) x 10^exponent, no floats anywhere. Parsing, rounding and
 * String() follow kube's rules, quirks included, because the text is what clients diff:
 * - a parsed string already in canonical-enough form is echoed verbatim (`+5`, `05`, `1.500`);
 * - precision below 1n is rounded up, away from zero (`1e-10` -> `1e-9`);
 * - BinarySI amounts above 2^63-1 are capped; BinarySI prints decimally when the value is
 *   within (-1024, 1024) or not an integer (`0.5Ki` -> `512`, `1.1Ki` -> `1126400m`);
 * - an exponent with no SI suffix loses its suffix, as in kube (`1000E` prints `1`).
 */

export type QuantityFormat = 'DecimalExponent' | 'BinarySI' | 'DecimalSI';

export const QUANTITY_FORMAT_ERROR =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
export const QUANTITY_NUMERIC_ERROR = 'unable to parse numeric part of quantity';
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix";

/** A quantity string kube would reject; the message is kube's. */
export class QuantityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QuantityError';
  }
}

const DEC_SUFFIXES: Readonly<Record<string, number>> = {
  n: -9,
  u: -6,
  m: -3,
  '': 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};
const BIN_SUFFIXES: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DEC_BY_EXP = new Map(Object.entries(DEC_SUFFIXES).map(([s, e]) => [e, s]));
const BIN_BY_EXP = new Map(Object.entries(BIN_SUFFIXES).map(([s, e]) => [e, s]));
const MAX_INT64 = 9223372036854775807n;
const NANO = -9;

const pow10 = (n: number): bigint => 10n ** BigInt(n);
const abs = (n: bigint): bigint => (n < 0n ? -n : n);
const digitCount = (n: bigint): number => (n === 0n ? 0 : abs(n).toString().length);

interface Scanned {
  positive: boolean;
  value: string;
  num: string;
  denom: string;
  suffix: string;
}

/** kube's parseQuantityString: sign, digits, optional `.digits`, then a suffix. */
function scan(str: string): Scanned {
  const end = str.length;
  let pos = 0;
  let positive = true;
  if (str[0] === '-') {
    positive = false;
    pos++;
  } else if (str[0] === '+') pos++;
  while (pos < end && str[pos] === '0') pos++;
  if (pos >= end) return { positive, value: '0', num: '0', denom: '', suffix: '' };
  let i = pos;
  while (i < end && isDigit(str[i])) i++;
  let num = str.slice(pos, i);
  if (i >= end) return { positive, value: str, num, denom: '', suffix: '' };
  if (num === '') num = '0';
  pos = i;
  let denom = '';
  if (str[pos] === '.') {
    pos++;
    i = pos;
    while (i < end && isDigit(str[i])) i++;
    denom = str.slice(pos, i);
    if (i >= end) return { positive, value: str, num, denom, suffix: '' };
    pos = i;
  }
  const value = str.slice(0, pos);
  const suffixStart = pos;
  while (pos < end && 'eEinumkKMGTP'.includes(str[pos] as string)) pos++;
  if (pos < end && (str[pos] === '-' || str[pos] === '+')) pos++;
  while (pos < end && isDigit(str[pos])) pos++;
  if (pos < end) throw new QuantityError(QUANTITY_FORMAT_ERROR);
  return { positive, value, num, denom, suffix: str.slice(suffixStart) };
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/** Suffix -> base, exponent and format; `e<int>`/`E<int>` is a decimal exponent. */
function interpret(suffix: string): { base: 2 | 10; exponent: number; format: QuantityFormat } {
  if (Object.hasOwn(DEC_SUFFIXES, suffix))
    return { base: 10, exponent: DEC_SUFFIXES[suffix] as number, format: 'DecimalSI' };
  if (Object.hasOwn(BIN_SUFFIXES, suffix))
    return { base: 2, exponent: BIN_SUFFIXES[suffix] as number, format: 'BinarySI' };
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && /^[+-]?[0-9]+$/.test(suffix.slice(1))) {
    const parsed = BigInt(suffix.slice(1));
    if (parsed <= MAX_INT64 && parsed >= -MAX_INT64 - 1n) {
      // Go narrows the exponent to int32.
      return { base: 10, exponent: Number(BigInt.asIntN(32, parsed)), format: 'DecimalExponent' };
    }
  }
  throw new QuantityError(QUANTITY_SUFFIX_ERROR);
}

/** Divides by 10^k rounding away from zero. */
function divRoundUp(m: bigint, k: number): bigint {
  if (k <= 0) return m * pow10(-k);
  // A quotient that cannot reach 1 rounds to +-1 without materialising a huge power of ten.
  if (digitCount(m) <= k) return m === 0n ? 0n : m > 0n ? 1n : -1n;
  const d = pow10(k);
  const q = m / d;
  if (q * d === m) return q;
  return m > 0n ? q + 1n : q - 1n;
}

export class Quantity {
  private constructor(
    /** value = mantissa * 10^exponent */
    readonly mantissa: bigint,
    readonly exponent: number,
    readonly format: QuantityFormat,
    private readonly text?: string,
  ) {}

  /**
   * resource.ParseQuantity. Throws QuantityError with kube's message: the regular expression
   * text for malformed input, `unable to parse quantity's suffix` for a bad suffix.
   */
  static parse(str: string): Quantity {
    if (str === '') throw new QuantityError(QUANTITY_FORMAT_ERROR);
    if (str === '0') return new Quantity(0n, 0, 'DecimalSI', str);
    const { positive, value, num, denom, suffix } = scan(str);
    const { base, exponent, format } = interpret(suffix);
    const sign = positive ? 1n : -1n;

    // kube's int64 fast path; only it may keep the input text as the canonical string.
    let precision = -1;
    let mult = 1n;
    if (format === 'BinarySI') {
      if (exponent >= 0 && denom.length === 0) {
        mult = 1n << BigInt(exponent);
        precision = 15 - num.length - Math.trunc((exponent * 3) / 10) - 1;
      }
    } else {
      precision = 18 - (num.length + denom.length);
    }
    if (precision >= 0) {
      const scale = (format === 'BinarySI' ? 0 : exponent) - denom.length;
      if (scale >= NANO) {
        const shifted = num + denom;
        const v = BigInt(shifted);
        const result = v * mult;
        if (result <= MAX_INT64) {
          const keep =
            format === 'BinarySI'
              ? exponent % 10 === 0 && (v & 7n) !== 0n
              : scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0';
          return new Quantity(sign * result, scale, format, keep ? str : undefined);
        }
      }
    }

    // Exact slow path: digits as a decimal, then the suffix, then kube's rounding and caps.
    const digits = value.replace(/^[+-]/, '');
    const dot = digits.indexOf('.');
    const intPart = dot < 0 ? digits : digits.slice(0, dot);
    const fracPart = dot < 0 ? '' : digits.slice(dot + 1);
    if (!/^[0-9]*$/.test(intPart + fracPart) || intPart + fracPart === '')
      throw new QuantityError(QUANTITY_NUMERIC_ERROR);
    let m = BigInt(intPart + fracPart);
    let e = -fracPart.length;
    if (base === 10) e += exponent;
    else m *= 1n << BigInt(exponent);
    if (m !== 0n && e < NANO) {
      m = divRoundUp(m, NANO - e);
      e = NANO;
    }
    let fmt = format;
    if (fmt === 'BinarySI') {
      if (compareMagnitude(m, e, MAX_INT64, 0) > 0) {
        m = MAX_INT64;
        e = 0;
      }
      if (m !== 0n && compareMagnitude(m, e, 1n, 0) < 0) fmt = 'DecimalSI';
    }
    return new Quantity(sign * m, e, fmt);
  }

  /** Like parse() but returns undefined instead of throwing. */
  static tryParse(str: string): Quantity | undefined {
    try {
      return Quantity.parse(str);
    } catch {
      return undefined;
    }
  }

  /** resource.NewScaledQuantity(value, scale): value x 10^scale. */
  static scaled(value: bigint | number, scale: number, format: QuantityFormat = 'DecimalSI'): Quantity {
    return new Quantity(BigInt(value), scale, format);
  }
  /** resource.NewQuantity(value, format). */
  static of(value: bigint | number, format: QuantityFormat = 'DecimalSI'): Quantity {
    return new Quantity(BigInt(value), 0, format);
  }
  /** resource.NewMilliQuantity(milli, format). */
  static milli(value: bigint | number, format: QuantityFormat = 'DecimalSI'): Quantity {
    return new Quantity(BigInt(value), -3, format);
  }

  isZero(): boolean {
    return this.mantissa === 0n;
  }
  sign(): -1 | 0 | 1 {
    return this.mantissa === 0n ? 0 : this.mantissa > 0n ? 1 : -1;
  }

  /** -1, 0 or 1 as this is less than, equal to or greater than `other`. */
  cmp(other: Quantity): -1 | 0 | 1 {
    const a = this.sign();
    const b = other.sign();
    if (a !== b) return a < b ? -1 : 1;
    const c = compareMagnitude(this.mantissa, this.exponent, other.mantissa, other.exponent);
    return (a < 0 && c !== 0 ? -c : c) as -1 | 0 | 1;
  }
  equal(other: Quantity): boolean {
    return this.cmp(other) === 0;
  }

  /** The sum; takes `other`'s format when this is zero (kube's Add). */
  add(other: Quantity): Quantity {
    const [a, b, e] = align(this, other);
    return new Quantity(a + b, e, this.isZero() ? other.format : this.format);
  }
  /** The difference; takes `other`'s format when this is zero (kube's Sub). */
  sub(other: Quantity): Quantity {
    const [a, b, e] = align(this, other);
    return new Quantity(a - b, e, this.isZero() ? other.format : this.format);
  }
  neg(): Quantity {
    return new Quantity(-this.mantissa, this.exponent, this.format);
  }
  /** The same amount printed in another format. */
  withFormat(format: QuantityFormat): Quantity {
    return new Quantity(this.mantissa, this.exponent, format);
  }

  /** ScaledValue(scale) as bigint: the value in units of 10^scale, rounded away from zero. */
  scaledValue(scale: number): bigint {
    return divRoundUp(this.mantissa, scale - this.exponent);
  }
  /** Value(): whole units, rounded away from zero (`100m` -> 1). */
  value(): number {
    return Number(this.scaledValue(0));
  }
  /** MilliValue(): thousandths, rounded away from zero (`1.5` -> 1500). */
  milliValue(): number {
    return Number(this.scaledValue(-3));
  }
  /** An approximate float (AsApproximateFloat64); never use it for comparisons. */
  toNumber(): number {
    return Number(`${this.mantissa}e${this.exponent}`);
  }

  /** kube's Quantity.String(): the canonical text (or the parsed text when kube keeps it). */
  toString(): string {
    if (this.text !== undefined) return this.text;
    if (this.mantissa === 0n) return '0';
    let format = this.format;
    if (format === 'BinarySI') {
      const small = compareMagnitude(this.mantissa, this.exponent, 1024n, 0) < 0;
      const integral = this.exponent >= 0 || this.mantissa % pow10(-this.exponent) === 0n;
      if (small || !integral) format = 'DecimalSI';
      else {
        let n = this.exponent >= 0 ? this.mantissa * pow10(this.exponent) : this.mantissa / pow10(-this.exponent);
        let k = 0;
        while (n % 1024n === 0n) {
          n /= 1024n;
          k += 10;
        }
        return `${n}${BIN_BY_EXP.get(k) ?? ''}`;
      }
    }
    let m = this.mantissa;
    let e = this.exponent;
    while (m % 10n === 0n) {
      m /= 10n;
      e++;
    }
    while (((e % 3) + 3) % 3 !== 0) {
      m *= 10n;
      e--;
    }
    if (format === 'DecimalSI') return `${m}${DEC_BY_EXP.get(e) ?? ''}`;
    return e === 0 ? `${m}` : `${m}e${e}`;
  }

  /** JSON form is the string, as kube marshals it. */
  toJSON(): string {
    return this.toString();
  }
}

/** Compares |a| x 10^ea with |b| x 10^eb without building numbers wider than needed. */
function compareMagnitude(a: bigint, ea: number, b: bigint, eb: number): -1 | 0 | 1 {
  const x = abs(a);
  const y = abs(b);
  if (x === 0n || y === 0n) return x === y ? 0 : x === 0n ? -1 : 1;
  const ox = digitCount(x) + ea;
  const oy = digitCount(y) + eb;
  if (ox !== oy) return ox < oy ? -1 : 1;
  const e = Math.min(ea, eb);
  const xs = x * pow10(ea - e);
  const ys = y * pow10(eb - e);
  return xs === ys ? 0 : xs < ys ? -1 : 1;
}

function align(p: Quantity, q: Quantity): [bigint, bigint, number] {
  const e = Math.min(p.exponent, q.exponent);
  return [p.mantissa * pow10(p.exponent - e), q.mantissa * pow10(q.exponent - e), e];
}

/** resource.ParseQuantity as a function. */
export const parseQuantity = (s: string): Quantity => Quantity.parse(s);

/** A Quantity from JSON: kube accepts a string or a bare number. */
export function quantityFromJSON(v: unknown): Quantity {
  if (typeof v === 'string') return Quantity.parse(v);
  if (typeof v === 'number' && Number.isFinite(v)) return Quantity.parse(String(v).replace('e+', 'e'));
  throw new QuantityError(QUANTITY_FORMAT_ERROR);
}
