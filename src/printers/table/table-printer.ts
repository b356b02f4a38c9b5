/**
 * kubectl's human-readable printer (cli-runtime HumanReadablePrinter + the `get` loop around it):
 * prints a server-side meta.k8s.io/v1 Table through the tab writer. Priority>0 columns only with
 * -o wide; upper-cased headers; NAMESPACE first with -A; `kind.group/name` with --show-kind;
 * -L label columns and LABELS last; headers once per column set (so watch output repeats no
 * header); a blank line and fresh column widths when the resource kind changes.
 *
 * Objects that are not Tables (a server without Table support) get kubectl's fallback columns
 * NAME and AGE.
 */
import { goSprint } from '../go-sprint.js';
import { compareBytes } from '../json/go-json.js';
import { isObject, isTable, type Output, type PrintContext, type Table, type TableColumnDefinition } from '../types.js';
import { translateTimestampSince } from './human-duration.js';
import { TabWriter } from './tabwriter.js';

export interface HumanPrintOptions {
  wide?: boolean;
  noHeaders?: boolean;
  showLabels?: boolean;
  labelColumns?: string[];
  showKind?: boolean;
  allNamespaces?: boolean;
  /** Clock for the AGE of non-Table objects (ms since epoch). */
  now?: () => number;
}

const EVENT_TYPES: Record<string, string> = {
  ADDED: 'ADDED   ',
  MODIFIED: 'MODIFIED',
  DELETED: 'DELETED ',
  ERROR: 'ERROR   ',
};

/** `k=v,k2=v2` or `<none>` (labels.FormatLabels: the `k=v` strings are sorted, not the keys). */
export function formatLabels(labels: unknown): string {
  if (!isObject(labels)) return '<none>';
  const pairs = Object.keys(labels).map((k) => `${k}=${String(labels[k])}`);
  if (pairs.length === 0) return '<none>';
  return pairs.sort(compareBytes).join(',');
}

/** Header of a -L column: the key's last `/` segment, upper-cased. */
export function labelColumnHeader(key: string): string {
  return (key.split('/').pop() ?? key).toUpperCase();
}

/** GroupKind.String() lower-cased: `deployment.apps`, `pod`. */
export function kindPrefix(kind: string, group: string | undefined): string {
  return (group ? `${kind}.${group}` : kind).toLowerCase();
}

function metadataOf(obj: unknown): Record<string, unknown> | undefined {
  if (!isObject(obj) || !isObject(obj.metadata)) return undefined;
  return obj.metadata;
}

/** Escapes terminal control sequences as kubectl does (ESC -> ^[, CR -> \r). */
function escapeTerminal(s: string): string {
  return s.replaceAll('\x1b', '^[').replaceAll('\r', '\\r');
}

/** A table cell as kubectl writes it: strings cut at the first line break with `...`. */
export function formatCell(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') {
    const cut = cell.search(/[\f\n\r]/);
    return cut >= 0 ? `${escapeTerminal(cell.slice(0, cut))}...` : escapeTerminal(cell);
  }
  return escapeTerminal(goSprint(cell));
}

function sameColumns(a: TableColumnDefinition[] | undefined, b: TableColumnDefinition[] | undefined): boolean {
  return JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
}

export class HumanReadablePrinter {
  private lastColumns: TableColumnDefinition[] | undefined;
  private printedHeaders = false;
  private lastGroupKind: string | undefined;
  private written = 0;
  private separatorPending = false;
  private writer: TabWriter | undefined;
  private out: Output | undefined;
  private lastDefaultHandler = false;

  constructor(private readonly opts: HumanPrintOptions) {}

  /** Prints one Table (or object/list) and flushes. Successive calls behave like a watch stream. */
  print(obj: unknown, out: Output, ctx: PrintContext = {}): void {
    this.add(obj, out, ctx);
    this.flush();
  }

  /**
   * Prints several results as one `kubectl get` does: rows of the same kind share column widths;
   * a new kind flushes, forgets widths and is separated by a blank line (unless --no-headers).
   */
  printAll(entries: { obj: unknown; ctx?: PrintContext }[], out: Output): void {
    for (const e of entries) this.add(e.obj, out, e.ctx ?? {});
    this.flush();
  }

  /** Number of characters written so far (kubectl prints "No resources found" when 0). */
  get writtenChars(): number {
    return this.written;
  }

  flush(): void {
    this.writer?.flush();
  }

  private sink = (s: string): void => {
    if (s.length === 0) return;
    if (this.separatorPending) {
      this.separatorPending = false;
      this.out!.write('\n');
      this.written++;
    }
    this.out!.write(s);
    this.written += s.length;
  };

  private add(obj: unknown, out: Output, ctx: PrintContext): void {
    if (this.out !== out) {
      // Same printer, new destination: keep the remembered widths (watch streams may wrap stdout anew).
      this.writer?.flush();
      this.out = out;
      this.writer ??= new TabWriter(this.sink);
    }
    const groupKind = ctx.kind === undefined ? undefined : `${ctx.kind}.${ctx.group ?? ''}`;
    if (groupKind !== undefined && groupKind !== this.lastGroupKind) {
      this.writer!.flush();
      this.writer = new TabWriter(this.sink);
      if (this.lastGroupKind !== undefined && !this.opts.noHeaders && this.written > 0) this.separatorPending = true;
      this.lastGroupKind = groupKind;
    }
    if (isTable(obj)) this.addTable(structuredClone(obj), ctx);
    else this.addObjects(obj, ctx);
  }

  private withNamespace(ctx: PrintContext): boolean {
    return !!this.opts.allNamespaces && ctx.namespaced !== false;
  }

  private addTable(table: Table, ctx: PrintContext): void {
    let noHeaders = !!this.opts.noHeaders;
    const defs = table.columnDefinitions ?? [];
    if (this.printedHeaders && (defs.length === 0 || sameColumns(defs, this.lastColumns))) noHeaders = true;
    if (defs.length === 0) table.columnDefinitions = this.lastColumns ?? [];
    else if (!sameColumns(defs, this.lastColumns)) {
      this.lastColumns = defs;
      this.printedHeaders = false;
    }
    const rows = table.rows ?? [];
    if (rows.length > 0) this.printedHeaders = true;

    const { columns, cells } = this.decorate(table, ctx);
    const visible = columns.map((c) => !!this.opts.wide || !c.priority);
    const w = this.writer!;
    if (!noHeaders) {
      if (rows.length === 0) return;
      w.write(
        `${columns
          .filter((_, i) => visible[i])
          .map((c) => c.name.toUpperCase())
          .join('\t')}\n`,
      );
    }
    for (const rowCells of cells) {
      const parts: string[] = [];
      rowCells.forEach((cell, i) => {
        if (i >= columns.length || !visible[i]) return;
        parts.push(formatCell(cell));
      });
      w.write(`${parts.join('\t')}\n`);
    }
  }

  /** decorateTable: namespace, event type, kind prefix and label columns. */
  private decorate(table: Table, ctx: PrintContext): { columns: TableColumnDefinition[]; cells: unknown[][] } {
    const base = table.columnDefinitions ?? [];
    const columns: TableColumnDefinition[] = [];
    const withNs = this.withNamespace(ctx);
    const labelKeys = this.opts.labelColumns ?? [];
    const includeLabels = labelKeys.length > 0 || !!this.opts.showLabels;
    if (ctx.eventType) columns.push({ name: 'Event', type: 'string' });
    if (withNs) columns.push({ name: 'Namespace', type: 'string' });
    columns.push(...base);
    for (const key of labelKeys) columns.push({ name: labelColumnHeader(key), type: 'string' });
    if (this.opts.showLabels) columns.push({ name: 'Labels', type: 'string' });

    let nameColumn = -1;
    if (this.opts.showKind && ctx.kind) {
      nameColumn = base.findIndex((c) => c.format === 'name' && c.type === 'string');
    }
    const width = base.length + labelKeys.length + (withNs ? 1 : 0) + (this.opts.showLabels ? 1 : 0);
    const cells = (table.rows ?? []).map((row) => {
      const rowCells = [...(row.cells ?? [])];
      if (nameColumn >= 0 && nameColumn < rowCells.length) {
        rowCells[nameColumn] = `${kindPrefix(ctx.kind!, ctx.group)}/${formatCell(rowCells[nameColumn])}`;
      }
      const meta = metadataOf(row.object);
      let result: unknown[];
      if (!meta) {
        result = withNs ? [null, ...rowCells] : rowCells;
        if (includeLabels || withNs) while (result.length < width) result.push(null);
      } else {
        result = withNs ? [meta.namespace ?? '', ...rowCells] : rowCells;
        if (includeLabels) {
          while (result.length < (withNs ? 1 : 0) + base.length) result.push(null);
          const labels = isObject(meta.labels) ? meta.labels : {};
          for (const key of labelKeys) result.push(labels[key] ?? '');
          if (this.opts.showLabels) result.push(formatLabels(labels));
        }
      }
      if (ctx.eventType) result.unshift(EVENT_TYPES[ctx.eventType] ?? ctx.eventType);
      return result;
    });
    return { columns, cells };
  }

  /** The default handler: NAME and AGE for objects the server did not render as a Table. */
  private addObjects(obj: unknown, ctx: PrintContext): void {
    const items = isObject(obj) && Array.isArray(obj.items) ? obj.items : [obj];
    const now = (this.opts.now ?? Date.now)();
    const w = this.writer!;
    const includeHeaders = !this.lastDefaultHandler && !this.opts.noHeaders;
    this.lastDefaultHandler = true;
    if (includeHeaders) {
      const headers = ['NAME', 'AGE', ...(this.opts.labelColumns ?? []).map(labelColumnHeader)];
      if (this.opts.showLabels) headers.push('LABELS');
      if (this.withNamespace(ctx)) headers.unshift('NAMESPACE');
      if (ctx.eventType) headers.unshift('EVENT');
      w.write(`${headers.join('\t')}\n`);
    }
    for (const item of items) {
      const meta = metadataOf(item) ?? {};
      const parts: string[] = [];
      if (ctx.eventType) parts.push(EVENT_TYPES[ctx.eventType] ?? ctx.eventType);
      if (this.withNamespace(ctx)) parts.push(String(meta.namespace ?? ''));
      let name = String(meta.name ?? '');
      if (this.opts.showKind && ctx.kind) name = `${kindPrefix(ctx.kind, ctx.group)}/${name}`;
      parts.push(name, translateTimestampSince(meta.creationTimestamp, now));
      const labels = isObject(meta.labels) ? meta.labels : {};
      for (const key of this.opts.labelColumns ?? []) parts.push(String(labels[key] ?? ''));
      if (this.opts.showLabels) parts.push(formatLabels(labels));
      w.write(`${parts.join('\t')}\n`);
    }
  }
}
