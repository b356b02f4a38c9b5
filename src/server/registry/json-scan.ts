/**
 * A JSON parser that does what JSON.parse cannot for kube's decoder: it reports duplicate object
 * keys with their field paths (`spec.template.spec.containers[0].name`), and its syntax errors
 * read like Go's encoding/json (`invalid character 'x' looking for beginning of value`), because
 * kube-apiserver embeds those texts in its 400 responses.
 */

export class JsonSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonSyntaxError';
  }
}

export interface ParsedJson {
  value: unknown;
  /** Paths of keys seen twice in one object, in document order (the last value wins, as in Go). */
  duplicates: string[];
}

const WS = new Set([' ', '\t', '\n', '\r']);

/** Go's quoting of the offending character in syntax errors. */
function quoteChar(c: string): string {
  if (c === "'") return "'\\''";
  if (c === '"') return `'"'`;
  const code = c.codePointAt(0) ?? 0;
  if (code < 0x20) return `'\\x${code.toString(16).padStart(2, '0')}'`;
  return `'${c}'`;
}

const childPath = (path: string, key: string): string => (path ? `${path}.${key}` : key);

/** Parses `text`; throws JsonSyntaxError with Go's wording. */
export function parseJsonWithDuplicates(text: string): ParsedJson {
  let i = 0;
  const duplicates: string[] = [];
  const n = text.length;

  const skipWs = () => {
    while (i < n && WS.has(text[i] as string)) i++;
  };
  const fail = (context: string): never => {
    if (i >= n) throw new JsonSyntaxError('unexpected end of JSON input');
    throw new JsonSyntaxError(`invalid character ${quoteChar(text[i] as string)} ${context}`);
  };

  const parseString = (): string => {
    // i is at the opening quote
    const start = i;
    i++;
    let simple = true;
    while (i < n) {
      const c = text[i] as string;
      if (c === '"') break;
      if (c === '\\') {
        simple = false;
        i += 2;
        continue;
      }
      if (c.charCodeAt(0) < 0x20) fail('in string literal');
      i++;
    }
    if (i >= n) throw new JsonSyntaxError('unexpected end of JSON input');
    i++;
    const raw = text.slice(start, i);
    if (simple) return raw.slice(1, -1);
    try {
      return JSON.parse(raw) as string;
    } catch {
      throw new JsonSyntaxError('invalid character in string escape code');
    }
  };

  const parseNumber = (): number => {
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === '-') {
      i += m ? 1 : 0;
      fail('in numeric literal');
    }
    i += (m as RegExpExecArray)[0].length;
    return Number((m as RegExpExecArray)[0]);
  };

  const parseLiteral = (word: string, value: unknown): unknown => {
    for (let k = 0; k < word.length; k++, i++) {
      if (text[i] !== word[k]) fail(`in literal ${word} (expecting ${quoteChar(word[k] as string)})`);
    }
    return value;
  };

  const parseValue = (path: string): unknown => {
    skipWs();
    const c = text[i];
    if (c === '{') return parseObject(path);
    if (c === '[') return parseArray(path);
    if (c === '"') return parseString();
    if (c === 't') return parseLiteral('true', true);
    if (c === 'f') return parseLiteral('false', false);
    if (c === 'n') return parseLiteral('null', null);
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return parseNumber();
    return fail('looking for beginning of value');
  };

  const parseObject = (path: string): Record<string, unknown> => {
    i++;
    const out: Record<string, unknown> = {};
    const seen = new Set<string>();
    skipWs();
    if (text[i] === '}') {
      i++;
      return out;
    }
    for (;;) {
      skipWs();
      if (text[i] !== '"') fail('looking for beginning of object key string');
      const key = parseString();
      skipWs();
      if (text[i] !== ':') fail('after object key');
      i++;
      const p = childPath(path, key);
      if (seen.has(key)) duplicates.push(p);
      seen.add(key);
      const v = parseValue(p);
      // Object.defineProperty keeps a "__proto__" key as data instead of changing the prototype.
      Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
      skipWs();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') {
        i++;
        return out;
      }
      fail('after object key:value pair');
    }
  };

  const parseArray = (path: string): unknown[] => {
    i++;
    const out: unknown[] = [];
    skipWs();
    if (text[i] === ']') {
      i++;
      return out;
    }
    for (;;) {
      out.push(parseValue(`${path}[${out.length}]`));
      skipWs();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') {
        i++;
        return out;
      }
      fail('after array element');
    }
  };

  const value = parseValue('');
  skipWs();
  if (i < n) fail('after top-level value');
  return { value, duplicates };
}
