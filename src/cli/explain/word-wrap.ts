/**
 * Word wrapping as kubectl's explain templates do it (go-wordwrap's WrapString): words are
 * never split, a line breaks before the word that would pass `limit` runes (unless the word
 * alone is as long as the limit), existing newlines are kept, and the spaces at a break are
 * dropped. Counts runes, as Go does.
 */
const isSpace = (ch: string) => ch !== '\u00a0' && /\s/u.test(ch);

export function wrapString(s: string, limit: number): string {
  let buf = '';
  let current = 0;
  let word = '';
  let wordLen = 0;
  let space = '';
  let spaceLen = 0;
  for (const ch of s) {
    if (ch === '\n') {
      buf += space + word + ch;
      space = '';
      spaceLen = 0;
      word = '';
      wordLen = 0;
      current = 0;
    } else if (isSpace(ch)) {
      if (space.length === 0 || word.length > 0) {
        current += spaceLen + wordLen;
        buf += space + word;
        space = '';
        spaceLen = 0;
        word = '';
        wordLen = 0;
      }
      space += ch;
      spaceLen++;
    } else {
      word += ch;
      wordLen++;
      if (current + spaceLen + wordLen > limit && wordLen < limit) {
        buf += '\n';
        current = 0;
        space = '';
        spaceLen = 0;
      }
    }
  }
  if (word.length === 0) {
    if (current + spaceLen <= limit) buf += space;
  } else buf += space + word;
  return buf;
}

/** The templates' `indent`: pads the first line and every line after a newline. */
export function indent(amount: number, s: string): string {
  const pad = ' '.repeat(amount);
  return pad + s.replaceAll('\n', `\n${pad}`);
}
