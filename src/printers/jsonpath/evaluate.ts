/**
 * Evaluator for kubectl's JSONPath dialect over JSON values. Each top-level template node yields a
 * group of results; kubectl prints a group's values joined by a space and groups back to back.
 * `{range X}…{end}` runs its body once per result of X (an empty X skips the body, as kubectl
 * 1.35 does). Map iteration (`*`, `..`) follows the object's key order; Go's is random.
 *
 * Missing keys yield nothing unless `allowMissingKeys` is false, then "<key> is not found".
 */
import { goSprint } from '../go-sprint.js';
import { goTypeName } from '../go-syntax.js';
import { goJson } from '../json/go-json.js';
import type { JPNode } from './parser.js';

/** A value flowing through evaluation; template literals remember they were ints or floats. */
type Val = { v: unknown; literal?: 'int' | 'float' };

type Block =
  | { kind: 'node'; node: JPNode }
  | { kind: 'range'; expr: JPNode[]; body: Block[] }
  | { kind: 'end'; node: JPNode };

/** Groups the flat node list into range blocks (a range without end runs to the template's end). */
function toBlocks(nodes: JPNode[]): Block[] {
  const root: Block[] = [];
  const stack: Block[][] = [root];
  for (const node of nodes) {
    const top = stack[stack.length - 1]!;
    const first = node.type === 'list' ? node.nodes[0] : undefined;
    if (node.type === 'list' && first?.type === 'identifier' && first.name === 'range') {
      const block: Block = { kind: 'range', expr: node.nodes.slice(1), body: [] };
      top.push(block);
      stack.push(block.body);
    } else if (node.type === 'list' && first?.type === 'identifier' && first.name === 'end') {
      if (stack.length > 1) stack.pop();
      else top.push({ kind: 'end', node });
    } else {
      top.push({ kind: 'node', node });
    }
  }
  return root;
}

function isNil(v: unknown): boolean {
  return v === null || v === undefined;
}

function kindOf(x: Val): 'int' | 'float' | 'string' | 'bool' | 'other' {
  if (x.literal) return x.literal;
  const v = x.v;
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  return 'other';
}

/** text/template's eq/lt semantics on basic kinds (the forked template package). */
function compare(op: string, a: Val, b: Val): boolean {
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (op === '==' || op === '!=') {
    if (ka === 'other' || kb === 'other') {
      if (ka === kb && isNil(a.v) && isNil(b.v)) return op === '==';
      throw new Error('invalid type for comparison');
    }
    if (ka !== kb) throw new Error('incompatible types for comparison');
    return (a.v === b.v) === (op === '==');
  }
  if (ka !== kb) throw new Error('incompatible types for comparison');
  if (ka === 'bool' || ka === 'other') throw new Error('invalid type for comparison');
  const x = a.v as number | string;
  const y = b.v as number | string;
  switch (op) {
    case '<':
      return x < y;
    case '>':
      return x > y;
    case '<=':
      return x <= y;
    case '>=':
      return x >= y;
    default:
      throw new Error(`unrecognized filter operator ${op}`);
  }
}

function children(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (typeof v === 'string') return Array.from(Buffer.from(v, 'utf8'));
  if (v !== null && typeof v === 'object') return Object.values(v as Record<string, unknown>);
  return [];
}

export class JsonPathEvaluator {
  constructor(private readonly allowMissingKeys: boolean) {}

  /** Evaluates a parsed template against `data`, returning the result groups in order. */
  findResults(root: { nodes: JPNode[] }, data: unknown): unknown[][] {
    const out: unknown[][] = [];
    this.runBlocks(toBlocks(root.nodes), [{ v: data }], out);
    return out;
  }

  private runBlocks(blocks: Block[], cur: Val[], out: unknown[][]): void {
    for (const b of blocks) {
      if (b.kind === 'end') throw new Error('not in range, nothing to end');
      if (b.kind === 'node') {
        out.push(this.walk(cur, b.node).map((x) => x.v));
        continue;
      }
      const items = this.evalList(cur, b.expr);
      for (const item of items) this.runBlocks(b.body, [item], out);
    }
  }

  private evalList(input: Val[], nodes: JPNode[]): Val[] {
    let cur = input;
    for (const n of nodes) cur = this.walk(cur, n);
    return cur;
  }

  private walk(input: Val[], node: JPNode): Val[] {
    switch (node.type) {
      case 'list':
        return this.evalList(input, node.nodes);
      case 'text':
        return [{ v: node.text }];
      case 'field':
        return this.evalField(input, node.name);
      case 'array':
        return this.evalArray(input, node.params);
      case 'filter':
        return this.evalFilter(input, node);
      case 'int':
        return input.map(() => ({ v: node.value, literal: 'int' as const }));
      case 'float':
        return input.map(() => ({ v: node.value, literal: 'float' as const }));
      case 'bool':
        return input.map(() => ({ v: node.value }));
      case 'wildcard':
        return input.flatMap((x) => (isNil(x.v) ? [] : children(x.v).map((v) => ({ v }))));
      case 'recursive':
        return this.evalRecursive(input);
      case 'union':
        return node.nodes.flatMap((n) => this.walk(input, n));
      case 'identifier':
        if (node.name === 'range' || node.name === 'end') return node.name === 'range' ? input : [];
        throw new Error(`unrecognized identifier ${node.name}`);
    }
  }

  private evalField(input: Val[], name: string): Val[] {
    if (input.length === 0) return [];
    const results: Val[] = [];
    for (const x of input) {
      const v = x.v;
      if (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.hasOwn(v, name)) {
        results.push({ v: (v as Record<string, unknown>)[name] });
      }
    }
    if (results.length === 0 && !this.allowMissingKeys) throw new Error(`${name} is not found`);
    return results;
  }

  private evalArray(input: Val[], params: { value: number; known: boolean; derived: boolean }[]): Val[] {
    const result: Val[] = [];
    for (const x of input) {
      if (isNil(x.v)) continue;
      if (!Array.isArray(x.v)) throw new Error(`${goTypeName(x.v)} is not array or slice`);
      const arr = x.v;
      const len = arr.length;
      let start = params[0]!.known ? params[0]!.value : 0;
      if (start < 0) start += len;
      let end = params[1]!.known ? params[1]!.value : len;
      if (params[1]!.derived) end = start + 1;
      else if (end < 0) end += len;
      if (end !== start) {
        if (start >= len || start < 0) throw new Error(`array index out of bounds: index ${start}, length ${len}`);
        if (end > len) throw new Error(`array index out of bounds: index ${end - 1}, length ${len}`);
        if (start > end) throw new Error(`starting index ${start} is greater than ending index ${end}`);
      }
      const step = params[2]!.known && params[2]!.value > 0 ? params[2]!.value : 1;
      for (let i = Math.max(start, 0); i < end; i += step) result.push({ v: arr[i] });
    }
    return result;
  }

  private evalRecursive(input: Val[]): Val[] {
    const result: Val[] = [];
    for (const x of input) {
      if (isNil(x.v)) continue;
      const kids = children(x.v);
      if (kids.length === 0) continue;
      result.push(x);
      result.push(...this.evalRecursive(kids.map((v) => ({ v }))));
    }
    return result;
  }

  private evalFilter(input: Val[], node: { left: JPNode; right: JPNode; op: string }): Val[] {
    const results: Val[] = [];
    for (const x of input) {
      if (!Array.isArray(x.v)) throw new Error(`${goSprint(x.v)} is not array or slice and cannot be filtered`);
      for (const item of x.v) {
        const temp: Val[] = [{ v: item }];
        if (node.op === 'exists') {
          let lefts: Val[] = [];
          try {
            lefts = this.walk(temp, node.left);
          } catch {
            lefts = [];
          }
          if (lefts.length > 0) results.push({ v: item });
          continue;
        }
        const lefts = this.walk(temp, node.left);
        if (lefts.length !== 1) throw new Error('can only compare one element at a time');
        const rights = this.walk(temp, node.right);
        if (rights.length !== 1) throw new Error('can only compare one element at a time');
        if (!['<', '>', '==', '!=', '<=', '>='].includes(node.op)) {
          throw new Error(`unrecognized filter operator ${node.op}`);
        }
        if (compare(node.op, lefts[0]!, rights[0]!)) results.push({ v: item });
      }
    }
    return results;
  }
}

/** How kubectl's JSONPath prints one value: scalars via %v, null as `null`, maps/lists as JSON. */
export function jsonPathText(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'object') return goJson(v);
  return goSprint(v);
}
