import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DurationError,
  formatGoDuration,
  formatGoDurationMs,
  humanDuration,
  parseGoDuration,
  parseGoDurationMs,
  shortHumanDuration,
} from '../../src/api/duration.js';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('humanDuration (kubectl AGE)', () => {
  const CASES: ReadonlyArray<[number, string]> = [
    [0, '0s'],
    [S, '1s'],
    [70 * S, '70s'],
    [119 * S + 999, '119s'],
    [2 * M, '2m'],
    [190 * S, '3m10s'],
    [9 * M + 59 * S, '9m59s'],
    [10 * M + 30 * S, '10m'],
    [70 * M, '70m'],
    [3 * H, '3h'],
    [3 * H + 4 * M, '3h4m'],
    [7 * H + 59 * M, '7h59m'],
    [8 * H + 30 * M, '8h'],
    [47 * H, '47h'],
    [49 * H, '2d1h'],
    [3 * D, '3d'],
    [(8 * 24 + 2) * H, '8d'],
    [45 * D, '45d'],
    [367 * D, '367d'],
    [(365 * 2 * 24 + 25) * H, '2y1d'],
    [2 * 365 * D + 100 * D, '2y100d'],
    [3 * 365 * D, '3y'],
    [(365 * 8 * 24 + 2) * H, '8y'],
    [-1999, '0s'],
    [-2000, '<invalid>'],
  ];
  it.each(CASES)('%d ms -> %s', (ms, expected) => {
    expect(humanDuration(ms)).toBe(expected);
  });
});

describe('shortHumanDuration', () => {
  const CASES: ReadonlyArray<[number, string]> = [
    [-5 * S, '<invalid>'],
    [-S, '0s'],
    [59 * S, '59s'],
    [60 * S, '1m'],
    [59 * M, '59m'],
    [23 * H, '23h'],
    [364 * D, '364d'],
    [400 * D, '1y'],
    [800 * D, '2y'],
  ];
  it.each(CASES)('%d ms -> %s', (ms, expected) => {
    expect(shortHumanDuration(ms)).toBe(expected);
  });
});

describe('Go durations', () => {
  const PARSE: ReadonlyArray<[string, bigint]> = [
    ['0', 0n],
    ['+0', 0n],
    ['-0', 0n],
    ['30s', 30_000_000_000n],
    ['1m30s', 90_000_000_000n],
    ['1.5h', 5_400_000_000_000n],
    ['-1.5h', -5_400_000_000_000n],
    ['300ms', 300_000_000n],
    ['.5s', 500_000_000n],
    ['5.s', 5_000_000_000n],
    ['1us', 1000n],
    ['1µs', 1000n],
    ['1μs', 1000n],
    ['10ns', 10n],
    ['2h45m0.5s', 9_900_500_000_000n],
    ['0.000000001s', 1n],
    ['9223372036854775807ns', 9223372036854775807n],
    ['-9223372036854775808ns', -9223372036854775808n],
    ['1.00000000000000000000001s', 1_000_000_000n],
  ];
  it.each(PARSE)('parses %s', (s, ns) => {
    expect(parseGoDuration(s)).toBe(ns);
  });

  const ERRORS: ReadonlyArray<[string, string]> = [
    ['', 'time: invalid duration ""'],
    ['x', 'time: invalid duration "x"'],
    ['.', 'time: invalid duration "."'],
    ['-', 'time: invalid duration "-"'],
    ['1', 'time: missing unit in duration "1"'],
    ['1d', 'time: unknown unit "d" in duration "1d"'],
    ['1s2', 'time: missing unit in duration "1s2"'],
    ['9223372036854775808ns', 'time: invalid duration "9223372036854775808ns"'],
    ['3000000h', 'time: invalid duration "3000000h"'],
    ['99999999999999999999s', 'time: invalid duration "99999999999999999999s"'],
    ['1"s', 'time: unknown unit "\\"s" in duration "1\\"s"'],
  ];
  it.each(ERRORS)('rejects %j', (s, message) => {
    expect(() => parseGoDuration(s)).toThrow(new DurationError(message));
  });

  const FORMAT: ReadonlyArray<[bigint, string]> = [
    [0n, '0s'],
    [1n, '1ns'],
    [1100n, '1.1µs'],
    [2_200_000n, '2.2ms'],
    [1_500_000_000n, '1.5s'],
    [90_000_000_000n, '1m30s'],
    [3_600_000_000_000n, '1h0m0s'],
    [3_720_500_000_000n, '1h2m0.5s'],
    [-1_500_000_000n, '-1.5s'],
    [9223372036854775807n, '2562047h47m16.854775807s'],
    [-9223372036854775808n, '-2562047h47m16.854775808s'],
  ];
  it.each(FORMAT)('formats %d', (ns, text) => {
    expect(formatGoDuration(ns)).toBe(text);
  });

  it('has millisecond helpers', () => {
    expect(parseGoDurationMs('1m')).toBe(60000);
    expect(formatGoDurationMs(1500)).toBe('1.5s');
  });

  it('format then parse is the identity', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), (ns) => {
        expect(parseGoDuration(formatGoDuration(ns))).toBe(ns);
      }),
    );
  });
});
