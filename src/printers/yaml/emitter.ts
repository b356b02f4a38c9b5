/**
 * A YAML writer that reproduces what kubectl prints for `-o yaml`: sigs.k8s.io/yaml turns the
 * object into JSON, reads that back with go-yaml v2 and marshals it with go-yaml v2's emitter
 * (a port of libyaml). This file follows that emitter's layout rules: the column/indent
 * bookkeeping, block sequences not indented under a mapping key, empty collections in flow style,
 * and plain/single/double/literal scalar styles with folding past column 80.
 *
 * Values are JSON-like: objects, arrays, strings, finite numbers, booleans and null. Integers
 * beyond 2^53 cannot be told apart in JavaScript and print as JavaScript holds them.
 */
import { formatGoFloat } from '../go-sprint.js';
import { canUsePlain } from './resolve.js';
import { analyzeScalar, isBreak, isPrintable, isSpace, type ScalarAnalysis } from './scalar-analysis.js';
import { compareKeysGoYamlV2 } from './sort-keys.js';

const BEST_INDENT = 2;
const BEST_WIDTH = 80;

type Style = 'plain' | 'single' | 'double' | 'literal';

interface NodeContext {
  mapping: boolean;
  simpleKey: boolean;
}

// ASCII text with no YAML indicator, no space and no leading '-'/'.' ("---"/"..."): analysis
// would allow every style, so a requested plain scalar is written as is.
const SAFE_PLAIN = /^[A-Za-z0-9_/=+][A-Za-z0-9_./=+@-]*$/;

const toCodePoints = (s: string): number[] => Array.from(s, (ch) => ch.codePointAt(0)!);

/** go-yaml's floatv: strconv 'g' shortest, with YAML spellings for infinities and NaN. */
function yamlFloat(n: number): string {
  if (Number.isNaN(n)) return '.nan';
  if (n === Number.POSITIVE_INFINITY) return '.inf';
  if (n === Number.NEGATIVE_INFINITY) return '-.inf';
  return formatGoFloat(n);
}

/** The text go-yaml v2 prints for a JSON number (after a JSON round trip as kubectl does). */
function numberText(n: number): string {
  // Integral values were printed by Go's encoding/json without a fraction (below 1e21); YAML reads
  // them back as int64 or uint64 when they fit, otherwise as a float.
  if (Number.isInteger(n) && n >= -(2 ** 63) && n < 2 ** 64) return String(n);
  return yamlFloat(n);
}

export class GoYamlV2Emitter {
  private out = '';
  private column = 0;
  private whitespace = true;
  private indention = true;
  private indent = -1;
  private readonly indents: number[] = [];
  private flowLevel = 0;

  /** Emits one document (the root node) and returns the text, ending with a newline. */
  static stringify(value: unknown): string {
    const e = new GoYamlV2Emitter();
    e.node(value, { mapping: false, simpleKey: false });
    e.writeIndent();
    return e.out;
  }

  private put(s: string): void {
    this.out += s;
    this.column++;
  }

  private putBreak(): void {
    this.out += '\n';
    this.column = 0;
  }

  /** write_break: a LF goes out as the configured break, any other break verbatim. */
  private writeBreak(cp: number): void {
    if (cp === 0x0a) this.putBreak();
    else {
      this.out += String.fromCodePoint(cp);
      this.column = 0;
    }
  }

  private writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    if (this.column < indent) {
      this.out += ' '.repeat(indent - this.column);
      this.column = indent;
    }
    this.whitespace = true;
    this.indention = true;
  }

  private writeIndicator(text: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    this.out += text;
    this.column += text.length;
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  private increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  private popIndent(): void {
    this.indent = this.indents.pop() ?? -1;
  }

  private node(value: unknown, ctx: NodeContext): void {
    if (Array.isArray(value)) this.sequence(value, ctx);
    else if (value !== null && typeof value === 'object') this.mapping(value as Record<string, unknown>);
    else if (typeof value === 'string') this.stringScalar(value, ctx);
    else if (typeof value === 'number') this.scalar(numberText(value), 'plain', ctx);
    else if (typeof value === 'boolean') this.scalar(String(value), 'plain', ctx);
    else if (typeof value === 'bigint') this.scalar(value.toString(), 'plain', ctx);
    else this.scalar('null', 'plain', ctx);
  }

  private emptyFlow(open: string, close: string): void {
    this.writeIndicator(open, true, true, false);
    this.increaseIndent(true, false);
    this.popIndent();
    this.writeIndicator(close, false, false, false);
  }

  private sequence(items: unknown[], ctx: NodeContext): void {
    if (items.length === 0) {
      this.emptyFlow('[', ']');
      return;
    }
    this.increaseIndent(false, ctx.mapping && !this.indention);
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator('-', true, false, true);
      this.node(item, { mapping: false, simpleKey: false });
    }
    this.popIndent();
  }

  private mapping(obj: Record<string, unknown>): void {
    const keys = Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort(compareKeysGoYamlV2);
    if (keys.length === 0) {
      this.emptyFlow('{', '}');
      return;
    }
    this.increaseIndent(false, false);
    for (const key of keys) {
      this.writeIndent();
      const cps = toCodePoints(key);
      const simple = !analyzeScalar(cps).multiline && Buffer.byteLength(key) <= 128;
      if (simple) {
        this.stringScalar(key, { mapping: true, simpleKey: true });
        this.writeIndicator(':', false, false, false);
      } else {
        this.writeIndicator('?', true, false, true);
        this.stringScalar(key, { mapping: true, simpleKey: false });
        this.writeIndent();
        this.writeIndicator(':', true, false, true);
      }
      this.node(obj[key], { mapping: true, simpleKey: false });
    }
    this.popIndent();
  }

  private stringScalar(s: string, ctx: NodeContext): void {
    let style: Style = 'double';
    if (s.includes('\n')) style = 'literal';
    else if (canUsePlain(s)) style = 'plain';
    this.scalar(s, style, ctx);
  }

  /** yaml_emitter_select_scalar_style followed by emit_scalar. */
  private scalar(text: string, requested: Style, ctx: NodeContext): void {
    // Fast path: short or space-free text that is plain-safe cannot fold or need quoting.
    if (requested === 'plain' && SAFE_PLAIN.test(text)) {
      if (!this.whitespace) this.put(' ');
      this.out += text;
      this.column += text.length;
      this.whitespace = false;
      this.indention = false;
      return;
    }
    const cps = toCodePoints(text);
    const a: ScalarAnalysis = analyzeScalar(cps);
    let style = requested;
    if (ctx.simpleKey && a.multiline) style = 'double';
    if (style === 'plain') {
      if ((this.flowLevel > 0 && !a.flowPlainAllowed) || (this.flowLevel === 0 && !a.blockPlainAllowed)) {
        style = 'single';
      }
      if (cps.length === 0 && (this.flowLevel > 0 || ctx.simpleKey)) style = 'single';
    }
    if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
    if (style === 'literal' && (!a.blockAllowed || this.flowLevel > 0 || ctx.simpleKey)) style = 'double';

    this.increaseIndent(true, false);
    const allowBreaks = !ctx.simpleKey;
    if (style === 'plain') this.writePlain(cps, allowBreaks);
    else if (style === 'single') this.writeSingleQuoted(cps, allowBreaks);
    else if (style === 'double') this.writeDoubleQuoted(cps, allowBreaks);
    else this.writeLiteral(cps);
    this.popIndent();
  }

  private writePlain(cps: number[], allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ');
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < cps.length; i++) {
      const c = cps[i]!;
      if (isSpace(c)) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && !isSpace(cps[i + 1])) this.writeIndent();
        else this.put(' ');
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === 0x0a) this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(String.fromCodePoint(c));
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  private writeSingleQuoted(cps: number[], allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < cps.length; i++) {
      const c = cps[i]!;
      if (isSpace(c)) {
        const fold = allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < cps.length - 1;
        if (fold && !isSpace(cps[i + 1])) this.writeIndent();
        else this.put(' ');
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === 0x0a) this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (c === 0x27) this.put("'");
        this.put(String.fromCodePoint(c));
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDoubleQuoted(cps: number[], allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    let spaces = false;
    for (let i = 0; i < cps.length; i++) {
      const c = cps[i]!;
      if (!isPrintable(c) || c === 0xfeff || isBreak(c) || c === 0x22 || c === 0x5c) {
        this.put('\\');
        this.putEscape(c);
        spaces = false;
      } else if (isSpace(c)) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < cps.length - 1) {
          this.writeIndent();
          if (isSpace(cps[i + 1])) this.put('\\');
        } else this.put(' ');
        spaces = true;
      } else {
        this.put(String.fromCodePoint(c));
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private putEscape(c: number): void {
    const short: Record<number, string> = {
      0: '0',
      7: 'a',
      8: 'b',
      9: 't',
      10: 'n',
      11: 'v',
      12: 'f',
      13: 'r',
      27: 'e',
      34: '"',
      92: '\\',
      133: 'N',
      160: '_',
      8232: 'L',
      8233: 'P',
    };
    const s = short[c];
    if (s !== undefined) {
      this.put(s);
      return;
    }
    const [letter, width] = c <= 0xff ? ['x', 2] : c <= 0xffff ? ['u', 4] : ['U', 8];
    this.put(letter);
    for (const d of c.toString(16).toUpperCase().padStart(width, '0')) this.put(d);
  }

  private writeLiteral(cps: number[]): void {
    this.writeIndicator('|', true, false, false);
    if (isSpace(cps[0]) || isBreak(cps[0])) this.writeIndicator(String(BEST_INDENT), false, false, false);
    const last = cps.length - 1;
    let chomp = '';
    if (cps.length === 0 || !isBreak(cps[last])) chomp = '-';
    else if (last === 0 || isBreak(cps[last - 1])) chomp = '+';
    if (chomp) this.writeIndicator(chomp, false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    let run = '';
    let runLength = 0;
    const flushRun = () => {
      if (runLength === 0) return;
      this.out += run;
      this.column += runLength;
      run = '';
      runLength = 0;
    };
    for (const c of cps) {
      if (isBreak(c)) {
        flushRun();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        run += String.fromCodePoint(c);
        runLength++;
        this.indention = false;
        breaks = false;
      }
    }
    flushRun();
  }
}
