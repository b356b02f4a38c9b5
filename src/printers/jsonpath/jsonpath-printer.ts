/**
 * `-o jsonpath=…`, `-o jsonpath-file=…` and `-o jsonpath-as-json=…` (cli-runtime JSONPathPrinter).
 * The object is queried as plain JSON. Execution errors carry kubectl's long debugging text,
 * including the Go %#v dump of the object, because kubectl prints exactly that.
 */
import { goQuote, goSyntax } from '../go-syntax.js';
import { goJson } from '../json/go-json.js';
import type { Output, ResourcePrinter } from '../types.js';
import { JsonPathEvaluator, jsonPathText } from './evaluate.js';
import { type JPNode, parseJsonPath } from './parser.js';

export class JsonPathPrinter implements ResourcePrinter {
  private readonly root: { nodes: JPNode[] };

  /** Throws kubectl's "error parsing jsonpath …" on bad syntax. */
  constructor(
    private readonly template: string,
    private readonly opts: { allowMissingKeys: boolean; asJson?: boolean },
  ) {
    try {
      this.root = parseJsonPath(template);
    } catch (e) {
      throw new Error(`error parsing jsonpath ${template}, ${(e as Error).message}\n`);
    }
  }

  /** The result groups (one per template node), for callers such as --sort-by. */
  findResults(obj: unknown): unknown[][] {
    return new JsonPathEvaluator(this.opts.allowMissingKeys).findResults(this.root, obj);
  }

  print(obj: unknown, out: Output): void {
    let groups: unknown[][];
    try {
      groups = this.findResults(obj);
    } catch (e) {
      const msg =
        `Error executing template: ${(e as Error).message}. Printing more information for debugging the template:\n` +
        `\ttemplate was:\n\t\t${this.template}\n` +
        `\tobject given to jsonpath engine was:\n\t\t${goSyntax(obj)}\n\n`;
      throw new Error(`error executing jsonpath ${goQuote(this.template)}: ${msg}\n`);
    }
    if (this.opts.asJson) {
      for (const g of groups) out.write(`${goJson(g, '    ')}\n`);
      return;
    }
    out.write(groups.map((g) => g.map(jsonPathText).join(' ')).join(''));
  }
}
