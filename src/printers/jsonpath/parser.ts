/**
 * Parser for kubectl's JSONPath template dialect (k8s.io/client-go/util/jsonpath): text outside
 * `{…}` is copied; inside an action: `.field` (backslash escapes a dot), `..` recursive descent,
 * `*` / `[*]` wildcards, `[i]`, `[a:b:c]` slices, `['key']`, `[a,b]` unions, `[?(@.x == "y")]`
 * filters, quoted literals, numbers, `true`/`false`, `@`/`$`, and the `range`/`end` keywords.
 * Error texts are client-go's, since kubectl prints them verbatim.
 */

export type JPNode =
  | { type: 'list'; nodes: JPNode[] }
  | { type: 'text'; text: string }
  | { type: 'field'; name: string }
  | { type: 'array'; params: SliceParam[] }
  | { type: 'filter'; left: JPNode; right: JPNode; op: string }
  | { type: 'int'; value: number }
  | { type: 'float'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'wildcard' }
  | { type: 'recursive' }
  | { type: 'union'; nodes: JPNode[] }
  | { type: 'identifier'; name: string };

export interface SliceParam {
  value: number;
  known: boolean;
  derived: boolean;
}

const EOF = '';

const isSpace = (r: string) => r === ' ' || r === '\t';
const isEndOfLine = (r: string) => r === '\r' || r === '\n';
const isTerminator = (r: string) => isSpace(r) || isEndOfLine(r) || r === EOF || '.,[]$@{}'.includes(r);
const isDigit = (r: string) => /^\p{Nd}$/u.test(r);
const isAlphaNumeric = (r: string) => r === '_' || /^[\p{L}\p{Nd}]$/u.test(r);

const SLICE = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/;
const DICT_KEY = /^'([^']*)'$/;
const FILTER = /^([^!<>=]+)([!<>=]+)(.+?)$/s;

class Parser {
  private pos = 0;
  private start = 0;
  private width = 0;
  readonly root: { type: 'list'; nodes: JPNode[] } = { type: 'list', nodes: [] };

  constructor(private readonly input: string) {}

  private consume(): string {
    const v = this.input.slice(this.start, this.pos);
    this.start = this.pos;
    return v;
  }

  private next(): string {
    if (this.pos >= this.input.length) {
      this.width = 0;
      return EOF;
    }
    const ch = String.fromCodePoint(this.input.codePointAt(this.pos)!);
    this.width = ch.length;
    this.pos += ch.length;
    return ch;
  }

  private peek(): string {
    const r = this.next();
    this.backup();
    return r;
  }

  private backup(): void {
    this.pos -= this.width;
  }

  private rest(): string {
    return this.input.slice(this.pos);
  }

  parseText(cur: JPNode[]): void {
    // Iterative rather than mutually recursive, so long templates cannot overflow the stack.
    for (;;) {
      if (this.rest().startsWith('{')) {
        if (this.pos > this.start) this.root.nodes.push({ type: 'text', text: this.consume() });
        this.pos += 1;
        this.consume();
        const list: JPNode[] = [];
        this.root.nodes.push({ type: 'list', nodes: list });
        this.parseInsideAction(list);
        continue;
      }
      if (this.next() === EOF) break;
    }
    if (this.pos > this.start) cur.push({ type: 'text', text: this.consume() });
  }

  /** Parses one action up to and including its `}`. */
  private parseInsideAction(cur: JPNode[]): void {
    for (;;) {
      const rest = this.rest();
      if (rest.startsWith('}')) {
        this.pos += 1;
        this.consume();
        return;
      }
      if (rest.startsWith('[?(')) {
        this.parseFilter(cur);
        continue;
      }
      if (rest.startsWith('..')) {
        this.parseRecursive(cur);
        continue;
      }
      const r = this.next();
      if (r === EOF || isEndOfLine(r)) throw new Error('unclosed action');
      if (r === ' ' || r === '@' || r === '$') this.consume();
      else if (r === '[') this.parseArray(cur);
      else if (r === '"' || r === "'") this.parseQuote(cur, r);
      else if (r === '.') this.parseField(cur);
      else if (r === '+' || r === '-' || isDigit(r)) {
        this.backup();
        this.parseNumber(cur);
      } else if (isAlphaNumeric(r)) {
        this.backup();
        this.parseIdentifier(cur);
      } else {
        throw new Error(`unrecognized character in action: ${goRuneDesc(r)}`);
      }
    }
  }

  private parseIdentifier(cur: JPNode[]): void {
    for (;;) {
      const r = this.next();
      if (isTerminator(r)) {
        this.backup();
        break;
      }
    }
    const value = this.consume();
    if (value === 'true' || value === 'false') cur.push({ type: 'bool', value: value === 'true' });
    else cur.push({ type: 'identifier', name: value });
  }

  private parseRecursive(cur: JPNode[]): void {
    if (cur.at(-1)?.type === 'recursive') throw new Error('invalid multiple recursive descent');
    this.pos += 2;
    this.consume();
    cur.push({ type: 'recursive' });
    if (isAlphaNumeric(this.peek())) this.parseField(cur);
  }

  private parseNumber(cur: JPNode[]): void {
    const r = this.peek();
    if (r === '+' || r === '-') this.next();
    for (;;) {
      const c = this.next();
      if (c !== '.' && !isDigit(c)) {
        this.backup();
        break;
      }
    }
    const value = this.consume();
    if (/^[+-]?\d+$/.test(value)) cur.push({ type: 'int', value: Number(value) });
    else if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(value)) cur.push({ type: 'float', value: Number(value) });
    else throw new Error(`cannot parse number ${value}`);
  }

  private parseArray(cur: JPNode[]): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === '\n') throw new Error('unterminated array');
      if (r === ']') break;
    }
    let text = this.consume();
    text = text.slice(1, -1);
    if (text === '*') text = ':';

    const parts = text.split(',');
    if (parts.length > 1) {
      const union = parts.map((p) => parseAction(`[${p.trim()}]`));
      cur.push({ type: 'union', nodes: union });
      return;
    }
    const dict = DICT_KEY.exec(text);
    if (dict) {
      cur.push(...parseAction(`.${dict[1]}`).nodes);
      return;
    }
    const m = SLICE.exec(text);
    if (!m) throw new Error(`invalid array index ${text}`);
    const params: SliceParam[] = [];
    for (let i = 0; i < 3; i++) {
      let v = m[i + 1] ?? '';
      if (v !== '') {
        if (i > 0) v = v.slice(1);
        if (i > 0 && v === '') params.push({ value: 0, known: false, derived: false });
        else {
          if (!/^-?\d+$/.test(v)) throw new Error(`array index ${v} is not a number`);
          params.push({ value: Number(v), known: true, derived: false });
        }
      } else if (i === 1) {
        params.push({ value: params[0]!.value + 1, known: true, derived: true });
      } else {
        params.push({ value: 0, known: false, derived: false });
      }
    }
    cur.push({ type: 'array', params });
  }

  private parseFilter(cur: JPNode[]): void {
    this.pos += 3;
    this.consume();
    let begin = false;
    let end = false;
    let pair = '';
    for (;;) {
      const r = this.next();
      if (r === EOF || r === '\n') throw new Error('unterminated filter');
      if (r === '"' || r === "'") {
        if (!begin) {
          begin = true;
          pair = r;
          continue;
        }
        if (this.input[this.pos - 2] !== '\\' && r === pair) end = true;
      } else if (r === ')' && begin === end) {
        break;
      }
    }
    if (this.next() !== ']') throw new Error('unclosed array expect ]');
    const text = this.consume().slice(0, -2);
    const m = FILTER.exec(text);
    if (!m) {
      cur.push({ type: 'filter', left: parseAction(text), right: { type: 'list', nodes: [] }, op: 'exists' });
    } else {
      cur.push({ type: 'filter', left: parseAction(m[1]!), right: parseAction(m[3]!), op: m[2]! });
    }
  }

  private parseQuote(cur: JPNode[], quote: string): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === '\n') throw new Error('unterminated quoted string');
      if (r === quote && this.input[this.pos - 2] !== '\\') break;
    }
    const value = this.consume();
    cur.push({ type: 'text', text: unquoteExtend(value) });
  }

  private parseField(cur: JPNode[]): void {
    this.consume();
    for (;;) {
      const r = this.next();
      if (r === '\\') this.next();
      else if (isTerminator(r)) {
        this.backup();
        break;
      }
    }
    const value = this.consume();
    if (value === '*') cur.push({ type: 'wildcard' });
    else cur.push({ type: 'field', name: value.replaceAll('\\', '') });
  }
}

/** Go's %#U of a rune: `U+0021 '!'`. */
function goRuneDesc(r: string): string {
  const cp = r.codePointAt(0)!;
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')} '${r}'`;
}

/** Parses `{text}` and returns its single action list (client-go's parseAction). */
function parseAction(text: string): { type: 'list'; nodes: JPNode[] } {
  const root = parseJsonPath(`{${text}}`);
  const first = root.nodes[0];
  return first && first.type === 'list' ? first : { type: 'list', nodes: [] };
}

/** strconv.Unquote extended to single-quoted strings of any length. */
export function unquoteExtend(s: string): string {
  if (s.length < 2 || s[0] !== s[s.length - 1] || (s[0] !== '"' && s[0] !== "'")) {
    throw new Error(`unquote string ${s} error invalid syntax`);
  }
  const quote = s[0];
  const body = s.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === quote) throw new Error(`unquote string ${s} error invalid syntax`);
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++i];
    const simple: Record<string, string> = {
      a: '\x07',
      b: '\b',
      f: '\f',
      n: '\n',
      r: '\r',
      t: '\t',
      v: '\v',
      '\\': '\\',
      "'": "'",
      '"': '"',
    };
    if (e !== undefined && simple[e] !== undefined) {
      if ((e === "'" || e === '"') && e !== quote) throw new Error(`unquote string ${s} error invalid syntax`);
      out += simple[e];
      continue;
    }
    const hexLen = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
    if (hexLen > 0) {
      const hex = body.slice(i + 1, i + 1 + hexLen);
      if (hex.length !== hexLen || !/^[0-9a-fA-F]+$/.test(hex))
        throw new Error(`unquote string ${s} error invalid syntax`);
      out += String.fromCodePoint(Number.parseInt(hex, 16));
      i += hexLen;
      continue;
    }
    if (e !== undefined && /[0-7]/.test(e)) {
      const oct = body.slice(i, i + 3);
      if (!/^[0-7]{3}$/.test(oct)) throw new Error(`unquote string ${s} error invalid syntax`);
      out += String.fromCodePoint(Number.parseInt(oct, 8));
      i += 2;
      continue;
    }
    throw new Error(`unquote string ${s} error invalid syntax`);
  }
  return out;
}

/** Parses a JSONPath template; throws Error with client-go's message on bad syntax. */
export function parseJsonPath(template: string): { type: 'list'; nodes: JPNode[] } {
  const p = new Parser(template);
  p.parseText(p.root.nodes);
  return p.root;
}
