/**
 * The label selector grammar (labels.Parse), ported token for token so that error texts match:
 *
 *   selector    ::= requirement ("," requirement)*
 *   requirement ::= ["!"] KEY [ ("in" | "notin") "(" values ")" | ("=" | "==" | "!=" | ">" | "<") VALUE ]
 *
 * Whitespace (space, tab, CR, LF) separates tokens and is otherwise ignored. `in`/`notin` are
 * keywords after a key and plain identifiers where a key or value is expected.
 */
import { labelKeyError, newRequirement, type Operator, type Requirement, SelectorError } from './requirement.js';

type Token = 'error' | 'eos' | ')' | ',' | '!' | '==' | '=' | '>' | 'id' | 'in' | '<' | '!=' | 'notin' | '(';

const LITERAL_TOKENS: Readonly<Record<string, Token>> = {
  ')': ')',
  ',': ',',
  '!': '!',
  '==': '==',
  '=': '=',
  '>': '>',
  in: 'in',
  '<': '<',
  '!=': '!=',
  notin: 'notin',
  '(': '(',
};

interface Item {
  tok: Token;
  lit: string;
}

const isWhitespace = (ch: string): boolean => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
const isSpecial = (ch: string): boolean => '=!(),><'.includes(ch);

/** Splits the input into tokens; a NUL character ends the input, as in kube's byte lexer. */
function lex(s: string): Item[] {
  let pos = 0;
  const read = (): string => (pos < s.length ? (s[pos++] as string) : '\0');
  const items: Item[] = [];
  for (;;) {
    let ch = read();
    while (isWhitespace(ch)) ch = read();
    if (ch === '\0') {
      items.push({ tok: 'eos', lit: '' });
      return items;
    }
    pos--;
    if (isSpecial(ch)) {
      // Longest operator wins, but scanning stops at the first miss after a hit ("=(" is "=" then "(").
      let buf = '';
      let last: Item | undefined;
      for (;;) {
        const c = read();
        if (c === '\0') break;
        if (!isSpecial(c)) {
          pos--;
          break;
        }
        buf += c;
        const tok = LITERAL_TOKENS[buf];
        if (tok) last = { tok, lit: buf };
        else if (last) {
          pos--;
          break;
        }
      }
      items.push(last ?? { tok: 'error', lit: `error expected: keyword found '${buf}'` });
    } else {
      let buf = '';
      for (;;) {
        const c = read();
        if (c === '\0') break;
        if (isSpecial(c) || isWhitespace(c)) {
          pos--;
          break;
        }
        buf += c;
      }
      const tok = buf === 'in' || buf === 'notin' ? LITERAL_TOKENS[buf] : undefined;
      items.push({ tok: tok ?? 'id', lit: buf });
    }
  }
}

class Parser {
  private position = 0;
  constructor(
    private readonly items: Item[],
    private readonly path: string | undefined,
  ) {}

  /** In a value context the keywords in/notin are identifiers. */
  private peek(values: boolean): Item {
    const it = this.items[this.position] as Item;
    return values && (it.tok === 'in' || it.tok === 'notin') ? { tok: 'id', lit: it.lit } : it;
  }
  private next(values: boolean): Item {
    const it = this.peek(values);
    this.position++;
    return it;
  }

  parse(): Requirement[] {
    const reqs: Requirement[] = [];
    for (;;) {
      const { tok, lit } = this.peek(true);
      if (tok === 'eos') return reqs;
      if (tok !== 'id' && tok !== '!')
        throw new SelectorError(`found '${lit}', expected: !, identifier, or 'end of string'`);
      try {
        reqs.push(this.requirement());
      } catch (e) {
        if (e instanceof SelectorError) throw new SelectorError(`unable to parse requirement: ${e.message}`);
        throw e;
      }
      const after = this.next(true);
      if (after.tok === 'eos') return reqs;
      if (after.tok !== ',') throw new SelectorError(`found '${after.lit}', expected: ',' or 'end of string'`);
      const following = this.peek(true);
      if (following.tok !== 'id' && following.tok !== '!') {
        throw new SelectorError(`found '${following.lit}', expected: identifier after ','`);
      }
    }
  }

  private requirement(): Requirement {
    let inferred: Operator | undefined;
    let { tok, lit } = this.next(true);
    if (tok === '!') {
      inferred = '!';
      ({ tok, lit } = this.next(true));
    }
    if (tok !== 'id') throw new SelectorError(`found '${lit}', expected: identifier`);
    // The parser validates the key on its own (nil) path before any operator is seen.
    const keyErr = labelKeyError(lit, this.path ?? '<nil>');
    if (keyErr) throw new SelectorError(keyErr);
    const key = lit;
    const la = this.peek(true).tok;
    if (la === 'eos' || la === ',') inferred = inferred ?? 'exists';
    if (inferred) return newRequirement(key, inferred, [], this.path);
    const op = this.operator();
    const values = op === 'in' || op === 'notin' ? this.valueSet() : this.exactValue();
    // kube collects values in a string set: sorted, duplicates removed.
    return newRequirement(key, op, [...new Set(values)].sort(), this.path);
  }

  private operator(): Operator {
    const { tok, lit } = this.next(false);
    switch (tok) {
      case 'in':
      case 'notin':
      case '=':
      case '==':
      case '!=':
        return tok;
      case '>':
        return 'gt';
      case '<':
        return 'lt';
      default:
        throw new SelectorError(`found '${lit}', expected: in, notin, =, ==, !=, gt, lt`);
    }
  }

  private valueSet(): string[] {
    const open = this.next(true);
    if (open.tok !== '(') throw new SelectorError(`found '${open.lit}' expected: '('`);
    const { tok, lit } = this.peek(true);
    if (tok === ')') {
      this.next(true);
      return [''];
    }
    if (tok !== 'id' && tok !== ',') throw new SelectorError(`found '${lit}', expected: ',', ')' or identifier`);
    const values = this.identifierList();
    // kube reports the token that followed '(' here, not the offending one.
    if (this.next(true).tok !== ')') throw new SelectorError(`found '${lit}', expected: ')'`);
    return values;
  }

  /** A possibly empty, comma separated list of possibly empty identifiers: `(,a,,b,)`. */
  private identifierList(): string[] {
    const values: string[] = [];
    for (;;) {
      const { tok, lit } = this.next(true);
      if (tok === 'id') {
        values.push(lit);
        const la = this.peek(true);
        if (la.tok === ',') continue;
        if (la.tok === ')') return values;
        throw new SelectorError(`found '${la.lit}', expected: ',' or ')'`);
      }
      if (tok === ',') {
        if (values.length === 0) values.push('');
        const la = this.peek(true).tok;
        if (la === ')') {
          values.push('');
          return values;
        }
        if (la === ',') values.push('');
        continue;
      }
      throw new SelectorError(`found '${lit}', expected: ',', or identifier`);
    }
  }

  private exactValue(): string[] {
    const la = this.peek(true).tok;
    if (la === 'eos' || la === ',') return [''];
    const { tok, lit } = this.next(true);
    if (tok === 'id') return [lit];
    throw new SelectorError(`found '${lit}', expected: identifier`);
  }
}

/**
 * Parses a label selector string into requirements sorted by key (stable for equal keys).
 * Throws SelectorError with kube's message. `path` is kube's field.WithPath option.
 */
export function parseRequirements(selector: string, path?: string): Requirement[] {
  const reqs = new Parser(lex(selector), path).parse();
  return reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
