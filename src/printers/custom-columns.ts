/**
 * `-o custom-columns=HEADER:path,…` and `-o custom-columns-file=FILE` (kubectl's
 * CustomColumnsPrinter): one tab-aligned row per object (list items expanded), `<none>` for a
 * missing value, several values joined by commas, the header once per printer.
 */
import { goSprint } from './go-sprint.js';
import { JsonPathEvaluator } from './jsonpath/evaluate.js';
import { type JPNode, parseJsonPath } from './jsonpath/parser.js';
import { itemsOf } from './list.js';
import { TabWriter } from './table/tabwriter.js';
import type { Output, ResourcePrinter } from './types.js';

export interface Column {
  header: string;
  /** A complete JSONPath template, e.g. `{.metadata.name}`. */
  fieldSpec: string;
}

const RELAXED = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/** kubectl's RelaxedJSONPathExpression: `a.b`, `.a.b`, `{a.b}`, `{.a.b}` -> `{.a.b}`. */
export function relaxedJsonPath(expr: string): string {
  if (expr.length === 0) return expr;
  const m = RELAXED.exec(expr);
  if (!m) {
    throw new Error(
      "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    );
  }
  return `{.${m[1] || m[2]}}`;
}

/** Columns from `-o custom-columns=` text. */
export function columnsFromSpec(spec: string): Column[] {
  if (spec.length === 0) throw new Error('custom-columns format specified but no custom columns given');
  return spec.split(',').map((part) => {
    const idx = part.indexOf(':');
    if (idx < 0) throw new Error(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    return { header: part.slice(0, idx), fieldSpec: relaxedJsonPath(part.slice(idx + 1)) };
  });
}

/** Columns from a custom-columns file: a header line and a spec line, whitespace separated. */
export function columnsFromTemplate(text: string): Column[] {
  // bufio.Scanner lines: a final newline does not start another line.
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  if (text.endsWith('\n')) lines.pop();
  const hint = 'Expected format is one line of space separated headers, one line of space separated column specs.';
  if (lines.length === 0) throw new Error(`invalid template, missing header line. ${hint}`);
  if (lines.length === 1) throw new Error(`invalid template, missing spec line. ${hint}`);
  const words = (l: string) => l.split(/\s+/).filter((w) => w.length > 0);
  const headers = words(lines[0]!);
  const specs = words(lines[1] ?? '');
  if (headers.length !== specs.length) {
    throw new Error(`number of headers (${headers.length}) and field specifications (${specs.length}) don't match`);
  }
  return headers.map((header, i) => ({ header, fieldSpec: relaxedJsonPath(specs[i]!) }));
}

const escapeTerminal = (s: string) => s.replaceAll('\x1b', '^[').replaceAll('\r', '\\r');

export class CustomColumnsPrinter implements ResourcePrinter {
  private printedHeader = false;
  private readonly parsed: { nodes: JPNode[] }[];

  constructor(
    private readonly columns: Column[],
    private readonly noHeaders = false,
  ) {
    this.parsed = columns.map((c) => parseJsonPath(c.fieldSpec));
  }

  print(obj: unknown, out: Output): void {
    const w = new TabWriter((s) => out.write(s));
    if (!this.noHeaders && !this.printedHeader) {
      w.write(`${this.columns.map((c) => c.header).join('\t')}\n`);
      this.printedHeader = true;
    }
    const evaluator = new JsonPathEvaluator(true);
    for (const item of itemsOf(obj)) {
      const cells = this.parsed.map((root) => {
        const groups = evaluator.findResults(root, item);
        const values: string[] = [];
        if (groups.length === 0 || groups[0]!.length === 0) values.push('<none>');
        for (const g of groups) for (const v of g) values.push(escapeTerminal(goSprint(v)));
        return values.join(',');
      });
      w.write(`${cells.join('\t')}\n`);
    }
    w.flush();
  }
}
