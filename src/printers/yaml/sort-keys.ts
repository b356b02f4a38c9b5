/**
 * go-yaml v2's map key order (its keyList.Less), which kubectl's YAML inherits: not plain byte
 * order. Runs of digits compare by numeric value ("a9" < "a10"), and at the first difference a
 * non-letter sorts before a letter ("a_b" < "aB") while two letters compare by code point.
 */

const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;

const isLetter = (ch: string): boolean => LETTER.test(ch);
const isDigit = (ch: string): boolean => DIGIT.test(ch);

/** Comparator for Array.prototype.sort giving go-yaml v2's order of string keys. */
export function compareKeysGoYamlV2(a: string, b: string): number {
  if (a === b) return 0;
  return lessGoYamlV2(a, b) ? -1 : 1;
}

const ASCII_LETTERS = /^[A-Za-z]*$/;

function lessGoYamlV2(a: string, b: string): boolean {
  // Pure ASCII-letter keys (the common case) compare by code unit.
  if (ASCII_LETTERS.test(a) && ASCII_LETTERS.test(b)) return a < b;
  const ar = Array.from(a);
  const br = Array.from(b);
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]!);
    const bl = isLetter(br[i]!);
    if (al && bl) return ar[i]!.codePointAt(0)! < br[i]!.codePointAt(0)!;
    if (al || bl) return bl;
    // Both non-letters: compare the digit runs starting here numerically.
    let an = 0;
    let bn = 0;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]!); j--) {
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]!); ai++) an = an * 10 + (ar[ai]!.codePointAt(0)! - 48);
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]!); bi++) bn = bn * 10 + (br[bi]!.codePointAt(0)! - 48);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i]!.codePointAt(0)! < br[i]!.codePointAt(0)!;
  }
  return ar.length < br.length;
}
