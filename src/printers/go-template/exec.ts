/**
 * Executes a parsed template over JSON data as Go's text/template does for kubectl: map fields,
 * variables, pipelines, if/with/range (maps in sorted key order, integers, break/continue),
 * define/template, the builtin functions and kubectl's `exists` and `base64decode`.
 *
 * Values: JSON values; `undefined` is Go's invalid value (a missing map key), printed
 * `<no value>` like a nil one. Missing from Go: methods, `call`, typed nil distinctions, complex
 * numbers, and exact int/int64/float32 typing (JSON integers are int64, template integer literals
 * behave the same).
 */
import { compareBytes } from '../json/go-json.js';
import { FUNCS, isNil, isTrue } from './builtins.js';
import { GoFloat, GoInt, goTypeOf, plain, sprintValue } from './go-fmt.js';
import type { Arg, Command, ParsedTemplate, Pipe, TNode } from './parser.js';

export class ExecError extends Error {}

type ControlNode = { t: 'if' | 'with' | 'range'; pos: number; pipe: Pipe; list: TNode[]; elseList?: TNode[] };

class BreakSignal {}
class ContinueSignal {}

interface Variable {
  name: string;
  value: unknown;
}

export class Executor {
  private vars: Variable[] = [];
  private readonly out: string[] = [];

  constructor(
    private readonly tpl: ParsedTemplate,
    private readonly missingKeyError: boolean,
  ) {}

  /** What the template wrote before an error (Go writes as it goes). */
  partialOutput(): string {
    return this.out.join('');
  }

  execute(data: unknown): string {
    this.vars = [{ name: '$', value: data }];
    this.walkList(data, this.tpl.root);
    return this.out.join('');
  }

  private fail(pos: number, context: string, msg: string): never {
    const before = Buffer.from(this.tpl.text).subarray(0, pos).toString('utf8');
    const nl = before.lastIndexOf('\n');
    const line = 1 + (before.match(/\n/g)?.length ?? 0);
    const col = nl < 0 ? pos : pos - Buffer.byteLength(before.slice(0, nl + 1));
    throw new ExecError(`template: output:${line}:${col}: executing "output" at <${context}>: ${msg}`);
  }

  private walkList(dot: unknown, nodes: TNode[]): void {
    for (const n of nodes) this.walk(dot, n);
  }

  private walk(dot: unknown, node: TNode): void {
    switch (node.t) {
      case 'text':
        this.out.push(node.text);
        return;
      case 'action': {
        const v = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.out.push(v === undefined || v === null ? '<no value>' : sprintValue(v));
        return;
      }
      case 'if':
      case 'with': {
        const mark = this.vars.length;
        const v = this.evalPipeline(dot, node.pipe);
        if (isTrue(v)) this.walkList(node.t === 'with' ? v : dot, node.list);
        else if (node.elseList) this.walkList(dot, node.elseList);
        this.vars.length = mark;
        return;
      }
      case 'range':
        this.walkRange(dot, node);
        return;
      case 'template': {
        const body = this.tpl.defines.get(node.name);
        if (!body) this.fail(node.pos, `{{template "${node.name}"}}`, `template "${node.name}" not defined`);
        const newDot = node.pipe ? this.evalPipeline(dot, node.pipe) : undefined;
        const saved = this.vars;
        this.vars = [{ name: '$', value: newDot }];
        this.walkList(newDot, body);
        this.vars = saved;
        return;
      }
      case 'break':
        throw new BreakSignal();
      case 'continue':
        throw new ContinueSignal();
    }
  }

  private walkRange(dot: unknown, node: ControlNode): void {
    const mark = this.vars.length;
    const val = this.evalPipeline(dot, { ...node.pipe, decl: [] });
    const entries: [unknown, unknown][] = [];
    if (Array.isArray(val)) {
      for (let i = 0; i < val.length; i++) entries.push([new GoInt(i), val[i]]);
    } else if (val instanceof GoInt || (typeof val === 'number' && Number.isInteger(val))) {
      const n = plain(val) as number;
      for (let i = 0; i < n; i++) entries.push([new GoInt(i), new GoInt(i)]);
    } else if (val !== null && typeof val === 'object' && !(val instanceof GoFloat)) {
      for (const k of Object.keys(val).sort(compareBytes)) entries.push([k, (val as Record<string, unknown>)[k]]);
    } else if (!isNil(val)) {
      const last = node.pipe.cmds[node.pipe.cmds.length - 1]!.args[0]!;
      this.fail(last.pos, argText(last), `range can't iterate over ${sprintValue(val)}`);
    }
    for (const [k, v] of entries) {
      const inner = this.vars.length;
      const decl = node.pipe.decl;
      if (decl.length === 1) this.setVar(decl[0]!, v, node.pipe.isAssign);
      if (decl.length === 2) {
        this.setVar(decl[0]!, k, node.pipe.isAssign);
        this.setVar(decl[1]!, v, node.pipe.isAssign);
      }
      try {
        this.walkList(v, node.list);
      } catch (e) {
        if (e instanceof BreakSignal) {
          this.vars.length = inner;
          break;
        }
        if (!(e instanceof ContinueSignal)) throw e;
      }
      this.vars.length = inner;
    }
    if (entries.length === 0 && node.elseList) this.walkList(dot, node.elseList);
    this.vars.length = mark;
  }

  private setVar(name: string, value: unknown, assign: boolean): void {
    if (!assign) {
      this.vars.push({ name, value });
      return;
    }
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i]!.name === name) {
        this.vars[i]!.value = value;
        return;
      }
    }
  }

  private evalPipeline(dot: unknown, pipe: Pipe): unknown {
    let value: unknown;
    let final: unknown = MISSING;
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(dot, cmd, final);
      final = value;
    }
    for (const d of pipe.decl) this.setVar(d, value, pipe.isAssign);
    return value;
  }

  private evalCommand(dot: unknown, cmd: Command, final: unknown): unknown {
    const first = cmd.args[0]!;
    switch (first.t) {
      case 'identifier':
        return this.evalFunction(dot, first.name, cmd, final);
      case 'field':
        this.noArgs(cmd, final);
        return this.evalFields(dot, first.pos, first.idents, dot, argText(first));
      case 'variable': {
        this.noArgs(cmd, final);
        const v = this.lookupVar(first.name);
        return first.idents.length ? this.evalFields(v, first.pos, first.idents, dot, argText(first)) : v;
      }
      case 'chain': {
        this.noArgs(cmd, final);
        const base = this.evalArg(dot, first.node);
        return this.evalFields(base, first.pos, first.fields, dot, argText(first));
      }
      case 'pipe':
        this.noArgs(cmd, final);
        return this.evalPipeline(dot, first.pipe);
      case 'nil':
        return this.fail(cmd.pos, 'nil', 'nil is not a command');
      default:
        this.noArgs(cmd, final);
        return this.evalArg(dot, first);
    }
  }

  private noArgs(cmd: Command, final: unknown): void {
    if (cmd.args.length > 1 || final !== MISSING) {
      const a = cmd.args[0]!;
      const idents = a.t === 'field' || a.t === 'variable' ? a.idents : a.t === 'chain' ? a.fields : [];
      const last = idents[idents.length - 1];
      if (last !== undefined) this.fail(a.pos, argText(a), `${last} is not a method but has arguments`);
      this.fail(a.pos, argText(a), `can't give argument to non-function ${argText(a)}`);
    }
  }

  private lookupVar(name: string): unknown {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i]!.name === name) return this.vars[i]!.value;
    throw new ExecError(`undefined variable: ${name}`);
  }

  private evalFields(receiver: unknown, pos: number, idents: string[], _dot: unknown, context: string): unknown {
    let v = receiver;
    for (const name of idents) {
      if (v === undefined) {
        if (this.missingKeyError) this.fail(pos, context, `nil data; no entry for key "${name}"`);
        return undefined;
      }
      if (v === null) this.fail(pos, context, `nil pointer evaluating interface {}.${name}`);
      if (typeof v === 'object' && !Array.isArray(v) && !(v instanceof GoFloat) && !(v instanceof GoInt)) {
        if (Object.hasOwn(v, name)) v = (v as Record<string, unknown>)[name];
        else {
          if (this.missingKeyError) this.fail(pos, context, `map has no entry for key "${name}"`);
          v = undefined;
        }
        continue;
      }
      this.fail(pos, context, `can't evaluate field ${name} in type interface {}`);
    }
    return v;
  }

  private evalArg(dot: unknown, a: Arg): unknown {
    switch (a.t) {
      case 'dot':
        return dot;
      case 'nil':
        return null;
      case 'bool':
        return a.value;
      case 'string':
        return a.value;
      case 'number':
        return a.isInt ? new GoInt(a.value) : new GoFloat(a.value);
      case 'field':
        return this.evalFields(dot, a.pos, a.idents, dot, argText(a));
      case 'variable': {
        const v = this.lookupVar(a.name);
        return a.idents.length ? this.evalFields(v, a.pos, a.idents, dot, argText(a)) : v;
      }
      case 'chain':
        return this.evalFields(this.evalArg(dot, a.node), a.pos, a.fields, dot, argText(a));
      case 'pipe':
        return this.evalPipeline(dot, a.pipe);
      case 'identifier':
        return this.evalFunction(dot, a.name, { pos: a.pos, args: [a] }, MISSING);
    }
  }

  private evalFunction(dot: unknown, name: string, cmd: Command, final: unknown): unknown {
    const argNodes = cmd.args.slice(1);
    const context = cmdText(cmd);
    if (name === 'and' || name === 'or') {
      const all: (() => unknown)[] = argNodes.map((n) => () => this.evalArg(dot, n));
      if (final !== MISSING) all.push(() => final);
      if (all.length === 0) this.fail(cmd.pos, context, `wrong number of args for ${name}: want at least 1 got 0`);
      let v: unknown;
      for (const get of all) {
        v = get();
        if (isTrue(v) === (name === 'or')) return v;
      }
      return v;
    }
    const first = argNodes[0];
    if (name === 'printf' && first && ['number', 'bool', 'nil'].includes(first.t)) {
      this.fail(first.pos, argText(first), `expected string; found ${argText(first)}`);
    }
    const args = argNodes.map((n) => this.evalArg(dot, n));
    if (name === 'printf' && first && typeof args[0] !== 'string') {
      this.fail(first.pos, argText(first), `wrong type for value; expected string; got ${goTypeOf(args[0])}`);
    }
    if (final !== MISSING) args.push(final);
    const fn = FUNCS[name];
    if (!fn) this.fail(cmd.pos, context, `"${name}" is not a defined function`);
    const arity: Record<string, [number, number]> = {
      not: [1, 1],
      len: [1, 1],
      index: [1, Infinity],
      slice: [1, 4],
      printf: [1, Infinity],
      lt: [2, 2],
      le: [2, 2],
      gt: [2, 2],
      ge: [2, 2],
      exists: [1, Infinity],
      base64decode: [1, 1],
    };
    const [min, max] = arity[name] ?? [0, Infinity];
    if (args.length < min || args.length > max) {
      const want = min === max ? `${min}` : `at least ${min}`;
      this.fail(cmd.pos, context, `wrong number of args for ${name}: want ${want} got ${args.length}`);
    }
    try {
      return fn(args);
    } catch (e) {
      if (e instanceof ExecError) throw e;
      return this.fail(cmd.pos, context, `error calling ${name}: ${(e as Error).message}`);
    }
  }
}

const MISSING = Symbol('missing');

/** The source text of an argument, as Go's Node.String() prints it in error contexts. */
function argText(a: Arg): string {
  switch (a.t) {
    case 'field':
      return a.idents.map((i) => `.${i}`).join('');
    case 'variable':
      return a.name + a.idents.map((i) => `.${i}`).join('');
    case 'dot':
      return '.';
    case 'nil':
      return 'nil';
    case 'bool':
      return String(a.value);
    case 'number':
      return a.text;
    case 'string':
      return a.quoted;
    case 'identifier':
      return a.name;
    case 'chain':
      return `${argText(a.node)}${a.fields.map((f) => `.${f}`).join('')}`;
    case 'pipe':
      return `(${pipeText(a.pipe)})`;
  }
}

function cmdText(c: Command): string {
  return c.args.map(argText).join(' ');
}

function pipeText(p: Pipe): string {
  const decl = p.decl.length ? `${p.decl.join(', ')} ${p.isAssign ? '=' : ':='} ` : '';
  return decl + p.cmds.map(cmdText).join(' | ');
}
