/**
 * Parser for the Go text/template subset kctl supports: actions with pipelines and variable
 * declarations, if/else if/else, range (with `$i, $v :=`, else, break, continue), with/else,
 * define/template/block, parenthesized pipelines, field chains. Error texts follow
 * text/template/parse ("unexpected EOF", "function %q not defined", …) without Go's exact line
 * bookkeeping in every case.
 */
import { type Item, lex, TemplateSyntaxError } from './lexer.js';

export type Arg =
  | { t: 'field'; pos: number; idents: string[] }
  | { t: 'variable'; pos: number; name: string; idents: string[] }
  | { t: 'dot'; pos: number }
  | { t: 'nil'; pos: number }
  | { t: 'bool'; pos: number; value: boolean }
  | { t: 'number'; pos: number; text: string; value: number; isInt: boolean; isChar?: boolean }
  | { t: 'string'; pos: number; quoted: string; value: string }
  | { t: 'identifier'; pos: number; name: string }
  | { t: 'chain'; pos: number; node: Arg; fields: string[] }
  | { t: 'pipe'; pos: number; pipe: Pipe };

export interface Command {
  pos: number;
  args: Arg[];
}

export interface Pipe {
  pos: number;
  decl: string[];
  isAssign: boolean;
  cmds: Command[];
}

export type TNode =
  | { t: 'text'; text: string }
  | { t: 'action'; pos: number; pipe: Pipe }
  | { t: 'if' | 'with' | 'range'; pos: number; pipe: Pipe; list: TNode[]; elseList?: TNode[] }
  | { t: 'template'; pos: number; name: string; pipe?: Pipe }
  | { t: 'break' | 'continue'; pos: number };

export interface ParsedTemplate {
  root: TNode[];
  defines: Map<string, TNode[]>;
  /** Template source, for error contexts. */
  text: string;
}

const BUILTINS = new Set([
  'and',
  'or',
  'not',
  'len',
  'index',
  'slice',
  'print',
  'printf',
  'println',
  'html',
  'js',
  'urlquery',
  'eq',
  'ne',
  'lt',
  'le',
  'gt',
  'ge',
  'call',
]);

/** Go's strconv.Unquote for "…" and '…' literals. */
export function goUnquote(q: string): string {
  if (q.startsWith('`')) return q.slice(1, -1);
  const body = q.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++i]!;
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
    if (simple[e] !== undefined) out += simple[e];
    else if (e === 'x' || e === 'u' || e === 'U') {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      out += String.fromCodePoint(Number.parseInt(body.slice(i + 1, i + 1 + n), 16));
      i += n;
    } else if (/[0-7]/.test(e)) {
      out += String.fromCodePoint(Number.parseInt(body.slice(i, i + 3), 8));
      i += 2;
    } else throw new TemplateSyntaxError(`invalid syntax`);
  }
  return out;
}

class Parser {
  private i = 0;
  private readonly vars: string[][] = [['$']];
  readonly defines = new Map<string, TNode[]>();

  constructor(
    private readonly items: Item[],
    private readonly funcs: Set<string>,
  ) {}

  private peek(): Item {
    return this.items[this.i]!;
  }

  private next(): Item {
    return this.items[this.i++]!;
  }

  private nextNonSpace(): Item {
    let it = this.next();
    while (it.type === 'space') it = this.next();
    return it;
  }

  private peekNonSpace(): Item {
    const save = this.i;
    const it = this.nextNonSpace();
    this.i = save;
    return it;
  }

  private fail(it: Item, msg: string): never {
    throw new TemplateSyntaxError(`${it.line}: ${msg}`);
  }

  private unexpected(it: Item, context: string): never {
    const desc = it.type === 'eof' ? 'EOF' : it.type === 'right' ? '"}}"' : `"${it.val}"`;
    if (it.type === 'eof') this.fail(it, 'unexpected EOF');
    this.fail(it, `unexpected ${desc} in ${context}`);
  }

  /** Parses a list of nodes until {{end}}/{{else}} (returned as the terminator) or EOF. */
  parseList(topLevel: boolean): { nodes: TNode[]; term: 'end' | 'else' | 'eof'; elseItem?: Item } {
    const nodes: TNode[] = [];
    for (;;) {
      const it = this.next();
      if (it.type === 'eof') {
        if (!topLevel) this.fail(it, 'unexpected EOF');
        return { nodes, term: 'eof' };
      }
      if (it.type === 'text') {
        nodes.push({ t: 'text', text: it.val });
        continue;
      }
      if (it.type !== 'left') this.unexpected(it, 'input');
      const kw = this.peekNonSpace();
      if (kw.type === 'keyword') {
        this.nextNonSpace();
        switch (kw.val) {
          case 'end':
            this.expectRight('end');
            if (topLevel) this.fail(kw, 'unexpected {{end}}');
            return { nodes, term: 'end' };
          case 'else':
            if (topLevel) this.fail(kw, 'unexpected {{else}}');
            return { nodes, term: 'else', elseItem: kw };
          case 'if':
          case 'with':
          case 'range':
            nodes.push(this.control(kw.val, kw));
            continue;
          case 'template':
          case 'block':
            nodes.push(this.templateCall(kw));
            continue;
          case 'define':
            this.define(kw);
            continue;
          case 'break':
          case 'continue':
            this.expectRight(kw.val);
            nodes.push({ t: kw.val, pos: kw.pos });
            continue;
        }
      }
      const pipe = this.pipeline('command', 'right');
      nodes.push({ t: 'action', pos: pipe.pos, pipe });
    }
  }

  private expectRight(context: string): void {
    const it = this.nextNonSpace();
    if (it.type !== 'right') this.unexpected(it, context);
  }

  private control(kind: 'if' | 'with' | 'range', kw: Item): TNode {
    this.vars.push([]);
    const pipe = this.pipeline(kind, 'right');
    const body = this.parseList(false);
    let elseList: TNode[] | undefined;
    if (body.term === 'else') {
      const next = this.peekNonSpace();
      if ((kind === 'if' || kind === 'with') && next.type === 'keyword' && next.val === kind) {
        // `{{else if …}}` / `{{else with …}}`: a nested control that shares our {{end}}.
        this.nextNonSpace();
        elseList = [this.control(kind, next)];
      } else {
        this.expectRight('else');
        const rest = this.parseList(false);
        if (rest.term !== 'end') this.fail(kw, `expected end; found {{else}}`);
        elseList = rest.nodes;
      }
    }
    this.vars.pop();
    return { t: kind, pos: kw.pos, pipe, list: body.nodes, elseList };
  }

  private templateCall(kw: Item): TNode {
    const nameItem = this.nextNonSpace();
    if (nameItem.type !== 'string' && nameItem.type !== 'rawString') this.unexpected(nameItem, `${kw.val} clause`);
    const name = goUnquote(nameItem.val);
    let pipe: Pipe | undefined;
    if (this.peekNonSpace().type !== 'right') pipe = this.pipeline(`${kw.val} clause`, 'right');
    else this.nextNonSpace();
    if (kw.val === 'block') {
      const body = this.parseList(false);
      this.defines.set(name, body.nodes);
    }
    return { t: 'template', pos: nameItem.pos, name, pipe };
  }

  private define(kw: Item): void {
    const nameItem = this.nextNonSpace();
    if (nameItem.type !== 'string' && nameItem.type !== 'rawString') this.unexpected(nameItem, 'define clause');
    this.expectRight('define clause');
    const saved = this.vars.splice(0, this.vars.length, ['$']);
    const body = this.parseList(false);
    this.vars.splice(0, this.vars.length, ...saved);
    if (body.term !== 'end') this.fail(kw, 'unexpected {{else}} in define');
    this.defines.set(goUnquote(nameItem.val), body.nodes);
  }

  private lookupVar(it: Item, name: string): void {
    if (!this.vars.some((scope) => scope.includes(name))) this.fail(it, `undefined variable "${name}"`);
  }

  /** pipeline: [decl :=|=] command (| command)* ending at `end` ('right' or 'rparen'). */
  private pipeline(context: string, end: 'right' | 'rparen'): Pipe {
    const first = this.peekNonSpace();
    const pipe: Pipe = { pos: first.pos, decl: [], isAssign: false, cmds: [] };
    // Declarations: $x := / $x = / $i, $v :=
    const save = this.i;
    const v = this.nextNonSpace();
    if (v.type === 'variable') {
      const after = this.peekNonSpace();
      if (after.type === 'declare' || after.type === 'assign') {
        this.nextNonSpace();
        pipe.decl.push(v.val);
        pipe.isAssign = after.type === 'assign';
      } else if (after.type === 'comma' && context === 'range') {
        this.nextNonSpace();
        const v2 = this.nextNonSpace();
        const op = this.nextNonSpace();
        if (v2.type !== 'variable' || (op.type !== 'declare' && op.type !== 'assign'))
          this.fail(v2, 'range can only initialize variables');
        pipe.decl.push(v.val, v2.val);
        pipe.isAssign = op.type === 'assign';
      } else this.i = save;
    } else this.i = save;
    if (pipe.isAssign) for (const d of pipe.decl) this.lookupVar(v, d);
    else this.vars[this.vars.length - 1]!.push(...pipe.decl);

    for (;;) {
      const it = this.peekNonSpace();
      if (it.type === end) {
        this.nextNonSpace();
        if (pipe.cmds.length === 0) this.fail(it, `missing value for ${context}`);
        return pipe;
      }
      if (it.type === 'eof' || (it.type === 'right' && end === 'rparen')) {
        this.fail(it, end === 'rparen' ? 'unclosed left paren' : 'unclosed action');
      }
      pipe.cmds.push(this.command(end));
    }
  }

  private command(end: 'right' | 'rparen'): Command {
    const start = this.peekNonSpace();
    const cmd: Command = { pos: start.pos, args: [] };
    for (;;) {
      this.skipSpaces();
      const it = this.peek();
      if (it.type === 'pipe') {
        this.next();
        if (cmd.args.length === 0) this.fail(it, 'missing command');
        return cmd;
      }
      if (it.type === end || it.type === 'eof' || it.type === 'right') {
        if (cmd.args.length === 0) this.fail(it, 'missing command');
        return cmd;
      }
      cmd.args.push(this.operand());
    }
  }

  private skipSpaces(): void {
    while (this.peek().type === 'space') this.next();
  }

  private operand(): Arg {
    const term = this.term();
    if (this.peek().type !== 'field') return term;
    const fields: string[] = [];
    const chainPos = this.peek().pos;
    while (this.peek().type === 'field') fields.push(this.next().val.slice(1));
    if (term.t === 'field') return { t: 'field', pos: chainPos, idents: [...term.idents, ...fields] };
    if (term.t === 'variable')
      return { t: 'variable', pos: chainPos, name: term.name, idents: [...term.idents, ...fields] };
    if (term.t === 'bool' || term.t === 'string' || term.t === 'number' || term.t === 'nil' || term.t === 'dot') {
      this.fail(this.peek(), `unexpected . after term "${this.items[this.i - 1]!.val}"`);
    }
    return { t: 'chain', pos: chainPos, node: term, fields };
  }

  private term(): Arg {
    const it = this.next();
    switch (it.type) {
      case 'identifier':
        if (!this.funcs.has(it.val) && !BUILTINS.has(it.val)) this.fail(it, `function "${it.val}" not defined`);
        return { t: 'identifier', pos: it.pos, name: it.val };
      case 'dot':
        return { t: 'dot', pos: it.pos };
      case 'nil':
        return { t: 'nil', pos: it.pos };
      case 'variable':
        this.lookupVar(it, it.val);
        return { t: 'variable', pos: it.pos, name: it.val, idents: [] };
      case 'field':
        return { t: 'field', pos: it.pos, idents: [it.val.slice(1)] };
      case 'bool':
        return { t: 'bool', pos: it.pos, value: it.val === 'true' };
      case 'char': {
        const ch = goUnquote(it.val);
        return { t: 'number', pos: it.pos, text: it.val, value: ch.codePointAt(0) ?? 0, isInt: true, isChar: true };
      }
      case 'number':
        return this.number(it);
      case 'string':
      case 'rawString':
        return { t: 'string', pos: it.pos, quoted: it.val, value: goUnquote(it.val) };
      case 'lparen': {
        const pipe = this.pipeline('parenthesized pipeline', 'rparen');
        return { t: 'pipe', pos: it.pos, pipe };
      }
      default:
        return this.unexpected(it, 'operand');
    }
  }

  private number(it: Item): Arg {
    const text = it.val.replaceAll('_', '');
    let value: number;
    let isInt = false;
    if (/^[+-]?0[xX][0-9a-fA-F]+$/.test(text)) {
      value = Number.parseInt(text.replace(/0[xX]/, ''), 16) * (text.startsWith('-') ? -1 : 1);
      isInt = true;
    } else if (/^[+-]?0[bB][01]+$/.test(text)) {
      value = Number.parseInt(text.replace(/0[bB]/, ''), 2) * (text.startsWith('-') ? -1 : 1);
      isInt = true;
    } else if (/^[+-]?0[oO]?[0-7]+$/.test(text)) {
      value = Number.parseInt(text.replace(/0[oO]?/, ''), 8) * (text.startsWith('-') ? -1 : 1);
      isInt = true;
    } else if (/^[+-]?\d+$/.test(text)) {
      value = Number(text);
      isInt = true;
    } else {
      value = Number(text);
      if (Number.isNaN(value)) this.fail(it, `illegal number syntax: "${it.val}"`);
    }
    return { t: 'number', pos: it.pos, text: it.val, value, isInt };
  }
}

/**
 * Parses `text` as template "output" with the extra function names `funcs`. Throws
 * TemplateSyntaxError whose message is Go's `template: output:LINE: …`.
 */
export function parseTemplate(text: string, funcs: Set<string>): ParsedTemplate {
  try {
    const p = new Parser(lex(text), funcs);
    const { nodes } = p.parseList(true);
    return { root: nodes, defines: p.defines, text };
  } catch (e) {
    if (e instanceof TemplateSyntaxError) throw new TemplateSyntaxError(`template: output:${e.message}`);
    throw e;
  }
}
