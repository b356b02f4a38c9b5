/**
 * Lexer for a subset of Go's text/template (text/template/parse/lex.go): text, `{{ }}` actions
 * with `{{- ` / ` -}}` whitespace trimming, comments, fields, variables, identifiers, strings
 * (interpreted and raw), chars, numbers, `( ) | , := =`.
 */

export type ItemType =
  | 'text'
  | 'left'
  | 'right'
  | 'space'
  | 'field'
  | 'variable'
  | 'identifier'
  | 'keyword'
  | 'string'
  | 'rawString'
  | 'char'
  | 'number'
  | 'bool'
  | 'nil'
  | 'dot'
  | 'pipe'
  | 'lparen'
  | 'rparen'
  | 'declare'
  | 'assign'
  | 'comma'
  | 'eof';

export interface Item {
  type: ItemType;
  val: string;
  /** Byte offset in the template (Go positions are bytes). */
  pos: number;
  line: number;
}

export class TemplateSyntaxError extends Error {}

const KEYWORDS = new Set(['if', 'else', 'end', 'range', 'with', 'define', 'template', 'block', 'break', 'continue']);

const isSpaceCh = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const isAlnum = (c: string) => c === '_' || /^[\p{L}\p{Nd}]$/u.test(c);

/** Tokenizes `text`; errors carry Go's messages (prefixed by the caller with name and line). */
export function lex(text: string): Item[] {
  const items: Item[] = [];
  const byteOffset = (i: number) => Buffer.byteLength(text.slice(0, i));
  const lineAt = (i: number) => 1 + (text.slice(0, i).match(/\n/g)?.length ?? 0);
  const fail = (i: number, msg: string): never => {
    throw new TemplateSyntaxError(`${lineAt(i)}: ${msg}`);
  };
  const emit = (type: ItemType, start: number, end: number) =>
    items.push({ type, val: text.slice(start, end), pos: byteOffset(start), line: lineAt(start) });

  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{{', i);
    if (open < 0) {
      emit('text', i, text.length);
      i = text.length;
      break;
    }
    let textEnd = open;
    const trimLeft = text[open + 2] === '-' && isSpaceCh(text[open + 3] ?? '');
    if (trimLeft) while (textEnd > i && isSpaceCh(text[textEnd - 1]!)) textEnd--;
    if (textEnd > i) emit('text', i, textEnd);
    let p = open + 2 + (trimLeft ? 2 : 0);
    // Comment: {{/* ... */}}
    if (text.startsWith('/*', p)) {
      const close = text.indexOf('*/', p);
      if (close < 0) fail(p, 'unclosed comment');
      p = close + 2;
      let trimRight = false;
      if (text.startsWith(' -}}', p)) {
        trimRight = true;
        p += 4;
      } else if (text.startsWith('}}', p)) p += 2;
      else fail(p, 'comment ends before closing delimiter');
      if (trimRight) while (p < text.length && isSpaceCh(text[p]!)) p++;
      i = p;
      continue;
    }
    emit('left', open, open + 2);
    let parenDepth = 0;
    for (;;) {
      if (text.startsWith(' -}}', p) || text.startsWith('\t-}}', p) || text.startsWith('\n-}}', p)) {
        emit('right', p + 2, p + 4);
        p += 4;
        while (p < text.length && isSpaceCh(text[p]!)) p++;
        break;
      }
      if (text.startsWith('}}', p)) {
        if (parenDepth > 0) fail(p, 'unclosed left paren');
        emit('right', p, p + 2);
        p += 2;
        break;
      }
      const c = text[p];
      if (c === undefined) fail(p, 'unclosed action');
      const start = p;
      if (isSpaceCh(c!)) {
        while (p < text.length && isSpaceCh(text[p]!) && !text.startsWith(' -}}', p)) p++;
        emit('space', start, p);
      } else if (c === '=') {
        emit('assign', p, ++p);
      } else if (c === ':') {
        if (text[p + 1] !== '=') fail(p, 'expected :=');
        p += 2;
        emit('declare', start, p);
      } else if (c === '|') {
        emit('pipe', p, ++p);
      } else if (c === ',') {
        emit('comma', p, ++p);
      } else if (c === '(') {
        parenDepth++;
        emit('lparen', p, ++p);
      } else if (c === ')') {
        parenDepth--;
        if (parenDepth < 0) fail(p, `unexpected right paren`);
        emit('rparen', p, ++p);
      } else if (c === '"') {
        p++;
        while (p < text.length && text[p] !== '"') {
          if (text[p] === '\\') p++;
          if (text[p] === '\n' || p >= text.length) fail(p, 'unterminated quoted string');
          p++;
        }
        if (p >= text.length) fail(p, 'unterminated quoted string');
        emit('string', start, ++p);
      } else if (c === '`') {
        const close = text.indexOf('`', p + 1);
        if (close < 0) fail(p, 'unterminated raw quoted string');
        p = close + 1;
        emit('rawString', start, p);
      } else if (c === "'") {
        p++;
        while (p < text.length && text[p] !== "'") {
          if (text[p] === '\\') p++;
          p++;
        }
        if (p >= text.length) fail(p, 'unterminated character constant');
        emit('char', start, ++p);
      } else if (c === '$') {
        p++;
        while (p < text.length && isAlnum(text[p]!)) p++;
        emit('variable', start, p);
      } else if (c === '.') {
        if (/[0-9]/.test(text[p + 1] ?? '')) {
          p = scanNumber(text, p);
          emit('number', start, p);
        } else {
          p++;
          while (p < text.length && isAlnum(text[p]!)) p++;
          emit(p - start === 1 ? 'dot' : 'field', start, p);
        }
      } else if (c === '+' || c === '-' || /[0-9]/.test(c)) {
        p = scanNumber(text, p);
        if (p === start) fail(p, `bad number syntax: "${c}"`);
        emit('number', start, p);
      } else if (isAlnum(c)) {
        while (p < text.length && isAlnum(text[p]!)) p++;
        const word = text.slice(start, p);
        if (word === 'true' || word === 'false') emit('bool', start, p);
        else if (word === 'nil') emit('nil', start, p);
        else emit(KEYWORDS.has(word) ? 'keyword' : 'identifier', start, p);
      } else {
        fail(p, `unexpected "${c}" in command`);
      }
    }
    i = p;
  }
  items.push({ type: 'eof', val: '', pos: Buffer.byteLength(text), line: lineAt(text.length) });
  return items;
}

function scanNumber(text: string, p: number): number {
  const m =
    /^[+-]?(0[xX][0-9a-fA-F_]+(\.[0-9a-fA-F_]*)?([pP][+-]?\d+)?|0[bB][01_]+|0[oO][0-7_]+|(\d[\d_]*)?\.?[\d_]*([eE][+-]?\d+)?i?)/.exec(
      text.slice(p),
    );
  return p + (m ? m[0].length : 0);
}
